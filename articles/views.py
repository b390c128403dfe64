"""Public pages of the articles app: home, article list and page, search, and the region pages."""
from django.db.models import DateField, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, render

from articles import browse
from articles.choices import filter_choices
from articles.filters import InvalidFilter, filter_articles, parse_filters
from articles.models import Article, Region
from articles.models.article import ARTICLE_ORDERS, LATEST
from articles.search import article_facets, search_articles, search_programs, search_qa
from articles.summaries import cached
from config.paging import KEYSETS, BadCursor, CappedPaginator, cursor_page
from policies.filters import filter_programs
from policies.models import Program, QAPair
from stats.filters import filter_figures
from stats.models import Figure

ARTICLES_PER_PAGE = 20
# The same names and orders as the API's article sorts, so the JSON twin returns the page's rows in its order.
SORTS = {
    **ARTICLE_ORDERS,  # newest, oldest, headline: each read from its index
}
# Newest issue first, undated pages before all (as `-published_on`, DESC NULLS FIRST, always did): the article's own
# issue date read backwards through article_oldest_idx, so the region page's figures walk the newest articles instead
# of sorting every published article by its page's date (437 ms → 3 ms at 100k articles, docs/performance.md).
ISSUE_DATE_UNDATED_FIRST = Coalesce("article__issue_date", Value(LATEST, output_field=DateField()))
# The parameters the article list and search apply: their JSON twins carry these (the API refuses the others).
ARTICLE_PARAMS = ("q", "region", "date_from", "date_to", "program", "topic", "kind", "column")
FACET_NAMES = [("region", "地区"), ("year", "年份"), ("topic", "主题"), ("kind", "体裁")]
SORT_LABELS = [("newest", "最新在前"), ("oldest", "最早在前"), ("headline", "按标题")]


def home(request):
    context = {
        "latest": Article.objects.published().headlines()[:8],
        "featured": browse.featured(),
        **browse.home_aggregates(),
    }
    return render(request, "home.html", context)


def _filter_choices() -> dict:
    return {**filter_choices("topics", "columns", "regions", "programs"), "kinds_article": Article.Kind.choices}


def article_list(request):
    sort = request.GET.get("sort") if request.GET.get("sort") in SORTS else "newest"
    try:
        filters = parse_filters(request.GET)
    except InvalidFilter as error:
        context = {"error": error, "page": None, "choices": _filter_choices(), "sort_labels": SORT_LABELS, "sort": sort}
        return render(request, "articles/list.html", context, status=400)
    articles = filter_articles(Article.objects.published(), filters).headlines().prefetch_related("topics")
    if filters.q:
        articles = search_articles(filters.q, articles)
    else:
        articles = articles.order_by(*SORTS[sort])
    context = {
        "filters": filters,
        "choices": _filter_choices(),
        "sort_labels": SORT_LABELS,
        "sort": sort,
        "api_sort": None if filters.q or sort == "newest" else sort,  # the API ranks a query the way this page does
        "api_params": ARTICLE_PARAMS,
    }
    cursor = request.GET.get("cursor")
    if cursor and not filters.q:  # a page beyond the numbered ones: the rows after the cursor, read from the index
        try:
            rows, older = cursor_page(articles, KEYSETS[sort], cursor, ARTICLES_PER_PAGE)
        except BadCursor:
            error = InvalidFilter("cursor", "not a cursor of this list", "翻页位置无效，请从第一页重新翻起")
            return render(request, "articles/list.html", {**context, "error": error, "page": None}, status=400)
        count = CappedPaginator(articles, ARTICLES_PER_PAGE, known_count=browse.region_filter_count(filters))
        return render(request, "articles/list.html", {**context, "page": None, "rows": rows, "older": older, "count": count})
    page = CappedPaginator(articles, ARTICLES_PER_PAGE, known_count=browse.region_filter_count(filters)).get_page(request.GET.get("page"))
    older = None
    if not filters.q and not page.has_next() and not page.paginator.count_is_exact:  # more rows than numbered pages
        older = KEYSETS[sort].cursor_of(page.object_list[len(page.object_list) - 1])
    return render(request, "articles/list.html", {**context, "page": page, "older": older})


def article_detail(request, pk: int):
    article = browse.article_for_page(pk)
    page_articles, page_count = browse.page_neighbours(article)
    context = {
        "article": article,
        "records": browse.sidebar_records(article),
        "citation": browse.article_citation(article, request.build_absolute_uri(article.get_absolute_url())),
        "same_story": browse.same_story(article),
        "page_articles": page_articles,
        "page_count": page_count,
    }
    return render(request, "articles/detail.html", context)


def search(request):
    query = (request.GET.get("q") or "").strip()[:100]
    shown = request.GET.copy()
    shown.setlist("q", [query] if query else [])
    request.GET = shown  # the page's links (pages, facets, JSON twin) carry the query as searched: cut, and once
    params = request.GET.copy()
    params.pop("q", None)  # the query is read above (cut to length); the other parameters filter the articles
    try:
        filters = parse_filters(params)
    except InvalidFilter as error:
        return render(request, "search.html", {"query": query, "error": error}, status=400)
    articles = search_articles(query, filter_articles(Article.objects.published(), filters))
    page = CappedPaginator(articles.with_source().prefetch_related("personal_data"), ARTICLES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    context = {
        "query": query,
        "filters": filters,
        "page": page,
        "facets": article_facets(articles) if query else {},
        "facet_names": FACET_NAMES,
        "programs": search_programs(query)[:10],
        "qa_pairs": search_qa(query, QAPair.objects.published().originals().with_article())[:10],
        "api_params": ARTICLE_PARAMS,
    }
    return render(request, "search.html", context)


def region_list(request):
    return render(request, "regions/list.html", {"tree": browse.region_tree(), "api_params": ()})


def region_detail(request, code: str):
    region = get_object_or_404(Region, code=code)
    filters = parse_filters({"region": code})
    counts = browse.region_counts()
    articles = filter_articles(Article.objects.published(), filters).headlines()
    context = {
        "region": region,
        "ancestors": browse.region_ancestors(region),
        "counts": counts.get(code, (0, 0)),
        "children": browse.region_tree(counts, root=region),
        "articles": articles[:10],
        # Programmes named in the articles naming the division: its mentions across the archive (~25 ms for a
        # province at 100k articles), so once per archive generation (never stale: every write moves it on).
        "programs": cached(f"region-programs-{region.code}", lambda: list(filter_programs(Program.objects.published(), filters)[:20])),
        # Figures about this division or one below it (their own region), not every figure of an article naming it.
        "figures": filter_figures(Figure.objects.published().originals(), filters).with_article().select_related("indicator", "region")
        .order_by(ISSUE_DATE_UNDATED_FIRST.desc(), "article_id", "start")[:20],
    }
    return render(request, "regions/detail.html", context)


def record_permalink(request, kind: str, pk: int):
    """A record's permanent address (/figures/77/): a redirect to its sentence in its article page."""
    from django.shortcuts import redirect

    from articles.models import DateMention
    from articles.record_marks import record_url
    from policies.models import PolicyDocument

    models = {"figure": Figure, "date": DateMention, "qa": QAPair, "document": PolicyDocument}
    record = get_object_or_404(models[kind].objects.published().only("pk", "article_id"), pk=pk)
    return redirect(record_url(kind, record))
