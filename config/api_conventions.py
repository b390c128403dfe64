"""Conventions every API list follows: shared schemas, list parameters, pagination with next links, `fields`, facets."""

from collections.abc import Callable, Iterable
from types import SimpleNamespace
from typing import Literal

from django.db.models import Count, F, QuerySet
from django.db.models.functions import ExtractYear
from django.http import HttpRequest, HttpResponse
from ninja import Field, Schema
from pydantic import ConfigDict, field_validator

from articles.extract.pii import mask_personal_data
from articles.filters import PUBLIC_STATUSES, InvalidFilter, ListFilters
from articles.models import RecordStatus
from config.api_http import json_response, link_header

MAX_LIMIT = 100
DEFAULT_LIMIT = 20
MAX_OFFSET = 1_000_000
FACET_SIZE = 10
FACET_NAMES = ("region", "topic", "year", "kind")


# --- Shared schemas -----------------------------------------------------------------------------------------------


class ErrorDetail(Schema):
    """What went wrong."""

    status: int = Field(..., description="HTTP status code", examples=[422])
    message: str = Field(..., description="why the request was refused", examples=["Input should be less than or equal to 100"])
    param: str | None = Field(None, description="the parameter at fault, when one is", examples=["limit"])


class ErrorOut(Schema):
    """The one error shape of every 4xx answer."""

    error: ErrorDetail = Field(..., description="the error", examples=[{"status": 404, "message": "not found"}])


class FacetOut(Schema):
    """How many rows of the selection share one value."""

    value: str = Field(..., description="value to pass back as a filter", examples=["150000"])
    label: str = Field(..., description="readable label", examples=["内蒙古自治区"])
    count: int = Field(..., description="number of matching rows with this value", examples=[12])


class PageOut(Schema):
    """A page of a list: the total count, the page bounds, the next page's URL and, when asked for, facet counts."""

    count: int = Field(..., description="total number of matching rows", examples=[42])
    limit: int = Field(..., description="page size", examples=[20])
    offset: int = Field(..., description="rows skipped before this page", examples=[0])
    next: str | None = Field(None, description="URL of the next page, or null on the last page", examples=["http://testserver/api/v1/articles?offset=20"])
    facets: dict[str, list[FacetOut]] | None = Field(
        None, description="counts by region, topic, year (and kind) when `facets=` asks for them", examples=[None]
    )


class Selectable(Schema):
    """Items of lists: every field is present unless `fields=` selects some."""

    model_config = ConfigDict(json_schema_extra=lambda schema: schema.pop("required", None))


class ProvenanceOut(Schema):
    """Where a record came from."""

    article_id: int = Field(..., description="article the record was extracted from", examples=[1])
    start: int = Field(..., description="start of the span in the article text (characters, from 0)", examples=[120])
    end: int = Field(..., description="end of the span (exclusive)", examples=[128])
    text: str = Field(..., description="the span's text", examples=["11.8亿元"])
    status: str = Field(..., description="auto, corrected or confirmed", examples=["auto"])
    extractor_version: str = Field(..., description="version of the extractor that produced it", examples=["2025.11"])


class RecordOut(Selectable):
    """A record extracted from an article, with its provenance."""

    id: int = Field(..., description="record id", examples=[7])
    provenance: ProvenanceOut = Field(..., description="article, span, status and extractor version")

    @staticmethod
    def resolve_provenance(obj) -> dict:
        fields = ("article_id", "start", "end", "status", "extractor_version")
        return {**{name: getattr(obj, name) for name in fields}, "text": masked(obj.text, obj.article)}


def masked(fragment: str, article) -> str:
    """A piece of an article's text with the article's personal data masked wherever it occurs in it (uses the
    article's prefetched `personal_data`). Spans of the text itself are better cut from `public_text(article)`."""
    for item in article.personal_data.all():
        if item.status != RecordStatus.REJECTED and item.text and item.text in fragment:
            alone = SimpleNamespace(kind=item.kind, text=item.text, start=0, end=len(item.text))
            fragment = fragment.replace(item.text, mask_personal_data(item.text, [alone]))
    return fragment


# --- List parameters --------------------------------------------------------------------------------------------


def list_controls(*, sorts: tuple[str, ...], fields: Iterable[str], facets: tuple[str, ...] = ()) -> type[Schema]:
    """The paging, sort, `fields` and `facets` parameters of one list (validated: a bad one is a 422 naming it)."""
    field_names, facet_names = tuple(fields), facets

    class ListControls(Schema):
        """Paging, order, field selection and facet counts of a list."""

        limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"page size, 1 to {MAX_LIMIT}", examples=[20])
        offset: int = Field(0, ge=0, le=MAX_OFFSET, description="number of rows to skip", examples=[0])
        sort: Literal[sorts] | None = Field(  # type: ignore[valid-type]
            None, description=f"order of the rows: {', '.join(sorts)} (default: {sorts[0]})", examples=[sorts[0]]
        )
        fields: str | None = Field(
            None, max_length=500, description=f"comma-separated fields to return, of: {', '.join(field_names)}", examples=[",".join(field_names[:2])]
        )
        facets: str | None = Field(
            None,
            max_length=100,
            description=f"comma-separated facet counts to add, of: {', '.join(facet_names) or '(none for this list)'}",
            examples=[",".join(facet_names)] if facet_names else [None],
        )

        @field_validator("fields")
        @classmethod
        def _known_fields(cls, value):
            return _names(value, field_names, "field")

        @field_validator("facets")
        @classmethod
        def _known_facets(cls, value):
            return _names(value, facet_names, "facet")

    return ListControls


def _names(value: str | None, allowed: tuple[str, ...], what: str) -> str | None:
    names = [name.strip() for name in (value or "").split(",") if name.strip()]
    for name in names:
        if name not in allowed:
            raise ValueError(f"unknown {what} {name!r}; choose from {', '.join(allowed) or 'none'}")
    return ",".join(names) or None


def applicable(filters: ListFilters, names: Iterable[str], resource: str) -> ListFilters:
    """The filters, refusing (422) any set filter that does not apply to this resource."""
    names = set(names)
    for name in ListFilters.model_fields:
        if name not in names and getattr(filters, name) is not None:
            raise InvalidFilter(name, f"does not apply to {resource}")
    return filters


# --- Responses ----------------------------------------------------------------------------------------------------


def select(item: dict, fields: str | None) -> dict:
    if not fields:
        return item
    wanted = fields.split(",")
    return {name: item[name] for name in wanted if name in item}


def next_url(request: HttpRequest, offset: int, limit: int, count: int) -> str | None:
    if offset + limit >= count:
        return None
    params = request.GET.copy()
    params["offset"] = str(offset + limit)
    params["limit"] = str(limit)
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


def list_body(
    request: HttpRequest,
    rows: QuerySet | list,
    controls,
    serialize: Callable[[object], dict],
    facets: Callable[[list[str]], dict] | None = None,
) -> dict:
    """One page of `rows` in the list envelope: count, limit, offset, next, results (and facets when asked)."""
    count = rows.count() if isinstance(rows, QuerySet) else len(rows)
    page = rows[controls.offset : controls.offset + controls.limit]
    body = {
        "count": count,
        "limit": controls.limit,
        "offset": controls.offset,
        "next": next_url(request, controls.offset, controls.limit, count),
        "results": [select(serialize(row), controls.fields) for row in page],
    }
    if controls.facets and facets is not None:
        body["facets"] = facets(controls.facets.split(","))
    return body


def next_link(url: str | None) -> dict | None:
    return {"Link": link_header({"next": url})} if url else None


def list_response(request: HttpRequest, rows: QuerySet | list, controls, serialize, facets=None) -> HttpResponse:
    """`list_body` as a response, with a `Link: rel="next"` header and an ETag."""
    body = list_body(request, rows, controls, serialize, facets)
    return json_response(request, body, headers=next_link(body["next"]))


def facet_counts(rows: QuerySet, names: list[str], *, article: str = "article", count: str = "pk") -> dict[str, list[dict]]:
    """Counts of distinct `count` values of the rows by their article's region (incl. none below), topic, year, kind.

    `article` is the path from the rows to their article ("" when the rows are articles); one query per facet.
    """
    p = f"{article}__" if article else ""
    base = rows.model.objects.filter(pk__in=rows.order_by().values("pk"))
    n = Count(count, distinct=True)
    result: dict[str, list[dict]] = {}
    if "region" in names:
        region_rows = (
            base.filter(**{f"{p}regions__region__isnull": False, f"{p}regions__status__in": PUBLIC_STATUSES, f"{p}regions__is_public": True})
            .values(code=F(f"{p}regions__region_id"), label=F(f"{p}regions__region__name"))
            .annotate(n=n)
            .order_by("-n", "code")[:FACET_SIZE]
        )
        result["region"] = [{"value": r["code"], "label": r["label"], "count": r["n"]} for r in region_rows]
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
            base.filter(**{f"{p}source__published_on__isnull": False})
            .values(year=ExtractYear(f"{p}source__published_on"))
            .annotate(n=n)
            .order_by("-year")
        )
        result["year"] = [{"value": str(r["year"]), "label": f"{r['year']}年", "count": r["n"]} for r in year_rows]
    if "kind" in names:
        from articles.models import Article

        labels = dict(Article.Kind.choices)
        kind_rows = base.values(kind_value=F(f"{p}kind")).annotate(n=n).order_by("-n", "kind_value")
        result["kind"] = [{"value": r["kind_value"], "label": labels.get(r["kind_value"], r["kind_value"]), "count": r["n"]} for r in kind_rows]
    return result


class ArticleRef(Schema):
    """The article a record comes from."""

    id: int = Field(..., description="article id", examples=[1])
    headline: str = Field(..., description="headline", examples=["京医至，看病更近了！"])
    published_on: str | None = Field(None, description="issue date of its page (YYYY-MM-DD)", examples=["2025-11-24"])
    url: str = Field(..., description="public page of the article", examples=["/articles/1/"])

    @staticmethod
    def resolve_published_on(obj) -> str | None:
        return obj.source.published_on.isoformat() if obj.source.published_on else None

    @staticmethod
    def resolve_url(obj) -> str:
        return obj.get_absolute_url()
