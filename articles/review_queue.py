"""The editors' review queue on the admin index: what needs review, by record type, and the newest articles with
automatic records nobody has reviewed yet. Bounded: a count query per type and one query for the articles."""
from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse

from articles.models import Article, DateMention, PersonalData, RecordStatus, RegionMention
from policies.models import PolicyDocument, ProgramMention, QAPair
from stats.models import Figure

# Record model → (label, admin URL name of its list)
RECORD_TYPES = [
    (Figure, "数据", "admin:stats_figure_changelist"),
    (ProgramMention, "政策提及", "admin:policies_programmention_changelist"),
    (PolicyDocument, "政策文件", "admin:policies_policydocument_changelist"),
    (QAPair, "问答", "admin:policies_qapair_changelist"),
    (DateMention, "日期", "admin:articles_datemention_changelist"),
    (RegionMention, "地区", "admin:articles_regionmention_changelist"),
    (PersonalData, "个人信息", "admin:articles_personaldata_changelist"),
]
QUEUE_ARTICLES = 15


@dataclass
class TypeCounts:
    label: str
    needs_review: int
    needs_review_url: str
    auto: int
    auto_url: str


def type_counts() -> list[TypeCounts]:
    """Per record type: records flagged for review (a re-parse lost their text) and automatic records not yet
    reviewed, with the admin lists filtered to them. One query per type."""
    rows = []
    for model, label, url_name in RECORD_TYPES:
        counts = model.objects.aggregate(
            flagged=Count("pk", filter=Q(needs_review=True)), auto=Count("pk", filter=Q(status=RecordStatus.AUTO))
        )
        url = reverse(url_name)
        rows.append(TypeCounts(label, counts["flagged"], f"{url}?needs_review__exact=1", counts["auto"], f"{url}?status__exact=auto"))
    return rows


def _unreviewed(model) -> Subquery:
    counted = model.objects.filter(article=OuterRef("pk"), status=RecordStatus.AUTO).order_by().values("article")
    return Coalesce(Subquery(counted.annotate(n=Count("pk")).values("n")[:1], output_field=IntegerField()), 0)


def articles_to_review(limit: int = QUEUE_ARTICLES) -> list[Article]:
    """The newest articles (by ingest) with automatic records nobody has reviewed, each with `unreviewed` (how many)
    and `flagged` (records needing review). One query; page files and texts are not read."""
    any_auto = [Exists(model.objects.filter(article=OuterRef("pk"), status=RecordStatus.AUTO)) for model, _, _ in RECORD_TYPES]
    condition = any_auto[0]
    for other in any_auto[1:]:
        condition |= other
    unreviewed = sum((_unreviewed(model) for model, _, _ in RECORD_TYPES[1:]), _unreviewed(RECORD_TYPES[0][0]))
    flagged = [Exists(model.objects.filter(article=OuterRef("pk"), needs_review=True)) for model, _, _ in RECORD_TYPES]
    any_flagged = flagged[0]
    for other in flagged[1:]:
        any_flagged |= other
    return list(
        Article.objects.headlines()
        .filter(condition)
        .annotate(unreviewed=unreviewed, flagged=any_flagged)
        .order_by("-flagged", "-source__ingested_at", "source_id", "position")[:limit]
    )
