"""Public pages of the policies app: the programme list, a programme's page and the Q&A page."""
from django.db.models import F
from django.http import Http404
from django.shortcuts import redirect, render

from articles import browse
from articles.choices import filter_choices
from articles.filters import InvalidFilter, parse_filters
from articles.search import search_qa
from config.paging import CappedPaginator
from policies.filters import filter_programs, filter_qa
from policies.models import Program, ProgramKind, QAPair
from policies.profile import documents_by_program, program_profile
from policies.services import with_counts

PROGRAMS_PER_PAGE = 30
QA_PER_PAGE = 20
# The same names and orders as the API's programme sorts, so the JSON twin returns the page's rows in its order.
SORTS = {
    "mentions": ("-article_count", "name"),
    "latest": (F("last_seen").desc(nulls_last=True), "name"),
    "name": ("name", "slug"),
}
SORT_LABELS = [("mentions", "提及最多"), ("latest", "最近提及"), ("name", "按名称")]
# The parameters each page applies: its JSON twin carries these (the API refuses parameters a list does not take).
PROGRAM_PARAMS = ("q", "region", "date_from", "date_to", "program", "topic", "kind", "column", "program_kind")
QA_PARAMS = ("q", "region", "date_from", "date_to", "program", "topic", "kind", "column", "status")


def _choices(*, program_kinds: bool = True) -> dict:
    return {**filter_choices("topics", "regions"), "program_kinds": ProgramKind.choices if program_kinds else None}


def _program_kind(params) -> str | None:
    kind = (params.get("program_kind") or "").strip() or None
    if kind is not None and kind not in ProgramKind.values:
        allowed = "、".join(f"{label}（{value}）" for value, label in ProgramKind.choices)
        raise InvalidFilter("program_kind", f"must be one of {', '.join(ProgramKind.values)}", f"应为以下类型之一：{allowed}")
    return kind


def program_list(request):
    sort = request.GET.get("sort") if request.GET.get("sort") in SORTS else "mentions"
    try:
        filters = parse_filters(request.GET)
        kind = _program_kind(request.GET)
    except InvalidFilter as error:
        return render(request, "policies/list.html", {"error": error, "choices": _choices(), "sort_labels": SORT_LABELS}, status=400)
    programs = with_counts(filter_programs(Program.objects.published(), filters))  # counts from the summary table
    if kind:
        programs = programs.filter(kind=kind)
    page = CappedPaginator(programs.order_by(*SORTS[sort]), PROGRAMS_PER_PAGE).get_page(request.GET.get("page"))
    documents = documents_by_program([program.pk for program in page.object_list])
    for program in page.object_list:
        program.named_documents = documents.get(program.pk, [])
    context = {
        "page": page,
        "filters": filters,
        "choices": _choices(),
        "sort_labels": SORT_LABELS,
        "sort": sort,
        "api_sort": None if sort == "mentions" else sort,
        "api_params": PROGRAM_PARAMS,
    }
    return render(request, "policies/list.html", context)


def program_detail(request, slug: str):
    program = Program.objects.published().select_related("region").filter(slug=slug).first()
    if program is None:
        survivor = Program.survivor_of(slug)
        if survivor is None:
            raise Http404("no such programme")
        return redirect(survivor, permanent=True)  # merged into another: its old address keeps working
    return render(request, "policies/detail.html", {"profile": program_profile(program), "program": program})


def qa_list(request):
    try:
        filters = parse_filters(request.GET)
    except InvalidFilter as error:
        return render(request, "policies/qa.html", {"error": error, "choices": _choices(program_kinds=False)}, status=400)
    pairs = filter_qa(QAPair.objects.published().originals(), filters.model_copy(update={"q": None})).with_article()
    if filters.q:
        pairs = search_qa(filters.q, pairs)
    else:
        pairs = pairs.order_by("-article__issue_date", "article_id", "start")
    page = CappedPaginator(pairs, QA_PER_PAGE, known_count=browse.qa_list_count(filters)).get_page(request.GET.get("page"))
    context = {"page": page, "filters": filters, "choices": _choices(program_kinds=False), "api_params": QA_PARAMS}
    return render(request, "policies/qa.html", context)
