"""Figures as files — CSV (streamed), XLSX and JSON — complete for any selection, each stating its row count."""
from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from itertools import islice

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import QuerySet
from django.http import HttpResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from articles.highlight import anchor_id
from articles.masking import fragment_masker
from stats.models import Figure

# Column → database path, in file order: the columns of the API's figure JSON (stats.schemas.FigureOut), named and
# ordered as config.api_csv names every list's (a nested field by its path: `indicator.slug`), so a CSV, a workbook
# and a JSON page read alike.
COLUMNS = {
    "id": "id",
    "url": None,  # the figure's sentence on the site, made from the article and figure ids (see `_row`)
    "provenance.article_id": "article_id",
    "provenance.start": "start",
    "provenance.end": "end",
    "provenance.text": "text",
    "provenance.status": "status",
    "provenance.extractor_version": "extractor_version",
    "value": "value",
    "value_max": "value_max",
    "unit": "unit",
    "qualifier": "qualifier",
    "measure": "measure",
    "change": "change",
    "period": "period",
    "region_text": "region_text",
    # What the figure is about (issue 14): its own division, period, programme, change or level, and sentence.
    "region_code": "region_code",
    "region.code": "region_id",
    "region.name": "region__name",
    "period_start": "period_start",
    "period_end": "period_end",
    "period_kind": "period_kind",
    "program.slug": "program__slug",
    "program.name": "program__name",
    "is_change": "is_change",
    "sentence": "sentence",
    "indicator.slug": "indicator__slug",
    "indicator.name": "indicator__name",
    "indicator.unit": "indicator__unit",
    "article.id": "article_id",
    "article.headline": "article__public_headline",
    "article.published_on": "article__issue_date",
    "article.url": None,
}
_PATHS = [path for path in COLUMNS.values() if path]
_INDICATOR = ("indicator.slug", "indicator.name", "indicator.unit")
_PROGRAM = ("program.slug", "program.name")
# Text cut from the article: shown with the article's personal data masked, as on the site and in the API.
_MASKED = ("provenance.text", "sentence")
_INDEX = {name: index for index, name in enumerate(COLUMNS)}
_ARTICLE_ID = _PATHS.index("article_id")
_ANY_ID = "918273645"  # stands for an article id in its URL pattern
CHUNK = 2000
# Text a spreadsheet would run as a formula when it starts a cell (OWASP "CSV injection"): = + - @, tab, CR.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _values(figures: QuerySet[Figure]):
    # values_list() keeps the selection's order and needs no select_related; a hidden indicator is not named.
    return figures.values_list(*_PATHS, "indicator__is_public", "program__is_public")


def _row(row: tuple, site: str, article_path: str, mask: Callable[[int, str], str]) -> list:
    *values, indicator_public, program_public = row
    named = dict(zip(_PATHS, values, strict=True))
    article_url = site + article_path.replace(_ANY_ID, str(named["article_id"]))
    computed = {"url": f"{article_url}#{anchor_id('figure', named['id'])}", "article.url": article_url}
    out = [computed[name] if path is None else named[path] for name, path in COLUMNS.items()]
    hidden = (() if indicator_public else _INDICATOR) + (() if program_public else _PROGRAM)  # not named in public
    for name in hidden:
        out[_INDEX[name]] = None
    for name in _MASKED:
        out[_INDEX[name]] = mask(named["article_id"], out[_INDEX[name]])
    return out


def figures_rows(figures: QuerySet[Figure], site: str = "") -> Iterator[list]:
    """Every figure of the selection as a list of COLUMNS values (streamed from the database in chunks); `site`
    (scheme and host) makes the URLs absolute."""
    article_path = reverse("articles:detail", args=[_ANY_ID])  # once, not per row
    rows = _values(figures).iterator(chunk_size=CHUNK)
    while chunk := list(islice(rows, CHUNK)):
        mask = fragment_masker(row[_ARTICLE_ID] for row in chunk)  # one query per chunk for its articles' personal data
        for row in chunk:
            yield _row(row, site, article_path, mask)


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


def spreadsheet_rows(figures: QuerySet[Figure], site: str = "") -> Iterator[list]:
    """`figures_rows` made safe for spreadsheets (every CSV and XLSX export writes these)."""
    for values in figures_rows(figures, site):
        yield [spreadsheet_cell(value) for value in values]


def _note(count: int) -> str:
    return f"民生 Minsheng 数据导出：共 {count} 条；导出时间 {timezone.localtime():%Y-%m-%d %H:%M}"


def figures_csv_rows(figures: QuerySet[Figure], site: str = "") -> Iterator[list]:
    """The CSV lines as lists: the header first (what `pandas.read_csv` and spreadsheet programs expect), then every
    figure. The row count goes in the X-Total-Count header."""
    yield list(COLUMNS)
    yield from spreadsheet_rows(figures, site)


class _Echo:
    def write(self, value: str) -> str:
        return value


def _attachment(filename: str) -> str:
    return f'attachment; filename="{filename}"'


def figures_csv_response(figures: QuerySet[Figure], filename: str, site: str = "") -> StreamingHttpResponse:
    """The selection as UTF-8 CSV (with BOM, so spreadsheet programs read the Chinese), streamed row by row; its
    row count in X-Total-Count."""
    response = csv_response(figures_csv_rows(figures, site), filename)
    response["X-Total-Count"] = str(figures.count())
    return response


def csv_response(rows: Iterable[list], filename: str) -> StreamingHttpResponse:
    """Rows (the header first) as a streamed UTF-8 CSV download with a BOM; dates as ISO text, None as empty,
    booleans as true/false (as every other CSV of the API writes them)."""
    writer = csv.writer(_Echo())

    def lines() -> Iterator[str]:
        yield "\ufeff"
        for row in rows:
            yield writer.writerow([_csv_text(value) for value in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = _attachment(filename)
    return response


def _csv_text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value.isoformat() if isinstance(value, date) else value


def figures_xlsx_response(figures: QuerySet[Figure], filename: str, site: str = "") -> HttpResponse:
    """The selection as an Excel workbook: sheet 说明 states the row count, sheet 数据 holds the header and rows."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    about = workbook.create_sheet("说明")
    count = figures.count()
    about.append([_note(count)])
    about.append(["条数", count])
    data = workbook.create_sheet("数据")
    data.append(list(COLUMNS))
    for values in spreadsheet_rows(figures, site):
        data.append(values)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = _attachment(filename)
    response["X-Total-Count"] = str(count)
    return response


def figures_json_response(figures: QuerySet[Figure], filename: str, site: str = "") -> HttpResponse:
    """The selection as JSON: {"count", "note", "columns", "results": [{column: value}, …]}."""
    rows = [dict(zip(COLUMNS, values, strict=True)) for values in figures_rows(figures, site)]
    body = {"count": len(rows), "note": _note(len(rows)), "columns": list(COLUMNS), "results": rows}
    response = HttpResponse(json.dumps(body, cls=DjangoJSONEncoder, ensure_ascii=False), content_type="application/json")
    response["Content-Disposition"] = _attachment(filename)
    return response


def figures_csv_etag(selection: dict, data_version: datetime | None) -> str:
    """A weak ETag for a CSV export: what decides its rows — the data's last change, the selection (validated
    filters and sort, so spelling and paging do not matter) and the columns. Weak: the same rows may be written
    differently (a workbook's export time)."""
    key = json.dumps(
        {"data": data_version.isoformat() if data_version else None, "selection": selection, "columns": list(COLUMNS)},
        sort_keys=True,
        ensure_ascii=False,
    )
    return 'W/"' + hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + '"'
