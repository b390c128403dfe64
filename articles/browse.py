"""Read helpers of the public pages: corpus counts, home-page picks and the region tree with its counts."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q

from articles.filters import PUBLIC_STATUSES
from articles.models import Article, Region, RegionMention, Source
from policies.models import Program, QAPair
from stats.models import Figure, Indicator


def corpus_counts() -> dict[str, int]:
    return {
        "sources": Source.objects.count(),
        "articles": Article.objects.published().count(),
        "programs": Program.objects.published().count(),
        "figures": Figure.objects.published().count(),
        "qa": QAPair.objects.published().count(),
    }


def most_mentioned_programs(limit: int = 8):
    """Published programmes by the number of public articles that mention them."""
    mentions = Q(mentions__status__in=PUBLIC_STATUSES, mentions__is_public=True, mentions__article__is_public=True)
    return (
        Program.objects.published()
        .annotate(article_count=Count("mentions__article", filter=mentions, distinct=True))
        .filter(article_count__gt=0)
        .order_by("-article_count", "name")[:limit]
    )


def headline_figures(limit: int = 4) -> list[Figure]:
    """Figures of featured indicators first, then the largest confirmed or automatic figures with a known period."""
    base = Figure.objects.published().with_article().select_related("indicator")
    chosen = list(base.filter(indicator__is_featured=True, indicator__is_public=True).order_by("-article__source__published_on")[:limit])
    if len(chosen) < limit:
        more = (
            base.exclude(pk__in=[f.pk for f in chosen])
            .exclude(period="")
            .exclude(measure="")
            .filter(indicator__isnull=False, unit__in=["元", "人", "人次", "个", "户", "万元"])
            .order_by("-value")[: limit - len(chosen)]
        )
        chosen.extend(more)
    return chosen


def featured():
    return {
        "articles": Article.objects.featured().headlines()[:6],
        "programs": Program.objects.published().filter(is_featured=True)[:6],
        "indicators": Indicator.objects.published().filter(is_featured=True)[:6],
    }


@dataclass
class RegionNode:
    region: Region
    article_count: int = 0
    figure_count: int = 0
    children: list[RegionNode] = field(default_factory=list)


def _prefixes(code: str) -> list[str]:
    """The codes of a division and the divisions above it (GB/T 2260 codes nest by prefix)."""
    codes = [code, code[:4] + "00", code[:2] + "0000"]
    return list(dict.fromkeys(codes))


def region_counts() -> dict[str, tuple[int, int]]:
    """{code: (articles naming it or anything below it, figures in those articles)} — three queries."""
    pairs = RegionMention.objects.published().filter(region__isnull=False).values_list("region_id", "article_id").distinct()
    articles_of: dict[str, set[int]] = defaultdict(set)
    for code, article_id in pairs:
        for prefix in _prefixes(code):
            articles_of[prefix].add(article_id)
    figures_per_article = dict(
        Figure.objects.published().values("article_id").annotate(n=Count("pk")).values_list("article_id", "n")
    )
    return {
        code: (len(ids), sum(figures_per_article.get(i, 0) for i in ids)) for code, ids in articles_of.items()
    }


def region_tree(counts: dict[str, tuple[int, int]] | None = None, root: Region | None = None) -> list[RegionNode]:
    """The divisions that are mentioned (with their ancestors), as a tree under `root` (or from the provinces)."""
    counts = region_counts() if counts is None else counts
    regions = Region.objects.filter(code__in=counts).order_by("code")
    if root is not None:
        regions = regions.filter(code__in=root.descendant_codes()).exclude(code=root.code)
    nodes = {r.code: RegionNode(r, *counts[r.code]) for r in regions}
    roots: list[RegionNode] = []
    for node in nodes.values():
        parent = nodes.get(node.region.parent_id)
        (parent.children if parent else roots).append(node)
    for node in nodes.values():
        node.children.sort(key=lambda child: (-child.article_count, child.region.code))
    roots.sort(key=lambda node: (-node.article_count, node.region.code))
    return roots


def region_ancestors(region: Region) -> list[Region]:
    codes = [c for c in _prefixes(region.code) if c != region.code]
    return list(Region.objects.filter(code__in=codes).order_by("code"))


def article_for_page(pk: int) -> Article:
    """A published article with every record kind prefetched (the page's query count does not grow with records)."""
    from django.shortcuts import get_object_or_404

    queryset = Article.objects.published().with_source().select_related("duplicate_of__source").defer(
        "duplicate_of__text", "duplicate_of__search_vector", "duplicate_of__source__raw", "duplicate_of__source__text"
    ).prefetch_related(
        "figures__indicator", "dates", "regions__region", "programs__program", "qa_pairs", "personal_data", "topics"
    )
    return get_object_or_404(queryset, pk=pk)


@dataclass
class MentionGroup:
    """Repeated mentions of one thing in an article, listed once: the first mention (its anchor) and how many."""

    first: object
    count: int = 1


def _grouped(mentions: list, key) -> list[MentionGroup]:
    groups: dict = {}
    for mention in mentions:
        group = groups.get(key(mention))
        if group is None:
            groups[key(mention)] = MentionGroup(mention)
        else:
            group.count += 1
    return list(groups.values())


def _visible(manager) -> list:
    return sorted((r for r in manager.all() if r.is_public and r.status in PUBLIC_STATUSES), key=lambda r: r.start)


def public_records(article: Article) -> dict[str, list]:
    """The article's records the public may see, by kind, in reading order (uses the prefetched rows); a programme
    mentioned several times is listed once."""
    visible = _visible
    programs = list({mention.program_id: mention for mention in visible(article.programs)}.values())
    return {
        "programs": programs,
        "figures": visible(article.figures),
        "dates": visible(article.dates),
        "regions": visible(article.regions),
        "qa_pairs": visible(article.qa_pairs),
    }


def sidebar_records(article: Article) -> dict[str, list]:
    """`public_records` for the article page's sidebar: programmes and regions mentioned several times listed once,
    with their count and first mention (`MentionGroup`)."""
    records = public_records(article)
    return {
        **records,
        "programs": _grouped(_visible(article.programs), lambda m: m.program_id),
        "regions": _grouped(records["regions"], lambda m: m.region_id or m.name),
    }


def same_story(article: Article) -> list[Article]:
    """Other published versions of the same story: the one it duplicates, and those that duplicate it or that one."""
    original_id = article.duplicate_of_id or article.pk
    return list(
        Article.objects.published()
        .filter(Q(pk=original_id) | Q(duplicate_of_id=original_id))
        .exclude(pk=article.pk)
        .headlines()
    )


# A page can hold thousands of articles: each article's page lists its neighbours, so a reader walks the page.
PAGE_NEIGHBOURS = 10


def page_neighbours(article: Article) -> tuple[list[Article], int]:
    """The published articles of the same page nearest to this one (up to PAGE_NEIGHBOURS on each side, in page
    order, headlines only) and how many other published articles the page holds."""
    others = Article.objects.published().filter(source_id=article.source_id).exclude(pk=article.pk)
    before = others.filter(position__lt=article.position).headlines().order_by("-position")[:PAGE_NEIGHBOURS]
    after = others.filter(position__gt=article.position).headlines().order_by("position")[:PAGE_NEIGHBOURS]
    return [*list(before)[::-1], *after], others.count()


def article_citation(article: Article, url: str) -> str:
    """The article's GB/T 7714 reference line, the same on its page and in its JSON twin (`url`: its absolute page)."""
    from django.utils import timezone

    from articles.citation import citation_line, date_is_inferred

    source = article.source
    return citation_line(
        paper=source.paper,
        headline=article.public_headline,
        byline=article.public_byline,
        issue_date=source.published_on,
        page_label=source.page_label,
        url=url,
        date_inferred=date_is_inferred(source.published_basis),
        accessed=timezone.localdate(),
    )
