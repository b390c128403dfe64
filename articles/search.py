"""Search: articles by full text (PostgreSQL `simple` config over jieba words + bigrams), programmes and Q&A by
query words; snippets and facet counts for /search/ and /api/v1/search."""
from __future__ import annotations

import json
import operator
import re
from functools import reduce
from html import escape

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
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
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast, ExtractYear

from articles.filters import PUBLIC_STATUSES
from articles.models import Article, RegionMention, Topic
from articles.models.article import ArticleQuerySet, newest_key
from articles.search_terms import bigrams, document_terms, query_terms, tsquery

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


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
# Of the window, the newest RANKED matches are ranked by ts_rank (which reads each one's whole search vector, ~11 KB
# for 1 KB of text); the rest of the window follows them newest first. The seed corpus never reaches it, so its
# ranking is ts_rank's alone.
RANKED = 500


def _pk_any(ids: list[int]) -> Func:
    """SQL `id = ANY(%s)` with the ids as one array parameter (an IN list would carry one parameter per id)."""
    array = Value(ids, output_field=ArrayField(BigIntegerField()))
    return Func(F("pk"), array, template="%(expressions)s)", arg_joiner=" = ANY(", output_field=BooleanField())


class _Window(Func):
    """`id = ANY(window ids)`: marked, so that a page of `RankedArticles` can drop it for the ids of its own rows."""

    template = "%(expressions)s)"
    arg_joiner = " = ANY("
    output_field = BooleanField()


def _without_window(node) -> None:
    from django.db.models.sql.where import WhereNode

    node.children = [c for c in node.children if not isinstance(c, _Window) and not isinstance(getattr(c, "lhs", None), _Window)]
    for child in node.children:
        if isinstance(child, WhereNode):
            _without_window(child)


class RankedArticles(ArticleQuerySet):
    """Search results whose order is known as a list of ids (`ranked`, computed once per archive generation and
    query): a slice (a page) reads only its own rows by primary key, in that order, and `count()` is the list's
    length — neither re-reads nor re-ranks the window. Any further filter falls back to the plain queryset (the
    window's rows, ranked in SQL), which is always correct."""

    ranked: list[int] | None = None
    ranked_key = ""  # names the rows for cached aggregates over them (config.api_conventions.selection_key)

    def _clone(self):
        clone = super()._clone()
        clone.ranked, clone.ranked_key = self.ranked, self.ranked_key
        return clone

    def _filter_or_exclude(self, negate, args, kwargs):
        clone = super()._filter_or_exclude(negate, args, kwargs)
        clone.ranked = None
        return clone

    def order_by(self, *fields):
        clone = super().order_by(*fields)
        clone.ranked = self.ranked if not fields else None  # order_by() (no order) keeps the rows: counts do that
        return clone

    def _fast(self) -> bool:
        return self.ranked is not None and self._result_cache is None and not self.query.is_sliced and not self.query.is_empty()

    def count(self) -> int:
        return len(self.ranked) if self._fast() else super().count()

    def __getitem__(self, k):
        if not (isinstance(k, slice) and k.step is None and self._fast()):
            return super().__getitem__(k)
        ids = self.ranked[k]
        clone = self._chain()
        _without_window(clone.query.where)  # the page's own ids instead of the window's 10,001
        clone = ArticleQuerySet._filter_or_exclude(clone, False, (_pk_any(ids),), {})
        position = Func(Value(ids, output_field=ArrayField(BigIntegerField())), F("pk"), function="array_position")
        clone = QuerySet.order_by(clone, position)
        clone.ranked, clone.ranked_key = ids, f"{self.ranked_key}[{k.start}:{k.stop}]"
        return clone


def search_articles(query: str, articles: QuerySet[Article] | None = None) -> QuerySet[Article]:
    """Articles matching every word of the query, best first; none for an empty or meaningless query."""
    from articles.summaries import cached
    from config.api_conventions import selection_key

    articles = Article.objects.published() if articles is None else articles
    raw = tsquery(query or "")
    if raw is None:
        return articles.none()
    search = SearchQuery(raw, search_type="raw", config="simple")
    # Rank within a window: the newest RANK_WINDOW matches (one more than the count cap, so the count still says
    # "10,000+"). A common word matches most of the archive; ranking every match would read every search vector.
    window = articles.filter(search_vector=search).order_by(newest_key().desc(), "id").values_list("pk", flat=True)[:RANK_WINDOW]

    def rows(ids: list[int]) -> QuerySet[Article]:
        rank = Case(
            When(_pk_any(ids[:RANKED]), then=SearchRank(F("search_vector"), search)), default=Value(-1.0), output_field=FloatField()
        )
        # An alias, not an annotation: counting the window need not rank anything.
        window_ids = Value(ids, output_field=ArrayField(BigIntegerField()))
        return articles.filter(_Window(F("pk"), window_ids)).alias(rank=rank).order_by("-rank", "-issue_date", "id")

    def ranked() -> list[int]:
        ids = list(window)
        return list(rows(ids).values_list("pk", flat=True)) if len(ids) > 1 else ids

    # The window and its order are read once per archive generation and selection: a common word's window walks
    # ~20k search vectors (~1 s at 100k articles); readers asking the same words again read the ids back, and a page
    # then reads its 20 rows by key.
    key = f"search-ranked-{RANKED}-{selection_key(window)}"
    order = cached(key, ranked)
    results = rows(order)
    results.__class__ = RankedArticles  # from Article's manager: an ArticleQuerySet
    results.ranked, results.ranked_key = order, key
    return results


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
        # Chinese has no case: a plain LIKE, not UPPER() of every long answer (several times cheaper per row).
        lookup = "contains" if _CJK.fullmatch(term) else "icontains"
        for field in fields:
            found |= Q(**{f"{field}__{lookup}": term})
        parts.append(Case(When(found, then=Value(len(term))), default=Value(0), output_field=IntegerField()))
    return reduce(operator.add, parts)


class _Bigrams(Func):
    """SQL `minsheng_bigrams(a || ' ' || b ...)`: the CJK bigrams of the fields, the expression the GIN indexes of
    policies migration 0009 are built on (written the same way, so the planner uses them)."""

    function = "minsheng_bigrams"
    arg_joiner = " || ' ' || "
    output_field = SearchVectorField()


class _Matches(Func):
    template = "%(expressions)s"
    arg_joiner = " @@ "
    output_field = BooleanField()


def _indexed(term: str) -> bool:
    """A term the bigram index finds wherever it stands: CJK, two characters or more."""
    return len(term) > 1 and _CJK.fullmatch(term) is not None


def bigram_tsquery(terms: list[str]) -> str | None:
    """A raw tsquery matching a row that contains any of the terms as a substring (each a phrase of its bigrams)."""
    parts = ["(" + " <-> ".join("'" + gram + "'" for gram in bigrams(term)) + ")" for term in terms if _indexed(term)]
    return " | ".join(parts) or None


def _narrowed(rows: QuerySet, terms: list[str], total: int, index: tuple | None) -> QuerySet:
    """The rows that contain at least one indexed term, found by the bigram index — exactly the rows that can
    reach MIN_COVERAGE when the unindexed terms (one character, Latin, digits) weigh less than it; else all rows."""
    unindexed = sum(len(term) for term in terms if not _indexed(term))
    raw = bigram_tsquery(terms)
    if index is None or raw is None or unindexed >= total * MIN_COVERAGE:
        return rows
    document = _Bigrams(*(Cast(F(name), TextField()) if name == "aliases" else F(name) for name in index))
    return rows.filter(_Matches(document, SearchQuery(raw, search_type="raw", config="simple")))


def _ranked(
    rows: QuerySet, query: str, fields: tuple[str, ...], bonus: tuple[str, ...], order: tuple[str, ...], index: tuple | None = None
) -> QuerySet:
    """The rows covering at least MIN_COVERAGE of the query's (length-weighted) words, best first, ranked in SQL:
    score = coverage + half the coverage of the `bonus` fields. A lazy queryset, so a page takes only its LIMIT.
    `index`: the fields (in order) of a bigram GIN index on the rows, used to read only the rows with a query word."""
    terms = significant_terms(query)
    if not terms:
        return rows.none()
    total = sum(len(term) for term in terms)
    return (
        _narrowed(rows, terms, total, index).annotate(covered=_covered(terms, fields), covered_bonus=_covered(terms, bonus))
        .filter(covered__gte=total * MIN_COVERAGE)
        .annotate(score=ExpressionWrapper((F("covered") + F("covered_bonus") * 0.5) / float(total), output_field=FloatField()))
        .order_by("-score", *order)
    )


def search_programs(query: str, programs: QuerySet | None = None) -> QuerySet:
    """Published programmes whose name, aliases, description or issuing body cover the query, best first (name hits rank higher)."""
    from policies.models import Program

    programs = Program.objects.published() if programs is None else programs
    fields = ("name", "aliases", "description", "issuing_body")
    return _ranked(programs, query, fields, bonus=("name",), order=("name", "pk"), index=fields)


def search_qa(query: str, pairs: QuerySet | None = None) -> QuerySet:
    """Published Q&A pairs whose question (or answer) covers the query, best first; the question weighs double."""
    from policies.models import QAPair

    pairs = QAPair.objects.published() if pairs is None else pairs
    fields = ("question", "answer")
    return _ranked(pairs, query, fields, bonus=("question",), order=("article_id", "start", "pk"), index=fields)


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
    """Counts of the matching articles by region (most mentioned), year, topic and kind (four queries), once per
    archive generation and selection (articles/summaries.py)."""
    from articles.summaries import cached
    from config.api_conventions import facet_sample, selection_key

    return cached(f"search-facets-{selection_key(facet_sample(articles))}", lambda: _article_facets(articles))


def _article_facets(articles: QuerySet[Article]) -> dict[str, list[dict]]:
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
