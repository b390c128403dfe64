"""List conventions shared by every list: limits, offsets, next links, `fields`, `facets`, sorting and errors."""
import pytest

from articles.models import Article
from articles.search import search_programs, search_qa
from policies.models import Program, QAPair
from stats.models import Figure

pytestmark = pytest.mark.django_db
LISTS = ["articles", "figures", "programs", "documents", "qa", "dates", "regions", "sources"]


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
    assert sum(year["count"] for year in body["facets"]["year"]) == body["count"] == Figure.objects.published().originals().count()  # a reprint once


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


# Every GET route, with a real id where it takes one.
GET_ROUTES = ["articles", "articles/1", "figures", "programs", "programs/{slug}", "documents", "qa", "dates", "regions",
              "regions/150000", "search?q=医保", "sources", "health"]


@pytest.fixture
def route():
    def concrete(path: str) -> str:
        return path.replace("{slug}", Program.objects.published().order_by("pk").first().slug)

    return concrete


@pytest.mark.parametrize("path", GET_ROUTES)
def test_an_unknown_query_parameter_is_a_422_naming_it_on_every_route(client, route, path):
    url = route(f"/api/v1/{path}")
    response = client.get(f"{url}{'&' if '?' in url else '?'}colour=red")
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["param"] == "colour" and "unknown" in error["message"]


def test_format_is_only_a_parameter_of_figures_and_only_json_or_csv(client):
    for path, status in [("articles?format=xml", 422), ("figures?format=xml", 422), ("figures?format=json", 200)]:
        response = client.get(f"/api/v1/{path}")
        assert response.status_code == status, path
        if status == 422:
            assert response.json()["error"]["param"] == "format", path


@pytest.mark.parametrize("path, param", [("regions?measure=就业", "measure"), ("sources?region=150000", "region"),
                                         ("articles?status=confirmed", "status"), ("programs?unit=元", "unit")])
def test_a_filter_that_does_not_apply_to_a_list_is_a_422_naming_it(client, path, param):
    response = client.get(f"/api/v1/{path}")
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["param"] == param and "does not apply" in error["message"]


@pytest.mark.parametrize("name", ["articles", "figures", "programs", "documents", "qa", "dates", "regions", "search?q=医保"])
def test_an_unknown_division_is_a_422_naming_region_on_every_list(client, name):
    response = client.get(f"/api/v1/{name}{'&' if '?' in name else '?'}region=999999")
    assert response.status_code == 422
    assert response.json()["error"] == {"status": 422, "message": "999999 is not a known division code", "param": "region"}


@pytest.mark.parametrize("path, param", [("regions/%00", "code"), ("programs/%00", "slug"), ("programs/a%00b", "slug")])
def test_a_nul_character_in_the_path_is_a_400_in_the_error_shape(client, path, param):
    response = client.get(f"/api/v1/{path}")
    assert response.status_code == 400
    assert response.json()["error"] == {"status": 400, "message": "contains a NUL character", "param": param}


@pytest.mark.parametrize("name", ["articles", "figures", "programs", "documents", "qa", "dates", "search?q=医保"])
def test_every_region_facet_value_used_as_the_filter_selects_exactly_its_count(client, name):
    url = f"/api/v1/{name}{'&' if '?' in name else '?'}facets=region&limit=1"
    body = client.get(url).json()
    facets = body["facets"]["region"] if "facets" in body else body["articles"]["facets"]["region"]
    assert facets
    for facet in facets:
        filtered = client.get(f"{url}&region={facet['value']}").json()
        count = filtered["count"] if "count" in filtered else filtered["articles"]["count"]
        assert count == facet["count"], (name, facet)


def test_search_counts_every_matching_programme_and_qa_pair_and_lists_the_best_ten(client):
    body = client.get("/api/v1/search?q=行动").json()
    assert body["programs_count"] == len(search_programs("行动", Program.objects.published())) > 10
    assert len(body["programs"]) == 10
    body = client.get("/api/v1/search?q=医保").json()
    assert body["qa_count"] == len(body["qa_pairs"]) == len(search_qa("医保", QAPair.objects.published())) > 0


@pytest.mark.parametrize("name", ["articles", "figures", "programs", "documents", "qa", "dates"])
def test_facets_of_an_empty_selection_are_empty(client, name):
    body = client.get(f"/api/v1/{name}?q=没有这样的词语zzz&facets=region,topic,year").json()
    assert body["count"] == 0 and body["facets"] == {"region": [], "topic": [], "year": []}
