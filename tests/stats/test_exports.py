"""Figure exports (CSV, XLSX, JSON): complete for the selection, each stating its row count."""
import csv
import io
import json

import pytest
from openpyxl import load_workbook

from articles.services.public_view import article_public_refresh
from stats.exports import COLUMNS, figures_csv_response, figures_json_response, figures_xlsx_response
from stats.models import Figure

pytestmark = pytest.mark.django_db


@pytest.fixture
def figures():
    return Figure.objects.published().filter(unit="元").order_by("id")


def test_csv_starts_with_its_header_then_every_row_and_states_its_count_in_a_header(figures):
    response = figures_csv_response(figures, "f.csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0] == list(COLUMNS)
    assert [int(row[0]) for row in rows[1:]] == list(figures.values_list("id", flat=True))
    assert response["X-Total-Count"] == str(figures.count())
    assert response["Content-Disposition"] == 'attachment; filename="f.csv"'


def test_csv_writes_change_or_level_as_true_or_false_like_every_api_csv(figures):
    response = figures_csv_response(figures, "f.csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    expected = ["true" if change else "false" for change in figures.values_list("is_change", flat=True)]
    assert [row["is_change"] for row in rows] == expected and "false" in expected


def test_xlsx_has_a_note_sheet_with_the_count_and_a_data_sheet(figures):
    workbook = load_workbook(io.BytesIO(figures_xlsx_response(figures, "f.xlsx").content))
    assert workbook.sheetnames == ["说明", "数据"]
    assert list(workbook["说明"].iter_rows(values_only=True))[1] == ("条数", figures.count())
    data = list(workbook["数据"].iter_rows(values_only=True))
    assert data[0] == tuple(COLUMNS) and len(data) == figures.count() + 1
    assert data[1][list(COLUMNS).index("value")] == figures.first().value


def test_json_has_the_count_and_every_row(figures):
    body = json.loads(figures_json_response(figures, "f.json").content)
    assert body["count"] == len(body["results"]) == figures.count() > 0
    assert body["results"][0]["id"] == figures.first().pk


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_the_stats_page_downloads_the_whole_selection(client, fmt):
    response = client.get(f"/stats/figures.{fmt}?unit=元")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="minsheng-figures.{fmt}"'


HYPERLINK = '=HYPERLINK("http://example.com/","点此领取补贴")'


@pytest.fixture
def hostile_figure(figures):
    """A figure as an editor or a bad scan can leave it: a control character in its text, a formula for a headline
    (another article's), and a negative value."""
    figure = figures.first()
    Figure.objects.filter(pk=figure.pk).update(text="发放\x07补贴\x1b12万元", measure="@SUM(A1:A9)", value=-3.5)
    article = figure.article
    article.headline = HYPERLINK
    article.save(update_fields=["headline"])
    article_public_refresh(article=article)  # what the public (and so every export) sees of the new headline
    return Figure.objects.get(pk=figure.pk)


def _xlsx_row(response, figure_id):
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook["数据"]
    header = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == figure_id:
            return {name: cell for name, cell in zip(header, row, strict=True)}
    raise AssertionError("figure not in the workbook")


def test_a_control_character_in_a_figure_does_not_break_the_xlsx_download(client, hostile_figure):
    response = client.get("/stats/figures.xlsx?unit=元")
    assert response.status_code == 200
    assert _xlsx_row(response, hostile_figure.pk)["provenance.text"].value == "发放补贴12万元"


def test_xlsx_cells_that_would_run_as_formulas_are_text_and_negative_numbers_stay_numbers(client, hostile_figure):
    row = _xlsx_row(client.get("/stats/figures.xlsx?unit=元"), hostile_figure.pk)
    assert row["article.headline"].value == "'" + HYPERLINK and row["article.headline"].data_type == "s"
    assert row["measure"].value == "'@SUM(A1:A9)"
    assert row["value"].value == -3.5 and row["value"].data_type == "n"


def test_csv_cells_that_would_run_as_formulas_start_with_an_apostrophe(client, hostile_figure):
    response = client.get("/stats/figures.csv?unit=元")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    row = dict(zip(rows[0], next(r for r in rows[1:] if r[0] == str(hostile_figure.pk)), strict=True))
    assert row["article.headline"] == "'" + HYPERLINK and row["measure"] == "'@SUM(A1:A9)"
    assert row["value"] == "-3.5" and row["provenance.text"] == "发放补贴12万元"


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+2", "'=1+2"), ("+86 471 1234", "'+86 471 1234"), ("-2+3", "'-2+3"), ("@A1", "'@A1"),
        ("\tx", "'\tx"), ("\r=1", "'\r=1"), ("\x03=1", "'=1"), ("同比-3%", "同比-3%"), ("-12.5", "-12.5"),
        (-12.5, -12.5), (None, None),
    ],
)
def test_a_spreadsheet_cell_is_neutralised_the_owasp_way(value, cell):
    from stats.exports import spreadsheet_cell

    assert spreadsheet_cell(value) == cell
