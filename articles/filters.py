"""The one filter layer: list parameters shared by the site's list pages, the API lists and the exports.

`ListFilters` validates query parameters (a bad one names itself and says why); `filter_articles` and the
per-app functions (`stats.filters`, `policies.filters`) turn them into querysets.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from django.db.models import Exists, OuterRef, Q, QuerySet
from ninja import Field, Schema
from pydantic import BeforeValidator, ValidationError, field_validator, model_validator

from articles.models import Article, RecordStatus, Region, RegionMention

PUBLIC_STATUSES = [RecordStatus.AUTO, RecordStatus.CORRECTED, RecordStatus.CONFIRMED]
# A programme's public mention in one version of each story (a reprint is not counted again; as
# RecordQuerySet.originals), for counting a programme's articles from the programme side.
PUBLIC_PROGRAM_MENTION = Q(mentions__status__in=PUBLIC_STATUSES, mentions__is_public=True, mentions__article__is_public=True) & (
    Q(mentions__article__duplicate_of__isnull=True) | Q(mentions__article__duplicate_of__is_public=False)
)


class InvalidFilter(ValueError):
    """A list parameter that cannot be used; `param` names it and the message says why.

    `message` is English (the API's error shape); `reader_message` is the Chinese sentence the site shows readers.
    """

    def __init__(self, param: str, message: str, reader_message: str | None = None):
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message
        self.reader_message = reader_message or message

    @property
    def label(self) -> str:
        """The parameter as the site's filter form names it (起始日期 for date_from)."""
        return PARAM_LABELS.get(self.param, self.param)


PARAM_LABELS = {
    "q": "关键词",
    "region": "地区",
    "date_from": "起始日期",
    "date_to": "截止日期",
    "program": "政策项目",
    "topic": "主题",
    "kind": "体裁",
    "column": "栏目",
    "measure": "指标",
    "unit": "单位",
    "status": "状态",
    "program_kind": "项目类型",
    "period": "时期类型",
    "change": "变化或水平",
    "cursor": "翻页位置",
}

# A figure's period kind (stats.models.PeriodKind) and whether it is a change or a level (figure lists only).
PERIOD_KINDS = ("year", "half", "quarter", "month", "to-date", "point")
CHANGE_OR_LEVEL = ("change", "level")


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _iso_date(value):
    """Only a calendar date written YYYY-MM-DD: pydantic alone reads a bare number as a Unix timestamp
    (date_to=0 became 1970-01-01) and explains other junk in its own terms."""
    if isinstance(value, date) or value is None:
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a calendar date") from None
    raise ValueError(f"must be a date written YYYY-MM-DD, not {value!r}")


IsoDate = Annotated[date, BeforeValidator(_iso_date)]


class ListFilters(Schema):
    """The list filters shared by the site's list pages, the API lists and the exports."""

    q: str | None = Field(None, max_length=100, description="full-text query (Chinese words are segmented)", examples=["医保"])
    region: str | None = Field(
        None, pattern=r"^\d{6}$", description="GB/T 2260 code; includes every division below it", examples=["150000"]
    )
    date_from: IsoDate | None = Field(None, description="issue date on or after (YYYY-MM-DD)", examples=["2025-01-01"])
    date_to: IsoDate | None = Field(None, description="issue date on or before (YYYY-MM-DD)", examples=["2026-12-31"])
    program: str | None = Field(None, max_length=80, description="programme slug", examples=["助康工程-1a2b3c"])
    topic: str | None = Field(None, max_length=32, description="topic slug", examples=["insurance"])
    kind: str | None = Field(None, description="article kind", examples=["news"])
    column: str | None = Field(None, max_length=32, description="section label", examples=["民声"])
    measure: str | None = Field(None, max_length=120, description="indicator slug or words of the measure", examples=["就业"])
    unit: str | None = Field(None, max_length=16, description="unit or counter of figures", examples=["元"])
    status: str | None = Field(None, description="record status: auto, corrected or confirmed", examples=["confirmed"])
    period: str | None = Field(
        None, description=f"kind of period a figure measures, one of: {', '.join(PERIOD_KINDS)}", examples=["year"]
    )
    change: str | None = Field(None, description="change: changes (增长/下降 …) only; level: levels only", examples=["level"])

    @field_validator("q", "program", "topic", "column", "measure", "unit", "kind", "status", "period", "change",
                     mode="before")
    @classmethod
    def _blank_is_none(cls, value):
        return value.strip() or None if isinstance(value, str) else value

    @field_validator("kind", "period", "change", "status")
    @classmethod
    def _one_of_the_values(cls, value, info):
        allowed = {"kind": Article.Kind.values, "period": PERIOD_KINDS, "change": CHANGE_OR_LEVEL,
                   "status": PUBLIC_STATUSES}[info.field_name]
        if value is not None and value not in allowed:
            raise ValueError(f"must be one of {', '.join(allowed)}")
        return value

    @model_validator(mode="after")
    def _ordered_dates(self):
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError("date_from is after date_to")
        return self


def parse_filters(params) -> ListFilters:
    """ListFilters from a QueryDict or dict (the site's pages and the API's lists): raises InvalidFilter naming the
    first bad parameter, with a Chinese `reader_message` for the site, including a region code that names no
    division and a NUL character, which PostgreSQL cannot compare (the site's middleware and the API's refuse it
    first; this keeps any caller safe)."""
    data = {key: params.get(key) for key in ListFilters.model_fields if params.get(key) not in (None, "")}
    for key, value in data.items():
        if isinstance(value, str) and "\x00" in value:
            raise InvalidFilter(key, "contains a NUL character", "含有 NUL 字符（%00）")
    try:
        filters = ListFilters.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        param = str(first["loc"][0]) if first["loc"] else "date_from"
        message = first["msg"].removeprefix("Value error, ")
        raise InvalidFilter(param, message, _reader_message(param, first)) from None
    if filters.region:
        region_prefix(filters.region)  # an unknown code is refused here, before any view builds a queryset
    return filters


def _reader_message(param: str, error: dict) -> str:
    """The Chinese reason for one pydantic error of ListFilters."""
    kind = error["type"]
    if not error["loc"]:  # the one check across fields
        return "起始日期晚于截止日期"
    if param in ("date_from", "date_to"):
        return "日期格式应为 YYYY-MM-DD（例如 2025-11-24）"
    if param == "region":
        return "地区代码应为六位数字（例如 150000）"
    if kind == "string_too_long":
        return f"最长 {error['ctx']['max_length']} 个字"
    if param == "kind":
        return "应为以下体裁之一：" + "、".join(f"{label}（{value}）" for value, label in Article.Kind.choices)
    if param == "period":
        return "应为以下时期类型之一：" + "、".join(PERIOD_KINDS)
    if param == "change":
        return "应为 change（变化量）或 level（水平）"
    if param == "status":
        return "应为以下状态之一：" + "、".join(f"{RecordStatus(value).label}（{value}）" for value in PUBLIC_STATUSES)
    return "取值无效"


def region_prefix(code: str) -> str:
    """Codes below a division share its prefix: 15 for a province, 1501 for a prefecture, the code for a county."""
    region = Region.objects.filter(code=code).only("level").first()
    if region is None:
        raise InvalidFilter("region", f"{code} is not a known division code", f"没有代码为 {code} 的行政区划")
    return {"province": code[:2], "prefecture": code[:4]}.get(region.level, code)


def mentions_region(code: str, article_field: str = "pk") -> Exists:
    """An Exists() for rows whose article names the region or anything below it in a public, unrejected mention
    (a mention an editor hid no longer selects its article)."""
    prefix = region_prefix(code)
    return Exists(
        RegionMention.objects.filter(
            article_id=OuterRef(article_field), region__code__startswith=prefix, status__in=PUBLIC_STATUSES, is_public=True
        )
    )


def filter_articles(articles: QuerySet[Article], filters: ListFilters) -> QuerySet[Article]:
    if filters.region:
        articles = articles.filter(mentions_region(filters.region))
    if filters.date_from:
        articles = articles.filter(issue_date__gte=filters.date_from)
    if filters.date_to:
        articles = articles.filter(issue_date__lte=filters.date_to)
    if filters.topic:
        articles = articles.filter(topics__slug=filters.topic)
    if filters.kind:
        articles = articles.filter(kind=filters.kind)
    if filters.column:
        articles = articles.filter(column=filters.column)
    if filters.program:
        from policies.models import ProgramMention

        mentions = ProgramMention.objects.filter(
            article_id=OuterRef("pk"),
            program__slug=filters.program,
            program__is_public=True,
            status__in=PUBLIC_STATUSES,
            is_public=True,
        )
        articles = articles.filter(Exists(mentions))
    return articles


def filter_dates(mentions: QuerySet, filters: ListFilters) -> QuerySet:
    """Date mentions whose article matches the article filters; `date_from`/`date_to` select the mentions whose
    range overlaps that period (an open end overlaps everything on its side); `status` and `q` (words of the
    mention's text) on top. Used by /api/v1/dates."""
    article_filters = filters.model_copy(update={"date_from": None, "date_to": None, "q": None, "status": None})
    if any(getattr(article_filters, name) for name in ("region", "topic", "kind", "column", "program")):
        mentions = mentions.filter(article__in=filter_articles(Article.objects.all(), article_filters).values("pk"))
    if filters.date_from:
        mentions = mentions.filter(Q(end_date__gte=filters.date_from) | Q(end_date__isnull=True, start_date__isnull=False))
    if filters.date_to:
        mentions = mentions.filter(Q(start_date__lte=filters.date_to) | Q(start_date__isnull=True, end_date__isnull=False))
    if filters.status:
        mentions = mentions.filter(status=filters.status)
    for word in (filters.q or "").split():
        mentions = mentions.filter(text__icontains=word)
    return mentions
