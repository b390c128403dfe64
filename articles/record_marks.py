"""Marks for highlighting: every record of an article as a (span, kind, normalised value) triple."""
from __future__ import annotations

from django.urls import reverse

from articles.highlight import Mark, anchor_id
from articles.models import Article, RecordStatus


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.4g}"


def figure_title(figure) -> str:
    value = _number(figure.value) + (f"–{_number(figure.value_max)}" if figure.value_max is not None else "")
    parts = [f"{value} {figure.unit}", figure.qualifier, figure.change, figure.measure]
    return " · ".join(p for p in parts if p)


def _validity(start, end) -> str:
    return f"有效期 {start or '…'} 至 {end or '…'}" if start or end else ""


def article_marks(article: Article, *, public: bool) -> list[Mark]:
    """Marks for all records of an article; `public` leaves out rejected/hidden records and personal data."""

    def records(manager):
        rows = manager.all()
        return [r for r in rows if r.status != RecordStatus.REJECTED and r.is_public] if public else list(rows)

    marks: list[Mark] = []
    for f in records(article.figures):
        marks.append(Mark(f.start, f.end, "figure", figure_title(f), f.pk))
    for d in records(article.dates):
        marks.append(Mark(d.start, d.end, "date", f"{d.start_date or '…'} 至 {d.end_date or '…'}", d.pk))
    for r in records(article.regions):
        href = reverse("region", args=[r.region_id]) if public and r.region_id else ""
        marks.append(Mark(r.start, r.end, "region", f"{r.name} {r.region_id or ''}".strip(), r.pk, href))
    for p in records(article.programs):
        href = p.program.get_absolute_url() if public and p.program_id and p.program.is_public else ""
        marks.append(Mark(p.start, p.end, "program", f"{p.get_kind_display()}：{p.name}", p.pk, href))
    for w in records(article.documents):
        stated = [w.issuer, f"{w.issued_on} 发布" if w.issued_on else "", _validity(w.valid_from, w.valid_to)]
        marks.append(Mark(w.start, w.end, "document", " · ".join(p for p in [f"《{w.title}》", *stated] if p), w.pk))
    for q in records(article.qa_pairs):
        marks.append(Mark(q.start, q.start + len(q.text), "qa", "问答", q.pk))
    if not public:
        for item in article.personal_data.all():
            if item.field != "text":
                continue  # marks are drawn on the article text only
            marks.append(Mark(item.start, item.end, "pii", item.get_kind_display(), item.pk))
    return marks


def record_url(kind: str, record) -> str:
    """The public URL of a record: its article's page at the record's anchor (`/articles/4/#f-77`)."""
    return f"{reverse('articles:detail', args=[record.article_id])}#{anchor_id(kind, record.pk)}"
