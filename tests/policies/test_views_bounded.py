"""Bounded work on the Q&A page and a programme's page: ranked and cut in SQL, whatever the number of matches
(checked at two sizes of a crowded page)."""
import pytest

from policies.profile import MAX_FIGURES, MAX_MENTIONS, MAX_QA_PAIRS
from policies.views import QA_PER_PAGE
from tests.crowded import crowded_page, fetched_rows, rows_of, selects_page_file

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("size", [250, 500])
def test_a_qa_search_fetches_one_page_of_pairs_however_many_match(client, size):
    crowded_page(articles=size // 2, qa_pairs=size)
    with fetched_rows() as log:
        response = client.get("/qa/", {"q": "低保怎么申请"})
    assert response.context["page"].paginator.count >= size
    assert len(response.context["page"].object_list) == QA_PER_PAGE
    assert rows_of(log, "policies_qapair") <= QA_PER_PAGE
    assert selects_page_file(log) == []


@pytest.mark.parametrize("size", [250, 500])
def test_the_api_qa_search_fetches_one_page_of_pairs(client, size):
    crowded_page(articles=size // 2, qa_pairs=size)
    with fetched_rows() as log:
        body = client.get("/api/v1/qa", {"q": "低保怎么申请", "limit": 10}).json()
    assert body["count"] >= size and len(body["results"]) == 10
    assert rows_of(log, "policies_qapair") <= 10
    assert selects_page_file(log) == []


@pytest.mark.parametrize("size", [150, 300])
def test_a_programme_named_in_hundreds_of_articles_shows_a_bounded_page(client, size):
    page = crowded_page(articles=size, qa_pairs=size, figures_per_indicator=size, indicators=1)
    with fetched_rows() as log:
        response = client.get(page.program.get_absolute_url())
    profile = response.context["profile"]
    assert len(profile.mentions) == MAX_MENTIONS and len(profile.qa_pairs) == MAX_QA_PAIRS
    assert len(profile.figures) == MAX_FIGURES
    assert f"{size} 篇文章提及" in response.content.decode()  # the count is of every article, not of those shown
    assert rows_of(log, "policies_programmention") <= MAX_MENTIONS
    assert rows_of(log, "policies_qapair") <= MAX_QA_PAIRS and rows_of(log, "stats_figure") <= MAX_FIGURES
    assert selects_page_file(log) == []
    dates = [m.article.position for m in profile.mentions]
    assert dates == sorted(dates) and dates[-1] == size - 1  # the latest mentions, oldest first
