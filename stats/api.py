"""API router of the stats app: /figures, as JSON pages or as one complete CSV file."""
from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.utils.cache import patch_vary_headers
from ninja import Path, Query, Router

from articles.browse import figure_list_count
from config.api_conventions import (
    ErrorOut,
    dump,
    facet_counts,
    facet_sample,
    list_filters,
    list_response,
    list_spec,
    region_facet,
)
from config.api_csv import FORMAT_PARAM, wants_csv, whole_file_refusal
from config.api_http import ApiError, conditional, data_last_modified, json_response
from stats.exports import COLUMNS, XLSX_TYPE, figures_csv_etag, figures_csv_response, figures_xlsx_response
from stats.filters import filter_figures
from stats.models import Figure
from stats.schemas import FigureListOut, FigureOut

router = Router(tags=["figures"])

FIGURE_FILTERS = (
    "q", "region", "date_from", "date_to", "program", "topic", "kind", "column", "measure", "unit", "status",
    "period", "change",
)
FIGURE_SORTS = {
    "newest": ("-article__issue_date", "article_id", "start", "id"),
    "oldest": ("article__issue_date", "article_id", "start", "id"),
    "value": ("value", "id"),
    "-value": ("-value", "id"),
}
FIGURES = list_spec(
    "Figures",
    "Published figures matching the filters (`region` selects figures by the division they describe, with the "
    "divisions below it; `program` by the programme they count; `period` by the kind of period they measure; "
    "`change` changes or levels; `measure` is an indicator slug or words of the measure; `unit` the "
    "figure's unit or its indicator's). As JSON pages, or with `format=csv` (or `Accept: text/csv`) the whole "
    "selection as one streamed CSV file with a weak ETag; the answer varies by Accept.",
    filters=FIGURE_FILTERS,
    sorts=tuple(FIGURE_SORTS),
    fields=FigureOut.model_fields,
    facets=("region", "topic", "year"),
    extra=FORMAT_PARAM,
)
FigureParams = FIGURES.params
CSV_EXAMPLE = (  # the file starts with a UTF-8 BOM (for spreadsheet programs), left out here
    ",".join(COLUMNS) + "\r\n"
    "77,https://minsheng.example.cn/articles/4/#f-77,4,312,324,同比增长约15%至20%,auto,0.1,15.0,20.0,%,约,城镇新增就业人数,"
    "同比增长,2025年1-10月,呼和浩特市,150100,150100,呼和浩特市,2025-01-01,2025-10-31,to-date,,,True,"
    "今年1-10月，全市城镇新增就业人数同比增长约15%至20%。,城镇新增就业人数增幅-5b1c2e,城镇新增就业人数增幅,%,4,"
    "“零距离”就业服务托起百姓稳稳的幸福,2025-12-08,https://minsheng.example.cn/articles/4/\r\n"
)
# ninja documents the JSON page under 200; this adds the CSV beside it (an int key, so the two are merged).
CSV_DOC = {
    "responses": {
        200: {
            "description": "a page of figures (JSON), or with format=csv / Accept: text/csv the whole selection (CSV)",
            "content": {
                "text/csv": {
                    "schema": {"type": "string", "description": "a header of the JSON field names, then every figure (the count in X-Total-Count)"},
                    "example": CSV_EXAMPLE,
                },
                XLSX_TYPE: {"schema": {"type": "string", "format": "binary", "description": "format=xlsx: the same rows as a workbook"}},
            },
        }
    }
}
VARY = {"Vary": "Accept"}  # the same URL answers JSON or CSV by Accept


def figure_out(figure: Figure) -> dict:
    return dump(FigureOut, figure)


@router.get(
    "/figures",
    response={200: FigureListOut, 304: None, 400: ErrorOut, 422: ErrorOut},
    summary="List figures (JSON pages or one CSV file)",
    description=FIGURES.description,
    openapi_extra=CSV_DOC,
)
def list_figures(request, params: Query[FigureParams]):
    filters = list_filters(params)
    sort = params.sort or "newest"
    figures = filter_figures(Figure.objects.published().originals(), filters).order_by(*FIGURE_SORTS[sort])
    site = request.build_absolute_uri("/").rstrip("/")
    if params.format == "xlsx":
        if refusal := whole_file_refusal(figures):
            raise ApiError(422, refusal, "format")
        return figures_xlsx_response(figures, "minsheng-figures.xlsx", site)
    if wants_csv(request, params.format):
        last_modified = data_last_modified()
        response = figures_csv_response(figures, "minsheng-figures.csv", site)
        patch_vary_headers(response, ["Accept"])
        etag = figures_csv_etag({**filters.model_dump(mode="json", exclude_none=True), "sort": sort}, last_modified)
        return conditional(request, response, etag=etag, last_modified=last_modified)
    rows = figures.with_article().select_related("indicator", "region", "program").prefetch_related("article__personal_data")
    return list_response(request, rows, params, figure_out, lambda names: figure_facets(figures, names), headers=VARY,
                         known_count=figure_list_count(filters))


def figure_facets(figures, names: list[str]) -> dict[str, list[dict]]:
    """The shared facets, with `region` counting figures by the division they describe (what `region=` selects)."""
    result = facet_counts(figures, [name for name in names if name != "region"])
    if "region" in names:
        own = Figure.objects.filter(pk__in=facet_sample(figures)).exclude(region_code="")
        result["region"] = region_facet([own.values_list("pk", "region_code")])
    return {name: result[name] for name in names if name in result}


@router.get("/figures/{int:figure_id}", response={200: FigureOut, 304: None, 404: ErrorOut}, summary="One figure")
def get_figure(request, figure_id: int = Path(..., description="figure id", examples=[77])):
    """A published figure with its indicator and provenance; `url` is its sentence on the site."""
    rows = (
        Figure.objects.published().with_article().select_related("indicator", "region", "program")
        .prefetch_related("article__personal_data")
    )
    return json_response(request, figure_out(get_object_or_404(rows, pk=figure_id)))
