"""Figure lists filtered by the shared `ListFilters` (used by /stats/, its downloads and /api/v1/figures)."""
from __future__ import annotations

from django.db.models import Q, QuerySet

from articles.filters import ListFilters, filter_articles, region_prefix
from articles.models import Article
from stats.models import Figure

# Parameters that select articles; a figure matches when its article does. (`region` and `program` are not: a
# figure is selected by the division it describes and the programme it counts, not by what its article names.)
ARTICLE_PARAMS = ("date_from", "date_to", "topic", "kind", "column")


def has_article_filters(filters: ListFilters) -> bool:
    return any(getattr(filters, name) for name in ARTICLE_PARAMS)


def filter_figures(figures: QuerySet[Figure], filters: ListFilters) -> QuerySet[Figure]:
    """Figures whose article matches the article filters, with the region, period, change, measure, unit, status
    and q filters on top.

    `region` selects figures whose own division is the one given or lies below it; `program` figures linked to that
    (public) programme; `period` the kind of period they measure; `change` changes (change) or levels (level).

    `measure` matches an indicator slug exactly or words of the measure/indicator name; `unit` matches the figure's
    unit or its indicator's canonical unit; `q` matches words of the figure's text, measure or indicator name.
    """
    if has_article_filters(filters):
        figures = figures.filter(article__in=filter_articles(Article.objects.all(), filters).values("pk"))
    if filters.region:
        figures = figures.filter(region_code__startswith=region_prefix(filters.region))
    if filters.program:
        figures = figures.filter(program__slug=filters.program, program__is_public=True)
    if filters.period:
        figures = figures.filter(period_kind=filters.period)
    if filters.change:
        figures = figures.filter(is_change=filters.change == "change")
    if filters.measure:
        figures = figures.filter(
            Q(indicator__slug=filters.measure)
            | Q(measure__icontains=filters.measure)
            | Q(indicator__name__icontains=filters.measure)
        )
    if filters.unit:
        figures = figures.filter(Q(unit=filters.unit) | Q(indicator__unit=filters.unit))
    if filters.status:
        figures = figures.filter(status=filters.status)
    if filters.q:
        for word in filters.q.split():
            figures = figures.filter(
                Q(text__icontains=word) | Q(measure__icontains=word) | Q(indicator__name__icontains=word)
            )
    return figures
