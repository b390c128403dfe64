"""Search: articles by full text (PostgreSQL `simple` config over jieba words + bigrams), programmes and Q&A by
query words; snippets and facet counts for /search/ and /api/v1/search."""
from __future__ import annotations

import re
from html import escape

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import ExtractYear

from articles.filters import PUBLIC_STATUSES
from articles.models import Article, RegionMention, Topic
from articles.search_terms import document_terms, query_terms, tsquery


def search_index_update(article: Article) -> None:
    """Recompute one article's search vector from its public (masked) headline, subheadline and text only."""
    head_words, head_grams = document_terms(article.public_headline + " " + article.public_subheadline)
    body_words, body_grams = document_terms(article.public_text)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE articles_article SET search_vector = "
            "setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'A') || "
            "setweight(to_tsvector('simple', %s), 'B') || setweight(to_tsvector('simple', %s), 'C') WHERE id = %s",
            [" ".join(head_words), " ".join(head_grams), " ".join(body_words), " ".join(body_grams), article.pk],
        )


def search_articles(query: str, articles: QuerySet[Article] | None = None) -> QuerySet[Article]:
    """Articles matching every word of the query, best first; none for an empty or meaningless query."""
    articles = Article.objects.published() if articles is None else articles
    raw = tsquery(query or "")
    if raw is None:
        return articles.none()
    search = SearchQuery(raw, search_type="raw", config="simple")
    return (
        articles.filter(search_vector=search)
        .annotate(rank=SearchRank(F("search_vector"), search))
        .order_by("-rank", "-source__published_on", "id")
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


def _coverage(terms: list[str], text: str) -> float:
    """Share of the terms (weighted by length) found in the text."""
    total = sum(len(term) for term in terms)
    text = text.lower()
    return sum(len(term) for term in terms if term in text) / total if total else 0.0


def _ranked(rows, query: str, texts, bonus=None) -> list:
    terms = significant_terms(query)
    scored = []
    for row in rows:
        row.score = _coverage(terms, " ".join(texts(row)))
        if row.score >= MIN_COVERAGE:
            row.score += 0.5 * _coverage(terms, bonus(row)) if bonus else 0
            scored.append(row)
    return sorted(scored, key=lambda row: -row.score)


def _any_term(query: str, fields: tuple[str, ...]) -> Q | None:
    condition = None
    for term in significant_terms(query):
        for field in fields:
            part = Q(**{f"{field}__icontains": term})
            condition = part if condition is None else condition | part
    return condition


def search_programs(query: str, programs: QuerySet | None = None) -> list:
    """Published programmes whose name, aliases, description or issuing body cover the query, best first (name hits rank higher)."""
    from policies.models import Program

    programs = Program.objects.published() if programs is None else programs
    condition = _any_term(query, ("name", "aliases", "description", "issuing_body"))
    if condition is None:
        return []
    rows = programs.filter(condition)
    texts = lambda p: [p.name, " ".join(p.aliases or []), p.description, p.issuing_body]  # noqa: E731
    return _ranked(rows, query, texts, bonus=lambda p: p.name)


def search_qa(query: str, pairs: QuerySet | None = None) -> list:
    """Published Q&A pairs whose question (or answer) covers the query, best first; the question weighs double."""
    from policies.models import QAPair

    pairs = QAPair.objects.published() if pairs is None else pairs
    condition = _any_term(query, ("question", "answer"))
    if condition is None:
        return []
    rows = pairs.filter(condition).select_related("article__source")
    return _ranked(rows, query, lambda p: [p.question, p.answer], bonus=lambda p: p.question)


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
    ids = Article.objects.filter(pk__in=articles.order_by().values("pk")).values("pk")
    kinds = dict(Article.Kind.choices)
    by_kind = Article.objects.filter(pk__in=ids).values("kind").annotate(n=Count("pk")).order_by("-n", "kind")
    by_year = (
        Article.objects.filter(pk__in=ids, source__published_on__isnull=False)
        .annotate(year=ExtractYear("source__published_on"))
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
