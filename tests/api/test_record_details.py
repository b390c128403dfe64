"""API detail routes of records, and absolute `url` fields leading to the record's sentence."""
import pytest

from articles.models import DateMention
from policies.models import PolicyDocument, QAPair
from stats.models import Figure

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("path", "model", "prefix"), [("figures", Figure, "f"), ("dates", DateMention, "d"), ("qa", QAPair, "q"),
                                                      ("documents", PolicyDocument, "w")])
def test_a_record_detail_carries_the_absolute_url_of_its_sentence(get_json, assert_matches_schema, path, model, prefix):
    record = model.objects.published().first()
    response, body = get_json(f"/api/v1/{path}/{record.pk}")
    assert response.status_code == 200
    assert body["id"] == record.pk
    assert body["url"] == f"http://testserver/articles/{record.article_id}/#{prefix}-{record.pk}"
    assert_matches_schema(body, f"{path}/{{{ {'figures': 'figure_id', 'dates': 'date_id', 'qa': 'qa_id', 'documents': 'document_id'}[path] }}}")


@pytest.mark.parametrize("path", ["figures", "dates", "qa", "documents"])
def test_an_unknown_or_hidden_record_is_a_404(get_json, path):
    response, body = get_json(f"/api/v1/{path}/999999")
    assert response.status_code == 404 and body["error"]["status"] == 404


def test_list_urls_are_absolute_like_next(get_json):
    _, body = get_json("/api/v1/figures?limit=2")
    assert body["next"].startswith("http://testserver/")
    for figure in body["results"]:
        assert figure["url"].startswith("http://testserver/articles/") and "#f-" in figure["url"]
        assert figure["article"]["url"].startswith("http://testserver/articles/")
    _, articles = get_json("/api/v1/articles?limit=1")
    assert articles["results"][0]["url"].startswith("http://testserver/articles/")
