"""HTTP manners: ETag and Last-Modified with 304 on conditional requests, Cache-Control, CORS for reads only."""
import pytest

from articles.models import Article

pytestmark = pytest.mark.django_db


def test_answers_carry_an_etag_last_modified_and_cache_control(client):
    response = client.get("/api/v1/articles?limit=3")
    assert response["ETag"].startswith('"')
    assert response.has_header("Last-Modified")
    assert "max-age=" in response["Cache-Control"]


def test_a_matching_etag_gets_a_304_without_a_body(client):
    etag = client.get("/api/v1/figures?limit=3")["ETag"]
    again = client.get("/api/v1/figures?limit=3", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    other = client.get("/api/v1/figures?limit=4", headers={"If-None-Match": etag})
    assert other.status_code == 200


def test_a_change_to_the_data_changes_the_etag(client):
    first = client.get("/api/v1/articles?limit=3")
    Article.objects.filter(pk=first.json()["results"][0]["id"]).update(headline="改过的标题")
    second = client.get("/api/v1/articles?limit=3", headers={"If-None-Match": first["ETag"]})
    assert second.status_code == 200 and second["ETag"] != first["ETag"]


def test_if_modified_since_gets_a_304_when_nothing_changed(client):
    last_modified = client.get("/api/v1/regions")["Last-Modified"]
    assert client.get("/api/v1/regions", headers={"If-Modified-Since": last_modified}).status_code == 304


def test_details_are_conditional_too(client):
    article = Article.objects.published().first()
    etag = client.get(f"/api/v1/articles/{article.pk}")["ETag"]
    assert client.get(f"/api/v1/articles/{article.pk}", headers={"If-None-Match": etag}).status_code == 304


def test_cors_lets_configured_origins_read(client, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://example.org"]
    allowed = client.get("/api/v1/articles?limit=1", headers={"Origin": "https://example.org"})
    assert allowed["Access-Control-Allow-Origin"] == "https://example.org"
    assert "ETag" in allowed["Access-Control-Expose-Headers"] and "Origin" in allowed["Vary"]
    other = client.get("/api/v1/articles?limit=1", headers={"Origin": "https://evil.example"})
    assert not other.has_header("Access-Control-Allow-Origin")


def test_a_cors_preflight_allows_reads_but_not_writes(client, settings):
    settings.CORS_ALLOWED_ORIGINS = ["*"]
    preflight = client.options(
        "/api/v1/articles", headers={"Origin": "https://example.org", "Access-Control-Request-Method": "GET"}
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "POST" not in preflight["Access-Control-Allow-Methods"]


def test_no_cors_headers_without_configured_origins(client, settings):
    settings.CORS_ALLOWED_ORIGINS = []
    response = client.get("/api/v1/articles?limit=1", headers={"Origin": "https://example.org"})
    assert not response.has_header("Access-Control-Allow-Origin")
