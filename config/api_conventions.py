"""Conventions every API list follows: shared schemas, list parameters, pagination with next links, `fields`, facets."""

import hashlib
from collections.abc import Callable, Iterable
from copy import copy
from functools import wraps
from typing import Literal, NamedTuple

from django.core.exceptions import EmptyResultSet
from django.db.models import Count, F, QuerySet
from django.db.models.functions import ExtractYear
from django.http import HttpRequest, HttpResponse
from ninja import Field, Schema
from pydantic import ConfigDict, create_model, field_validator

from articles.filters import PUBLIC_STATUSES, ListFilters, parse_filters
from articles.masking import public_fragment
from articles.models import Article, Region
from articles.summaries import cached
from config import paging
from config.api_http import ApiError, error_response, json_response, link_header
from config.db_router import read_connection
from config.paging import COUNT_CAP, BadCursor, Keyset, capped_count

MAX_LIMIT = 100
DEFAULT_LIMIT = 20
MAX_OFFSET = COUNT_CAP  # deeper rows: by cursor (the lists whose order has one) — OFFSET reads every row it skips
FACET_SIZE = 10


# --- Shared schemas -----------------------------------------------------------------------------------------------
# Every property has a description and a real example; a nested schema's example is built from its own fields'
# examples (`example`), so the examples of the document agree with each other and with the schemas.


def dump(schema: type[Schema], obj) -> dict:
    """One model instance as the JSON-ready dict of its output schema."""
    return schema.from_orm(obj).model_dump(mode="json")


def example(model: type[Schema], **changes) -> dict:
    """An instance of a schema made of its fields' first examples (`changes` replace some)."""
    return {**{name: field.examples[0] for name, field in model.model_fields.items() if field.examples}, **changes}


class ErrorDetail(Schema):
    """What went wrong."""

    status: int = Field(..., description="HTTP status code", examples=[422])
    message: str = Field(..., description="why the request was refused", examples=["Input should be less than or equal to 100"])
    param: str | None = Field(None, description="the parameter at fault, when one is", examples=["limit"])


class ErrorOut(Schema):
    """The one error shape of every 4xx answer."""

    error: ErrorDetail = Field(..., description="the error", examples=[example(ErrorDetail)])


class FacetOut(Schema):
    """How many rows of the selection share one value."""

    value: str = Field(..., description="value to pass back as a filter", examples=["150000"])
    label: str = Field(..., description="readable label", examples=["内蒙古自治区"])
    count: int = Field(..., description="number of matching rows with this value", examples=[34])


class PageOut(Schema):
    """A page of a list: the total count, the page bounds and the next page's URL."""

    count: int = Field(
        ..., description=f"number of matching rows, exact up to {COUNT_CAP}; beyond, {COUNT_CAP} with count_is_exact false", examples=[35]
    )
    count_is_exact: bool = Field(True, description=f"false when more than {COUNT_CAP} rows match (count is then the cap)", examples=[True])
    limit: int = Field(..., description="page size", examples=[20])
    offset: int = Field(..., description="rows skipped before this page", examples=[0])
    next: str | None = Field(
        None,
        description="URL of the next page, or null on the last page",
        examples=["https://minsheng.example.cn/api/v1/articles?region=150000&limit=20&offset=20"],
    )


FACETS_EXAMPLE = {
    "region": [example(FacetOut), {"value": "150100", "label": "呼和浩特市", "count": 13}],
    "topic": [{"value": "insurance", "label": "医疗保障", "count": 6}],
    "year": [{"value": "2025", "label": "2025年", "count": 20}, {"value": "2026", "label": "2026年", "count": 15}],
}


class FacetedPageOut(PageOut):
    """A page of a list that can count its whole selection by facet (`facets=`)."""

    facets: dict[str, list[FacetOut]] | None = Field(
        None,
        description="only when `facets=` asks: for each facet asked (region, topic, year, kind), its values with the "
        "number of rows of the whole selection having each, most first (a region counts the divisions below it); "
        f"when count_is_exact is false, counted over {COUNT_CAP + 1} rows of the selection",
        examples=[FACETS_EXAMPLE],
    )


class Selectable(Schema):
    """Items of lists: every field is present unless `fields=` selects some."""

    model_config = ConfigDict(json_schema_extra=lambda schema: schema.pop("required", None))


class ProvenanceOut(Schema):
    """Where a record came from."""

    article_id: int = Field(..., description="article the record was extracted from", examples=[5])
    start: int = Field(..., description="start of the span in the article text (characters, from 0)", examples=[207])
    end: int = Field(..., description="end of the span (exclusive)", examples=[210])
    text: str = Field(..., description="the span's text (personal data masked)", examples=["3个月"])
    status: str = Field(..., description="auto, corrected or confirmed", examples=["auto"])
    extractor_version: str = Field(..., description="version of the extractor that produced it", examples=["0.1"])


def provenance(text: str, start: int, **changes):
    """The `provenance` field of a kind of record, with an example span of that kind."""
    span = example(ProvenanceOut, text=text, start=start, end=start + len(text), **changes)
    return Field(..., description="article, span, status and extractor version", examples=[span])


# Record model → the record kind naming its anchor in the article page (articles.highlight.ANCHOR_PREFIX).
RECORD_KINDS = {"figure": "figure", "datemention": "date", "regionmention": "region", "programmention": "program",
                "policydocument": "document", "qapair": "qa"}


class RecordOut(Selectable):
    """A record extracted from an article, with its provenance."""

    id: int = Field(..., description="record id", examples=[77])
    url: str = Field(
        ...,
        description="the record's sentence on the public site: its article page at the record's anchor (absolute)",
        examples=["https://minsheng.example.cn/articles/5/#d-77"],
    )
    provenance: ProvenanceOut = provenance("3个月", 207)

    @staticmethod
    def resolve_url(obj) -> str:
        from articles.record_marks import record_url

        return record_url(RECORD_KINDS[obj._meta.model_name], obj)

    @staticmethod
    def resolve_provenance(obj) -> dict:
        fields = ("article_id", "start", "end", "status", "extractor_version")
        return {**{name: getattr(obj, name) for name in fields}, "text": masked(obj.text, obj.article)}


def masked(fragment: str, article) -> str:
    """A piece of an article's text with the article's personal data masked wherever it occurs in it (uses the
    article's prefetched `personal_data`, so no page text is loaded)."""
    return public_fragment(fragment, article.personal_data.all())


# --- List parameters --------------------------------------------------------------------------------------------

FILTER_NAMES = (*ListFilters.model_fields, "program_kind")  # every filter some list has (program_kind: /programs)
FILTER_DESCRIPTIONS = {  # what the shared filters' own descriptions leave out
    "kind": f"article kind, one of: {', '.join(Article.Kind.values)}",
    "status": f"record status, one of: {', '.join(PUBLIC_STATUSES)}",
}


class ListSpec(NamedTuple):
    """The query parameters of one list (a ninja Query schema) and the description of the list in the OpenAPI."""

    params: type[Schema]
    description: str


def list_spec(
    name: str,
    about: str,
    *,
    filters: tuple[str, ...],
    sorts: tuple[str, ...],
    fields: Iterable[str],
    facets: tuple[str, ...] = (),
    extra: dict[str, tuple] | None = None,
) -> ListSpec:
    """The parameters of one list: the named shared filters (validated as `ListFilters` validates them), any
    list-specific ones (`extra`: name → (type, Field)), paging, `sort`, `fields` and — when the list has any —
    `facets`. Nothing else is accepted: an unknown parameter, or a filter that does not apply, is a 422 naming it."""
    field_names = tuple(fields)
    definitions: dict[str, tuple] = {}
    for filter_name in filters:
        info = copy(ListFilters.model_fields[filter_name])
        info.description = FILTER_DESCRIPTIONS.get(filter_name, info.description)
        definitions[filter_name] = (info.annotation, info)
    definitions.update(extra or {})
    definitions["limit"] = (int, Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"page size, 1 to {MAX_LIMIT}", examples=[20]))
    definitions["offset"] = (
        int,
        Field(0, ge=0, le=MAX_OFFSET, description=f"number of rows to skip, at most {MAX_OFFSET} (further: follow `next`)", examples=[40]),
    )
    definitions["sort"] = (
        Literal[sorts] | None,  # type: ignore[valid-type]
        Field(None, description=f"order of the rows: {', '.join(sorts)} (default: {sorts[0]})", examples=[sorts[-1]]),
    )
    definitions["fields"] = (
        str | None,
        Field(None, max_length=500, description=f"comma-separated fields to return, of: {', '.join(field_names)}", examples=[",".join(field_names[:2])]),
    )
    validators = {"_known_fields": field_validator("fields")(classmethod(lambda cls, value: _names(value, field_names, "field")))}
    if facets:
        definitions["facets"] = (
            str | None,
            Field(None, max_length=100, description=f"comma-separated facet counts to add, of: {', '.join(facets)}", examples=[",".join(facets)]),
        )
        validators["_known_facets"] = field_validator("facets")(classmethod(lambda cls, value: _names(value, facets, "facet")))
    blank = [field for field in (extra or {}) if field in FILTER_NAMES]
    if blank:
        validators["_blank_is_none"] = field_validator(*blank, mode="before")(classmethod(lambda cls, value: _blank_is_none(value)))
    params = create_model(
        f"{name}Parameters",
        __base__=Schema,
        __doc__=f"Query parameters of {name.lower()}: filters, paging, order, field selection and facets.",
        __validators__=validators,
        **definitions,
    )
    return ListSpec(params, list_description(about, [*filters, *(extra or {})], facets, sorts))


def list_description(about: str, parameters: list[str], facets: tuple[str, ...], sorts: tuple[str, ...]) -> str:
    """What a list is, which filters and facets it accepts, and how it is ordered (the OpenAPI description)."""
    filters = [name for name in parameters if name in FILTER_NAMES]

    def codes(names) -> str:
        return ", ".join(f"`{name}`" for name in names) or "none"

    lines = [
        about,
        "",
        f"**Filters:** {codes(filters)}. Any other filter, or any unknown parameter, is refused: 422 naming it.",
        "",
        f"**Facets:** {codes(facets)}."
        + (" Each facet counts the rows of the whole selection; a region counts rows about it or any division below it,"
           " so passing its value as region gives exactly that count." if "region" in facets else "")
        + (" (Ask for them with facets, comma-separated.)" if facets else ""),
        "",
        f"**Sort:** {codes(sorts)} (default {sorts[0]}). **Paging:** limit (at most {MAX_LIMIT}) and offset (at most "
        f"{MAX_OFFSET}); the answer carries count (exact up to {COUNT_CAP}: see count_is_exact), next and a Link header "
        "with rel next"
        + ("; in a keyset order next carries a `cursor`, which reaches every row at the cost of the first page." if "cursor" in parameters else "."),
    ]
    return "\n".join(lines)


def _blank_is_none(value):
    return value.strip() or None if isinstance(value, str) else value


def _names(value: str | None, allowed: tuple[str, ...], what: str) -> str | None:
    names = [name.strip() for name in (value or "").split(",") if name.strip()]
    for name in names:
        if name not in allowed:
            raise ValueError(f"unknown {what} {name!r}; choose from {', '.join(allowed) or 'none'}")
    return ",".join(names) or None


def list_filters(params: Schema) -> ListFilters:
    """The shared filters among a list's parameters, validated as the site validates them (InvalidFilter: 422)."""
    return parse_filters({name: getattr(params, name) for name in ListFilters.model_fields if name in type(params).model_fields})


def query_parameter_names(operation) -> frozenset[str]:
    """The query parameters a ninja operation declares."""
    return frozenset(
        name
        for model in operation.models
        if model.__ninja_param_source__ == "query"
        for name in getattr(model, "__ninja_flatten_map__", model.model_fields)
    )


def refuse_unknown_parameters(run: Callable) -> Callable:
    """A ninja view decorator: a query parameter the operation does not declare is a 422 naming it (a filter of
    another list says it does not apply here), before any validation or query."""
    operation = run.__self__
    known = query_parameter_names(operation)

    @wraps(run)
    def checked(request: HttpRequest, *args, **kwargs):
        for name in request.GET:
            if name not in known:
                filters = sorted(known & set(FILTER_NAMES))
                if name in FILTER_NAMES:
                    message = f"does not apply here; the filters of this list are: {', '.join(filters) or 'none'}"
                else:
                    message = f"unknown parameter; this endpoint accepts: {', '.join(sorted(known)) or 'no query parameters'}"
                return error_response(422, message, param=name)
        return run(request, *args, **kwargs)

    return checked


# --- Responses ----------------------------------------------------------------------------------------------------


def select(item: dict, fields: str | None) -> dict:
    if not fields:
        return item
    wanted = fields.split(",")
    return {name: item[name] for name in wanted if name in item}


def next_url(request: HttpRequest, **changes) -> str:
    params = request.GET.copy()
    for name, value in changes.items():
        params.pop(name, None)
        if value is not None:
            params[name] = str(value)
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


def list_body(
    request: HttpRequest,
    rows: QuerySet | list,
    controls,
    serialize: Callable[[object], dict],
    facets: Callable[[list[str]], dict] | None = None,
    *,
    keyset: Keyset | None = None,
    known_count: int | None = None,
) -> dict:
    """One page of `rows` in the list envelope: count (exact up to COUNT_CAP), limit, offset, next, results (and
    facets when asked). With a `keyset` (the rows are in one of its orders), `next` is a cursor link and `cursor`
    continues from it; otherwise `next` moves the offset, as far as MAX_OFFSET. `known_count`: the rows' number
    when a summary has it (`capped_count`)."""
    count, exact = capped_count(rows, known=known_count)
    cursor, offset, limit = getattr(controls, "cursor", None), controls.offset, controls.limit
    if cursor and keyset is None:
        raise ApiError(422, "cursor paging applies to the orders newest, oldest and headline, without q", param="cursor")
    if cursor and offset:
        raise ApiError(422, "give either cursor or offset, not both", param="cursor")
    if cursor:
        try:
            rows = keyset.after(rows, cursor)
        except BadCursor as error:
            raise ApiError(422, str(error), param="cursor") from None
    if exact and not cursor:  # the count says whether a page follows: fetch just this page
        page, more = list(rows[offset : offset + limit]), offset + limit < count
    else:  # one row more than shown says it
        page = list(rows[offset : offset + limit + 1])
        more, page = len(page) > limit, page[:limit]
    following = None
    if more and keyset is not None:
        following = next_url(request, cursor=keyset.cursor_of(page[-1]), offset=None, limit=limit)
    elif more and offset + limit <= MAX_OFFSET:
        following = next_url(request, offset=offset + limit, limit=limit)
    body = {
        "count": count,
        "count_is_exact": exact,
        "limit": limit,
        "offset": offset,
        "next": following,
        "results": [select(serialize(row), controls.fields) for row in page],
    }
    wanted = getattr(controls, "facets", None)  # lists without facets have no such parameter
    if wanted and facets is not None:
        body["facets"] = facets(wanted.split(","))
    return body


def next_link(url: str | None) -> dict | None:
    return {"Link": link_header({"next": url})} if url else None


def list_response(
    request: HttpRequest, rows: QuerySet | list, controls, serialize, facets=None, *, headers: dict | None = None, keyset: Keyset | None = None,
    known_count: int | None = None,
) -> HttpResponse:
    """`list_body` as a response, with a `Link: rel="next"` header and an ETag."""
    body = list_body(request, rows, controls, serialize, facets, keyset=keyset, known_count=known_count)
    return json_response(request, body, headers={**(headers or {}), **(next_link(body["next"]) or {})})


def facet_counts(
    rows: QuerySet, names: list[str], *, article: str = "article", count: str = "pk", own_regions: QuerySet | None = None
) -> dict[str, list[dict]]:
    """Counts of distinct `count` values of the rows by their article's region, topic, year and kind.

    `article` is the path from the rows to their article ("" when the rows are articles). A region counts the rows
    whose article names it or any division below it — what the `region` filter selects, so a facet value passed back
    as `region=` gives exactly its count; `own_regions` adds (count value, region code) pairs of the rows' own (for
    programmes: the division a programme applies to, which `region` also matches). One query per facet, once per
    archive generation and selection (articles/summaries.py: the same filters are counted once until the next write).
    """
    key = f"facets-{rows.model._meta.label_lower}-{article}-{count}-{','.join(sorted(names))}-{selection_key(facet_sample(rows), own_regions)}"
    return cached(key, lambda: _facet_counts(rows, names, article=article, count=count, own_regions=own_regions))


def selection_key(*querysets: QuerySet | None) -> str:
    """A short digest of the SQL (with its parameters) of querysets: what a cached aggregate over them is keyed by."""
    parts = []
    for query in querysets:
        if query is None:
            parts.append("-")
            continue
        if getattr(query, "ranked", None) is not None:  # search results: named by their query, not 10,001 ids
            parts.append(query.ranked_key)
            continue
        try:
            sql, params = query.query.sql_with_params()
        except EmptyResultSet:  # known to be empty
            parts.append("empty")
            continue
        parts.append(sql + repr(params))
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:32]


def _facet_counts(
    rows: QuerySet, names: list[str], *, article: str = "article", count: str = "pk", own_regions: QuerySet | None = None
) -> dict[str, list[dict]]:
    p = f"{article}__" if article else ""
    base = rows.model.objects.filter(pk__in=facet_sample(rows))
    n = Count(count, distinct=True)
    result: dict[str, list[dict]] = {}
    if "region" in names:
        # The mentions `articles.filters.mentions_region` matches: public, not rejected, matched to the gazetteer.
        mentions = {"region__isnull": False, "status__in": PUBLIC_STATUSES, "is_public": True}
        named = base.filter(**{f"{p}regions__{lookup}": value for lookup, value in mentions.items()})
        pairs = [named.values_list(count, f"{p}regions__region_id")]
        if own_regions is not None:
            pairs.append(own_regions)
        result["region"] = region_facet(pairs)
    if "topic" in names:
        topic_rows = (
            base.filter(**{f"{p}topics__isnull": False})
            .values(slug=F(f"{p}topics__slug"), label=F(f"{p}topics__name"))
            .annotate(n=n)
            .order_by("-n", "slug")[:FACET_SIZE]
        )
        result["topic"] = [{"value": r["slug"], "label": r["label"], "count": r["n"]} for r in topic_rows]
    if "year" in names:
        year_rows = (
            base.filter(**{f"{p}issue_date__isnull": False})
            .values(year=ExtractYear(f"{p}issue_date"))
            .annotate(n=n)
            .order_by("-year")
        )
        result["year"] = [{"value": str(r["year"]), "label": f"{r['year']}年", "count": r["n"]} for r in year_rows]
    if "kind" in names:
        labels = dict(Article.Kind.choices)
        kind_rows = base.values(kind_value=F(f"{p}kind")).annotate(n=n).order_by("-n", "kind_value")
        result["kind"] = [{"value": r["kind_value"], "label": labels.get(r["kind_value"], r["kind_value"]), "count": r["n"]} for r in kind_rows]
    return result


def facet_sample(rows: QuerySet) -> QuerySet:
    """The keys of the rows facets count: the whole selection up to COUNT_CAP rows (then every count is exact);
    beyond it, COUNT_CAP + 1 of them (count_is_exact is false then, and the facets are counts over that sample), so a
    common word never makes every facet read every matching row."""
    return rows.order_by().values("pk")[: paging.COUNT_CAP + 1]


def region_facet(pairs: list[QuerySet]) -> list[dict]:
    """The FACET_SIZE divisions with the most distinct keys, from querysets of (key, region code) pairs; a pair
    counts for its division and every division above it (GB/T 2260 codes nest: XX0000 ⊃ XXYY00 ⊃ XXYYZZ, the
    prefixes `articles.filters.region_prefix` matches). One query."""
    parts, params = [], []
    for query in pairs:
        try:
            sql, query_params = query.order_by().query.sql_with_params()
        except EmptyResultSet:  # a selection known to be empty (pk__in=[]): it has no pairs
            continue
        parts.append(f"({sql})")
        params.extend(query_params)
    if not parts:
        return []
    sql = (
        "SELECT region.code, region.name, COUNT(DISTINCT pairs.key) AS n "
        f"FROM ({' UNION ALL '.join(parts)}) AS pairs(key, code) "
        "CROSS JOIN LATERAL (VALUES (pairs.code), (LEFT(pairs.code, 4) || '00'), (LEFT(pairs.code, 2) || '0000')) AS up(code) "
        f"JOIN {Region._meta.db_table} AS region ON region.code = up.code "
        "GROUP BY region.code, region.name ORDER BY n DESC, region.code LIMIT %s"
    )
    with read_connection().cursor() as cursor:
        cursor.execute(sql, [*params, FACET_SIZE])
        return [{"value": code, "label": name, "count": total} for code, name, total in cursor.fetchall()]


class ArticleRef(Schema):
    """The article a record comes from."""

    id: int = Field(..., description="article id", examples=[5])
    headline: str = Field(..., description="headline (personal data masked)", examples=["事关居民医保！这些政策请知晓"])
    published_on: str | None = Field(None, description="issue date of its page (YYYY-MM-DD)", examples=["2025-12-08"])
    url: str = Field(..., description="public page of the article (absolute)", examples=["https://minsheng.example.cn/articles/5/"])

    @staticmethod
    def resolve_headline(obj) -> str:
        return obj.public_headline

    @staticmethod
    def resolve_published_on(obj) -> str | None:
        return obj.source.published_on.isoformat() if obj.source.published_on else None

    @staticmethod
    def resolve_url(obj) -> str:
        return obj.get_absolute_url()
