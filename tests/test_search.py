"""Search: the /search/ page over articles, programmes and Q&A, its facets, and the programme/Q&A search functions."""
import pytest

from articles.search import search_articles, search_programs, search_qa, significant_terms, snippet
from policies.models import QAPair

pytestmark = pytest.mark.django_db


def test_a_readers_question_finds_the_qa_pair_that_answers_it():
    pairs = search_qa("缴费标准是多少？")
    assert pairs and pairs[0].question.startswith("缴费标准是多少")


def test_question_words_do_not_count_as_the_subject():
    assert significant_terms("缴费标准是多少？") == ["缴费", "标准"]
    assert not search_qa("是多少？").exists()


def test_programmes_are_found_by_words_of_their_name():
    assert [p.name for p in search_programs("助康")][0] == "助康工程"
    assert search_programs("助康工程")[0].name == "助康工程"


def test_the_search_page_shows_articles_programmes_and_qa_with_highlighted_snippets(client):
    html = client.get("/search/?q=医保").content.decode()
    count = search_articles("医保").count()
    assert f"{count} 篇文章" in html
    assert "<mark>医保</mark>" in html
    assert 'href="/api/v1/search?q=%E5%8C%BB%E4%BF%9D"' in html


def test_facets_count_the_matching_articles_and_narrow_the_search(client):
    response = client.get("/search/?q=医保")
    facets = response.context["facets"]
    total = search_articles("医保").count()
    assert sum(item["count"] for item in facets["kind"]) == total
    assert sum(item["count"] for item in facets["year"]) <= total
    year = facets["year"][0]
    narrowed = client.get(f"/search/?q=医保&date_from={year['value']}-01-01&date_to={year['value']}-12-31")
    assert narrowed.context["page"].paginator.count == year["count"]


@pytest.mark.parametrize("query", ["", "   ", "%%%", "的的的", "x" * 500, "'); DROP TABLE articles_article;--"])
def test_an_empty_or_absurd_query_gives_a_helpful_page(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "输入想查的词" in html or "没有找到" in html or "篇文章" in html


def test_the_search_page_query_count_is_bounded(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(14):
        client.get("/search/?q=就业")


def test_a_snippet_marks_the_query_and_escapes_the_text():
    html = snippet("前文<b>……城乡居民医保缴费标准提高到400元", "医保")
    assert "<mark>医保</mark>" in html and "&lt;b&gt;" in html


def test_qa_answers_are_masked_on_the_search_page(client):
    pair = QAPair.objects.published().first()
    pair.answer += " 联系人王先生13812345678。"
    pair.save()
    html = client.get("/search/", {"q": pair.question[:6]}).content.decode()
    assert "13812345678" not in html


def test_two_characters_inside_a_word_find_the_qa_pair_and_programme_through_the_bigram_index():
    """Q&A and programme search narrow by a GIN index over CJK bigrams: any two adjacent characters of a field find
    its row, wherever a segmenter would cut the words."""
    import re

    from articles.search import QUESTION_WORDS
    from policies.models import Program

    pair = QAPair.objects.published().originals().exclude(answer="").order_by("pk").first()
    runs = [run for run in re.findall(r"[\u4e00-\u9fff]{4,}", pair.answer)]
    term = next(run[1:3] for run in runs if run[1:3] not in QUESTION_WORDS)
    assert pair.pk in {p.pk for p in search_qa(term)}
    program = Program.objects.published().filter(name__regex=r"^[\u4e00-\u9fff]{4,}$").order_by("pk").first()
    assert program.pk in {p.pk for p in search_programs(program.name[1:3])}


def test_search_ranks_the_newest_matches_and_lists_the_rest_of_the_window_newest_first(monkeypatch):
    from django.db.models import F

    import articles.search as search

    full = list(search_articles("医保").annotate(score=F("rank")))
    assert 4 <= len(full) < search.RANKED  # the seed corpus: every match is ranked by ts_rank
    assert [a.score for a in full] == sorted((a.score for a in full), reverse=True) and min(a.score for a in full) >= 0
    monkeypatch.setattr(search, "RANKED", 3)
    cut = list(search_articles("医保").annotate(score=F("rank")))
    newest = sorted(full, key=lambda a: (-(a.issue_date.toordinal() if a.issue_date else 0), a.pk))
    assert {a.pk for a in cut} == {a.pk for a in full}
    assert {a.pk for a in cut[:3]} == {a.pk for a in newest[:3]} and all(a.score >= 0 for a in cut[:3])
    rest = cut[3:]
    assert all(a.score == -1 for a in rest)
    assert [a.issue_date for a in rest] == sorted((a.issue_date for a in rest), reverse=True)
