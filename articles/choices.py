"""The choices of the filter forms (regions, columns, top programmes, units, indicators, topics): computed once per
change of the archive (articles/summaries.py), not on every list page."""
from __future__ import annotations

from articles.summaries import cached

PROGRAM_CHOICES = 200
INDICATOR_CHOICES = 300


def _choice_queries() -> dict:
    """Each choice list as a lazy queryset (evaluated only for the lists a page asks for)."""
    from articles.browse import most_mentioned_programs
    from articles.models import Article, Region, Topic
    from stats.models import Figure, Indicator

    return {
        "topics": Topic.objects.all(),
        "columns": Article.objects.published().exclude(column="").order_by("column").values_list("column", flat=True).distinct(),
        "regions": Region.objects.filter(level__in=["province", "prefecture"], mentions__isnull=False).distinct(),
        "programs": most_mentioned_programs(limit=PROGRAM_CHOICES),
        "units": Figure.objects.published().order_by("unit").values_list("unit", flat=True).distinct(),
        "indicators": Indicator.objects.published().filter(figures__isnull=False).distinct().order_by("name")[:INDICATOR_CHOICES],
    }


def filter_choices(*names: str) -> dict[str, list]:
    """The named choice lists, as of the archive's current generation (one query per list not cached yet)."""
    queries = _choice_queries()
    return {name: cached(f"choices-{name}", lambda name=name: list(queries[name])) for name in names}
