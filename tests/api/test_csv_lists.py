"""Every API list as CSV: header first with the JSON field names, the whole selection, read by pandas as it is."""
import io

import pandas as pd
import pytest

from config.api_csv import csv_cell, schema_columns
from stats.exports import COLUMNS
from stats.schemas import FigureOut

pytestmark = pytest.mark.django_db

LISTS = ["articles", "dates", "regions", "programs", "documents", "qa", "sources", "figures"]


def _frame(response) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(b"".join(response.streaming_content)), dtype=str, keep_default_na=False)


@pytest.mark.parametrize("name", LISTS)
def test_pandas_reads_every_list_as_csv_with_the_json_names(client, name):
    page = client.get(f"/api/v1/{name}?limit=100").json()
    response = client.get(f"/api/v1/{name}?format=csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    frame = _frame(response)
    assert len(frame) == page["count"] == int(response["X-Total-Count"])  # the whole selection, never a page
    first = page["results"][0]
    for column in frame.columns:  # each column is a field of the JSON item, or a nested field by its path
        value = first
        for part in column.split("."):
            if value is None:  # a nested object that is null in this item (a programme without a region)
                break
            assert part in value, f"{name}: column {column} is not a JSON field"
            value = value[part]
    key = "code" if name == "regions" else "slug" if name == "programs" else "id"
    assert frame[key].iloc[0] == str(first[key])  # the same first row as the first JSON page
    if "url" in frame.columns:
        assert frame["url"].iloc[0] == first["url"] and first["url"].startswith("http://testserver/")


@pytest.mark.parametrize("name", LISTS)
def test_accept_text_csv_gets_the_csv_and_filters_apply(client, name):
    response = client.get(f"/api/v1/{name}", headers={"Accept": "text/csv"})
    assert response["Content-Type"].startswith("text/csv") and "Accept" in response["Vary"]


def test_the_csv_follows_the_filters_of_its_list(client):
    page = client.get("/api/v1/articles?region=150100&limit=1").json()
    assert len(_frame(client.get("/api/v1/articles?region=150100&format=csv"))) == page["count"]


def test_the_figures_csv_has_the_columns_of_the_figures_json():
    assert list(COLUMNS) == schema_columns(FigureOut)


def test_cells_are_written_as_a_spreadsheet_reads_them():
    assert csv_cell(None) == "" and csv_cell(True) == "true"
    assert csv_cell(["梅刚", "王坤"]) == "梅刚; 王坤"
    assert csv_cell("=1+2") == "'=1+2" and csv_cell(-3.5) == -3.5
    assert csv_cell([{"a": 1}]) == '[{"a": 1}]'


@pytest.mark.parametrize(("page", "csv"), [("/articles/?region=150100&page=1", "/api/v1/articles?region=150100&amp;format=csv"),
                                           ("/policies/", "/api/v1/programs?format=csv"), ("/qa/", "/api/v1/qa?format=csv"),
                                           ("/regions/", "/api/v1/regions?format=csv")])
def test_list_pages_offer_their_whole_selection_as_csv(client, page, csv):
    html = client.get(page).content.decode()
    assert f'href="{csv}"' in html and f'href="{csv.replace("format=csv", "format=xlsx")}"' in html


@pytest.mark.parametrize("name", LISTS)
def test_every_list_is_also_a_workbook_with_the_same_header(client, name):
    from openpyxl import load_workbook

    response = client.get(f"/api/v1/{name}?format=xlsx")
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    rows = list(load_workbook(io.BytesIO(response.content))["数据"].iter_rows(values_only=True))
    header = _frame(client.get(f"/api/v1/{name}?format=csv")).columns
    assert list(rows[0]) == list(header)
    assert len(rows) - 1 == int(response["X-Total-Count"])


@pytest.mark.parametrize("url", ["/api/v1/articles?format=xlsx", "/api/v1/figures?format=xlsx"])
def test_a_workbook_too_large_to_build_in_memory_is_refused_and_csv_offered(client, monkeypatch, url):
    import config.api_csv

    monkeypatch.setattr(config.api_csv, "WHOLE_FILE_MAX_ROWS", 2)  # the seed corpus holds more than 2 of each
    response = client.get(url)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["param"] == "format" and "format=csv" in error["message"]
    assert client.get(url.replace("xlsx", "csv")).status_code == 200  # CSV streams whatever the size


@pytest.mark.parametrize("fmt", ["xlsx", "json"])
def test_the_stats_page_refuses_a_whole_file_download_past_the_limit(client, monkeypatch, fmt):
    import config.api_csv

    monkeypatch.setattr(config.api_csv, "WHOLE_FILE_MAX_ROWS", 2)
    response = client.get(f"/stats/figures.{fmt}")
    assert response.status_code == 422 and "下载 CSV" in response.content.decode()
