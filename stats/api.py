"""API router of the stats app: /figures, as JSON pages or as one complete CSV file."""
from __future__ import annotations

from typing import Literal

from ninja import Query, Router

from articles.filters import ListFilters
from config.api_conventions import ErrorOut, applicable, facet_counts, list_controls, list_response
from config.api_http import conditional
from stats.exports import figures_csv_response
from stats.filters import filter_figures
from stats.models import Figure
from stats.schemas import FigureListOut, FigureOut

router = Router(tags=["figures"])

FIGURE_FILTERS = ("q", "region", "date_from", "date_to", "program", "topic", "kind", "column", "measure", "unit", "status")
FIGURE_SORTS = {
    "newest": ("-article__source__published_on", "article_id", "start", "id"),
    "oldest": ("article__source__published_on", "article_id", "start", "id"),
    "value": ("value", "id"),
    "-value": ("-value", "id"),
}
FigureControls = list_controls(sorts=tuple(FIGURE_SORTS), fields=FigureOut.model_fields, facets=("region", "topic", "year"))
CSV_DOC = {
    "responses": {
        "200": {
            "description": "a page of figures (JSON), or with format=csv the whole selection (CSV)",
            "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/FigureListOut"}},
                "text/csv": {
                    "schema": {"type": "string", "description": "a comment row with the row count, a header, then every figure"},
                    "example": "# 民生 Minsheng 数据导出：共 1 条\r\nid,value,unit\r\n1,1180000000.0,元\r\n",
                }
            }
        }
    }
}


def figure_out(figure: Figure) -> dict:
    return FigureOut.from_orm(figure).model_dump(mode="json")


def wants_csv(request, format: str | None) -> bool:
    if format is not None:
        return format == "csv"
    accept = request.headers.get("Accept", "")
    return "text/csv" in accept and "application/json" not in accept


@router.get(
    "/figures",
    response={200: FigureListOut, 304: None, 400: ErrorOut, 422: ErrorOut},
    summary="List figures (JSON pages or one CSV file)",
    openapi_extra=CSV_DOC,
)
def list_figures(
    request,
    filters: Query[ListFilters],
    controls: Query[FigureControls],
    format: Literal["json", "csv"] | None = Query(
        None, description="csv: the whole selection as one CSV file (also with `Accept: text/csv`); paging is ignored", examples=["json"]
    ),
):
    """Published figures matching the filters (`measure` is an indicator slug or words of the measure)."""
    figures = filter_figures(Figure.objects.published(), applicable(filters, FIGURE_FILTERS, "figures"))
    figures = figures.order_by(*FIGURE_SORTS[controls.sort or "newest"])
    if wants_csv(request, format):
        return conditional(request, figures_csv_response(figures, "minsheng-figures.csv"))
    rows = figures.select_related("article__source", "indicator").prefetch_related("article__personal_data")
    return list_response(request, rows, controls, figure_out, lambda names: facet_counts(figures, names))
