"""Figures for /stats/ in SQL: a page of rows, the per-indicator summary and the series (unknown values never
become 0), each bounded whatever the size of the selection."""
from datetime import date

import pytest

from stats.models import Figure
from stats.tables import FigureTime, build_series, figures_page, summary, time_of


def test_a_period_naming_a_year_and_month_sets_the_time_of_a_figure():
    assert time_of("2025年1—10月", date(2025, 12, 8)) == date(2025, 1, 1)
    assert time_of("2024年6月", None) == date(2024, 6, 1)
    assert time_of("今年", date(2026, 4, 9)) == date(2026, 4, 9)  # no year written: the issue date


@pytest.mark.django_db
def test_the_database_reads_the_time_of_a_figure_as_time_of_does():
    periods = ["2025年1—10月", "2024年6月", "今年", "", "2023年13月", "2019年和2020年3月", "截至2026年2月底"]
    figures = list(Figure.objects.published().select_related("article__source")[: len(periods)])
    for figure, period in zip(figures, periods, strict=True):
        Figure.objects.filter(pk=figure.pk).update(period=period)
    read = dict(Figure.objects.filter(pk__in=[f.pk for f in figures]).annotate(when=FigureTime()).values_list("pk", "when"))
    assert [read[f.pk] for f in figures] == [time_of(p, f.article.source.published_on) for f, p in zip(figures, periods, strict=True)]


@pytest.mark.django_db
def test_a_page_holds_one_page_of_figures_in_three_queries(django_assert_num_queries):
    figures = Figure.objects.published().order_by("id")
    with django_assert_num_queries(3):  # the count, the page and its articles' personal data (shown masked)
        page = figures_page(figures, 2, 10)
    assert page.paginator.count == figures.count()
    assert [row["id"] for row in page.object_list] == list(figures.values_list("id", flat=True)[10:20])
    assert {"indicator", "headline", "published_on", "value"} <= set(page.object_list[0])


@pytest.mark.django_db
def test_series_group_figures_of_one_indicator_with_two_or_more_points():
    series, total = build_series(Figure.objects.published())
    assert total == len(series) > 0
    assert all(len(s.points) >= 2 and s.count == len(s.points) for s in series)
    sizes = [len(s.points) for s in series]
    assert sizes == sorted(sizes, reverse=True)
    first = series[0]
    assert all(p.citation["article_id"] and p.citation["source"] for p in first.points)


@pytest.mark.django_db
def test_a_limit_keeps_the_largest_series_and_reports_how_many_there_are():
    shown, total = build_series(Figure.objects.published(), limit=2)
    assert len(shown) == 2 and total > 2


@pytest.mark.django_db
def test_a_series_draws_its_latest_points_and_counts_them_all():
    biggest = build_series(Figure.objects.published(), limit=1)[0][0]
    capped = build_series(Figure.objects.published(), limit=1, max_points=2)[0][0]
    assert capped.count == biggest.count > 2 and len(capped.points) == 2
    assert [p.when for p in capped.points] == sorted(p.when for p in biggest.points if p.when)[-2:]


@pytest.mark.django_db
def test_a_missing_value_stays_missing_in_the_summary_never_zero():
    slug = summary(Figure.objects.published())[0]["indicator_slug"]
    Figure.objects.filter(indicator__slug=slug).update(value=float("nan"))
    row = next(r for r in summary(Figure.objects.published()) if r["indicator_slug"] == slug)
    assert row["min"] != row["min"] and row["latest"] != row["latest"]  # NaN: unknown, not 0


@pytest.mark.django_db
def test_the_summary_counts_each_indicator_and_gives_its_latest_value():
    figures = Figure.objects.published()
    row = summary(figures)[0]
    mine = [f for f in figures.select_related("article__source", "indicator") if f.indicator and f.indicator.slug == row["indicator_slug"] and f.unit == row["unit"]]
    assert row["count"] == len(mine)
    assert (row["min"], row["max"]) == (min(f.value for f in mine), max(f.value for f in mine))
    newest = max(mine, key=lambda f: (time_of(f.period, f.article.source.published_on) or date.min, f.pk))
    assert row["latest"] == newest.value


def test_an_empty_selection_gives_empty_tables():
    assert summary(Figure.objects.none()) == [] and build_series(Figure.objects.none()) == ([], 0)


@pytest.mark.django_db
def test_a_series_compares_like_with_like_one_region_one_period_kind_changes_or_levels():
    series, _ = build_series(Figure.objects.published())
    assert series
    for s in series:
        ids = [p.citation["figure_id"] for p in s.points]
        rows = Figure.objects.filter(pk__in=ids)
        assert rows.values("indicator_id").distinct().count() == 1
        assert set(rows.values_list("region_code", flat=True)) == {s.region_code}
        assert set(rows.values_list("period_kind", flat=True)) == {s.period_kind}
        assert set(rows.values_list("is_change", flat=True)) == {s.is_change}
