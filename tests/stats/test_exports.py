"""Figure exports (CSV, XLSX, JSON): complete for the selection, each stating its row count."""
import csv
import io
import json

import pytest
from openpyxl import load_workbook

from stats.exports import COLUMNS, figures_csv_response, figures_json_response, figures_xlsx_response
from stats.models import Figure

pytestmark = pytest.mark.django_db


@pytest.fixture
def figures():
    return Figure.objects.published().filter(unit="元").order_by("id")


def test_csv_states_its_count_then_header_then_every_row(figures):
    response = figures_csv_response(figures, "f.csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][0].startswith("# ") and f"共 {figures.count()} 条" in rows[0][0]
    assert rows[1] == list(COLUMNS)
    assert [int(row[0]) for row in rows[2:]] == list(figures.values_list("id", flat=True))
    assert response["Content-Disposition"] == 'attachment; filename="f.csv"'


def test_xlsx_has_a_note_sheet_with_the_count_and_a_data_sheet(figures):
    workbook = load_workbook(io.BytesIO(figures_xlsx_response(figures, "f.xlsx").content))
    assert workbook.sheetnames == ["说明", "数据"]
    assert list(workbook["说明"].iter_rows(values_only=True))[1] == ("条数", figures.count())
    data = list(workbook["数据"].iter_rows(values_only=True))
    assert data[0] == tuple(COLUMNS) and len(data) == figures.count() + 1
    assert data[1][1] == figures.first().value


def test_json_has_the_count_and_every_row(figures):
    body = json.loads(figures_json_response(figures, "f.json").content)
    assert body["count"] == len(body["results"]) == figures.count() > 0
    assert body["results"][0]["id"] == figures.first().pk


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_the_stats_page_downloads_the_whole_selection(client, fmt):
    response = client.get(f"/stats/figures.{fmt}?unit=元")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="minsheng-figures.{fmt}"'
