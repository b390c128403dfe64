"""HTTP manners: ETag and Last-Modified with 304 on conditional requests, Cache-Control, CORS for reads only."""
import pytest

from articles.models import Article
from stats.models import Figure

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
    Article.objects.filter(pk=first.json()["results"][0]["id"]).update(public_headline="改过的标题")  # what the API shows
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
    assert "ETag" in allowed["Access-Control-Expose-Headers"] and "origin" in allowed["Vary"].lower()
    other = client.get("/api/v1/articles?limit=1", headers={"Origin": "https://evil.example"})
    assert not other.has_header("Access-Control-Allow-Origin")


def test_a_cors_preflight_allows_reads_but_not_writes(client, settings):
    settings.CORS_ALLOW_ALL_ORIGINS = True  # what CORS_ALLOWED_ORIGINS=* in the environment sets (tests/test_settings.py)
    preflight = client.options(
        "/api/v1/articles", headers={"Origin": "https://example.org", "Access-Control-Request-Method": "GET"}
    )
    assert 200 <= preflight.status_code < 300 and preflight.content == b""
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "POST" not in preflight["Access-Control-Allow-Methods"]


def test_no_cors_headers_without_configured_origins(client, settings):
    settings.CORS_ALLOWED_ORIGINS = []
    response = client.get("/api/v1/articles?limit=1", headers={"Origin": "https://example.org"})
    assert not response.has_header("Access-Control-Allow-Origin")


def test_cors_stays_off_the_site_and_the_admin(client, settings):
    settings.CORS_ALLOW_ALL_ORIGINS = True
    for path in ("/", "/articles/", "/admin/login/"):
        assert not client.get(path, headers={"Origin": "https://example.org"}).has_header("Access-Control-Allow-Origin")


ENTITY_HEADERS = ("Content-Type", "Content-Length", "ETag", "Last-Modified", "Cache-Control", "Link", "Vary", "Content-Disposition")


@pytest.mark.parametrize("path", ["articles?limit=2", "articles/1", "figures", "figures?format=csv", "programs", "qa",
                                  "dates", "regions", "regions/150000", "search?q=医保", "sources", "health"])
def test_head_answers_every_get_route_with_the_same_headers_and_no_body(client, path):
    get = client.get(f"/api/v1/{path}")
    head = client.head(f"/api/v1/{path}")
    assert head.status_code == get.status_code == 200
    assert head.content == b""
    for name in ENTITY_HEADERS:
        if name == "Content-Length" and get.streaming:
            continue  # a streamed CSV has no length before it is written
        assert head.get(name) == get.get(name), name
    if not get.streaming:
        assert head["Content-Length"] == str(len(get.content))


def test_head_is_conditional_too(client):
    etag = client.get("/api/v1/articles?limit=2")["ETag"]
    assert client.head("/api/v1/articles?limit=2", headers={"If-None-Match": etag}).status_code == 304


def test_methods_not_allowed_list_head_beside_get(client):
    response = client.delete("/api/v1/articles")
    assert response.status_code == 405 and "HEAD" in response["Allow"] and "GET" in response["Allow"]


@pytest.mark.parametrize("how", [{"path": "/api/v1/figures?format=csv"}, {"path": "/api/v1/figures", "headers": {"Accept": "text/csv"}},
                                 {"path": "/api/v1/figures"}])
def test_figures_vary_by_accept(client, how):
    response = client.get(how["path"], headers=how.get("headers", {}))
    vary = {name.strip().lower() for name in response["Vary"].split(",")}  # header names are case-insensitive
    assert {"accept", "origin"} <= vary


def test_the_csv_has_a_weak_etag_and_a_matching_one_gets_a_304(client):
    first = client.get("/api/v1/figures?format=csv")
    assert first["ETag"].startswith('W/"')
    again = client.get("/api/v1/figures?format=csv", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == first["ETag"] and "Accept" in again["Vary"]
    by_accept = client.get("/api/v1/figures", headers={"Accept": "text/csv", "If-None-Match": first["ETag"]})
    assert by_accept.status_code == 304  # the same selection asked for by Accept


def test_the_csv_etag_follows_the_selection_not_the_spelling_of_the_query(client):
    plain = client.get("/api/v1/figures?format=csv")["ETag"]
    by_unit = client.get("/api/v1/figures?format=csv&unit=元")["ETag"]
    reordered = client.get("/api/v1/figures?unit=%20元%20&limit=5&format=csv")["ETag"]  # paging does not shape a CSV
    assert by_unit != plain and reordered == by_unit
    assert client.get("/api/v1/figures?format=csv&sort=value")["ETag"] != plain


def test_the_csv_etag_changes_when_the_data_does(client):
    etag = client.get("/api/v1/figures?format=csv")["ETag"]
    figure = Figure.objects.published().first()
    figure.value += 1
    figure.save()  # a reviewed change leaves a history row: the data version moves
    response = client.get("/api/v1/figures?format=csv", headers={"If-None-Match": etag})
    assert response.status_code == 200 and response["ETag"] != etag
