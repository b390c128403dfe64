"""Write an article's extracted records without losing an editor's work.

Re-parsing replaces only `auto` records. Corrected and confirmed records stay (re-anchored on their text if the
article text moved; flagged `needs_review` if their text is gone). Records an editor rejected are never created
again. A record is identified across parses by its kind-specific text and the occurrence of that text in the
article (the 2nd "京蒙" stays the 2nd "京蒙" even when a parser change shifts offsets).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from simple_history.utils import bulk_create_with_history

from articles.models import Article, RecordStatus

KEPT = (RecordStatus.CORRECTED, RecordStatus.CONFIRMED)


@dataclass(frozen=True)
class RecordKind:
    """How one kind of extracted dataclass becomes rows of one model."""

    name: str
    model: type[models.Model]
    # dataclass, article, per-page lookup cache → model fields (text, start, end and the kind's own fields)
    fields: Callable[[Any, Article, dict], dict[str, Any]]
    # Records whose spans index into another shown field than the article text (personal data in a headline): the
    # rows this kind owns (model field lookups), the text their spans point into, and which items are theirs.
    scope: tuple[tuple[str, Any], ...] = ()
    text_of: Callable[[Article], str] | None = None
    owns: Callable[[Any], bool] | None = None


@dataclass
class SyncOutcome:
    created: int = 0
    replaced: int = 0
    kept: int = 0
    flagged: int = 0
    suppressed: int = 0  # auto records not created because an editor rejected them
    by_kind: dict[str, int] = field(default_factory=dict)


def occurrence(text: str, needle: str, start: int) -> int:
    """Which occurrence of `needle` in `text` starts at `start` (0 for the first)."""
    return text.count(needle, 0, start) if needle else 0


def locate(text: str, needle: str, nth: int) -> int | None:
    """Start offset of the nth occurrence of needle in text, or None."""
    position = -1
    for _ in range(nth + 1):
        position = text.find(needle, position + 1)
        if position < 0:
            return None
    return position


def _nearest(text: str, needle: str, near: int) -> int | None:
    """The occurrence of needle in text closest to offset `near`, or None."""
    best = None
    position = text.find(needle)
    while position >= 0 and needle:
        if best is None or abs(position - near) < abs(best - near):
            best = position
        position = text.find(needle, position + 1)
    return best


def _identity(text: str, needle: str, start: int) -> tuple[str, int]:
    return needle, occurrence(text, needle, start)


def records_sync(
    *, article: Article, kind: RecordKind, items: Iterable[Any], version: str, outcome: SyncOutcome, cache: dict
) -> None:
    """Replace the article's auto records of one kind by `items`, keeping every editor decision."""
    existing = list(kind.model.objects.filter(article=article, **dict(kind.scope)))
    text = kind.text_of(article) if kind.text_of else article.text
    protected: set[tuple[str, int]] = set()
    for record in existing:
        if record.status == RecordStatus.AUTO:
            continue
        identity = _reanchor(record, text, outcome) if record.status in KEPT else _identity_of_stored(record, text)
        if identity is not None:
            protected.add(identity)
    auto_ids = [record.pk for record in existing if record.status == RecordStatus.AUTO]
    outcome.replaced += len(auto_ids)
    kind.model.objects.filter(pk__in=auto_ids).delete()

    rows = []
    for item in items:
        if kind.owns is not None and not kind.owns(item):
            continue
        values = kind.fields(item, article, cache)
        if _identity(text, values["text"], values["start"]) in protected:
            outcome.suppressed += 1
            continue
        rows.append(kind.model(article=article, extractor_version=version, status=RecordStatus.AUTO, **values))
    bulk_create_with_history(rows, kind.model)  # history starts with what the parser wrote
    outcome.created += len(rows)
    outcome.by_kind[kind.name] = outcome.by_kind.get(kind.name, 0) + len(rows)


def _identity_of_stored(record, text: str) -> tuple[str, int] | None:
    """A rejected record's identity, re-anchored like a kept record so that its span never goes stale: at its stored
    span when that still holds its text, else at the nearest occurrence (None when the text is gone)."""
    if text.startswith(record.text, record.start):
        return _identity(text, record.text, record.start)
    start = _nearest(text, record.text, record.start)
    if start is None:
        return None
    record.start, record.end = start, start + (record.end - record.start)
    record.save(update_fields=["start", "end"])
    return _identity(text, record.text, start)


def _reanchor(record, text: str, outcome: SyncOutcome) -> tuple[str, int] | None:
    """Keep a corrected/confirmed record pointing at its text; flag it for review when its text is gone."""
    outcome.kept += 1
    if text.startswith(record.text, record.start):
        if record.needs_review:
            record.needs_review = False
            record.save(update_fields=["needs_review"])
        return _identity(text, record.text, record.start)
    start = _nearest(text, record.text, record.start)
    if start is None:
        outcome.flagged += 1
        if not record.needs_review:
            record.needs_review = True
            record.save(update_fields=["needs_review"])
        return None
    record.start, record.end, record.needs_review = start, start + (record.end - record.start), False
    record.save(update_fields=["start", "end", "needs_review"])
    return _identity(text, record.text, start)
