"""The public view of an article: each shown field with its non-rejected personal data masked (same lengths)."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from articles.extract.pii import PersonalData as Found
from articles.extract.pii import mask_fragment, mask_personal_data
from articles.models import Article, PersonalData, RecordStatus

BYLINE_JOIN = "\n"  # byline names joined by this make the text that byline personal-data spans index into


@dataclass(frozen=True)
class PublicView:
    headline: str
    subheadline: str
    byline: list[str]
    text: str


def field_text(article: Article, field: str) -> str:
    """The original text of one shown field, as personal-data spans index into it."""
    if field == PersonalData.Field.BYLINE:
        return BYLINE_JOIN.join(article.byline)
    return getattr(article, field)


def shown_items(records) -> dict[str, list[Found]]:
    """Non-rejected personal-data records by field, as the masking function takes them."""
    by_field: dict[str, list[Found]] = {}
    for record in records:
        if record.status != RecordStatus.REJECTED:
            by_field.setdefault(record.field, []).append(Found(record.text, record.kind, record.start, record.end))
    return by_field


def public_view(article: Article, records) -> PublicView:
    """The article's fields as the public may see them, given its personal-data records (stale spans are skipped
    by the masking function, and any item's text is also masked wherever else it occurs in any field: a name found
    in the headline, 失主房秋实, is masked where the body says it again without a label)."""
    by_field = shown_items(records)
    everywhere = [item for items in by_field.values() for item in items]

    def masked(field: str) -> str:
        text, items = field_text(article, field), by_field.get(field, [])
        fitting = [item for item in items if text.startswith(item.text, item.start)]
        return mask_fragment(mask_personal_data(text, fitting), everywhere) if everywhere else text

    byline = masked(PersonalData.Field.BYLINE)
    return PublicView(
        headline=masked(PersonalData.Field.HEADLINE),
        subheadline=masked(PersonalData.Field.SUBHEADLINE),
        byline=byline.split(BYLINE_JOIN) if article.byline else [],
        text=masked(PersonalData.Field.TEXT),
    )


def public_fragment(fragment: str, records) -> str:
    """A piece of text cut from the article (a Q&A question joined from lines, a figure's sentence) with the
    article's non-rejected personal data masked wherever it occurs in it."""
    items = [item for items in shown_items(records).values() for item in items]
    return mask_fragment(fragment, items) if items else fragment



def fragment_masker(article_ids: Iterable[int]) -> Callable[[int, str], str]:
    """For many pieces of text cut from these articles (figures' spans and sentences in a list or a file): their
    non-rejected personal data read in one query, and a function masking a piece of one article's text as
    `public_fragment` does."""
    records: dict[int, list[PersonalData]] = {}
    ids = set(article_ids)
    if ids:
        for record in PersonalData.objects.filter(article_id__in=ids).exclude(status=RecordStatus.REJECTED):
            records.setdefault(record.article_id, []).append(record)

    def mask(article_id: int, fragment: str) -> str:
        return public_fragment(fragment, records[article_id]) if fragment and article_id in records else fragment

    return mask
