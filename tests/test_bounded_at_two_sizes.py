"""Cost grows with the page shown, not with the archive: every public page and API list runs the same number of
statements, each returning a bounded number of rows, before and after the archive grows fivefold (crowded pages of
real seed text, with region mentions, figures, programme mentions, Q&A pairs and search vectors)."""
import pytest

from articles.models import Article, Region, RegionMention
from articles.search import RANK_WINDOW, search_index_update
from articles.summaries import archive_changed
from stats.models import Figure, Indicator
from stats.tables import MAX_SERIES_POINTS
from stats.views import MAX_CHARTS
from tests.crowded import crowded_page, fetched_rows

pytestmark = pytest.mark.django_db

SIZES = (40, 200)  # articles added per step: the second step makes the crowded part five times larger
ROW_BOUND = 100  # the largest page a list shows (API limit=100); aggregates return one row per group shown
BOUNDS = {
    "/stats/": MAX_CHARTS * MAX_SERIES_POINTS,  # its charts: at most 48 points each, in one statement
    # Article search reads the ids of its ranked window once (ints only, at most RANK_WINDOW whatever the archive).
    "/search/?q=低保": RANK_WINDOW,
    "/api/v1/search?q=低保&facets=region,topic,year,kind": RANK_WINDOW,
}
URLS = [
    "/", "/articles/", "/articles/?sort=oldest", "/articles/?region=150000", "/search/?q=低保", "/regions/",
    "/regions/150000/", "/policies/", "/policies/?q=低保", "/qa/", "/qa/?q=低保怎么申请", "/stats/",
    "/api/v1/articles", "/api/v1/articles?facets=region,topic,year,kind", "/api/v1/articles?sort=headline&limit=100",
    "/api/v1/search?q=低保&facets=region,topic,year,kind", "/api/v1/regions", "/api/v1/regions/150000",
    "/api/v1/programs", "/api/v1/qa", "/api/v1/qa?q=低保", "/api/v1/figures", "/api/v1/figures?facets=region,year",
    "/api/v1/dates", "/api/v1/sources",
]


def _grow(size: int) -> None:
    first = not Indicator.objects.filter(name__startswith="低保对象人数").exists()
    page = crowded_page(articles=size, qa_pairs=size, figures_per_indicator=size // 2, indicators=2 if first else 0)
    if not first:  # the crowded page names its indicators alike at every size: the second adds figures to them
        Figure.objects.bulk_create(
            Figure(article=page.articles[n % size], indicator=indicator, value=2000 + n, unit="人", measure=indicator.name,
                   period=f"20{10 + n % 16}年", start=0, end=2, text=f"{2000 + n}人")
            for indicator in Indicator.objects.filter(name__startswith="低保对象人数")
            for n in range(size // 2)
        )
    Article.objects.filter(source=page.source).update(public_text=page.articles[0].text, is_public=True)
    region = Region.objects.get(code="150100")
    RegionMention.objects.bulk_create(
        RegionMention(article=article, region=region, name=region.name, level=region.level, start=0, end=2, text="呼市")
        for article in page.articles
    )
    for article in Article.objects.filter(source=page.source):
        article.public_headline = article.headline
        Article.objects.filter(pk=article.pk).update(public_headline=article.headline)
        search_index_update(article)
    archive_changed()


def _measure(client) -> dict[str, tuple[int, int]]:
    """(statements, most rows one statement returned) per URL, with the cached aggregates warm (one request first,
    as every request after an archive change finds them)."""
    measured = {}
    for url in URLS:
        client.get(url)
        with fetched_rows() as log:
            response = client.get(url)
        assert response.status_code == 200, url
        selects = [s for s in log if s.sql.lstrip().upper().startswith(("SELECT", "WITH"))]
        measured[url] = (len(log), max((s.rows for s in selects), default=0))
    return measured


def test_every_public_page_and_api_list_costs_the_same_at_two_archive_sizes(client):
    _grow(SIZES[0])
    small = _measure(client)
    _grow(SIZES[1])
    large = _measure(client)
    for url in URLS:
        assert large[url][0] <= small[url][0], (url, small[url], large[url])
        assert large[url][1] <= BOUNDS.get(url, ROW_BOUND), (url, large[url])
