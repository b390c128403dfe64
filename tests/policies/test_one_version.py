"""A story printed twice (a reprint, `Article.duplicate_of` set) has its Q&A and figures listed once: on the
programme page, /qa/, the region page, /stats/ and the API lists — both versions stay stored."""
from datetime import date

import pytest

from articles.models import Article, Region
from articles.services import source_ingest
from policies.models import Program, ProgramMention, QAPair
from stats.models import Figure

pytestmark = pytest.mark.django_db

STORY = (
    "民声\n\n鄂托克旗就业补贴政策问答\n\n□本报记者 李四\n\n"
    "近日，鄂托克旗人社局就《{program}》相关问题作出解答。今年鄂托克旗共发放就业补贴3876万元，惠及4321人{edit}。\n"
    "问：灵活就业补贴标准是多少？\n答：每人每月870元，按季度发放。\n"
    "问：灵活就业补贴去哪里申请？\n答：向户籍地苏木乡镇（街道）服务站提出申请。\n"
)


@pytest.fixture
def two_versions():
    program = Program.objects.published().order_by("pk").first()
    first = source_ingest(raw=STORY.format(program=program.name, edit="").encode(), name="first.txt", published_on=date(2024, 5, 1)).source
    again = STORY.format(program=program.name, edit="，群众纷纷点赞")
    second = source_ingest(raw=again.encode(), name="second.txt", published_on=date(2024, 5, 3)).source
    original = Article.objects.get(source=first, headline__contains="就业补贴政策问答")
    reprint = Article.objects.get(source=second, headline__contains="就业补贴政策问答")
    assert reprint.duplicate_of_id == original.pk, "the second printing is recognised as the same story"
    for article in (original, reprint):  # both versions carry the records
        assert QAPair.objects.filter(article=article).count() == 2
        assert Figure.objects.filter(article=article, text__contains="3876").exists()
        assert ProgramMention.objects.filter(article=article, program=program).exists()
    return program, original, reprint


def _qa_ids(response) -> set[int]:
    return {pair.pk for pair in response.context["page"].object_list}


def test_the_qa_page_lists_a_reprinted_storys_pairs_once(client, two_versions):
    _, original, reprint = two_versions
    shown = _qa_ids(client.get("/qa/?q=灵活就业补贴"))
    assert set(QAPair.objects.filter(article=original).values_list("pk", flat=True)) <= shown
    assert not shown & set(QAPair.objects.filter(article=reprint).values_list("pk", flat=True))
    rows = client.get("/api/v1/qa?q=灵活就业补贴").json()["results"]
    assert {row["article_id"] if "article_id" in row else row["article"]["id"] for row in rows} == {original.pk}


def test_stats_and_the_figures_api_list_a_reprinted_storys_figures_once(client, two_versions):
    _, original, reprint = two_versions
    dates = "date_from=2024-05-01&date_to=2024-05-03"
    ids = {f["id"] for f in client.get(f"/stats/?{dates}").context["page"].object_list}
    assert set(Figure.objects.filter(article=original).values_list("pk", flat=True)) == ids
    rows = client.get(f"/api/v1/figures?limit=100&{dates}").json()["results"]
    article_ids = {row["article_id"] if "article_id" in row else row["article"]["id"] for row in rows}
    assert original.pk in article_ids and reprint.pk not in article_ids


def test_the_region_page_lists_a_reprinted_storys_figures_once(client, two_versions):
    _, original, reprint = two_versions
    region = Region.objects.get(name="鄂托克旗")
    figures = client.get(f"/regions/{region.code}/").context["figures"]
    article_ids = {f.article_id for f in figures}
    assert reprint.pk not in article_ids


def test_the_programme_page_lists_a_reprinted_storys_records_once(client, two_versions):
    program, original, reprint = two_versions
    profile = client.get(program.get_absolute_url()).context["profile"]
    assert original.pk in {a.pk for a in profile.articles} and reprint.pk not in {a.pk for a in profile.articles}
    assert reprint.pk not in {p.article_id for p in profile.qa_pairs}
    assert reprint.pk not in {f.article_id for f in profile.figures}


def test_a_reprint_stands_in_when_its_earlier_version_is_hidden(client, two_versions):
    _, original, reprint = two_versions
    Article.objects.filter(pk=original.pk).update(is_public=False)
    shown = _qa_ids(client.get("/qa/?q=灵活就业补贴"))
    assert shown == set(QAPair.objects.filter(article=reprint).values_list("pk", flat=True))
    assert QAPair.objects.published().originals().filter(article=reprint).count() == 2


def test_the_programme_list_counts_a_reprinted_story_once_as_its_page_does(client, two_versions):
    program, _, _ = two_versions
    rows = client.get("/policies/", {"q": program.name}).context["page"].object_list
    listed = next(row.article_count for row in rows if row.pk == program.pk)
    assert listed == client.get(program.get_absolute_url()).context["profile"].article_count


def test_the_search_page_and_the_home_page_count_a_reprinted_storys_records_once(client, two_versions):
    _, original, reprint = two_versions
    shown = {pair.pk for pair in client.get("/search/?q=灵活就业补贴").context["qa_pairs"]}
    assert set(QAPair.objects.filter(article=original).values_list("pk", flat=True)) <= shown
    assert not shown & set(QAPair.objects.filter(article=reprint).values_list("pk", flat=True))
    counts = client.get("/").context["counts"]
    assert counts["qa"] == QAPair.objects.published().originals().count() < QAPair.objects.published().count()
    assert counts["figures"] == Figure.objects.published().originals().count() < Figure.objects.published().count()
    assert not QAPair.objects.published().originals().filter(article=reprint).exists()
