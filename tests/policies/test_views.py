"""Programme pages and the Q&A page: filters, what a programme is, its timeline, figures and Q&A, bounded queries."""
import pytest

from articles.summaries import archive_changed
from policies.models import Program, ProgramMention, QAPair

pytestmark = pytest.mark.django_db


def _busiest() -> Program:
    return max(Program.objects.published(), key=lambda p: p.mentions.count())


def test_the_programme_list_counts_programmes_and_links_the_api(client):
    html = client.get("/policies/").content.decode()
    assert f"共 {Program.objects.published().count()} 项" in html
    assert 'href="/api/v1/programs?limit=30"' in html  # the page shows 30 rows, the API 20 by default


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
    assert len(profile.mentions) == ProgramMention.objects.published().originals().filter(program=program).count()  # a reprint once
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


def test_the_qa_page_lists_every_public_pair_once(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        response = client.get("/qa/")
    assert response.context["page"].paginator.count == QAPair.objects.published().originals().count()  # a reprint once


def test_the_qa_page_says_when_nothing_matches(client):
    html = client.get("/qa/", {"q": "火星移民补贴"}).content.decode()
    assert "没有找到与“火星移民补贴”相关的问答" in html


@pytest.mark.parametrize("url", ["/policies/?region=999999", "/qa/?region=999999"])
def test_an_unknown_region_is_a_filter_error_not_a_server_error(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "筛选条件有误：<strong>地区</strong> —— 没有代码为 999999 的行政区划" in response.content.decode()


def test_an_unknown_programme_kind_is_a_filter_error_in_chinese(client):
    response = client.get("/policies/?program_kind=poem")
    assert response.status_code == 400
    assert "<strong>项目类型</strong> —— 应为以下类型之一：" in response.content.decode()


def _grow(program: Program, extra: int) -> None:
    """`extra` more public articles that mention the programme, each with a figure, a region, personal data and Q&A."""
    from articles.models import Article, PersonalData, RegionMention
    from stats.models import Figure, Indicator

    source = ProgramMention.objects.filter(program=program).first().article.source
    indicator = Indicator.objects.create(name="测试补贴", unit="元", slug="测试补贴-元")
    top = source.articles.order_by("-position").first().position
    for n in range(extra):
        text = f"{program.name}是一项惠民政策。今年发放补贴{n + 1}万元。联系电话13800138000。问：怎么申请？答：到社区办理。"
        article = Article.objects.create(source=source, position=top + 1 + n, headline=f"报道{n}", text=text)
        ProgramMention.objects.create(article=article, program=program, name=program.name, text=program.name, start=0, end=len(program.name))
        Figure.objects.create(article=article, indicator=indicator, value=10000 * (n + 1), unit="元", text="补贴", start=20, end=24)
        RegionMention.objects.create(article=article, region_id="150200", name="包头市", text="包头", start=0, end=2)
        PersonalData.objects.create(article=article, kind=PersonalData.Kind.PHONE, text="13800138000", start=30, end=41)
        QAPair.objects.create(article=article, question="怎么申请？", answer="到社区办理。", text="问：怎么申请？答：到社区办理。", start=42, end=57)
    archive_changed()  # as every write path ends: the programme's cached count is recomputed


def test_a_programme_page_runs_the_same_queries_for_many_more_mentions(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    program = _busiest()
    url = program.get_absolute_url()
    client.get(url)  # the summary counts of this archive generation are written by the first reader
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    count = client.get(url).context["profile"].article_count
    _grow(program, 25)
    client.get(url)
    with CaptureQueriesContext(connection) as after:
        response = client.get(url)
    assert len(response.context["profile"].mentions) >= 25
    assert response.context["profile"].article_count == count + 25  # the summary is current after the change
    assert len(after.captured_queries) == len(before.captured_queries), [q["sql"][:120] for q in after.captured_queries]
    # Rows join their article's page file: its stored bytes and text (tens of kilobytes each) are left behind.
    assert not [q["sql"] for q in after.captured_queries if '"articles_source"."raw"' in q["sql"]]


def test_the_programme_list_count_follows_an_editors_rejection_at_once(client, django_user_model):
    """/policies/ reads its counts from a summary table rewritten once per archive generation: an editor's review
    (which ends with archive_changed, as every write path does) is counted on the next request, never stale."""
    from articles.services.review import records_review

    program = client.get("/policies/").context["page"].object_list[0]  # the most mentioned
    listed = lambda: next(p.article_count for p in client.get("/policies/").context["page"].object_list if p.pk == program.pk)  # noqa: E731
    before = listed()
    assert before == client.get(program.get_absolute_url()).context["profile"].article_count
    article_id = ProgramMention.objects.published().originals().filter(program=program).values_list("article_id", flat=True).first()
    editor = django_user_model.objects.create_user("editor-counts", password="x")
    records_review(records=ProgramMention.objects.filter(program=program, article_id=article_id), user=editor, status="rejected")
    assert listed() == before - 1
    api = client.get("/api/v1/programs?limit=100").json()["results"]
    assert next(row["article_count"] for row in api if row["slug"] == program.slug) == before - 1


def test_the_qa_list_reads_its_count_from_the_home_counts_and_follows_a_rejection(client, django_user_model):
    """The unfiltered /qa/ takes its count from the cached home aggregates (no count query) when they are cached;
    an editor's rejection moves them on (archive_changed), so the count is never the one before it."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles.services.review import records_review

    def count(warm: bool) -> int:
        if warm:
            client.get("/")  # computes the home aggregates for this generation
        with CaptureQueriesContext(connection) as queries:
            page = client.get("/qa/").context["page"]
        assert sum("COUNT(*)" in query["sql"] for query in queries.captured_queries) == (0 if warm else 1)
        return page.paginator.count

    before = QAPair.objects.published().originals().count()
    assert count(warm=True) == before > 0
    pair = QAPair.objects.published().originals().first()
    editor = django_user_model.objects.create_user("editor-qa-count", password="x")
    records_review(records=QAPair.objects.filter(pk=pair.pk), user=editor, status="rejected")
    assert count(warm=False) == before - 1
    assert count(warm=True) == before - 1
    # A filter: counted in SQL, as before.
    with CaptureQueriesContext(connection) as queries:
        client.get("/qa/", {"status": "auto"})
    assert sum("COUNT(*)" in query["sql"] for query in queries.captured_queries) == 1


def test_a_programme_page_s_region_counts_are_cached_and_follow_a_rejection_at_once(client, django_user_model):
    """The programme page's region counts (over every article naming it) are computed once per archive generation;
    an editor's rejection of a region mention moves the generation on, so the next page counts without it."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles.models import RegionMention
    from articles.services.review import records_review

    program = _busiest()
    regions = lambda: {r["region__code"]: r["article_count"] for r in client.get(program.get_absolute_url()).context["profile"].regions}  # noqa: E731
    before = regions()
    with CaptureQueriesContext(connection) as queries:
        assert regions() == before  # warm: read from the cache, no count over the mentions
    assert not any("COUNT(DISTINCT" in query["sql"] for query in queries.captured_queries)
    code, articles = max(before.items(), key=lambda item: item[1])
    named = ProgramMention.objects.published().originals().filter(program=program).values("article_id")
    mentions = RegionMention.objects.published().filter(region_id=code, article_id__in=named)
    article_id = mentions.values_list("article_id", flat=True).first()
    editor = django_user_model.objects.create_user("editor-program-regions", password="x")
    records_review(records=RegionMention.objects.filter(region_id=code, article_id=article_id), user=editor, status="rejected")
    assert regions().get(code, 0) == articles - 1
