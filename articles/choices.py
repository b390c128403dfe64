"""The choices of the filter forms (regions, columns, top programmes, units, indicators, topics): computed once per
change of the archive (articles/summaries.py), not on every list page."""
from __future__ import annotations

from articles.summaries import cached

PROGRAM_CHOICES = 200
INDICATOR_CHOICES = 300


def _choice_queries() -> dict:
    """Each choice list as a lazy queryset (evaluated only for the lists a page asks for)."""
    from django.db.models import Value
    from django.db.models.functions import Concat, Left

    from articles.browse import most_mentioned_programs
    from articles.models import Article, Region, Topic
    from stats.models import Figure, Indicator

    # Province and prefecture codes above the divisions published figures describe (what /stats/ `region` selects).
    own = Figure.objects.published().exclude(region_code="").exclude(region_code="000000")
    provinces = own.annotate(up=Concat(Left("region_code", 2), Value("0000"))).values("up")
    prefectures = own.annotate(up=Concat(Left("region_code", 4), Value("00"))).values("up")

    return {
        "topics": Topic.objects.all(),
        "columns": Article.objects.published().exclude(column="").order_by("column").values_list("column", flat=True).distinct(),
        "regions": Region.objects.filter(level__in=["province", "prefecture"], mentions__isnull=False).distinct(),
        # The divisions figures are about, not every division an article names.
        "figure_regions": Region.objects.filter(
            level__in=["province", "prefecture"], code__in=provinces.union(prefectures)
        ),
        "programs": most_mentioned_programs(limit=PROGRAM_CHOICES),
        "units": Figure.objects.published().order_by("unit").values_list("unit", flat=True).distinct(),
        "indicators": Indicator.objects.published().filter(figures__isnull=False).distinct().order_by("name")[:INDICATOR_CHOICES],
    }


def filter_choices(*names: str) -> dict[str, list]:
    """The named choice lists, as of the archive's current generation (one query per list not cached yet)."""
    # The querysets are built only when a list is not cached yet (building all seven cost more than reading them).
    return {name: cached(f"choices-{name}", lambda name=name: list(_choice_queries()[name])) for name in names}
