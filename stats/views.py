"""Public pages of the stats app: the figures browser (/stats/) and downloads of its current selection."""
from django.http import Http404, HttpResponse
from django.shortcuts import render

from articles.browse import figure_list_count
from articles.choices import filter_choices
from articles.filters import InvalidFilter, ListFilters, parse_filters
from articles.summaries import cached
from stats.filters import filter_figures
from stats.models import Figure, PeriodKind
from stats.tables import build_series, charts_of, figures_page, summary

FIGURES_PER_PAGE = 50
MAX_CHARTS = 12  # series drawn (a line or bars each), grouped into charts by indicator
FORMATS = ("csv", "xlsx", "json")


def _selection(params):
    """The published figures matching the query parameters, newest issue first (raises InvalidFilter)."""
    filters = parse_filters(params)
    figures = filter_figures(Figure.objects.published().originals(), filters)  # a reprinted story's figures once
    return filters, figures.order_by("-article__issue_date", "article_id", "start", "id")


def _choices() -> dict:
    choices = filter_choices("topics", "figure_regions", "units", "indicators", "programs")
    # /stats/ `region` selects the division a figure is about: the choices are those divisions.
    choices["regions"] = choices.pop("figure_regions")
    return {**choices, "period_kinds": PeriodKind.choices}


def stats_index(request):
    try:
        filters, figures = _selection(request.GET)
    except InvalidFilter as error:
        return render(request, "stats/index.html", {"error": error, "choices": _choices()}, status=400)
    # Every part is bounded in SQL: one page of rows, the largest groups of the summary, MAX_CHARTS capped series.
    page = figures_page(figures, request.GET.get("page"), FIGURES_PER_PAGE, known_count=figure_list_count(filters))
    if any(filters.model_dump().values()):
        series, series_total = build_series(figures, limit=MAX_CHARTS)
        figure_summary = summary(figures)
    else:  # the whole archive's summary and charts: aggregated once per change of the archive
        series, series_total, figure_summary = cached(
            "stats-overview", lambda: (*build_series(figures, limit=MAX_CHARTS), summary(figures))
        )
    context = {
        "filters": filters,
        "choices": _choices(),
        "count": page.paginator.count if page.paginator.count_is_exact else page.paginator.count_label,
        "page": page,
        "summary": figure_summary,
        "series": series,
        "charts": charts_of(series),  # one chart per indicator × period kind × change-or-level, a line per region
        "series_total": series_total,
        "formats": FORMATS,
        "api_params": tuple(ListFilters.model_fields),
    }
    return render(request, "stats/index.html", context)


def stats_download(request, fmt: str):
    """The whole current selection as CSV, XLSX or JSON (the file states its row count; nothing is cut)."""
    if fmt not in FORMATS:
        raise Http404("unknown format")
    from config.api_csv import WHOLE_FILE_MAX_ROWS, whole_file_refusal
    from stats import exports  # written alongside the API; imported here so the browser works without it

    try:
        _, figures = _selection(request.GET)
    except InvalidFilter as error:
        return render(request, "stats/index.html", {"error": error, "choices": _choices()}, status=400)
    # The CSV is streamed: its 200 headers go out before the rows are read. Run the selection's query once first,
    # so that anything the database refuses is answered here, never by a download that breaks off part-way.
    figures.exists()
    if fmt != "csv" and (refusal := whole_file_refusal(figures)):  # built whole in memory; CSV streams
        return HttpResponse(f"{refusal}\n（超过 {WHOLE_FILE_MAX_ROWS:,} 条：请缩小筛选范围，或下载 CSV。）", status=422,
                            content_type="text/plain; charset=utf-8")
    respond = {"csv": exports.figures_csv_response, "xlsx": exports.figures_xlsx_response, "json": exports.figures_json_response}
    return respond[fmt](figures, f"minsheng-figures.{fmt}", request.build_absolute_uri("/").rstrip("/"))
