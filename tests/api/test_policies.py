"""/api/v1/programs and /api/v1/qa: published programmes with their mentions, Q&A with personal data masked."""
import pytest

from articles.models import PersonalData
from articles.services.public_view import article_public_refresh
from policies.models import Program, ProgramKind, ProgramMention, QAPair

pytestmark = pytest.mark.django_db


def test_programmes_are_listed_most_mentioned_first(client):
    rows = client.get("/api/v1/programs?limit=10").json()["results"]
    counts = [row["article_count"] for row in rows]
    assert counts == sorted(counts, reverse=True) and counts[0] >= 1


def test_a_programme_comes_with_its_mentions_and_their_provenance(client):
    mention = ProgramMention.objects.published().select_related("program").first()
    body = client.get(f"/api/v1/programs/{mention.program.slug}").json()
    assert body["name"] == mention.program.name
    provenance = next(m["provenance"] for m in body["mentions"] if m["id"] == mention.pk)
    assert provenance["article_id"] == mention.article_id and provenance["start"] == mention.start


def test_a_hidden_or_unknown_programme_is_a_404(client):
    program = Program.objects.published().first()
    Program.objects.filter(pk=program.pk).update(is_public=False)
    assert client.get(f"/api/v1/programs/{program.slug}").status_code == 404
    assert client.get("/api/v1/programs/no-such-thing").status_code == 404
    slugs = {row["slug"] for row in client.get("/api/v1/programs?limit=100").json()["results"]}
    assert program.slug not in slugs


def test_the_program_filter_narrows_qa_and_articles(client):
    mention = ProgramMention.objects.published().select_related("program").first()
    body = client.get(f"/api/v1/articles?program={mention.program.slug}&limit=100").json()
    assert mention.article_id in {row["id"] for row in body["results"]}


def test_personal_data_in_an_answer_is_masked(client):
    pair = QAPair.objects.published().first()
    phone = "13812345678"
    QAPair.objects.filter(pk=pair.pk).update(answer=pair.answer + f"咨询电话{phone}。", status="corrected")
    PersonalData.objects.create(article_id=pair.article_id, start=0, end=len(phone), text=phone, kind="phone")
    article_public_refresh(article=pair.article)  # what every write of personal data or Q&A ends with
    rows = client.get("/api/v1/qa?limit=100").json()["results"]
    answer = next(row["answer"] for row in rows if row["id"] == pair.pk)
    assert phone not in answer and "138****5678" in answer


def test_qa_search_ranks_by_the_query(client):
    body = client.get("/api/v1/qa?q=医保缴费").json()
    assert body["count"] > 0 and "医保" in body["results"][0]["question"] + body["results"][0]["answer"]


def test_every_listed_programme_has_a_detail_that_matches_the_schema(client, every_row, assert_matches_schema):
    programs = every_row("programs")
    assert len(programs) == Program.objects.published().count()
    for program in programs:
        response = client.get(f"/api/v1/programs/{program['slug']}")
        assert response.status_code == 200, program["slug"]
        assert_matches_schema(response.json(), "programs/{slug}")


@pytest.mark.parametrize("kind", ProgramKind.values)
def test_program_kind_keeps_the_programmes_of_that_kind_as_the_site_does(client, every_row, kind):
    rows = every_row(f"programs?program_kind={kind}")
    assert {row["kind"] for row in rows} == {kind}
    assert len(rows) == Program.objects.published().filter(kind=kind).count()


def test_program_kind_combines_with_the_other_filters(client):
    both = client.get("/api/v1/programs?program_kind=campaign&region=150000").json()
    region = client.get("/api/v1/programs?region=150000&limit=100").json()
    assert both["count"] == sum(row["kind"] == "campaign" for row in region["results"]) > 0


def test_an_unknown_program_kind_is_a_422_naming_it(client):
    response = client.get("/api/v1/programs?program_kind=poem")
    assert response.status_code == 422 and response.json()["error"]["param"] == "program_kind"
    assert "campaign" in response.json()["error"]["message"]
