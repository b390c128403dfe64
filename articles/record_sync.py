"""Write an article's extracted records without losing an editor's work.

Re-parsing replaces only `auto` records. Corrected and confirmed records stay (re-anchored on their text if the
article text moved; flagged `needs_review` if their text is gone). Records an editor rejected are never created
again. A record is identified across parses by its kind-specific text and the occurrence of that text in the
article (the 2nd "京蒙" stays the 2nd "京蒙" even when a parser change shifts offsets).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import models

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
    replaced: int = 0  # auto records deleted because the parser no longer finds them
    updated: int = 0  # auto records kept (same id, span and text) with other fields rewritten
    unchanged: int = 0  # auto records found again exactly as stored
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
    """Sync one article's records of one kind (the editors' path: personal data looked for again after an edit)."""
    page_records_sync(articles=[article], kind=kind, items=[items], version=version, outcome=outcome, cache=cache)


def page_records_sync(
    *,
    articles: Sequence[Article],
    kind: RecordKind,
    items: Sequence[Iterable[Any]],
    version: str,
    outcome: SyncOutcome,
    cache: dict,
    stored: bool = True,
) -> None:
    """Bring the page's records of one kind in line with `items` (one iterable per article), keeping every editor
    decision, in at most four statements whatever the number of records: one SELECT, one DELETE of the auto records
    that vanished, one UPDATE of those whose span and text are unchanged but whose other fields moved, one INSERT.

    An auto record whose (start, end, text) the parser finds again keeps its row and id. The parser's own writes make
    no history rows (history is for editors); re-anchoring an editor's record is saved with history as before.
    `stored=False` says the articles were created just now: they have no records, and none is read.
    """
    by_article: dict[int, list] = {}
    if stored:
        for record in kind.model.objects.filter(article__in=[a.pk for a in articles], **dict(kind.scope)):
            by_article.setdefault(record.article_id, []).append(record)
    to_create: list = []
    to_update: list = []
    to_delete: list[int] = []
    changed_fields: set[str] = set()
    for article, article_items in zip(articles, items, strict=True):
        existing = by_article.get(article.pk, [])
        text = kind.text_of(article) if kind.text_of else article.text
        protected: set[tuple[str, int]] = set()
        autos: dict[tuple[int, int, str], list] = {}
        for record in existing:
            if record.status == RecordStatus.AUTO:
                autos.setdefault((record.start, record.end, record.text), []).append(record)
                continue
            identity = _reanchor(record, text, outcome) if record.status in KEPT else _identity_of_stored(record, text)
            if identity is not None:
                protected.add(identity)
        for item in article_items:
            if kind.owns is not None and not kind.owns(item):
                continue
            values = kind.fields(item, article, cache)
            if _identity(text, values["text"], values["start"]) in protected:
                outcome.suppressed += 1
                continue
            values["extractor_version"] = version
            same_span = autos.get((values["start"], values["end"], values["text"]))
            if same_span:
                record = same_span.pop()
                moved = [name for name, value in values.items() if _differs(record, name, value)]
                if moved:
                    for name in moved:
                        setattr(record, name, values[name])
                    changed_fields.update(moved)
                    to_update.append(record)
                else:
                    outcome.unchanged += 1
                continue
            to_create.append(kind.model(article=article, status=RecordStatus.AUTO, **values))
        to_delete.extend(record.pk for records in autos.values() for record in records)
    if to_delete:
        # A raw DELETE: no per-row signals, so no "deleted" history row for what only the parser ever wrote.
        kind.model.objects.filter(pk__in=to_delete)._raw_delete(kind.model.objects.db)
    if to_update:
        kind.model.objects.bulk_update(to_update, sorted(changed_fields))
    if to_create:
        kind.model.objects.bulk_create(to_create)  # no history: the parser's output is the page, not an edit
    outcome.replaced += len(to_delete)
    outcome.updated += len(to_update)
    outcome.created += len(to_create)
    outcome.by_kind[kind.name] = outcome.by_kind.get(kind.name, 0) + len(to_create) + len(to_update)


def _differs(record, name: str, value: Any) -> bool:
    """Whether the stored field differs from the value `kind.fields` gives (a foreign key compared by id: no fetch)."""
    field = record._meta.get_field(name)
    if field.is_relation and name != field.attname:
        return getattr(record, field.attname) != (value.pk if value is not None else None)
    return getattr(record, name) != value


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
