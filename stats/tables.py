"""Figures for /stats/, computed in SQL over bounded result sets: a page of rows, the per-indicator summary and the
series drawn as charts (capped in points), whatever the size of the selection."""
from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.contrib.postgres.aggregates import ArrayAgg
from django.core.paginator import Page
from django.db.models import Count, DateField, F, FloatField, Func, Max, Min, QuerySet, Window
from django.db.models.functions import RowNumber

from config.paging import CappedPaginator
from stats.models import Figure

# Columns read from the database, in the order of the figures table.
FIELDS = {
    "id": "id",
    "indicator": "indicator__name",
    "indicator_slug": "indicator__slug",
    "measure": "measure",
    "text": "text",
    "value": "value",
    "value_max": "value_max",
    "unit": "unit",
    "qualifier": "qualifier",
    "change": "change",
    "period": "period",
    "region": "region_text",
    "article_id": "article_id",
    "headline": "article__public_headline",
    "source": "article__source__name",
    "published_on": "article__issue_date",
}
YEAR_MONTH = r"((?:19|20)\d{2})年(?:(\d{1,2})月)?"  # the same pattern in Python (time_of) and PostgreSQL (FigureTime)
_YEAR_MONTH = re.compile(YEAR_MONTH)
MIN_SERIES_POINTS = 2
SUMMARY_ROWS = 30
MAX_SERIES_POINTS = 48  # a chart draws the latest points of a series; its caption gives the series' full size


def time_of(period: str | None, published_on: date | None) -> date | None:
    """When a figure holds: the year (and month) its period names, else the issue date."""
    match = _YEAR_MONTH.search(period or "")
    if match:
        year, month = int(match.group(1)), int(match.group(2) or 1)
        return date(year, month if 1 <= month <= 12 else 1, 1)
    return published_on


class FigureTime(Func):
    """SQL twin of `time_of` for a figure row: the first year (and month) its period names, else its issue date."""

    output_field = DateField()

    def __init__(self):
        super().__init__(F("period"), F("article__issue_date"))

    def as_sql(self, compiler, connection, **extra_context):
        (period, period_params), (published, published_params) = (compiler.compile(e) for e in self.get_source_expressions())
        sql = (
            f"(SELECT CASE WHEN m IS NULL THEN {published} ELSE make_date(m[1]::int, "
            f"CASE WHEN m[2]::int BETWEEN 1 AND 12 THEN m[2]::int ELSE 1 END, 1) END "
            f"FROM regexp_match({period}, %s) AS r(m))"
        )
        return sql, (*published_params, *period_params, YEAR_MONTH)


class First(Func):
    """The first element of an SQL array."""

    template = "(%(expressions)s)[1]"
    output_field = FloatField()


def figures_page(figures: QuerySet[Figure], number, per_page: int) -> Page:
    """One page of the selection (in its order), each figure a dict of FIELDS: a count and one LIMIT query."""
    page = CappedPaginator(figures.values_list(*FIELDS.values()), per_page).get_page(number)  # counts up to 10,000
    page.object_list = [dict(zip(FIELDS, row, strict=True)) for row in page.object_list]
    return page


def summary(figures: QuerySet[Figure], limit: int = SUMMARY_ROWS) -> list[dict]:
    """Per indicator and unit, the largest groups first: how many figures, smallest, largest and latest value (by
    the time it holds). One aggregate query returning at most `limit` rows; an unknown value stays unknown."""
    latest = First(ArrayAgg("value", order_by=(FigureTime().desc(nulls_last=True), "-id")))
    rows = (
        figures.filter(indicator__isnull=False)
        .order_by()
        .values("indicator__name", "indicator__slug", "unit")
        .annotate(count=Count("id"), min=Min("value"), max=Max("value"), latest=latest)
        .order_by("-count", "indicator__name", "unit")[:limit]
    )
    return [
        {"indicator": r["indicator__name"], "indicator_slug": r["indicator__slug"], "unit": r["unit"],
         "count": r["count"], "min": r["min"], "max": r["max"], "latest": r["latest"]}
        for r in rows
    ]


@dataclass
class Point:
    label: str
    value: float | None
    value_max: float | None
    when: date | None
    region: str
    citation: dict = field(default_factory=dict)


@dataclass
class Series:
    title: str
    slug: str
    unit: str
    axis: str  # "time": value over time; "region": bars by region (or by article when no region is named)
    points: list[Point]  # the latest MAX_SERIES_POINTS, in time order
    count: int = 0  # every figure of the series in the selection


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def build_series(
    figures: QuerySet[Figure], limit: int | None = None, max_points: int = MAX_SERIES_POINTS
) -> tuple[list[Series], int]:
    """Series of the figures grouped by indicator, those with at least two points, largest first, each with its
    latest `max_points` points. Returns (the first `limit` series, how many there are in all). Two queries: the
    groups (counted in SQL, with their number as a window) and the capped points (ranked in SQL)."""
    groups = (
        figures.filter(indicator__isnull=False)
        .order_by()
        .values("indicator_id", "indicator__slug")
        .annotate(n=Count("id"), groups=Window(Count("*")))
        .filter(n__gte=MIN_SERIES_POINTS)
        .order_by("-n", "indicator__slug")
    )
    top = list(groups[:limit] if limit else groups)
    if not top:
        return [], 0
    when = FigureTime()
    latest_first = Window(RowNumber(), partition_by=F("indicator_id"), order_by=[when.desc(nulls_last=True), F("id").desc()])
    rows = (
        figures.filter(indicator_id__in=[g["indicator_id"] for g in top])
        .annotate(when=when, rank=latest_first)
        .filter(rank__lte=max_points)
        .values_list(*FIELDS.values(), "when")
    )
    by_slug: dict[str, list[dict]] = defaultdict(list)
    for values in rows:
        row = dict(zip([*FIELDS, "when"], values, strict=True))
        by_slug[row["indicator_slug"]].append(row)
    series = []
    for group in top:
        rows_of = sorted(by_slug[group["indicator__slug"]], key=lambda r: (r["when"] is None, r["when"] or date.min, r["id"]))
        points = [_point(row) for row in rows_of]
        times = {p.when for p in points if p.when is not None}
        regions = {p.region for p in points if p.region}
        axis = "region" if len(times) < 2 or (len(times) < len(points) and len(regions) >= 2) else "time"
        first = rows_of[0]
        series.append(Series(first["indicator"], group["indicator__slug"], first["unit"], axis, points, group["n"]))
    return series, top[0]["groups"]


def _point(row: dict) -> Point:
    when = row["when"]
    label = row["region"] or (f"{row['period']} " if row["period"] else "") + (when.isoformat() if when else "日期未知")
    return Point(
        label=label.strip(),
        value=None if _missing(row["value"]) else float(row["value"]),
        value_max=None if _missing(row["value_max"]) else float(row["value_max"]),
        when=when,
        region=row["region"] or "",
        citation={
            "id": row["id"],
            "article_id": row["article_id"],
            "headline": row["headline"] or "（无标题）",
            "source": row["source"],
            "published_on": row["published_on"],
            "text": row["text"],
        },
    )
