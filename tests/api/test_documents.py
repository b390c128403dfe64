"""/api/v1/documents and a programme's `documents`: policy documents named in articles, with issuer, dates and days
in force where the text states them, validated against the OpenAPI document."""
import datetime

import pytest

from articles.services import source_ingest
from policies.models import PolicyDocument

pytestmark = pytest.mark.django_db

BODY = ("近日，自治区人社厅印发《内蒙古自治区就业补助资金管理办法》，自2026年1月1日起施行，有效期至2028年12月31日。\n"
        "今年以来，全区深入实施“稳岗扩岗”专项行动。自治区人社厅印发《关于深化稳岗扩岗专项行动的通知》，执行至2026年底。")


@pytest.fixture
def notice():
    page = f"民声\n\n就业补助资金有新规\n\n□本报记者 张三\n\n{BODY}\n".encode()
    source_ingest(raw=page, name="2025-11-20_api_documents.txt", published_on=datetime.date(2025, 11, 20))
    return PolicyDocument.objects.select_related("program").get(title="关于深化稳岗扩岗专项行动的通知")


def test_a_programme_lists_the_documents_named_for_it(get_json, assert_matches_schema, notice):
    response, body = get_json(f"/api/v1/programs/{notice.program.slug}")
    assert response.status_code == 200
    assert_matches_schema(body, "programs/{slug}")
    document = next(d for d in body["documents"] if d["id"] == notice.pk)
    assert document["title"] == "关于深化稳岗扩岗专项行动的通知" and document["issuer"] == "自治区人社厅"
    assert document["valid_to"] == "2026-12-31" and document["program"]["slug"] == notice.program.slug
    assert document["url"].endswith(f"/articles/{notice.article_id}/#w-{notice.pk}")


def test_the_documents_list_filters_by_programme_and_words(get_json, assert_matches_schema, notice):
    response, body = get_json(f"/api/v1/documents?program={notice.program.slug}")
    assert response.status_code == 200
    assert_matches_schema(body, "documents")
    assert [row["id"] for row in body["results"]] == [notice.pk]
    _, body = get_json("/api/v1/documents?q=就业补助资金")
    assert [row["title"] for row in body["results"]] == ["内蒙古自治区就业补助资金管理办法"]
    assert body["results"][0]["valid_from"] == "2026-01-01" and body["results"][0]["valid_to"] == "2028-12-31"


def test_a_programme_shows_its_days_in_force(get_json, notice):
    funds = PolicyDocument.objects.select_related("program").get(title="内蒙古自治区就业补助资金管理办法")
    _, body = get_json(f"/api/v1/programs/{funds.program.slug}")
    assert (body["valid_from"], body["valid_to"]) == ("2026-01-01", "2028-12-31")


def test_a_rejected_document_leaves_the_api(get_json, notice):
    PolicyDocument.objects.filter(pk=notice.pk).update(status="rejected")
    assert get_json(f"/api/v1/documents/{notice.pk}")[0].status_code == 404
    _, body = get_json(f"/api/v1/documents?program={notice.program.slug}")
    assert body["count"] == 0


def test_the_documents_of_a_hidden_programme_are_hidden_with_it(get_json, notice):
    from policies.models import Program

    Program.objects.filter(pk=notice.program_id).update(is_public=False)
    assert get_json(f"/api/v1/documents/{notice.pk}")[0].status_code == 404
    _, body = get_json("/api/v1/documents?q=稳岗扩岗")
    assert body["count"] == 0
