"""Bounded work per request: no page, API answer or admin list selects a page file, and a crowded page's article
page lists a bounded number of its neighbours (at two sizes of the page)."""
import pytest
from django.contrib.auth import get_user_model

from articles.browse import PAGE_NEIGHBOURS
from tests.crowded import crowded_page, fetched_rows, rows_of, selects_page_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def crowded():
    return crowded_page(articles=60, qa_pairs=60, figures_per_indicator=10, indicators=3)


def _urls(page) -> list[str]:
    article, pair = page.articles[30], page.articles[0].qa_pairs.first()
    return [
        "/", "/articles/", article.get_absolute_url(), "/search/?q=低保", "/qa/", "/qa/?q=低保怎么申请",
        page.program.get_absolute_url(), "/stats/", "/regions/150000/", "/policies/?q=低保",
        "/api/v1/articles", f"/api/v1/articles/{article.pk}", "/api/v1/search?q=低保", "/api/v1/qa?q=低保",
        "/api/v1/qa", "/api/v1/figures", "/api/v1/dates", f"/api/v1/programs/{page.program.slug}", "/api/v1/sources",
        "/admin/articles/article/", f"/admin/articles/article/{article.pk}/change/", "/admin/articles/source/",
        "/admin/policies/qapair/", f"/admin/policies/qapair/{pair.pk}/change/", "/admin/stats/figure/",
        f"/admin/policies/program/{page.program.pk}/change/",
    ]


def test_no_page_api_answer_or_admin_list_selects_a_page_file(client, crowded):
    client.force_login(get_user_model().objects.create_superuser("editor", "", "a-long-test-password"))
    for url in _urls(crowded):
        with fetched_rows() as log:
            response = client.get(url)
        assert response.status_code == 200, url
        assert selects_page_file(log) == [], url


@pytest.mark.parametrize("size", [150, 300])
def test_an_article_page_lists_its_nearest_neighbours_on_a_crowded_page(client, size):
    page = crowded_page(articles=size, qa_pairs=0)
    article = page.articles[size // 2]
    with fetched_rows() as log:
        response = client.get(article.get_absolute_url())
    assert selects_page_file(log) == []
    assert rows_of(log, "articles_article") <= PAGE_NEIGHBOURS
    listed = [a.position for a in response.context["page_articles"]]
    assert listed == [*range(article.position - PAGE_NEIGHBOURS, article.position), *range(article.position + 1, article.position + PAGE_NEIGHBOURS + 1)]
    assert f"本版共有其他文章 {size - 1} 篇" in response.content.decode()


def test_the_first_article_of_a_page_lists_the_articles_after_it(client):
    page = crowded_page(articles=30, qa_pairs=0)
    response = client.get(page.articles[0].get_absolute_url())
    assert [a.position for a in response.context["page_articles"]] == list(range(1, PAGE_NEIGHBOURS + 1))
