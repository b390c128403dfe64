"""Programme pages and the Q&A page: filters, what a programme is, its timeline, figures and Q&A, bounded queries."""
import pytest

from policies.models import Program, ProgramMention, QAPair

pytestmark = pytest.mark.django_db


def _busiest() -> Program:
    return max(Program.objects.published(), key=lambda p: p.mentions.count())


def test_the_programme_list_counts_programmes_and_links_the_api(client):
    html = client.get("/policies/").content.decode()
    assert f"共 {Program.objects.published().count()} 项" in html
    assert 'href="/api/v1/programs"' in html


def test_the_programme_list_filters_by_region_of_the_articles_that_mention_them(client):
    response = client.get("/policies/?region=150900")
    shown = {p.name for p in response.context["page"].object_list}
    assert "乌兰察布市农牧民职业技能等级评价实施办法" in shown
    assert len(shown) < Program.objects.count()


def test_a_programme_page_shows_defining_sentences_when_no_editor_wrote_a_description(client):
    program = _busiest()
    html = client.get(program.get_absolute_url()).content.decode()
    assert 'class="defining"' in html and program.name in html


def test_an_editor_description_replaces_the_quoted_sentences(client):
    program = _busiest()
    program.description = "编辑撰写的简介。"
    program.save()
    html = client.get(program.get_absolute_url()).content.decode()
    assert "编辑撰写的简介。" in html and 'class="defining"' not in html


def test_a_programme_page_has_a_timeline_of_its_mentions_and_their_figures(client):
    program = _busiest()
    response = client.get(program.get_absolute_url())
    profile = response.context["profile"]
    assert len(profile.mentions) == ProgramMention.objects.published().filter(program=program).count()
    dates = [m.article.source.published_on for m in profile.mentions]
    assert dates == sorted(dates)
    assert all(f.article_id in {a.pk for a in profile.articles} for f in profile.figures)
    assert f'href="/api/v1/programs/{program.slug}"'.encode() in response.content or "/api/v1/programs/" in response.content.decode()


def test_a_programme_page_query_count_does_not_grow_with_mentions(client, django_assert_max_num_queries):
    url = _busiest().get_absolute_url()
    with django_assert_max_num_queries(12):
        client.get(url)


def test_a_hidden_programme_is_404(client):
    program = _busiest()
    program.is_public = False
    program.save()
    assert client.get(program.get_absolute_url()).status_code == 404


def test_the_qa_page_answers_a_readers_question_first(client):
    response = client.get("/qa/", {"q": "缴费标准是多少？"})
    first = response.context["page"].object_list[0]
    assert first.question.startswith("缴费标准是多少")
    assert 'href="/api/v1/qa?q=' in response.content.decode()


def test_the_qa_page_lists_every_public_pair(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        response = client.get("/qa/")
    assert response.context["page"].paginator.count == QAPair.objects.published().count()


def test_the_qa_page_says_when_nothing_matches(client):
    html = client.get("/qa/", {"q": "火星移民补贴"}).content.decode()
    assert "没有找到与“火星移民补贴”相关的问答" in html
