"""Paging at archive scale: counts exact up to a cap (then count_is_exact false, "10,000+" on the site), keyset
cursors that reach every row in every article order, and offsets bounded with a clear 422."""

import pytest

from articles.models import Article, Source
from articles.models.article import ARTICLE_ORDERS
from articles.services.dating import articles_issue_date_sync
from config import paging

pytestmark = pytest.mark.django_db


@pytest.fixture
def undated_page():
    """One page without an issue date: its articles sort last, newest-first and oldest-first alike."""
    source = Source.objects.filter(articles__isnull=False).order_by("id").first()
    Source.objects.filter(pk=source.pk).update(published_on=None)
    source.refresh_from_db(fields=["published_on"])
    articles_issue_date_sync(source=source)
    return source


def _ids(sort: str) -> list[int]:
    return list(Article.objects.published().order_by(*ARTICLE_ORDERS[sort]).values_list("pk", flat=True))


@pytest.mark.parametrize("sort", ["newest", "oldest", "headline"])
def test_following_next_walks_every_article_once_in_order(client, undated_page, sort):
    url, seen = f"/api/v1/articles?sort={sort}&limit=7&fields=id", []
    while url:
        body = client.get(url).json()
        seen += [row["id"] for row in body["results"]]
        url = body["next"]
        assert url is None or "cursor=" in url and "offset" not in url
    assert seen == _ids(sort)
    if sort != "headline":
        undated = set(undated_page.articles.filter(is_public=True).values_list("pk", flat=True))
        assert set(seen[-len(undated):]) == undated


def test_the_count_is_exact_up_to_the_cap_then_says_so(client, monkeypatch):
    total = Article.objects.published().count()
    body = client.get("/api/v1/articles").json()
    assert (body["count"], body["count_is_exact"]) == (total, True)
    monkeypatch.setattr(paging, "COUNT_CAP", 5)
    body = client.get("/api/v1/articles").json()
    assert (body["count"], body["count_is_exact"]) == (5, False)
    assert client.get("/api/v1/search?q=医保").json()["articles"]["count_is_exact"] in (True, False)


@pytest.mark.parametrize(
    "query, param",
    [("offset=10001", "offset"), ("cursor=bm90LWEtY3Vyc29y", "cursor"), ("cursor=%%%", "cursor"),
     ("q=医保&cursor=WyJuZXdlc3QiXQ", "cursor")],
)
def test_a_deep_offset_or_a_bad_cursor_is_a_422_naming_it(client, query, param):
    response = client.get(f"/api/v1/articles?{query}")
    assert response.status_code == 422
    assert response.json()["error"]["param"] == param


def test_a_cursor_of_another_order_is_refused(client):
    cursor = client.get("/api/v1/articles?sort=oldest&limit=2").json()["next"].split("cursor=")[1].split("&")[0]
    response = client.get(f"/api/v1/articles?sort=headline&cursor={cursor}")
    assert response.status_code == 422 and "order" in response.json()["error"]["message"]
    both = client.get(f"/api/v1/articles?sort=oldest&cursor={cursor}&offset=3")
    assert both.status_code == 422 and both.json()["error"]["param"] == "cursor"


def test_the_site_shows_a_capped_count_and_reaches_the_rows_after_it_by_cursor(client, monkeypatch):
    monkeypatch.setattr(paging, "COUNT_CAP", 5)
    response = client.get("/articles/?sort=oldest")
    assert "共 5+ 篇" in response.content.decode()
    seen = [a.pk for a in response.context["page"].object_list]
    older = response.context["older"]
    while older:
        response = client.get(f"/articles/?sort=oldest&cursor={older}")
        assert response.status_code == 200
        seen += [a.pk for a in response.context["rows"]]
        older = response.context["older"]
    assert seen == _ids("oldest")


def test_the_site_refuses_a_bad_cursor_with_a_400(client):
    response = client.get("/articles/?cursor=bm9wZQ")
    assert response.status_code == 400 and "翻页位置" in response.content.decode()


def test_an_exact_small_count_is_shown_as_it_is(client):
    total = Article.objects.published().count()
    assert f"共 {total:,} 篇" in client.get("/articles/").content.decode()
    assert paging.count_label(10_000, False) == "10,000+" and paging.count_label(9_999, True) == "9,999"
