"""The figures browser /stats/: filters, series charts with their tables and citations, downloads, bounded queries."""
import pytest

from stats.models import Figure

pytestmark = pytest.mark.django_db


def test_the_stats_page_counts_the_selection_and_draws_inline_svg_charts(client):
    html = client.get("/stats/").content.decode()
    assert f"当前选择共 <strong>{Figure.objects.published().originals().count()}</strong> 条数据" in html
    assert '<figure class="series"' in html and "<svg" in html
    assert 'class="citation meta">出处：' in html


def test_filters_by_unit_and_measure_narrow_the_selection(client):
    response = client.get("/stats/?unit=元")
    assert response.context["count"] == Figure.objects.published().originals().filter(unit="元").count()
    response = client.get("/stats/?measure=就业")
    assert 0 < response.context["count"] < Figure.objects.published().originals().count()


def test_filter_by_region_keeps_figures_about_it_or_below_not_every_figure_of_an_article_naming_it(client):
    response = client.get("/stats/?region=150200")
    own = Figure.objects.published().originals().filter(region_code__startswith="1502")
    named = Figure.objects.published().originals().filter(article__regions__region__code__startswith="1502").distinct()
    assert response.context["count"] == own.count() > 0
    assert own.count() < named.count()  # figures of articles that merely name 包头 are about other places


def test_filters_by_period_kind_and_change_or_level(client):
    published = Figure.objects.published().originals()
    assert client.get("/stats/?change=change").context["count"] == published.filter(is_change=True).count() > 0
    assert client.get("/stats/?change=level").context["count"] == published.filter(is_change=False).count() > 0
    assert client.get("/stats/?period=year").context["count"] == published.filter(period_kind="year").count()
    response = client.get("/stats/?period=decade")
    assert response.status_code == 400 and "时期类型" in response.content.decode()


def test_the_page_links_downloads_and_the_api_with_the_same_filters(client):
    html = client.get("/stats/?unit=%E5%85%83").content.decode()
    assert 'href="/stats/figures.csv?unit=%E5%85%83"' in html
    assert 'href="/stats/figures.xlsx?unit=%E5%85%83"' in html
    assert 'href="/api/v1/figures?unit=%E5%85%83&amp;limit=50"' in html  # the page shows 50 rows a page


def test_a_figure_with_an_unknown_field_shows_it_as_missing(client):
    html = client.get("/stats/").content.decode()
    assert "<td>—</td>" in html  # empty period/region cells are marked, not blank or 0


def test_a_bad_filter_answers_400_with_the_reason(client):
    response = client.get("/stats/?region=999999")
    assert response.status_code == 400
    assert "region" in response.content.decode()


def test_an_unknown_download_format_is_404(client):
    assert client.get("/stats/figures.pdf").status_code == 404


def test_the_stats_page_query_count_does_not_grow_with_figures(client, django_assert_max_num_queries):
    # 13 with a cold cache: the page's rows and the charts' points each read their articles' personal data once
    # (their text and sentence are shown masked), the first reader after a change rewrites the programme-count
    # summary in one statement (its filter's choices); the rest is counted, capped or cached as before.
    with django_assert_max_num_queries(13):
        client.get("/stats/")


def test_the_csv_download_holds_every_figure_of_the_selection(client):
    pytest.importorskip("stats.exports", reason="stats/exports.py (the API helper's) is not there yet")
    response = client.get("/stats/figures.csv?unit=元")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    expected = Figure.objects.published().originals().filter(unit="元").count()
    rows = [line for line in body.splitlines() if line]
    assert len(rows) - 1 == expected and rows[0].startswith("id,url,")
    assert response["X-Total-Count"] == str(expected)


def test_filter_by_programme_keeps_the_figures_linked_to_it_not_every_figure_of_its_articles(client):
    from policies.models import ProgramMention

    linked = Figure.objects.published().originals().filter(program__isnull=False).first()
    response = client.get(f"/stats/?program={linked.program.slug}")
    assert response.context["count"] == Figure.objects.published().originals().filter(program=linked.program).count() > 0
    articles = ProgramMention.objects.published().filter(program=linked.program).values("article_id")
    assert response.context["count"] < Figure.objects.published().originals().filter(article_id__in=articles).count()


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_a_download_with_a_nul_byte_is_refused_before_any_file_starts(rf, fmt):
    from stats.views import stats_download

    # Straight to the view, past the site's middleware: the view must refuse it itself, not stream a broken file.
    response = stats_download(rf.get(f"/stats/figures.{fmt}", {"column": "民声\x00"}), fmt)
    assert response.status_code == 400 and not response.streaming
    assert "含有 NUL 字符" in response.content.decode()


@pytest.mark.parametrize("url", ["/stats/?region=999999", "/stats/figures.csv?region=999999"])
def test_an_unknown_region_is_refused_in_chinese(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "没有代码为 999999 的行政区划" in response.content.decode()


@pytest.mark.parametrize("per_indicator", [60, 120])
def test_the_stats_page_fetches_a_bounded_number_of_rows_however_many_figures(client, per_indicator):
    from stats.tables import MAX_SERIES_POINTS, SUMMARY_ROWS
    from stats.views import FIGURES_PER_PAGE, MAX_CHARTS
    from tests.crowded import crowded_page, fetched_rows, selects_page_file

    crowded_page(articles=40, qa_pairs=0, indicators=40, figures_per_indicator=per_indicator)
    with fetched_rows() as log:
        response = client.get("/stats/")
    assert response.context["count"] == Figure.objects.published().originals().count() >= 40 * per_indicator
    figure_rows = [s.rows for s in log if 'FROM "stats_figure"' in s.sql]
    units = Figure.objects.published().values("unit").distinct().count()  # the unit filter's choices
    regions = len(response.context["choices"]["regions"])  # the region filter's: divisions, not figures
    assert max(figure_rows) <= MAX_CHARTS * MAX_SERIES_POINTS
    assert sum(figure_rows) <= (1 + FIGURES_PER_PAGE + SUMMARY_ROWS + MAX_CHARTS + MAX_CHARTS * MAX_SERIES_POINTS
                                + units + regions)
    assert selects_page_file(log) == []
    series = response.context["series"]
    assert len(series) == MAX_CHARTS and all(len(s.points) == MAX_SERIES_POINTS < s.count for s in series)
    assert f"共 {per_indicator} 个数据点，这里画出最近的 {MAX_SERIES_POINTS} 个" in response.content.decode()


def test_the_unfiltered_figure_lists_read_their_count_from_the_home_counts_and_follow_a_rejection(client, django_user_model):
    """/stats/ and /api/v1/figures without filters take their count from the cached home aggregates (no count
    query) when they are cached; an editor's rejection moves them on, so the count is never the one before it. A
    filter is counted in SQL, as before."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles.services.review import records_review
    from stats.models import Figure

    def counts(warm: bool) -> tuple[int, int]:
        if warm:
            client.get("/")  # computes the home aggregates for this generation
        with CaptureQueriesContext(connection) as queries:
            page = client.get("/stats/").context["page"]
            api = client.get("/api/v1/figures").json()
        assert sum(query["sql"].startswith("SELECT COUNT(*)") for query in queries.captured_queries) == (0 if warm else 2)
        return page.paginator.count, api["count"]

    before = Figure.objects.published().originals().count()
    assert counts(warm=True) == (before, before) and before > 0
    figure = Figure.objects.published().originals().first()
    editor = django_user_model.objects.create_user("editor-figure-count", password="x")
    records_review(records=Figure.objects.filter(pk=figure.pk), user=editor, status="rejected")
    assert counts(warm=False) == (before - 1, before - 1)
    assert counts(warm=True) == (before - 1, before - 1)
    with CaptureQueriesContext(connection) as queries:
        client.get("/api/v1/figures", {"unit": figure.unit})
    assert sum(query["sql"].startswith("SELECT COUNT(*)") for query in queries.captured_queries) == 1
