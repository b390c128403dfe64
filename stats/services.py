"""Writes of the stats app: figures from the pipeline, grouped under indicators."""
from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from articles.models import Article
from articles.record_sync import RecordKind
from stats.indicators import indicator_key
from stats.models import Figure, Indicator

NOT_INDICATORS_TXT = Path(__file__).resolve().parent / "data" / "not_indicators.txt"


@functools.cache
def not_indicators() -> frozenset[str]:
    lines = NOT_INDICATORS_TXT.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def indicator_for(*, measure: str, unit: str, cache: dict) -> Indicator | None:
    """The Indicator a figure with this measure and unit belongs to (created on first use)."""
    if not measure:
        return None
    name, canonical_unit = indicator_key(measure, unit)
    if not name or name in not_indicators():
        return None
    key = ("indicator", name, canonical_unit)
    if key not in cache:
        digest = hashlib.sha1(f"{name}|{canonical_unit}".encode()).hexdigest()[:6]
        cache[key], _ = Indicator.objects.get_or_create(
            name=name[:120], unit=canonical_unit[:16],
            defaults={"slug": f"{slugify(name, allow_unicode=True)[:100]}-{digest}"},
        )
    return cache[key]


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
    }


FIGURES = RecordKind("figures", Figure, _figure_fields)


def indicator_merge(*, survivor: Indicator, others: list[Indicator]) -> None:
    """Move every figure of `others` to `survivor` and delete them."""
    with transaction.atomic():
        for other in others:
            if other.pk != survivor.pk:
                other.figures.update(indicator=survivor)
                other.delete()
