"""Figures as pandas tables: the frame, the per-indicator summary and the series (unknown values never become 0)."""
from datetime import date

import pytest

from stats.models import Figure
from stats.tables import build_series, figures_frame, summary, time_of


def test_a_period_naming_a_year_and_month_sets_the_time_of_a_figure():
    assert time_of("2025年1—10月", date(2025, 12, 8)) == date(2025, 1, 1)
    assert time_of("2024年6月", None) == date(2024, 6, 1)
    assert time_of("今年", date(2026, 4, 9)) == date(2026, 4, 9)  # no year written: the issue date


@pytest.mark.django_db
def test_the_frame_has_one_row_per_figure_in_one_query(django_assert_num_queries):
    figures = Figure.objects.published()
    with django_assert_num_queries(1):
        frame = figures_frame(figures)
    assert len(frame) == figures.count()
    assert frame["value"].notna().all()


@pytest.mark.django_db
def test_series_group_figures_of_one_indicator_with_two_or_more_points():
    frame = figures_frame(Figure.objects.published())
    series, total = build_series(frame)
    assert total == len(series) > 0
    assert all(len(s.points) >= 2 for s in series)
    sizes = [len(s.points) for s in series]
    assert sizes == sorted(sizes, reverse=True)
    first = series[0]
    assert all(p.citation["article_id"] and p.citation["source"] for p in first.points)


@pytest.mark.django_db
def test_a_limit_keeps_the_largest_series_and_reports_how_many_there_are():
    frame = figures_frame(Figure.objects.published())
    shown, total = build_series(frame, limit=2)
    assert len(shown) == 2 and total > 2


@pytest.mark.django_db
def test_a_missing_value_stays_missing_in_the_summary_never_zero():
    frame = figures_frame(Figure.objects.published().filter(indicator__isnull=False))
    slug = frame["indicator_slug"].iloc[0]
    frame.loc[frame["indicator_slug"] == slug, "value"] = float("nan")
    table = summary(frame)
    row = table[table["indicator_slug"] == slug].iloc[0]
    assert row["min"] != row["min"]  # NaN: unknown, not 0


def test_an_empty_selection_gives_empty_tables():
    frame = figures_frame(Figure.objects.none())
    assert frame.empty and summary(frame).empty and build_series(frame) == ([], 0)
