"""Read helpers of the public pages: corpus counts, home-page picks and the region tree with its counts."""
from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count, Q, Sum

from articles.filters import PUBLIC_STATUSES
from articles.models import Article, ArticleRegion, Region, RegionMention, Source
from articles.summaries import cached, peek
from config.db_router import read_connection
from policies.models import Program, QAPair
from stats.models import Figure, Indicator


def corpus_counts() -> dict[str, int]:
    return {
        "sources": Source.objects.count(),
        "articles": Article.objects.published().count(),
        "programs": Program.objects.published().count(),
        "figures": Figure.objects.published().originals().count(),  # a reprinted story's records once
        "qa": QAPair.objects.published().originals().count(),
    }


def home_aggregates() -> dict:
    """The home page's corpus counts, most mentioned programmes and headline figures: aggregates over the whole
    archive, computed once per change of it (articles/summaries.py)."""
    return cached(
        "home",
        lambda: {
            "counts": corpus_counts(),
            "top_programs": list(most_mentioned_programs()),
            "headline_figures": headline_figures(),
        },
    )


def most_mentioned_programs(limit: int = 8):
    """Published programmes by the number of public articles that mention them."""
    from policies.services import with_counts

    return (
        with_counts(Program.objects.published())  # counts from the summary table
        .filter(article_count__gt=0)
        .order_by("-article_count", "name")[:limit]
    )


def headline_figures(limit: int = 4) -> list[Figure]:
    """Figures of featured indicators first, then the largest confirmed or automatic figures with a known period."""
    base = Figure.objects.published().originals().with_article().select_related("indicator")
    chosen = list(base.filter(indicator__is_featured=True, indicator__is_public=True).order_by("-article__issue_date")[:limit])
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
    """{code: (articles naming it or anything below it, figures in those articles)}, grouped in SQL from the
    trigger-kept `ArticleRegion` summary once per change of the archive (articles/summaries.py) and shared by
    /regions/, every /regions/<code>/ and the API."""
    return cached("region-counts", _region_counts)


# The article filters other than `region`: with any of them set, the region counts do not count the selection.
_NOT_REGION = ("q", "date_from", "date_to", "program", "topic", "kind", "column")


def region_filter_count(filters) -> int | None:
    """How many public articles the `region` filter alone selects (`filter_articles`: a published mention of the
    division or of one below it), read from this generation's region counts when they are cached — the same rows
    counted, so /articles/?region= and /api/v1/articles?region= need not count up to 10,000 of them (≈100 ms at 100k
    articles). None when another filter is set or the counts are not cached: the caller counts, as before."""
    if not filters.region or any(getattr(filters, name) for name in _NOT_REGION):
        return None
    counts = peek("region-counts")
    return None if counts is None else counts.get(filters.region, (0, 0))[0]


def qa_list_count(filters) -> int | None:
    """How many Q&A pairs the unfiltered /qa/ list shows (published, originals: `corpus_counts()["qa"]`), read from
    this generation's home aggregates when they are cached, so the list need not count up to 10,000 pairs through
    their articles (≈350 ms at 100k articles). None when a filter is set or they are not cached: the caller counts."""
    return _home_count(filters, "qa")


def figure_list_count(filters) -> int | None:
    """How many figures the unfiltered /stats/ and /api/v1/figures list (published, originals:
    `corpus_counts()["figures"]`), read from this generation's home aggregates when they are cached, so the lists
    need not count up to 10,000 figures through their articles (≈15 ms at 100k articles). None when a filter is set
    or they are not cached: the caller counts."""
    return _home_count(filters, "figures")


def _home_count(filters, name: str) -> int | None:
    if filters != type(filters)():
        return None
    home = peek("home")
    return None if home is None else home["counts"][name]


def _region_counts() -> dict[str, tuple[int, int]]:
    """Grouped from the per-article summary (`ArticleRegion`: one row per public article and division it names or
    lies under, with the article's figure count), which triggers keep current with every write: ~0.7M rows at 100k
    articles, one index-free scan and a hash of ~650 codes — no mention is read and no code expanded here."""
    rows = ArticleRegion.objects.order_by().values_list("code").annotate(articles=Count("pk"), figures=Sum("figures"))
    return {code: (articles, int(figures or 0)) for code, articles, figures in rows.using(read_connection().alias)}


def region_counts_from_mentions() -> dict[str, tuple[int, int]]:
    """What `_region_counts` reads from the summary, counted from the mentions and figures themselves (~6 s at 100k
    articles: kept to check the summary against, in tests and `bench/region_counts.py`). One statement: each
    (article, division) pair once, with the division's ancestors (GB/T 2260 codes nest by prefix: XX0000 ⊃ XXYY00 ⊃
    XXYYZZ, as `_prefixes`), grouped by division; only the counts come to Python."""
    pairs_sql, pairs_params = (
        RegionMention.objects.published().filter(region__isnull=False).order_by().values_list("article_id", "region_id").query.sql_with_params()
    )
    figures_sql, figures_params = (
        Figure.objects.published().order_by().values("article_id").annotate(n=Count("pk")).values_list("article_id", "n").query.sql_with_params()
    )
    sql = (
        "SELECT up.code, COUNT(*), COALESCE(SUM(figures.n), 0) "
        f"FROM (SELECT DISTINCT pairs.article_id, up.code FROM ({pairs_sql}) AS pairs(article_id, code) "
        "CROSS JOIN LATERAL (VALUES (pairs.code), (LEFT(pairs.code, 4) || '00'), (LEFT(pairs.code, 2) || '0000')) AS up(code)) AS up "
        f"LEFT JOIN ({figures_sql}) AS figures(article_id, n) ON figures.article_id = up.article_id "
        "GROUP BY up.code"
    )
    database = read_connection()
    # Hash the (article, division) pairs in memory: at 100k articles they are ~0.7M, and PostgreSQL's default 4 MB
    # spills them to disk (minutes on a busy machine instead of seconds).
    with transaction.atomic(using=database.alias), database.cursor() as cursor:
        cursor.execute("SET LOCAL work_mem = '64MB'")
        cursor.execute(sql, [*pairs_params, *figures_params])
        return {code: (articles, int(figures)) for code, articles, figures in cursor.fetchall()}


def region_tree(counts: dict[str, tuple[int, int]] | None = None, root: Region | None = None) -> list[RegionNode]:
    """The divisions that are mentioned (with their ancestors), as a tree under `root` (or from the provinces)."""
    counts = region_counts() if counts is None else counts
    regions = Region.objects.filter(code__in=counts).order_by("code")
    if root is not None:
        below = {"province": root.code[:2], "prefecture": root.code[:4]}.get(root.level)  # codes nest by prefix
        regions = regions.filter(code__startswith=below).exclude(code=root.code) if below else regions.none()
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


# Record kinds most articles have none of (at 100k articles: policy documents in 0.1 %, Q&A pairs in 7 %, personal
# data in 6 %): the article's statement says whether it has any, and only those it has are fetched — an empty
# prefetch still costs a statement built by the ORM (~1.5 ms of CPU each).
RARE_RECORDS = ("documents", "qa_pairs", "personal_data")


def article_for_page(pk: int) -> Article:
    """A published article with every record kind prefetched (the page's query count does not grow with records)."""
    from django.db.models import Exists, OuterRef, Prefetch, prefetch_related_objects
    from django.shortcuts import get_object_or_404

    from policies.models import ProgramMention

    related = {name: Article._meta.get_field(name).related_model for name in RARE_RECORDS}
    queryset = (
        Article.objects.published()
        .with_source()
        .select_related("duplicate_of__source")
        .defer(
            "duplicate_of__text", "duplicate_of__search_vector", "duplicate_of__source__raw", "duplicate_of__source__text"
        )
        .annotate(**{f"has_{name}": Exists(model.objects.filter(article=OuterRef("pk"))) for name, model in related.items()})
        .annotate(has_copies=Exists(Article.objects.filter(duplicate_of=OuterRef("pk"))))  # for `same_story`
        .prefetch_related(
            # Each record kind with what it names in one statement (a join, not a statement per relation).
            Prefetch("figures", Figure.objects.select_related("indicator", "region", "program")),
            "dates",
            Prefetch("regions", RegionMention.objects.select_related("region")),
            Prefetch("programs", ProgramMention.objects.select_related("program")),
            "topics",
        )
    )
    article = get_object_or_404(queryset, pk=pk)
    present = [name for name in RARE_RECORDS if getattr(article, f"has_{name}")]
    prefetch_related_objects([article], *present)
    for name in RARE_RECORDS:
        if name not in present:  # known empty: what a prefetch that found nothing leaves
            none = getattr(article, name).all()
            none._result_cache, none._prefetch_done = [], True
            article._prefetched_objects_cache[name] = none
    return article


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
    if original_id == article.pk and getattr(article, "has_copies", True) is False:  # known (`article_for_page`)
        return []  # an original no other article repeats: the usual case, no statement
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
    before = list(others.filter(position__lt=article.position).headlines().order_by("-position")[:PAGE_NEIGHBOURS])
    after = list(others.filter(position__gt=article.position).headlines().order_by("position")[:PAGE_NEIGHBOURS])
    # Fewer than PAGE_NEIGHBOURS on both sides: these are all of them, no count needed (most pages).
    count = others.count() if PAGE_NEIGHBOURS in (len(before), len(after)) else len(before) + len(after)
    return [*before[::-1], *after], count


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
