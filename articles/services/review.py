"""Editors' reviews of extracted records: confirm, reject, correct or add — never a silent delete.

Every record model (dates, regions, personal data, figures, programme mentions, Q&A) goes through these functions,
whether the editor works in the admin, the API or a command.
"""
from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import QuerySet
from django.utils import timezone

from articles.masking import field_text
from articles.models import Article, ExtractedRecord, RecordStatus
from articles.services.public_view import article_public_refresh

# Fields whose change by an editor makes a record "corrected" (everything else is bookkeeping).
BOOKKEEPING = {"status", "is_public", "reviewed_by", "reviewed_at", "needs_review", "extractor_version"}


def records_review(*, records: QuerySet, user, status: str) -> int:
    """Confirm or reject many records at once (admin bulk actions); returns how many changed."""
    if status not in (RecordStatus.CONFIRMED, RecordStatus.REJECTED):
        raise ValueError(f"a bulk review confirms or rejects, not {status!r}")
    changed = 0
    articles: set[int] = set()
    with transaction.atomic():
        records = records.select_for_update()
        history_baseline(records.model, records.values_list("pk", flat=True))
        for record in records:
            record.status = status
            record.reviewed_by = user
            record.reviewed_at = timezone.now()
            record.needs_review = False
            record._history_user = user  # django-simple-history: who made this change
            record.save()
            changed += 1
            articles.add(record.article_id)
        for article in Article.objects.filter(pk__in=articles):
            article_public_refresh(article=article)  # a rejected false positive is shown unmasked from now on
    return changed


def history_baseline(model: type[models.Model], pks) -> None:
    """Ingest writes records, programmes and indicators without history rows; before an editor's first change to one,
    its stored state is written as its first history row (by no user), so that its history shows what the editor
    changed."""
    pks = set(pks)
    if not pks:
        return
    missing = pks - set(model.history.filter(id__in=pks).values_list("id", flat=True).distinct())
    if missing:
        model.history.bulk_history_create(list(model.objects.filter(pk__in=missing)), default_user=None)


def save_without_history(instance: models.Model, **save_options) -> models.Model:
    """Save a row that ingest made or filled in by itself (a new programme or indicator, an issuer read from the
    text) without a history row: automatic writes leave no history; an editor's first change writes a baseline
    first (`history_baseline`)."""
    instance.skip_history_when_saving = True  # django-simple-history's switch, for this one save
    try:
        instance.save(**save_options)
    finally:
        del instance.skip_history_when_saving
    return instance


def record_span_check(record: ExtractedRecord) -> None:
    """The span must lie inside the text it indexes (the article text, or a personal datum's field); the record's
    text is taken from it when left empty."""
    text = field_text(record.article, getattr(record, "field", "text"))
    if not (0 <= record.start < record.end <= len(text)):
        raise ValidationError(f"位置 {record.start}–{record.end} 超出正文范围（0–{len(text)}）。")
    if not record.text:
        record.text = text[record.start : record.end][:255]
    elif not text.startswith(record.text, record.start):
        raise ValidationError(f"正文中第 {record.start} 个字符起不是“{record.text}”，而是“{text[record.start:record.end]}”。")


def record_save_by_editor(*, record: ExtractedRecord, user, changed_fields: list[str]) -> ExtractedRecord:
    """Save an editor's new or edited record: a changed value makes it `corrected` unless they chose a status."""
    record_span_check(record)
    adding = record.pk is None
    substantive = adding or bool(set(changed_fields) - BOOKKEEPING)
    if substantive and "status" not in changed_fields:
        record.status = RecordStatus.CORRECTED
    if adding and record.status == RecordStatus.AUTO:
        record.status = RecordStatus.CORRECTED
    if substantive or "status" in changed_fields:
        record.reviewed_by = user
        record.reviewed_at = timezone.now()
        record.needs_review = False
    record._history_user = user
    with transaction.atomic():
        if not adding:
            history_baseline(type(record), [record.pk])
        record.save()
        article_public_refresh(article=record.article)  # masked fields follow the editor's personal-data decision
    return record
