"""Region pages: the division tree with article and figure counts, and a region's articles, programmes and figures."""
import pytest

from articles.models import Article, RegionMention
from stats.models import Figure

pytestmark = pytest.mark.django_db


def _articles_under(prefix: str) -> set[int]:
    return set(
        RegionMention.objects.published().filter(region__code__startswith=prefix).values_list("article_id", flat=True)
    )


def test_the_tree_counts_articles_naming_a_division_or_anything_below_it(client):
    html = client.get("/regions/").content.decode()
    inner_mongolia = _articles_under("15")
    assert f"{len(inner_mongolia)} 篇文章" in html
    assert 'href="/regions/150200/">包头市</a>' in html


def test_a_region_page_counts_the_figures_of_its_articles(client):
    ids = _articles_under("1502")
    figures = Figure.objects.published().filter(article_id__in=ids).count()
    html = client.get("/regions/150200/").content.decode()
    assert f"{len(ids)} 篇文章 · {figures} 条数据" in html
    assert 'href="/regions/150000/">内蒙古自治区</a>' in html  # breadcrumb to the province


def test_a_region_page_lists_its_articles_and_links_the_filtered_lists(client):
    ids = _articles_under("150900")
    headline = Article.objects.filter(pk__in=ids).exclude(headline="").first().headline
    html = client.get("/regions/150900/").content.decode()
    assert headline in html
    assert 'href="/api/v1/regions/150900"' in html


def test_an_unknown_region_code_is_404(client):
    assert client.get("/regions/999999/").status_code == 404


def test_region_pages_query_count_is_bounded(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        client.get("/regions/")
    with django_assert_max_num_queries(14):
        client.get("/regions/150000/")


def _count_queries(queries) -> int:
    return sum("COUNT(*)" in query["sql"] for query in queries)


def test_a_region_filtered_list_reads_its_count_from_the_region_counts_and_follows_a_rejection(client, django_user_model):
    """/articles/?region= and /api/v1/articles?region= take their count from the cached region counts (no count
    query) when they are cached; an editor's rejection moves them on, and the count is never the one before it."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles.services.review import records_review

    code, prefix = "150900", "1509"  # a prefecture: it and its counties
    expected = len(_articles_under(prefix))
    assert expected > 1
    client.get(f"/regions/{code}/")  # computes the region counts for this generation
    with CaptureQueriesContext(connection) as queries:
        site = client.get(f"/articles/?region={code}")
        api = client.get(f"/api/v1/articles?region={code}").json()
    assert site.context["page"].paginator.count == api["count"] == expected
    assert site.context["page"].paginator.count_is_exact and api["count_is_exact"]
    assert _count_queries(queries.captured_queries) == 0
    # Another filter alongside: counted in SQL, as before.
    with CaptureQueriesContext(connection) as queries:
        client.get(f"/articles/?region={code}&kind=news")
    assert _count_queries(queries.captured_queries) == 1

    # An editor rejects every mention of the division in one article: that article leaves the list and its count.
    article_id = min(_articles_under(prefix))
    editor = django_user_model.objects.create_user("editor-regions", password="x", is_staff=True)
    records_review(
        records=RegionMention.objects.filter(article_id=article_id, region__code__startswith=prefix),
        user=editor,
        status="rejected",
    )
    assert len(_articles_under(prefix)) == expected - 1
    site = client.get(f"/articles/?region={code}")  # counts not cached for the new generation: counted in SQL
    assert site.context["page"].paginator.count == expected - 1
    client.get(f"/regions/{code}/")
    with CaptureQueriesContext(connection) as queries:
        site = client.get(f"/articles/?region={code}")
        api = client.get(f"/api/v1/articles?region={code}").json()
    assert site.context["page"].paginator.count == api["count"] == expected - 1
    assert _count_queries(queries.captured_queries) == 0


def test_a_region_page_lists_its_figures_newest_page_first_as_by_the_page_date(client):
    """The figures block sorts by the article's issue date (an index), in the order the page's date gave: newest
    first, undated pages before all, then by article and position."""
    from articles.models import Source

    undated = Figure.objects.published().filter(region_code__startswith="1509").first().article.source
    Source.objects.filter(pk=undated.pk).update(published_on=None)
    Article.objects.filter(source=undated).update(issue_date=None)  # as the page-date write path keeps it
    shown = [figure.pk for figure in client.get("/regions/150900/").context["figures"]]
    by_page_date = list(
        Figure.objects.published().originals().filter(region_code__startswith="1509")
        .order_by("-article__source__published_on", "article_id", "start").values_list("pk", flat=True)[:20]
    )
    assert shown == by_page_date and len(shown) > 1
    assert Figure.objects.get(pk=shown[0]).article.source_id == undated.pk


def test_a_region_page_s_programmes_are_cached_and_follow_a_rejection_at_once(client, django_user_model):
    """A region page's programmes (named in articles naming the division) are computed once per archive generation;
    an editor's rejection of every mention of a programme there moves the generation on, and the page drops it."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles.services.review import records_review
    from policies.models import ProgramMention

    code, prefix = "150900", "1509"
    shown = lambda: [p.pk for p in client.get(f"/regions/{code}/").context["programs"]]  # noqa: E731
    before = shown()
    assert before
    with CaptureQueriesContext(connection) as queries:
        assert shown() == before  # warm: no statement over the programme mentions
    assert not any("policies_programmention" in query["sql"] for query in queries.captured_queries)
    named_here = ProgramMention.objects.filter(program_id=before[0], article_id__in=_articles_under(prefix))
    editor = django_user_model.objects.create_user("editor-region-programs", password="x", is_staff=True)
    records_review(records=named_here, user=editor, status="rejected")
    assert before[0] not in shown()
