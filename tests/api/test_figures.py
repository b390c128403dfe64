"""/api/v1/figures: the site's filters, exact values, and the whole selection as one CSV file."""
import csv
import io

import pytest

from articles.filters import parse_filters
from stats.filters import filter_figures
from stats.models import Figure, Indicator

pytestmark = pytest.mark.django_db


def csv_rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_unit_and_measure_filters_match_the_site_filter_layer(client):
    for query in ({"unit": "元"}, {"measure": "就业"}, {"region": "150100", "unit": "人"}):
        expected = filter_figures(Figure.objects.published().originals(), parse_filters(query)).count()
        body = client.get("/api/v1/figures", query).json()
        assert body["count"] == expected > 0, query


def test_values_are_exact_and_carry_provenance(client):
    figure = Figure.objects.published().originals().order_by("-value").first()
    row = client.get("/api/v1/figures?sort=-value&limit=1").json()["results"][0]
    assert row["id"] == figure.pk and row["value"] == figure.value
    assert row["provenance"]["article_id"] == figure.article_id and row["provenance"]["text"] == figure.text


def test_a_hidden_indicator_is_not_named(client):
    figure = Figure.objects.published().originals().filter(indicator__isnull=False).first()
    Indicator.objects.filter(pk=figure.indicator_id).update(is_public=False)
    rows = client.get(f"/api/v1/figures?measure={figure.measure}&limit=100").json()["results"]
    assert next(row for row in rows if row["id"] == figure.pk)["indicator"] is None


def test_rejected_figures_are_never_listed(client):
    figure = Figure.objects.published().originals().first()
    Figure.objects.filter(pk=figure.pk).update(status="rejected")
    ids = {row["id"] for row in client.get("/api/v1/figures?fields=id&limit=100&offset=0").json()["results"]}
    body = client.get("/api/v1/figures?limit=1").json()
    assert figure.pk not in ids and body["count"] == Figure.objects.published().originals().count()


@pytest.mark.parametrize("how", [{"path": "/api/v1/figures?format=csv"}, {"path": "/api/v1/figures", "headers": {"Accept": "text/csv"}}])
def test_csv_is_the_complete_selection_with_its_row_count(client, how):
    response = client.get(how["path"], headers=how.get("headers", {}))
    assert response["Content-Type"].startswith("text/csv") and response.streaming
    rows = csv_rows(response)
    count = Figure.objects.published().originals().count()
    assert response["X-Total-Count"] == str(count)
    assert rows[0][:3] == ["id", "url", "provenance.article_id"]
    assert len(rows) == count + 1  # never cut to a page


def test_csv_follows_the_filters(client):
    rows = csv_rows(client.get("/api/v1/figures?format=csv&unit=元"))
    unit = rows[0].index("unit")
    assert len(rows) - 1 == filter_figures(Figure.objects.published().originals(), parse_filters({"unit": "元"})).count()
    assert {row[unit] for row in rows[1:]} <= {"元"} | {f.unit for f in Figure.objects.filter(indicator__unit="元")}


def test_the_list_makes_the_same_number_of_queries_for_5_or_100_rows(client, django_assert_max_num_queries):
    client.get("/api/v1/figures?limit=5")
    with django_assert_max_num_queries(6):
        client.get("/api/v1/figures?limit=5")
    with django_assert_max_num_queries(6):
        client.get("/api/v1/figures?limit=100")
