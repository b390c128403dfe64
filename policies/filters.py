"""Programme, document and Q&A lists filtered by the shared `ListFilters` (used by /policies/, /qa/ and the API)."""
from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from articles.filters import ListFilters, filter_articles, region_prefix
from articles.models import Article
from policies.models import PolicyDocument, Program, ProgramMention, QAPair

ARTICLE_PARAMS = ("region", "date_from", "date_to", "topic", "kind", "column")


def _matching_articles(filters: ListFilters, *, with_program: bool) -> QuerySet[Article] | None:
    """Published articles matching the article filters, or None when no article filter is set."""
    names = ARTICLE_PARAMS + (("program",) if with_program else ())
    if not any(getattr(filters, name) for name in names):
        return None
    if not with_program:
        filters = filters.model_copy(update={"program": None})
    return filter_articles(Article.objects.published(), filters)


def filter_programs(programs: QuerySet[Program], filters: ListFilters) -> QuerySet[Program]:
    """Programmes mentioned (publicly) in articles matching the article filters; `region` also matches the
    programme's own region; `program` is its slug; `q` as in `articles.search.search_programs`."""
    articles = _matching_articles(filters, with_program=False)
    if articles is not None:
        mentioned = Exists(
            ProgramMention.objects.published().filter(program_id=OuterRef("pk"), article__in=articles.values("pk"))
        )
        condition = Q(mentioned)
        if filters.region and not any(getattr(filters, n) for n in ARTICLE_PARAMS if n != "region"):
            condition |= Q(region__code__startswith=region_prefix(filters.region))
        programs = programs.filter(condition)
    if filters.program:
        programs = programs.filter(slug=filters.program)
    if filters.q:
        from articles.search import search_programs

        programs = programs.filter(pk__in=search_programs(filters.q, programs).values("pk"))
    return programs


def filter_qa(pairs: QuerySet[QAPair], filters: ListFilters) -> QuerySet[QAPair]:
    """Q&A pairs from articles matching the article filters (`program`: articles that mention it); `status` and
    `q` on top (the words of `articles.search.search_qa`; use that function for ranked results)."""
    articles = _matching_articles(filters, with_program=True)
    if articles is not None:
        pairs = pairs.filter(article__in=articles.values("pk"))
    if filters.status:
        pairs = pairs.filter(status=filters.status)
    if filters.q:
        from articles.search import search_qa

        pairs = pairs.filter(pk__in=search_qa(filters.q, pairs).values("pk"))
    return pairs


def filter_documents(documents: QuerySet[PolicyDocument], filters: ListFilters) -> QuerySet[PolicyDocument]:
    """Documents named in articles matching the article filters; `program` is the slug of the programme they are for
    (not every document of an article naming it); `q` words of their title or issuer."""
    articles = _matching_articles(filters, with_program=False)
    if articles is not None:
        documents = documents.filter(article__in=articles.values("pk"))
    if filters.program:
        documents = documents.filter(program__slug=filters.program)
    if filters.status:
        documents = documents.filter(status=filters.status)
    for word in (filters.q or "").split():
        documents = documents.filter(Q(title__icontains=word) | Q(issuer__icontains=word))
    return documents
