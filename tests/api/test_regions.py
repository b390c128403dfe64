"""/api/v1/regions and /api/v1/regions/{code}: the divisions named in the articles, with counts and their lists."""
import pytest

pytestmark = pytest.mark.django_db


def test_every_listed_division_has_a_detail_that_matches_the_schema(client, every_row, assert_matches_schema):
    regions = every_row("regions")
    assert len(regions) > 10
    for region in regions:
        response = client.get(f"/api/v1/regions/{region['code']}")
        assert response.status_code == 200, region["code"]
        assert_matches_schema(response.json(), "regions/{code}")


def test_an_unknown_division_as_a_filter_is_a_422_naming_region_like_every_list(client):
    response = client.get("/api/v1/regions?region=999999")
    assert response.status_code == 422
    assert response.json()["error"]["param"] == "region"


def test_region_keeps_the_divisions_under_a_code(client, every_row):
    codes = [row["code"] for row in every_row("regions?region=150100")]
    assert codes and all(code.startswith("1501") for code in codes)


def test_an_unknown_division_is_a_404(client):
    response = client.get("/api/v1/regions/999999")
    assert response.status_code == 404 and response.json()["error"]["status"] == 404
