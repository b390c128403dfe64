"""Figures as pandas tables: one row per figure, a per-indicator summary and the series drawn on /stats/."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date

import pandas as pd
from django.db.models import QuerySet

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
    "published_on": "article__source__published_on",
}
_YEAR_MONTH = re.compile(r"((?:19|20)\d{2})年(?:(\d{1,2})月)?")
MIN_SERIES_POINTS = 2


def figures_frame(figures: QuerySet[Figure]) -> pd.DataFrame:
    """One row per figure (one query); unknown values stay NaN/None, never 0."""
    rows = list(figures.values_list(*FIELDS.values()))
    frame = pd.DataFrame(rows, columns=list(FIELDS), dtype=object)
    frame["value"] = pd.to_numeric(frame["value"], errors="coerce")
    frame["value_max"] = pd.to_numeric(frame["value_max"], errors="coerce")
    frame["when"] = [time_of(p, d) for p, d in zip(frame["period"], frame["published_on"], strict=True)]
    return frame


def time_of(period: str | None, published_on: date | None) -> date | None:
    """When a figure holds: the year (and month) its period names, else the issue date."""
    match = _YEAR_MONTH.search(period or "")
    if match:
        year, month = int(match.group(1)), int(match.group(2) or 1)
        return date(year, month if 1 <= month <= 12 else 1, 1)
    return published_on


def summary(frame: pd.DataFrame) -> pd.DataFrame:
    """Per indicator and unit: how many figures, smallest, largest and latest value."""
    if frame.empty:
        return pd.DataFrame(columns=["indicator", "indicator_slug", "unit", "count", "min", "max", "latest"])
    known = frame[frame["indicator"].notna()].sort_values("when", na_position="first", kind="stable")
    grouped = known.groupby(["indicator", "indicator_slug", "unit"], dropna=False)["value"]
    table = grouped.agg(count="size", min="min", max="max", latest="last").reset_index()
    return table.sort_values(["count", "indicator"], ascending=[False, True], kind="stable").reset_index(drop=True)


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
    points: list[Point]


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def build_series(frame: pd.DataFrame, limit: int | None = None) -> tuple[list[Series], int]:
    """Series of the figures grouped by indicator, those with at least two points, largest first.

    Returns (the first `limit` series, how many there are in all) so a page can say when it shows fewer.
    """
    if frame.empty:
        return [], 0
    known = frame[frame["indicator"].notna()]
    sizes = known.groupby(["indicator_slug"]).size()
    slugs = sizes[sizes >= MIN_SERIES_POINTS].sort_values(ascending=False, kind="stable").index.tolist()
    series = []
    for slug in slugs[:limit] if limit else slugs:
        rows = known[known["indicator_slug"] == slug].sort_values(["when", "id"], na_position="last", kind="stable")
        points = [_point(row) for row in rows.to_dict("records")]
        times = {p.when for p in points if p.when is not None}
        regions = {p.region for p in points if p.region}
        axis = "region" if len(times) < 2 or (len(times) < len(points) and len(regions) >= 2) else "time"
        first = rows.iloc[0]
        series.append(Series(first["indicator"], slug, first["unit"], axis, points))
    return series, len(slugs)


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
            "article_id": row["article_id"],
            "headline": row["headline"] or "（无标题）",
            "source": row["source"],
            "published_on": row["published_on"],
            "text": row["text"],
        },
    )
