"""Figures as files — CSV (streamed), XLSX and JSON — complete for any selection, each stating its row count."""
from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Iterator
from datetime import date, datetime

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import QuerySet
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from stats.models import Figure

# Column name → database path, in file order: the figure, its indicator, its provenance and its article.
COLUMNS = {
    "id": "id",
    "value": "value",
    "value_max": "value_max",
    "unit": "unit",
    "qualifier": "qualifier",
    "measure": "measure",
    "change": "change",
    "period": "period",
    "region": "region_text",
    "indicator": "indicator__name",
    "indicator_slug": "indicator__slug",
    "text": "text",
    "status": "status",
    "extractor_version": "extractor_version",
    "article_id": "article_id",
    "start": "start",
    "end": "end",
    "headline": "article__public_headline",
    "published_on": "article__issue_date",
    "source": "article__source__name",
}
CHUNK = 2000
# Text a spreadsheet would run as a formula when it starts a cell (OWASP "CSV injection"): = + - @, tab, CR.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _values(figures: QuerySet[Figure]):
    # values_list() keeps the selection's order and needs no select_related; a hidden indicator is not named.
    return figures.values_list(*COLUMNS.values(), "indicator__is_public")


def _public(row: tuple) -> list:
    *values, indicator_public = row
    if not indicator_public:
        values[9] = values[10] = None
    return values


def figures_rows(figures: QuerySet[Figure]) -> Iterator[list]:
    """Every figure of the selection as a list of COLUMNS values (streamed from the database in chunks)."""
    for row in _values(figures).iterator(chunk_size=CHUNK):
        yield _public(row)


def spreadsheet_cell(value):
    """A value as a CSV or XLSX cell: the control characters a workbook cannot hold are dropped, and text that a
    spreadsheet would run as a formula gets a leading apostrophe (OWASP); numbers, and text that is only a number,
    stay as they are."""
    if not isinstance(value, str):
        return value
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if value.startswith(FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def spreadsheet_rows(figures: QuerySet[Figure]) -> Iterator[list]:
    """`figures_rows` made safe for spreadsheets (every CSV and XLSX export writes these)."""
    for values in figures_rows(figures):
        yield [spreadsheet_cell(value) for value in values]


def _note(count: int) -> str:
    return f"民生 Minsheng 数据导出：共 {count} 条；导出时间 {timezone.localtime():%Y-%m-%d %H:%M}"


def figures_csv_rows(figures: QuerySet[Figure]) -> Iterator[list]:
    """The CSV lines as lists: a leading comment row stating the row count, the header, then every figure."""
    yield [f"# {_note(figures.count())}"]
    yield list(COLUMNS)
    for values in spreadsheet_rows(figures):
        yield ["" if value is None else value.isoformat() if isinstance(value, date) else value for value in values]


class _Echo:
    def write(self, value: str) -> str:
        return value


def _attachment(filename: str) -> str:
    return f'attachment; filename="{filename}"'


def figures_csv_response(figures: QuerySet[Figure], filename: str) -> StreamingHttpResponse:
    """The selection as UTF-8 CSV (with BOM, so spreadsheet programs read the Chinese), streamed row by row."""
    writer = csv.writer(_Echo())

    def lines() -> Iterator[str]:
        yield "\ufeff"
        for row in figures_csv_rows(figures):
            yield writer.writerow(row)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = _attachment(filename)
    return response


def figures_xlsx_response(figures: QuerySet[Figure], filename: str) -> HttpResponse:
    """The selection as an Excel workbook: sheet 说明 states the row count, sheet 数据 holds the header and rows."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    about = workbook.create_sheet("说明")
    count = figures.count()
    about.append([_note(count)])
    about.append(["条数", count])
    data = workbook.create_sheet("数据")
    data.append(list(COLUMNS))
    for values in spreadsheet_rows(figures):
        data.append(values)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = _attachment(filename)
    return response


def figures_json_response(figures: QuerySet[Figure], filename: str) -> HttpResponse:
    """The selection as JSON: {"count", "note", "columns", "results": [{column: value}, …]}."""
    rows = [dict(zip(COLUMNS, values, strict=True)) for values in figures_rows(figures)]
    body = {"count": len(rows), "note": _note(len(rows)), "columns": list(COLUMNS), "results": rows}
    response = HttpResponse(json.dumps(body, cls=DjangoJSONEncoder, ensure_ascii=False), content_type="application/json")
    response["Content-Disposition"] = _attachment(filename)
    return response


def figures_csv_etag(selection: dict, data_version: datetime | None) -> str:
    """A weak ETag for a CSV export: what decides its rows — the data's last change, the selection (validated
    filters and sort, so spelling and paging do not matter) and the columns. Weak: the comment row's export time
    differs from one download to the next, the data does not."""
    key = json.dumps(
        {"data": data_version.isoformat() if data_version else None, "selection": selection, "columns": list(COLUMNS)},
        sort_keys=True,
        ensure_ascii=False,
    )
    return 'W/"' + hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + '"'
