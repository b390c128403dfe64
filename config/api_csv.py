"""Any API list as one file — CSV (`format=csv`, or `Accept: text/csv`) or an Excel workbook (`format=xlsx`): the
whole selection, paging ignored; a header of the JSON field names (a nested field by its dotted path, `source.name`),
then one row per item."""
from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from typing import Literal, get_args, get_origin

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers
from ninja import Field, Schema
from pydantic import BaseModel

from config.api_http import ApiError, absolute_urls
from stats.exports import CHUNK, csv_response, spreadsheet_cell

FORMAT = Field(
    None,
    description="json (default): a page of the list; csv: the whole selection as one CSV file (also with "
    "`Accept: text/csv`), a header of the JSON field names (nested ones as `a.b`) first; xlsx: the same as an Excel "
    "workbook; paging, `fields` and `facets` ignored",
    examples=["csv"],
)
FORMAT_PARAM = {"format": (Literal["json", "csv", "xlsx"] | None, FORMAT)}
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def wants_csv(request: HttpRequest, format: str | None) -> bool:
    """A file when `format=csv` or `format=xlsx`, or without `format` when the client accepts CSV and not JSON."""
    if format is not None:
        return format in ("csv", "xlsx")
    accept = request.headers.get("Accept", "")
    return "text/csv" in accept and "application/json" not in accept


def _nested_schema(annotation) -> type[BaseModel] | None:
    """The schema a field holds (itself or optional), or None for a value or a list."""
    if get_origin(annotation) in (list, dict):
        return None
    for candidate in (annotation, *get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def schema_columns(schema: type[Schema], prefix: str = "") -> list[str]:
    """The columns of a list item's schema: its fields in order, a nested schema's fields as `name.field`."""
    columns = []
    for name, field in schema.model_fields.items():
        nested = _nested_schema(field.annotation)
        columns += schema_columns(nested, f"{prefix}{name}.") if nested else [prefix + name]
    return columns


def _value(item: dict, column: str):
    for part in column.split("."):
        if not isinstance(item, dict):
            return None
        item = item.get(part)
    return item


def csv_cell(value):
    """A JSON value as a CSV cell: empty for null, true/false, a list of values joined by "; ", anything else nested
    as JSON text; text made safe for spreadsheets (stats.exports.spreadsheet_cell)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list) and all(not isinstance(v, (dict, list)) for v in value):
        return spreadsheet_cell("; ".join("" if v is None else str(v) for v in value))
    if isinstance(value, (dict, list)):
        return spreadsheet_cell(json.dumps(value, ensure_ascii=False))
    return spreadsheet_cell(value)


def _lines(request: HttpRequest, rows: QuerySet | list, serialize: Callable[[object], dict], columns: list[str]) -> Iterator[list]:
    """The header, then every row serialized as its JSON item is (URLs absolute), as cells. A queryset is read in
    chunks (its prefetches per chunk), never whole."""
    yield columns
    items = rows.iterator(chunk_size=CHUNK) if isinstance(rows, QuerySet) else rows
    for row in items:
        item = absolute_urls(request, serialize(row))
        yield [csv_cell(_value(item, column)) for column in columns]


# XLSX (and the site's JSON file) are built whole in memory before the first byte goes out; CSV streams any size.
WHOLE_FILE_MAX_ROWS = 100_000


def whole_file_refusal(rows: QuerySet | list) -> str:
    """Why a selection is too large for a file built in memory ("" when it is not): at most one row past the limit is
    counted."""
    count = rows[: WHOLE_FILE_MAX_ROWS + 1].count() if isinstance(rows, QuerySet) else len(rows)
    if count <= WHOLE_FILE_MAX_ROWS:
        return ""
    return f"more than {WHOLE_FILE_MAX_ROWS:,} rows: narrow the selection, or ask for format=csv, which streams any number"


def csv_list_response(
    request: HttpRequest, rows: QuerySet | list, serialize: Callable[[object], dict], schema: type[Schema], filename: str,
    *, format: str = "csv",
) -> HttpResponse:
    """Every row of a list's selection as a CSV file (streamed) or, with format="xlsx", an Excel workbook (one sheet,
    the header first); the row count in X-Total-Count."""
    if format == "xlsx" and (refusal := whole_file_refusal(rows)):
        raise ApiError(422, refusal, "format")
    lines = _lines(request, rows, serialize, schema_columns(schema))
    if format == "xlsx":
        response = _xlsx_response(lines, filename.removesuffix(".csv") + ".xlsx")
    else:
        response = csv_response(lines, filename)
    response["X-Total-Count"] = str(rows.count() if isinstance(rows, QuerySet) else len(rows))
    patch_vary_headers(response, ["Accept"])
    return response


def _xlsx_response(lines: Iterator[list], filename: str) -> HttpResponse:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("数据")
    for line in lines:
        sheet.append([None if cell == "" else cell for cell in line])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_doc(what: str) -> dict:
    """`openapi_extra` of a list route: its 200 answer is also text/csv (ninja documents the JSON page; an int key
    merges the two)."""
    return {
        "responses": {
            200: {
                "description": f"a page of {what} (JSON), or with format=csv / Accept: text/csv the whole selection (CSV)",
                "content": {
                    "text/csv": {
                        "schema": {
                            "type": "string",
                            "description": "a header of the JSON field names (nested ones as a.b), then every item; "
                            "the count in X-Total-Count",
                        }
                    },
                    XLSX_TYPE: {"schema": {"type": "string", "format": "binary", "description": "format=xlsx: the same rows as a workbook"}},
                },
            }
        }
    }
