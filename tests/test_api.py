"""The JSON API: articles with a total count, an article, health, and its OpenAPI document and docs offline."""
import re

import pytest

from articles.models import Article

pytestmark = pytest.mark.django_db


def test_it_lists_articles_with_a_total_count_and_a_next_link(client):
    body = client.get("/api/v1/articles?limit=5").json()
    assert body["count"] == Article.objects.count()
    assert len(body["results"]) == 5
    assert body["next"].endswith("/api/v1/articles?limit=5&offset=5")
    assert {"id", "headline", "column", "byline", "kind", "source", "url"} <= set(body["results"][0])


def test_the_last_page_has_no_next_link(client):
    count = Article.objects.count()
    body = client.get(f"/api/v1/articles?limit=5&offset={count - 1}").json()
    assert len(body["results"]) == 1
    assert body["next"] is None


@pytest.mark.parametrize("query", ["limit=0", "limit=1000", "offset=-1", "limit=abc"])
def test_a_malformed_parameter_is_a_422_not_a_500(client, query):
    assert client.get(f"/api/v1/articles?{query}").status_code == 422


def test_it_returns_one_article_with_its_text(client):
    article = Article.objects.first()
    body = client.get(f"/api/v1/articles/{article.pk}").json()
    assert body["headline"] == article.headline
    assert body["text"] == article.text


def test_an_unknown_article_is_a_404(client):
    assert client.get("/api/v1/articles/999999").status_code == 404


def test_health_checks_the_database(client):
    assert client.get("/api/v1/health").json() == {"status": "ok", "database": "ok"}


def test_the_openapi_document_describes_the_routes(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/articles", "/api/v1/articles/{article_id}", "/api/v1/health"} <= set(schema["paths"])


def test_the_docs_page_works_offline(client):
    html = client.get("/api/v1/docs").content.decode()
    assert "swagger" in html.lower()
    assert not re.search(r'(src|href)="https?://', html)
