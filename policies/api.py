"""API routers of the policies app: /programs, /programs/{slug}, /documents and /qa."""
from __future__ import annotations

from typing import Literal

from django.db.models import F, QuerySet
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Field, Path, Query, Router

from articles.filters import ListFilters
from articles.search import search_qa
from config.api_conventions import ErrorOut, dump, facet_counts, list_filters, list_response, list_spec
from config.api_csv import FORMAT_PARAM, csv_doc, csv_list_response, wants_csv
from config.api_http import json_response
from policies.filters import ARTICLE_PARAMS, filter_documents, filter_programs, filter_qa
from policies.models import PolicyDocument, Program, ProgramKind, ProgramMention, QAPair
from policies.profile import program_profile
from policies.schemas import (
    DocumentListOut,
    DocumentOut,
    ProgramDetailOut,
    ProgramListOut,
    ProgramMentionOut,
    ProgramOut,
    QAListOut,
    QAOut,
)
from policies.services import with_counts
from stats.schemas import FigureOut

router = Router()
READ_ERRORS = {304: None, 400: ErrorOut, 422: ErrorOut}

# --- Programmes ---------------------------------------------------------------------------------------------------

PROGRAM_FILTERS = ("q", "region", "date_from", "date_to", "program", "topic", "kind", "column")
PROGRAM_SORTS = {
    "mentions": ("-article_count", "name"),
    "latest": (F("last_seen").desc(nulls_last=True), "name"),
    "name": ("name", "slug"),
}
PROGRAM_KIND = Field(
    None,
    description="programme kind (as on the site's /policies/ page), one of: "
    + ", ".join(f"{value} ({label})" for value, label in ProgramKind.choices),
    examples=["campaign"],
)
PROGRAMS = list_spec(
    "Programs",
    "Published programmes named in articles matching the filters (`region` alone also matches a programme's own "
    "region; `program_kind` keeps one kind), most mentioned first by default.",
    filters=PROGRAM_FILTERS,
    sorts=tuple(PROGRAM_SORTS),
    fields=ProgramOut.model_fields,
    facets=("region", "topic", "year"),
    extra={"program_kind": (Literal[tuple(ProgramKind.values)] | None, PROGRAM_KIND), **FORMAT_PARAM},
)
ProgramParams = PROGRAMS.params


def annotated_programs() -> QuerySet[Program]:
    """Published programmes with the number of public articles naming them and the latest issue that does."""
    return with_counts(Program.objects.published().select_related("region"))  # counts from the summary table


def program_out(program: Program) -> dict:
    return dump(ProgramOut, program)


def _program_facets(programs: QuerySet[Program], filters: ListFilters, names: list[str]) -> dict:
    """Facets of programmes through their public mentions; a region also counts the programmes that apply to it
    when `region` would match those (no other article filter set), so each region count is what `region=` selects."""
    selected = programs.order_by().values("pk")
    mentions = ProgramMention.objects.published().filter(program__in=selected)
    own = None
    if not any(getattr(filters, name) for name in ARTICLE_PARAMS if name != "region"):
        own = Program.objects.filter(pk__in=selected, region__isnull=False).values_list("pk", "region_id")
    return facet_counts(mentions, names, count="program", own_regions=own)


@router.get(
    "/programs",
    response={200: ProgramListOut, **READ_ERRORS},
    tags=["programs"],
    summary="List programmes",
    description=PROGRAMS.description,
    openapi_extra=csv_doc("programmes"),
)
def list_programs(request, params: Query[ProgramParams]):
    filters = list_filters(params)
    programs = filter_programs(annotated_programs(), filters)
    if params.program_kind:
        programs = programs.filter(kind=params.program_kind)
    rows = programs.order_by(*PROGRAM_SORTS[params.sort or "mentions"])
    if wants_csv(request, params.format):
        return csv_list_response(request, rows, program_out, ProgramOut, "minsheng-programs.csv", format=params.format or "csv")
    return list_response(request, rows, params, program_out, lambda names: _program_facets(programs, filters, names))


@router.get(
    "/programs/{slug}", response={200: ProgramDetailOut, 301: None, 304: None, 404: ErrorOut}, tags=["programs"], summary="One programme"
)
def get_program(request, slug: str = Path(..., description="programme slug", examples=["京蒙医疗协作机制-da35b1"])):
    """A published programme with its mentions (provenance included), regions, figures and Q&A pairs."""
    program = annotated_programs().filter(slug=slug).first()
    if program is None:
        survivor = Program.survivor_of(slug)
        if survivor is None:
            raise Http404("no such programme")
        # merged into another programme: its old address answers with the survivor's, permanently
        return HttpResponsePermanentRedirect(reverse("api:get_program", kwargs={"slug": survivor.slug}))
    profile = program_profile(program)
    articles = {article.pk: article for article in profile.articles}  # personal data prefetched: no query per record
    for record in [*profile.figures, *profile.qa_pairs]:
        record.article = articles.get(record.article_id, record.article)
    body = {
        **program_out(program),
        "description": profile.description,
        "defining": profile.defining,
        "mentions": [dump(ProgramMentionOut, m) for m in profile.mentions],
        "regions": [{"code": r["region__code"], "name": r["region__name"], "article_count": r["article_count"]} for r in profile.regions],
        "figures": [dump(FigureOut, f) for f in profile.figures],
        "qa_pairs": [qa_out(q) for q in profile.qa_pairs],
        "documents": [document_out(document) for document, _ in profile.documents],
    }
    return json_response(request, body)


# --- Documents ----------------------------------------------------------------------------------------------------

DOCUMENT_FILTERS = ("q", "region", "date_from", "date_to", "program", "topic", "kind", "column", "status")
DOCUMENT_SORTS = {"newest": ("-article__issue_date", "article_id", "start", "id"), "title": ("title", "id")}
DOCUMENTS = list_spec(
    "Documents",
    "Policy documents (《…》) named in published articles matching the filters, one row per place named, with the "
    "issuer, issue date and days in force where the text states them (`program`: the programme a document is for; "
    "`q`: words of its title or issuer). Newest issue first by default.",
    filters=DOCUMENT_FILTERS,
    sorts=tuple(DOCUMENT_SORTS),
    fields=DocumentOut.model_fields,
    facets=("region", "topic", "year"),
    extra=FORMAT_PARAM,
)
DocumentParams = DOCUMENTS.params


def public_documents() -> QuerySet[PolicyDocument]:
    """Published document records whose programme is public (a hidden programme's documents are hidden with it)."""
    return PolicyDocument.objects.published().filter(program__is_public=True)


def document_rows(documents: QuerySet[PolicyDocument] | None = None) -> QuerySet[PolicyDocument]:
    documents = public_documents() if documents is None else documents
    return documents.with_article().select_related("program").prefetch_related("article__personal_data")


def document_out(document: PolicyDocument) -> dict:
    return dump(DocumentOut, document)


@router.get(
    "/documents",
    response={200: DocumentListOut, **READ_ERRORS},
    tags=["documents"],
    summary="List policy documents",
    description=DOCUMENTS.description,
    openapi_extra=csv_doc("policy documents"),
)
def list_documents(request, params: Query[DocumentParams]):
    selected = filter_documents(public_documents().originals(), list_filters(params))
    rows = document_rows(selected).order_by(*DOCUMENT_SORTS[params.sort or "newest"])
    if wants_csv(request, params.format):
        return csv_list_response(request, rows, document_out, DocumentOut, "minsheng-documents.csv", format=params.format or "csv")
    return list_response(request, rows, params, document_out, lambda names: facet_counts(selected, names))


@router.get("/documents/{int:document_id}", response={200: DocumentOut, 304: None, 404: ErrorOut}, tags=["documents"],
            summary="One policy document mention")
def get_document(request, document_id: int = Path(..., description="document record id", examples=[1])):
    """A published record of a document named in an article, with its provenance; `url` is its sentence on the site."""
    return json_response(request, document_out(get_object_or_404(document_rows(), pk=document_id)))


# --- Q&A ----------------------------------------------------------------------------------------------------------

QA_FILTERS = ("q", "region", "date_from", "date_to", "program", "topic", "kind", "column", "status")
QA_SORTS = {"newest": ("-article__issue_date", "article_id", "start"), "relevance": None}
QA = list_spec(
    "QA",
    "Published Q&A pairs of articles matching the filters (`program`: articles that mention it); with `q`, best "
    "match first unless `sort` says otherwise. Personal data is masked.",
    filters=QA_FILTERS,
    sorts=tuple(QA_SORTS),
    fields=QAOut.model_fields,
    facets=("region", "topic", "year"),
    extra=FORMAT_PARAM,
)
QAParams = QA.params


def qa_rows(pairs: QuerySet[QAPair] | None = None) -> QuerySet[QAPair]:
    pairs = QAPair.objects.published() if pairs is None else pairs
    return pairs.with_article().prefetch_related("article__personal_data")


def qa_out(pair: QAPair) -> dict:
    return dump(QAOut, pair)


@router.get(
    "/qa",
    response={200: QAListOut, **READ_ERRORS},
    tags=["qa"],
    summary="List questions and answers",
    description=QA.description,
    openapi_extra=csv_doc("Q&A pairs"),
)
def list_qa(request, params: Query[QAParams]):
    filters = list_filters(params)
    if filters.q and params.sort in (None, "relevance"):
        rows = search_qa(filters.q, qa_rows(filter_qa(QAPair.objects.published().originals(), filters.model_copy(update={"q": None}))))
        selected = rows
    else:
        selected = filter_qa(QAPair.objects.published().originals(), filters)
        rows = qa_rows(selected).order_by(*QA_SORTS["newest"])
    if wants_csv(request, params.format):
        return csv_list_response(request, rows, qa_out, QAOut, "minsheng-qa.csv", format=params.format or "csv")
    return list_response(request, rows, params, qa_out, lambda names: facet_counts(selected, names))


@router.get("/qa/{int:qa_id}", response={200: QAOut, 304: None, 404: ErrorOut}, tags=["qa"], summary="One question and answer")
def get_qa(request, qa_id: int = Path(..., description="Q&A pair id", examples=[1])):
    """A published Q&A pair (personal data masked) with its provenance; `url` is its place on the site."""
    return json_response(request, qa_out(get_object_or_404(qa_rows(), pk=qa_id)))
