"""API routers of the articles app: /articles, /dates, /regions, /search and /sources (the one write: upload)."""
from __future__ import annotations

from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from ninja import Field, File, Form, Path, Query, Router
from ninja.files import UploadedFile
from ninja.security import HttpBearer

from articles import browse
from articles.filters import IsoDate, filter_articles, filter_dates, region_prefix
from articles.models import ApiToken, Article, DateMention, Region, Source
from articles.models.article import ARTICLE_ORDERS
from articles.schemas import (
    ArticleDetailOut,
    ArticleListOut,
    ArticleOut,
    DateListOut,
    DateOut,
    IngestOut,
    RegionDetailOut,
    RegionListOut,
    RegionOut,
    SearchArticleOut,
    SearchOut,
    SourceListOut,
    SourceOut,
)
from articles.search import search_articles, search_programs, search_qa, snippet
from articles.services import PageRejected, source_ingest, upload_read
from config.api_conventions import (
    ErrorOut,
    dump,
    facet_counts,
    list_body,
    list_filters,
    list_response,
    list_spec,
    next_link,
)
from config.api_csv import FORMAT_PARAM, csv_doc, csv_list_response, wants_csv
from config.api_http import ApiError, json_response
from config.paging import KEYSETS
from policies.api import annotated_programs, program_out, qa_out, qa_rows

router = Router()
READ_ERRORS = {304: None, 400: ErrorOut, 422: ErrorOut}

# --- Articles -----------------------------------------------------------------------------------------------------

ARTICLE_FILTERS = ("q", "region", "date_from", "date_to", "program", "topic", "kind", "column")
ARTICLE_SORTS = {
    **ARTICLE_ORDERS,  # newest, oldest, headline: each read from its index
    "relevance": None,  # with q: best match first
}
ARTICLES = list_spec(
    "Articles",
    "Published articles matching the filters; with `q`, best match first unless `sort` says otherwise.",
    filters=ARTICLE_FILTERS,
    sorts=tuple(ARTICLE_SORTS),
    fields=ArticleOut.model_fields,
    facets=("region", "topic", "year", "kind"),
    extra={**FORMAT_PARAM, "cursor": (str | None, Field(None, max_length=400, description="continue after this row: the cursor in `next` (orders newest, oldest, headline)", examples=["WyJuZXdlc3QiLCAiMjAyNS0xMS0yNCIsIDEsIDNd"]))},
)
ArticleParams = ARTICLES.params


def article_out(article: Article) -> dict:
    return dump(ArticleOut, article)


@router.get(
    "/articles",
    response={200: ArticleListOut, **READ_ERRORS},
    tags=["articles"],
    summary="List articles",
    description=ARTICLES.description,
    openapi_extra=csv_doc("articles"),
)
def list_articles(request, params: Query[ArticleParams]):
    filters = list_filters(params)
    articles = filter_articles(Article.objects.published(), filters)
    keyset = None
    if filters.q and params.sort in (None, "relevance"):
        rows = search_articles(filters.q, articles)
    else:
        sort = params.sort if params.sort in KEYSETS else "newest"
        rows, keyset = articles.order_by(*ARTICLE_SORTS[sort]), KEYSETS[sort]
    rows = rows.headlines().prefetch_related("topics")
    if wants_csv(request, params.format):
        return csv_list_response(request, rows, article_out, ArticleOut, "minsheng-articles.csv", format=params.format or "csv")
    facets = lambda names: facet_counts(rows, names, article="")  # noqa: E731
    return list_response(request, rows, params, article_out, facets, keyset=keyset, known_count=browse.region_filter_count(filters))


@router.get(
    "/articles/{int:article_id}",
    response={200: ArticleDetailOut, 304: None, 404: ErrorOut},
    tags=["articles"],
    summary="One article with its records",
)
def get_article(request, article_id: int = Path(..., description="article id", examples=[1])):
    """A published article: its text with personal data masked and its published records with their provenance."""
    article = browse.article_for_page(article_id)
    records = browse.public_records(article)
    article.records = records
    article.citation = browse.article_citation(article, request.build_absolute_uri(article.get_absolute_url()))
    return json_response(request, dump(ArticleDetailOut, article))


# --- Dates --------------------------------------------------------------------------------------------------------

DATE_FILTERS = ("q", "region", "date_from", "date_to", "program", "topic", "kind", "column", "status")
DATE_SORTS = {
    "start": ("start_date", "end_date", "id"),
    "-start": ("-start_date", "-end_date", "-id"),
    "newest": ("-article__issue_date", "article_id", "start"),
}
DATES = list_spec(
    "Dates",
    "Published date mentions. `date_from`/`date_to` select the mentions whose range overlaps the period (not the "
    "issue date); `q` matches words of the mention; the other filters select by the article.",
    filters=DATE_FILTERS,
    sorts=tuple(DATE_SORTS),
    fields=DateOut.model_fields,
    facets=("region", "topic", "year"),
    extra=FORMAT_PARAM,
)
DateParams = DATES.params


@router.get(
    "/dates",
    response={200: DateListOut, **READ_ERRORS},
    tags=["dates"],
    summary="List dates named in articles",
    description=DATES.description,
    openapi_extra=csv_doc("date mentions"),
)
def list_dates(request, params: Query[DateParams]):
    rows = filter_dates(DateMention.objects.published(), list_filters(params))
    rows = rows.with_article().prefetch_related("article__personal_data")
    rows = rows.order_by(*DATE_SORTS[params.sort or "start"])
    if wants_csv(request, params.format):
        return csv_list_response(request, rows, lambda d: dump(DateOut, d), DateOut, "minsheng-dates.csv", format=params.format or "csv")
    return list_response(
        request, rows, params, lambda d: dump(DateOut, d), lambda names: facet_counts(rows, names)
    )


@router.get(
    "/dates/{int:date_id}", response={200: DateOut, 304: None, 404: ErrorOut}, tags=["dates"], summary="One date mention"
)
def get_date(request, date_id: int = Path(..., description="date mention id", examples=[20])):
    """A published date mention with its provenance; `url` is its sentence on the site."""
    rows = DateMention.objects.published().with_article().prefetch_related("article__personal_data")
    return json_response(request, dump(DateOut, get_object_or_404(rows, pk=date_id)))


# --- Regions ------------------------------------------------------------------------------------------------------

REGION_SORTS = ("code", "articles", "name")
REGIONS = list_spec(
    "Regions",
    "Divisions named in published articles and the divisions above them; `region` keeps the divisions under a code "
    "(an unknown code is a 422), `q` matches names.",
    filters=("q", "region"),
    sorts=REGION_SORTS,
    fields=RegionOut.model_fields,
    extra=FORMAT_PARAM,
)
RegionParams = REGIONS.params


def region_out(region: Region, counts: dict) -> dict:
    articles, figures = counts.get(region.code, (0, 0))
    return {"code": region.code, "name": region.name, "level": region.level, "parent": region.parent_id, "article_count": articles, "figure_count": figures}


@router.get(
    "/regions",
    response={200: RegionListOut, **READ_ERRORS},
    tags=["regions"],
    summary="List named divisions",
    description=REGIONS.description,
    openapi_extra=csv_doc("divisions"),
)
def list_regions(request, params: Query[RegionParams]):
    filters = list_filters(params)
    counts = browse.region_counts()
    regions = Region.objects.filter(code__in=counts)
    if filters.region:
        regions = regions.filter(code__startswith=region_prefix(filters.region))  # unknown code: 422 naming region
    if filters.q:
        regions = regions.filter(name__icontains=filters.q)
    rows = sorted(regions, key=lambda r: r.code)
    if params.sort == "articles":
        rows.sort(key=lambda r: -counts[r.code][0])
    elif params.sort == "name":
        rows.sort(key=lambda r: r.name)
    if wants_csv(request, params.format):
        return csv_list_response(request, rows, lambda r: region_out(r, counts), RegionOut, "minsheng-regions.csv", format=params.format or "csv")
    return list_response(request, rows, params, lambda r: region_out(r, counts))


@router.get(
    "/regions/{code}", response={200: RegionDetailOut, 304: None, 404: ErrorOut}, tags=["regions"], summary="One division"
)
def get_region(request, code: str = Path(..., description="six-digit GB/T 2260 code", examples=["150000"])):
    """A division of the gazetteer with counts, the named divisions below it and links to its lists."""
    region = get_object_or_404(Region, code=code)
    counts = browse.region_counts()
    children = [region_out(node.region, counts) for node in browse.region_tree(counts, root=region)]
    links = {name: f"/api/v1/{name}?region={code}" for name in ("articles", "figures", "programs", "qa", "dates")}
    ancestors = [{"code": r.code, "name": r.name} for r in browse.region_ancestors(region)]
    return json_response(request, {**region_out(region, counts), "ancestors": ancestors, "children": children, "links": links})


# --- Search -------------------------------------------------------------------------------------------------------


SEARCH_FILTERS = ("region", "date_from", "date_to", "program", "topic", "kind", "column")
SEARCH_BEST = 10  # programmes and Q&A pairs listed (their counts are complete)
SEARCH = list_spec(
    "Search",
    "Articles by full text (paged, with snippets and facets), and the best programmes and Q&A pairs: "
    f"`programs` and `qa_pairs` list at most {SEARCH_BEST}, best first; `programs_count` and `qa_count` count every "
    "match (use /programs?q= and /qa?q= to page through them). `q` is required; the other filters narrow the "
    "articles only.",
    filters=SEARCH_FILTERS,
    sorts=("relevance",),
    fields=SearchArticleOut.model_fields,
    facets=("region", "topic", "year", "kind"),
    extra={"q": (str, Field(..., min_length=1, max_length=100, description="the search words (required; Chinese is segmented)", examples=["医保缴费"]))},
)
SearchParams = SEARCH.params


@router.get(
    "/search",
    response={200: SearchOut, **READ_ERRORS},
    tags=["search"],
    summary="Search everything",
    description=SEARCH.description,
)
def search(request, params: Query[SearchParams]):
    filters = list_filters(params)
    if not filters.q:
        raise ApiError(422, "a search needs a query", param="q")
    query = filters.q
    rows = search_articles(query, filter_articles(Article.objects.published(), filters.model_copy(update={"q": None})))
    rows = rows.with_source().prefetch_related("topics", "personal_data")
    articles = list_body(
        request,
        rows,
        params,
        lambda a: {**article_out(a), "snippet": snippet(a.public_text, query)},
        lambda names: facet_counts(rows, names, article=""),
    )
    programs = search_programs(query, annotated_programs())
    pairs = search_qa(query, qa_rows())
    body = {
        "query": query,
        "articles": articles,
        "programs": [program_out(p) for p in programs[:SEARCH_BEST]],
        "programs_count": programs.count(),
        "qa_pairs": [qa_out(p) for p in pairs[:SEARCH_BEST]],
        "qa_count": pairs.count(),
    }
    return json_response(request, body, headers=next_link(articles["next"]))


# --- Sources ------------------------------------------------------------------------------------------------------

SOURCE_SORTS = {"newest": ("-published_on", "name"), "oldest": ("published_on", "name"), "name": ("name", "id")}
SOURCES = list_spec(
    "Sources",
    "Ingested page files with their issue dates; `date_from`/`date_to` select by issue date.",
    filters=("date_from", "date_to"),
    sorts=tuple(SOURCE_SORTS),
    fields=SourceOut.model_fields,
    extra=FORMAT_PARAM,
)
SourceParams = SOURCES.params
PUBLIC_ARTICLES = Q(articles__is_public=True)


def source_out(source: Source) -> dict:
    return dump(SourceOut, source)


@router.get(
    "/sources",
    response={200: SourceListOut, **READ_ERRORS},
    tags=["sources"],
    summary="List ingested page files",
    description=SOURCES.description,
    openapi_extra=csv_doc("page files"),
)
def list_sources(request, params: Query[SourceParams]):
    filters = list_filters(params)
    sources = Source.objects.defer("raw", "text").annotate(article_count=Count("articles", filter=PUBLIC_ARTICLES))
    if filters.date_from:
        sources = sources.filter(published_on__gte=filters.date_from)
    if filters.date_to:
        sources = sources.filter(published_on__lte=filters.date_to)
    sources = sources.order_by(*SOURCE_SORTS[params.sort or "newest"])
    if wants_csv(request, params.format):
        return csv_list_response(request, sources, source_out, SourceOut, "minsheng-sources.csv", format=params.format or "csv")
    return list_response(request, sources, params, source_out)


PAGE_FILE = File(
    ..., description="the page file: plain text in UTF-8, GB18030, UTF-16 or Big5, or a saved web article (.html)",
    examples=["page.txt"],
)
PAGE_DATE = Form(None, description="issue date; inferred from the file name or text when left out", examples=["2025-11-24"])
PAGE_PAPER = Form(None, description="the newspaper or site; read from the file name or text when left out", examples=["内蒙古日报"])
PAGE_LABEL = Form(None, description="edition/page label", examples=["05版"])


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <secret>` with a token an editor created in the admin (API 令牌)."""

    def authenticate(self, request, token: str) -> ApiToken | None:
        return ApiToken.authenticate(token)


@router.post(
    "/sources",
    auth=TokenAuth(),
    response={200: IngestOut, 201: IngestOut, 401: ErrorOut, 422: ErrorOut},
    tags=["sources"],
    summary="Upload a page file (token required)",
)
def upload_source(
    request, file: UploadedFile = PAGE_FILE, published_on: IsoDate | None = PAGE_DATE,
    paper: str | None = PAGE_PAPER, page_label: str | None = PAGE_LABEL,
):
    """Ingest a page file (plain text in any common encoding). 201 when new, 200 when the same bytes were already
    here; a file that cannot be read is a 422 with the reason, and nothing is written."""
    try:
        with transaction.atomic():
            name = file.name or "upload.txt"
            outcome = source_ingest(
                raw=upload_read(upload=file, name=name), name=name, published_on=published_on,
                paper=(paper or "").strip()[:64] or None, page_label=(page_label or "").strip()[:32] or None,
            )
    except PageRejected as error:
        raise ApiError(422, error.reason, param="file") from None
    source = Source.objects.annotate(article_count=Count("articles", filter=PUBLIC_ARTICLES)).get(pk=outcome.source.pk)
    body = {"created": outcome.created, "articles": outcome.articles, "source": source_out(source)}
    return json_response(request, body, status=201 if outcome.created else 200)
