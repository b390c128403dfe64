"""Search: articles by full text (PostgreSQL `simple` config over jieba words + bigrams), programmes and Q&A by
query words; snippets and facet counts for /search/ and /api/v1/search."""
from __future__ import annotations

import json
import operator
import re
from functools import reduce
from html import escape

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import (
    BigIntegerField,
    BooleanField,
    Case,
    Count,
    Expression,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import ExtractYear

from articles.filters import PUBLIC_STATUSES
from articles.models import Article, RegionMention, Topic
from articles.models.article import newest_key
from articles.search_terms import document_terms, query_terms, tsquery


def search_index_update(article: Article) -> None:
    """Recompute one article's search vector from its public (masked) headline, subheadline and text only."""
    search_index_update_many([article])


def search_index_update_many(articles: list[Article], *, public_fields: bool = False) -> None:
    """Recompute the search vectors of many articles (a page's) in one statement; with `public_fields`, that
    statement also stores their public headline, subheadline, byline and text as they are on the objects (one new
    row version per article instead of two)."""
    if not articles:
        return
    columns: list[list] = [[], [], [], [], []]
    for article in articles:
        head_words, head_grams = document_terms(article.public_headline + " " + article.public_subheadline)
        body_words, body_grams = document_terms(article.public_text)
        for column, value in zip(columns, (article.pk, head_words, head_grams, body_words, body_grams), strict=True):
            column.append(value if isinstance(value, int) else " ".join(value))
    shown, shown_columns = "", ""
    if public_fields:
        columns += [
            [article.public_headline for article in articles],
            [article.public_subheadline for article in articles],
            [json.dumps(list(article.public_byline), ensure_ascii=False) for article in articles],
            [article.public_text for article in articles],
        ]
        shown = (
            "public_headline = v.ph, public_subheadline = v.psh, "
            "public_byline = ARRAY(SELECT jsonb_array_elements_text(v.pb::jsonb)), public_text = v.pt, "
        )
        shown_columns = ", %s::text[], %s::text[], %s::text[], %s::text[]"
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE articles_article AS a SET {shown}search_vector = "
            "setweight(to_tsvector('simple', v.hw), 'A') || setweight(to_tsvector('simple', v.hg), 'A') || "
            "setweight(to_tsvector('simple', v.bw), 'B') || setweight(to_tsvector('simple', v.bg), 'C') "
            f"FROM unnest(%s::bigint[], %s::text[], %s::text[], %s::text[], %s::text[]{shown_columns}) "
            f"AS v(id, hw, hg, bw, bg{', ph, psh, pb, pt' if public_fields else ''}) "
            "WHERE a.id = v.id",
            columns,
        )


RANK_WINDOW = 10_001  # config.paging.COUNT_CAP + 1


def _pk_any(ids: list[int]) -> Func:
    """SQL `id = ANY(%s)` with the ids as one array parameter (an IN list would carry one parameter per id)."""
    array = Value(ids, output_field=ArrayField(BigIntegerField()))
    return Func(F("pk"), array, template="%(expressions)s)", arg_joiner=" = ANY(", output_field=BooleanField())


def search_articles(query: str, articles: QuerySet[Article] | None = None) -> QuerySet[Article]:
    """Articles matching every word of the query, best first; none for an empty or meaningless query."""
    articles = Article.objects.published() if articles is None else articles
    raw = tsquery(query or "")
    if raw is None:
        return articles.none()
    search = SearchQuery(raw, search_type="raw", config="simple")
    # Rank within a window: the newest RANK_WINDOW matches (one more than the count cap, so the count still says
    # "10,000+"). A common word matches most of the archive; ranking every match would read every search vector.
    # The window is read once, here (at most RANK_WINDOW ids); the page, the count and every facet then select from it
    # by primary key instead of matching the search vectors again.
    window = articles.filter(search_vector=search).order_by(newest_key().desc(), "id").values_list("pk", flat=True)
    ids = list(window[:RANK_WINDOW])
    return (
        articles.filter(_pk_any(ids))
        .annotate(rank=SearchRank(F("search_vector"), search))
        .order_by("-rank", "-issue_date", "id")
    )


# --- Programmes and Q&A: word matching ranked by how much of the query they cover ------------------------------

# Words of a reader's question that say nothing about its subject (缴费标准是多少? → 缴费, 标准).
QUESTION_WORDS = frozenset(
    "是 有 的 了 吗 呢 吧 啊 么 什么 多少 几 怎么 怎样 怎么样 如何 哪些 哪里 哪个 为什么 能 能否 可以 可不可以 需要 要 会 "
    "请问 我 我们 你 你们 在 和 与 及 或 都 也 还 就".split()
)
MIN_COVERAGE = 0.5  # share of the query's (length-weighted) words a programme or Q&A pair must contain


def significant_terms(query: str) -> list[str]:
    """The words of a query that carry its subject, in order."""
    return [term for term in query_terms(query or "") if term not in QUESTION_WORDS]


def _covered(terms: list[str], fields: tuple[str, ...]) -> Expression:
    """SQL: the summed length of the terms that occur in any of the fields (each term counts once)."""
    parts = []
    for term in terms:
        found = Q()
        for field in fields:
            found |= Q(**{f"{field}__icontains": term})
        parts.append(Case(When(found, then=Value(len(term))), default=Value(0), output_field=IntegerField()))
    return reduce(operator.add, parts)


def _ranked(rows: QuerySet, query: str, fields: tuple[str, ...], bonus: tuple[str, ...], order: tuple[str, ...]) -> QuerySet:
    """The rows covering at least MIN_COVERAGE of the query's (length-weighted) words, best first, ranked in SQL:
    score = coverage + half the coverage of the `bonus` fields. A lazy queryset, so a page takes only its LIMIT."""
    terms = significant_terms(query)
    if not terms:
        return rows.none()
    total = sum(len(term) for term in terms)
    return (
        rows.annotate(covered=_covered(terms, fields), covered_bonus=_covered(terms, bonus))
        .filter(covered__gte=total * MIN_COVERAGE)
        .annotate(score=ExpressionWrapper((F("covered") + F("covered_bonus") * 0.5) / float(total), output_field=FloatField()))
        .order_by("-score", *order)
    )


def search_programs(query: str, programs: QuerySet | None = None) -> QuerySet:
    """Published programmes whose name, aliases, description or issuing body cover the query, best first (name hits rank higher)."""
    from policies.models import Program

    programs = Program.objects.published() if programs is None else programs
    fields = ("name", "aliases", "description", "issuing_body")
    return _ranked(programs, query, fields, bonus=("name",), order=("name", "pk"))


def search_qa(query: str, pairs: QuerySet | None = None) -> QuerySet:
    """Published Q&A pairs whose question (or answer) covers the query, best first; the question weighs double."""
    from policies.models import QAPair

    pairs = QAPair.objects.published() if pairs is None else pairs
    return _ranked(pairs, query, ("question", "answer"), bonus=("question",), order=("article_id", "start", "pk"))


# --- Snippets and facets --------------------------------------------------------------------------------------

SNIPPET_CHARS = 120


def snippet(text: str, query: str, width: int = SNIPPET_CHARS) -> str:
    """HTML: the part of `text` around the first query word, every query word wrapped in <mark>."""
    terms = sorted({t for t in query_terms(query or "") if t.strip()}, key=len, reverse=True)
    lowered = text.lower()
    hits = [lowered.find(term) for term in terms if lowered.find(term) >= 0]
    start = max(0, min(hits) - width // 3) if hits else 0
    piece = text[start : start + width].replace("\n", " ")
    prefix, suffix = ("…" if start > 0 else ""), ("…" if start + width < len(text) else "")
    if not terms:
        return escape(prefix + piece + suffix)
    pattern = re.compile("|".join(re.escape(term) for term in terms), re.IGNORECASE)
    parts, last = [], 0
    for match in pattern.finditer(piece):
        parts.append(escape(piece[last : match.start()]) + f"<mark>{escape(match.group())}</mark>")
        last = match.end()
    parts.append(escape(piece[last:]))
    return escape(prefix) + "".join(parts) + escape(suffix)


FACET_SIZE = 10


def article_facets(articles: QuerySet[Article]) -> dict[str, list[dict]]:
    """Counts of the matching articles by region (most mentioned), year, topic and kind (four queries)."""
    from config.api_conventions import facet_sample

    ids = Article.objects.filter(pk__in=facet_sample(articles)).values("pk")
    kinds = dict(Article.Kind.choices)
    by_kind = Article.objects.filter(pk__in=ids).values("kind").annotate(n=Count("pk")).order_by("-n", "kind")
    by_year = (
        Article.objects.filter(pk__in=ids, issue_date__isnull=False)
        .annotate(year=ExtractYear("issue_date"))
        .values("year")
        .annotate(n=Count("pk"))
        .order_by("-year")
    )
    by_topic = Topic.objects.filter(articles__in=ids).annotate(n=Count("articles", distinct=True)).order_by("-n", "slug")
    by_region = (
        RegionMention.objects.filter(article__in=ids, region__isnull=False, status__in=PUBLIC_STATUSES, is_public=True)
        .values("region__code", "region__name")
        .annotate(n=Count("article", distinct=True))
        .order_by("-n", "region__code")[:FACET_SIZE]
    )
    return {
        "region": [{"value": r["region__code"], "label": r["region__name"], "count": r["n"]} for r in by_region],
        "year": [{"value": str(r["year"]), "label": f"{r['year']}年", "count": r["n"]} for r in by_year],
        "topic": [{"value": t.slug, "label": t.name, "count": t.n} for t in by_topic[:FACET_SIZE]],
        "kind": [{"value": r["kind"], "label": kinds.get(r["kind"], r["kind"]), "count": r["n"]} for r in by_kind],
    }
