"""Writes of the stats app: figures from the pipeline, grouped under indicators."""
from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable
from pathlib import Path

from django.db import IntegrityError, transaction

from articles.models import Article, Region
from articles.record_sync import RecordKind
from articles.services.review import history_baseline, save_without_history
from articles.summaries import archive_changed
from stats.indicators import indicator_key
from stats.models import Figure, Indicator

NOT_INDICATORS_TXT = Path(__file__).resolve().parent / "data" / "not_indicators.txt"


@functools.cache
def not_indicators() -> frozenset[str]:
    lines = NOT_INDICATORS_TXT.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def indicator_for(*, measure: str, unit: str, cache: dict) -> Indicator | None:
    """The Indicator a figure with this measure and unit belongs to (created on first use).

    Found by its key (the canonical measure and unit it was created for), never by its name, so an editor's rename or
    merge does not make the next ingest create a second indicator — or fail on the first one's slug.
    """
    found = _key_of(measure, unit)
    if found is None:
        return None
    key, name, canonical_unit = found
    if ("indicator", key) not in cache:
        absent = cache.pop(("indicator_absent", key), False)  # looked for by `indicators_preload`: create it
        cache[("indicator", key)] = _indicator_by_key(key, name, canonical_unit, look=not absent)
    return cache[("indicator", key)]


def indicators_preload(*, pairs: Iterable[tuple[str, str]], cache: dict) -> None:
    """Put the indicators of these (measure, unit) pairs that already exist in `cache`, in one query, so that
    `indicator_for` only goes to the database for the ones to create; the keys no indicator has, not even among its
    merged keys (one more query), are marked so that `indicator_for` creates them without looking again."""
    keys = {found[0] for measure, unit in pairs if (found := _key_of(measure, unit)) is not None}
    for indicator in Indicator.objects.filter(key__in=keys):
        cache[("indicator", indicator.key)] = indicator
    missing = sorted(key for key in keys if ("indicator", key) not in cache)
    if not missing or Indicator.objects.filter(key__isnull=True).exists():
        return  # indicators created before keys were stored are found by name or slug, one by one
    merged = {key for row in Indicator.objects.filter(merged_keys__overlap=missing).values_list("merged_keys", flat=True)
              for key in row}
    for key in missing:
        if key not in merged:
            cache[("indicator_absent", key)] = True


def _key_of(measure: str, unit: str) -> tuple[str, str, str] | None:
    """(key, name, canonical unit) of the indicator a measure and unit belong to; None when they are no indicator."""
    if not measure:
        return None
    name, canonical_unit = indicator_key(measure, unit)
    if not name or name in not_indicators():
        return None
    return f"{name[:120]}|{canonical_unit[:16]}", name[:120], canonical_unit[:16]


def _indicator_by_key(key: str, name: str, unit: str, *, look: bool = True) -> Indicator:
    digest = hashlib.sha1(f"{name}|{unit}".encode()).hexdigest()
    slug = Indicator.slug_for(name, digest[:6])
    found = _indicator_find(key, name, unit, slug) if look else None
    if found is not None:
        return found
    try:
        with transaction.atomic():  # a savepoint: another ingest may create the same indicator at the same moment
            return save_without_history(Indicator(key=key, name=name, unit=unit, slug=slug), force_insert=True)
    except IntegrityError:
        pass
    found = _indicator_find(key, name, unit, slug)
    if found is not None:
        return found
    # The name or slug is taken by an indicator an editor renamed to it: the name is theirs, the measure joins it.
    taken = Indicator.objects.filter(name=name, unit=unit).first()
    if taken is not None:
        Indicator.objects.filter(pk=taken.pk).update(merged_keys=[*taken.merged_keys, key])
        return taken
    with transaction.atomic():
        indicator = Indicator(key=key, name=name, unit=unit, slug=f"{slug[:-6]}-{digest[:16]}")
        return save_without_history(indicator, force_insert=True)


def _indicator_find(key: str, name: str, unit: str, slug: str) -> Indicator | None:
    found = Indicator.objects.filter(key=key).first() or Indicator.objects.filter(merged_keys__contains=[key]).first()
    if found is None:
        # Indicators created before keys were stored: by the name they were created with, or their unchanged slug.
        legacy = Indicator.objects.filter(key__isnull=True)
        found = legacy.filter(name=name, unit=unit).first() or legacy.filter(slug=slug).first()
        if found is not None:
            found.key = key
            Indicator.objects.filter(pk=found.pk).update(key=key)
    return found


def _figure_fields(figure, article: Article, cache: dict) -> dict:
    return {
        "text": figure.text[:255],
        "start": figure.start,
        "end": figure.end,
        "value": figure.value,
        "value_max": figure.value_max,
        "unit": figure.unit[:16],
        "qualifier": (figure.qualifier or "")[:8],
        "measure": (figure.measure or "")[:120],
        "change": (figure.change or "")[:16],
        "period": (getattr(figure, "period", None) or "")[:64],
        "region_text": (getattr(figure, "region_text", None) or "")[:64],
        "indicator": indicator_for(measure=figure.measure or "", unit=figure.unit, cache=cache),
        "region_code": (getattr(figure, "region_code", None) or "")[:6],
        "region_id": _region_id(getattr(figure, "region_code", None), cache),
        "period_start": getattr(figure, "period_start", None),
        "period_end": getattr(figure, "period_end", None),
        "period_kind": getattr(figure, "period_kind", None) or "",
        "program": _program(getattr(figure, "program", None), getattr(figure, "program_kind", None), cache),
        "is_change": bool(getattr(figure, "is_change", False)),
        "sentence": getattr(figure, "sentence", None) or "",
    }


def _region_id(code: str | None, cache: dict) -> str | None:
    """The division a figure describes (None for the whole country, 000000, and for codes the gazetteer lacks): from
    the page's set of gazetteer codes when the ingest put it in the cache, else one query per code."""
    if not code:
        return None
    if "region_codes" in cache:
        return code if code in cache["region_codes"] else None
    if ("region", code) not in cache:
        cache[("region", code)] = Region.objects.filter(code=code).values_list("code", flat=True).first()
    return cache[("region", code)]


def _program(name: str | None, kind: str | None, cache: dict):
    """The programme a figure counts: the one its article's mention of that name links to (same key, same cache)."""
    if not name:
        return None
    from policies.services import program_for  # the one write path of programmes

    return program_for(name=name, kind=kind or "program", surface=name, cache=cache)


FIGURES = RecordKind("figures", Figure, _figure_fields)


def indicator_save_by_editor(*, indicator: Indicator, user) -> Indicator:
    """Save an editor's change to an indicator (name, visibility, featured), with history: what ingest made is written
    first as a baseline; the cached pages that name it change at once."""
    if indicator.pk:
        history_baseline(Indicator, [indicator.pk])
    indicator._history_user = user  # django-simple-history: who made this change
    indicator.save()
    archive_changed()
    return indicator


def indicator_merge(*, survivor: Indicator, others: list[Indicator]) -> None:
    """Move every figure of `others` to `survivor` and delete them; their keys stay with `survivor`, so a later
    ingest that meets their measures files the figures under it."""
    with transaction.atomic():
        history_baseline(Indicator, [survivor.pk, *(other.pk for other in others)])  # the merge's before, in history
        keys = list(survivor.merged_keys)
        for other in others:
            if other.pk == survivor.pk:
                continue
            other.figures.update(indicator=survivor)
            keys.extend(k for k in [other.key, *other.merged_keys] if k and k not in keys and k != survivor.key)
            other.delete()
        survivor.merged_keys = keys
        survivor.save(update_fields=["merged_keys"])
        archive_changed()  # /stats/ choices, its overview and the home page's figures name the survivor now
