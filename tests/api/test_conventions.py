"""List conventions shared by every list: limits, offsets, next links, `fields`, `facets`, sorting and errors."""
import pytest

from articles.models import Article
from stats.models import Figure

pytestmark = pytest.mark.django_db
LISTS = ["articles", "figures", "programs", "qa", "dates", "regions", "sources"]


@pytest.mark.parametrize("name", LISTS)
def test_every_list_has_the_same_envelope_and_link_header(client, name):
    response = client.get(f"/api/v1/{name}?limit=1")
    body = response.json()
    assert {"count", "limit", "offset", "next", "results"} <= set(body)
    assert body["limit"] == 1 and len(body["results"]) == 1
    assert response["Link"] == f'<{body["next"]}>; rel="next"'


def test_the_last_page_has_no_next_link_and_past_the_end_is_empty(client):
    count = Article.objects.published().count()
    last = client.get(f"/api/v1/articles?limit=5&offset={count - 1}")
    assert len(last.json()["results"]) == 1 and last.json()["next"] is None
    assert not last.has_header("Link")
    past = client.get(f"/api/v1/articles?offset={count + 10}").json()
    assert past["results"] == [] and past["count"] == count


def test_next_links_keep_the_filters(client):
    body = client.get("/api/v1/figures?unit=元&limit=2").json()
    assert "unit=%E5%85%83" in body["next"] and "offset=2" in body["next"]


@pytest.mark.parametrize(
    "query, param",
    [("limit=0", "limit"), ("limit=101", "limit"), ("offset=-1", "offset"), ("limit=abc", "limit"),
     ("sort=sideways", "sort"), ("fields=nope", "fields"), ("facets=colour", "facets"), ("region=15", "region"),
     ("date_from=2026-13-01", "date_from"), ("kind=poem", "kind"), ("date_from=2026-01-01&date_to=2025-01-01", "date_from"),
     ("region=999999", "region"), ("measure=就业", "measure")],
)
def test_a_bad_parameter_is_a_422_naming_it(client, query, param):
    response = client.get(f"/api/v1/articles?{query}")
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["status"] == 422 and error["param"] == param and error["message"]


def test_a_nul_character_is_refused_before_any_query(client):
    response = client.get("/api/v1/articles?q=a%00b")
    assert response.status_code == 400
    assert response.json()["error"]["param"] == "q"


def test_unknown_paths_and_methods_answer_in_the_error_shape(client):
    missing = client.get("/api/v1/nothing-here")
    assert missing.status_code == 404 and missing.json()["error"]["status"] == 404
    not_allowed = client.delete("/api/v1/articles")
    assert not_allowed.status_code == 405 and not_allowed.json()["error"]["status"] == 405


def test_fields_selects_what_each_row_carries(client):
    rows = client.get("/api/v1/figures?fields=id,value,unit&limit=3").json()["results"]
    assert [set(row) for row in rows] == [{"id", "value", "unit"}] * 3


def test_facets_count_the_whole_selection_in_the_same_response(client):
    body = client.get("/api/v1/articles?facets=region,topic,year&limit=1").json()
    assert set(body["facets"]) == {"region", "topic", "year"}
    assert sum(year["count"] for year in body["facets"]["year"]) == body["count"]
    assert body["facets"]["region"][0]["count"] <= body["count"]


def test_figure_facets_count_figures(client):
    body = client.get("/api/v1/figures?facets=year&limit=1").json()
    assert sum(year["count"] for year in body["facets"]["year"]) == body["count"] == Figure.objects.published().count()


def test_sort_orders_the_rows(client):
    values = [row["value"] for row in client.get("/api/v1/figures?sort=-value&limit=20").json()["results"]]
    assert values == sorted(values, reverse=True)
    headlines = [row["headline"] for row in client.get("/api/v1/articles?sort=headline&limit=50").json()["results"]]
    assert headlines == sorted(headlines)


def test_search_needs_a_query_and_finds_articles_programmes_and_qa(client):
    missing = client.get("/api/v1/search")
    assert missing.status_code == 422 and missing.json()["error"]["param"] == "q"
    body = client.get("/api/v1/search?q=医保").json()
    assert body["articles"]["count"] > 0 and "<mark>医保</mark>" in body["articles"]["results"][0]["snippet"]
    assert body["qa_pairs"]


def test_health_checks_the_database_and_is_never_cached(client):
    response = client.get("/api/v1/health")
    assert response.json() == {"status": "ok", "database": "ok"}
    assert response["Cache-Control"] == "no-store"
