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
from django.db.models import Count, DateField, F, FloatField, Func, Max, Min, Q, QuerySet, Window
from django.db.models.functions import Coalesce, RowNumber

from articles.masking import fragment_masker
from config.paging import CappedPaginator
from stats.charts import chart_colours
from stats.models import Figure, PeriodKind

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
    # What the figure is about (issue 14).
    "region_code": "region_code",
    "region_name": "region__name",
    "period_start": "period_start",
    "period_end": "period_end",
    "period_kind": "period_kind",
    "is_change": "is_change",
    "program_name": "program__name",
    "program_slug": "program__slug",
    "program_public": "program__is_public",
    "sentence": "sentence",
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


# Text cut from the article: shown with the article's personal data masked, as the API and the files show it.
MASKED_FIELDS = ("text", "sentence")


def _masked(rows: list[dict]) -> list[dict]:
    """The rows with their text and sentence masked by their articles' personal data (one query)."""
    mask = fragment_masker(row["article_id"] for row in rows)
    for row in rows:
        for name in MASKED_FIELDS:
            row[name] = mask(row["article_id"], row[name])
    return rows


def figures_page(figures: QuerySet[Figure], number, per_page: int, known_count: int | None = None) -> Page:
    """One page of the selection (in its order), each figure a dict of FIELDS: a count (unless `known_count` gives
    it), one LIMIT query and one for the page's personal data (its text and sentence are shown masked)."""
    page = CappedPaginator(figures.values_list(*FIELDS.values()), per_page, known_count=known_count).get_page(number)  # counts up to 10,000
    page.object_list = _masked([dict(zip(FIELDS, row, strict=True)) for row in page.object_list])
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
    """Figures that compare like with like: one indicator (canonical measure and unit), one region, one kind of
    period, and either changes or levels — never a mix."""

    title: str
    slug: str
    unit: str
    axis: str  # "time": value over time; "region": bars by source when the points share one time
    points: list[Point]  # the latest MAX_SERIES_POINTS, in time order
    count: int = 0  # every figure of the series in the selection
    region_code: str = ""
    region_name: str = ""  # 全国 for 000000; empty when the figures' region cannot be told
    period_kind: str = ""
    is_change: bool = False
    colour: str = ""  # its region's colour in its chart (charts_of gives each region of a chart its own)

    @property
    def label(self) -> str:
        """What the series holds beyond its indicator: 包头市 · 年度 · 变化."""
        kind = dict(PeriodKind.choices).get(self.period_kind, "时期不明")
        return " · ".join(part for part in (self.region_name or "地区不明", kind, "变化" if self.is_change else "水平"))


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


SERIES_KEY = ("indicator_id", "region_code", "period_kind", "is_change")


def build_series(
    figures: QuerySet[Figure], limit: int | None = None, max_points: int = MAX_SERIES_POINTS
) -> tuple[list[Series], int]:
    """Series of the figures grouped by indicator, own region, period kind and change-or-level, those with at least
    two points, largest first, each with its latest `max_points` points (by the end of the period they measure,
    else the time their period text or issue names). Returns (the first `limit` series, how many there are in all).
    Three queries: the groups (counted in SQL, with their number as a window), the capped points (ranked in SQL)
    and their articles' personal data (text and sentence shown masked)."""
    groups = (
        figures.filter(indicator__isnull=False)
        .order_by()
        .values(*SERIES_KEY, "indicator__slug")
        .annotate(n=Count("id"), groups=Window(Count("*")))
        .filter(n__gte=MIN_SERIES_POINTS)
        .order_by("-n", "indicator__slug", "region_code", "period_kind", "is_change")
    )
    top = list(groups[:limit] if limit else groups)
    if not top:
        return [], 0
    when = Coalesce(F("period_end"), F("period_start"), FigureTime())
    latest_first = Window(
        RowNumber(), partition_by=[F(name) for name in SERIES_KEY], order_by=[when.desc(nulls_last=True), F("id").desc()]
    )
    wanted = Q()
    for group in top:
        wanted |= Q(**{name: group[name] for name in SERIES_KEY})
    rows = (
        figures.filter(wanted)
        .annotate(when=when, rank=latest_first)
        .filter(rank__lte=max_points)
        .values_list(*FIELDS.values(), "when", "indicator_id")
    )
    by_key: dict[tuple, list[dict]] = defaultdict(list)
    for row in _masked([dict(zip([*FIELDS, "when", "indicator_id"], values, strict=True)) for values in rows]):
        by_key[tuple(row[name] for name in SERIES_KEY)].append(row)
    series = []
    for group in top:
        rows_of = by_key[tuple(group[name] for name in SERIES_KEY)]
        rows_of.sort(key=lambda r: (r["when"] is None, r["when"] or date.min, r["id"]))
        points = [_point(row) for row in rows_of]
        times = {p.when for p in points if p.when is not None}
        axis = "time" if len(times) >= 2 else "region"
        first = rows_of[0]
        code = group["region_code"]
        series.append(Series(
            first["indicator"], group["indicator__slug"], first["unit"], axis, points, group["n"],
            region_code=code, region_name="全国" if code == "000000" else (first["region_name"] or ""),
            period_kind=group["period_kind"], is_change=group["is_change"],
        ))
    return series, top[0]["groups"]


def _point(row: dict) -> Point:
    when = row["when"]
    label = (f"{row['period']} " if row["period"] else "") + (when.isoformat() if when else "日期未知")
    return Point(
        label=label.strip(),
        value=None if _missing(row["value"]) else float(row["value"]),
        value_max=None if _missing(row["value_max"]) else float(row["value_max"]),
        when=when,
        region=row["region_name"] or "",
        citation={
            "id": row["id"],
            "article_id": row["article_id"],
            "headline": row["headline"] or "（无标题）",
            "source": row["source"],
            "published_on": row["published_on"],
            "text": row["text"],
            "sentence": row["sentence"],
            "figure_id": row["id"],
        },
    )


@dataclass
class Chart:
    """One indicator's comparable series drawn together: the same canonical measure and unit, one kind of period,
    changes or levels — one line (or bar colour) per region, never a line between regions."""

    title: str
    slug: str
    unit: str
    period_kind: str
    is_change: bool
    series: list[Series]  # one per region, largest first

    @property
    def axis(self) -> str:
        """"time" when the points fall on two or more times (lines over time), else "region" (bars)."""
        times = {p.when for s in self.series for p in s.points if p.when is not None}
        return "time" if len(times) >= 2 else "region"

    @property
    def label(self) -> str:
        """What the chart holds beyond its indicator: 年度 · 变化 · 2 个地区."""
        kind = dict(PeriodKind.choices).get(self.period_kind, "时期不明")
        regions = f"{len(self.series)} 个地区" if len(self.series) > 1 else (self.series[0].region_name or "地区不明")
        return " · ".join((kind, "变化" if self.is_change else "水平", regions))

    @property
    def count(self) -> int:
        return sum(s.count for s in self.series)

    @property
    def shown(self) -> int:
        return sum(len(s.points) for s in self.series)


def charts_of(series: list[Series]) -> list[Chart]:
    """The series grouped into charts by indicator, period kind and change-or-level (the order of each chart's
    largest series); within a chart, one series per region, ordered by region code (a stable legend)."""
    charts: dict[tuple, Chart] = {}
    for s in series:
        key = (s.slug, s.unit, s.period_kind, s.is_change)
        if key not in charts:
            charts[key] = Chart(s.title, s.slug, s.unit, s.period_kind, s.is_change, [])
        charts[key].series.append(s)
    for chart in charts.values():
        chart.series.sort(key=lambda s: (s.region_code in ("", None), s.region_code or ""))
        for s, colour in zip(chart.series, chart_colours([s.region_code for s in chart.series]), strict=True):
            s.colour = colour
    return list(charts.values())
