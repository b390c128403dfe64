"""Template tags of the public site: JSON-twin links, query strings, masked text, highlighted articles, numbers."""
from __future__ import annotations

import datetime
import functools
import html
import math
from urllib.parse import quote, urlencode

from django import template
from django.core.paginator import Page
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language

from articles.extract.pii import extract_personal_data, mask_personal_data
from articles.highlight import highlight
from articles.models.article import article_path_parts
from articles.record_marks import article_marks
from config.api_conventions import DEFAULT_LIMIT
from stats.charts import format_value

register = template.Library()

API_ROOT = "/api/v1/"
PAGE_ONLY = ("page", "sort")  # the page's own names for order and paging: passed on as the API's sort/offset/limit


@register.simple_tag(takes_context=True)
def api_url(context, route: str, *parts, keep_query: bool = True) -> str:
    """The API URL returning the same records: /api/v1/<route>[/<part>…] plus the page's current filters (those
    the view lists in `api_params`, when it does), its order (the view's `api_sort`, in the API's names; none for
    the API's default) and, on a paginated list, the rows of the page shown as offset and limit."""
    url = API_ROOT + "/".join([route.strip("/"), *(quote(str(part), safe="") for part in parts)])
    request = context.get("request")
    if not keep_query or request is None:
        return url
    applied = context.get("api_params")
    params = [
        (k, v)
        for k, values in request.GET.lists()
        for v in values
        if k not in PAGE_ONLY and v != "" and (applied is None or k in applied)
    ]
    if context.get("api_sort"):
        params.append(("sort", context["api_sort"]))
    page = context.get("page")
    if isinstance(page, Page):
        per_page = page.paginator.per_page
        if page.number > 1:
            params.append(("offset", str((page.number - 1) * per_page)))
        if per_page != DEFAULT_LIMIT:
            params.append(("limit", str(per_page)))
    return url + ("?" + urlencode(params) if params else "")


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters replaced (None or "" removes them); `page` resets unless given."""
    request = context["request"]
    params = request.GET.copy()
    if "page" not in changes:
        params.pop("page", None)
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = str(value)
    encoded = params.urlencode()
    return "?" + encoded if encoded else "?"


@register.filter
def masked(text: str) -> str:
    """Short text (a question, an answer, a snippet) with any personal data starred."""
    if not text:
        return ""
    return _masked_text(str(text), datetime.date.today())


@functools.lru_cache(maxsize=4096)
def _masked_text(text: str, today: datetime.date) -> str:
    """`masked`, remembered by text and day (what it depends on: an ID's birth date must not be in the future):
    /stats/ shows ~600 cited sentences, the same on every request until the archive changes, and finding personal
    data in each cost more than the page's queries."""
    items = extract_personal_data(text)
    return mask_personal_data(text, items) if items else text


@register.simple_tag
def highlighted_article(article) -> str:
    """The article's public text as paragraphs, its public records marked (personal data masked, never marked)."""
    return mark_safe(highlight(article.public_text, article_marks(article, public=True)))  # noqa: S308 (escaped by highlight)


@register.filter
def figure_value(value) -> str:
    """A number as readers write it (2.7万); an unknown value is shown as missing, never 0."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "缺失"
    return format_value(float(value))


@register.filter
def missing(value, placeholder: str = "—"):
    """The value, or a visible placeholder when it is unknown (None, NaN, empty)."""
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        return placeholder
    return value


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.simple_tag
def search_snippet(article, query: str) -> str:
    """HTML: the part of the article's public text around the query, its words marked."""
    from articles.search import snippet

    return mark_safe(snippet(article.public_text, query))  # noqa: S308 (snippet escapes the text)


@register.simple_tag
def chart_svg(chart) -> str:
    """Inline SVG of one indicator's chart (stats.tables.Chart): a line per region over time, or bars coloured by
    region when its points share one time; a legend names each region in its colour."""
    from stats.charts import Line, bar_chart, lines_chart

    title = f"{chart.title}（{chart.unit}）· {chart.label}"
    names = [(s.region_name or "地区不明", s.colour) for s in chart.series]
    if chart.axis == "time":
        lines = [Line(name, colour, [(p.when, p.value, _point_link(p)) for p in s.points if p.when is not None])
                 for (name, colour), s in zip(names, chart.series, strict=True)]
        return mark_safe(lines_chart(title, lines, chart.unit))  # noqa: S308 (charts escape their text)
    bars = [(p.label, p.value, _point_link(p), s.colour) for s in chart.series for p in s.points]
    return mark_safe(bar_chart(title, bars, chart.unit, legend=names))  # noqa: S308


def _point_link(point) -> str:
    citation = point.citation
    return record_link("figure", citation["article_id"], citation["id"]) if citation.get("id") else ""


@register.filter
def anchor(record, kind: str) -> str:
    """The id of a record's anchor in its article page: {{ figure|anchor:"figure" }} → f-12."""
    from articles.highlight import anchor_id

    return anchor_id(kind, record.pk)


@register.simple_tag
def record_link(kind: str, article_id: int, record_id: int) -> str:
    """The URL of a record's sentence: its article page at the record's anchor (/articles/4/#f-77)."""
    from articles.highlight import anchor_id
    from articles.models.article import article_path

    return f"{article_path(article_id)}#{anchor_id(kind, record_id)}"


_MARKER = 987654321


def _escape(value) -> str:
    """Django's `escape` (the same characters) without its lazy-string wrapper: called ~10,000 times on /stats/."""
    return html.escape(str(value))


def _swatch(colour: str) -> str:
    return (f'<svg class="swatch" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true"><rect width="12" '
            f'height="12" fill="{_escape(colour)}"/></svg>')


def _truncated(text: str, length: int) -> str:
    """`truncatechars`, without building a Truncator for the text that fits."""
    return text if len(text) <= length else _truncated_long(text, length, get_language())


@functools.lru_cache(maxsize=4096)
def _truncated_long(text: str, length: int, language: str | None) -> str:
    """Truncator's cut (its ellipsis in the active language), remembered: /stats/ cuts ~700 cited sentences, the
    same on every request until the archive changes, and each cut looks up the translated ellipsis."""
    return Truncator(text).chars(length)


def _figure_link(paths: tuple[str, str], citation: dict) -> str:
    """`record_link("figure", …)` with the article URL's parts looked up once per chart."""
    from articles.highlight import anchor_id

    return f"{paths[0]}{int(citation['article_id'])}{paths[1]}#{anchor_id('figure', citation['id'])}"


@register.simple_tag
def region_tree(nodes) -> str:
    """The nested list of divisions (browse.RegionNode) with their counts, built in Python: /regions/ lists ~1,800
    divisions at 100k articles, and a recursive template include per node cost most of the page."""
    from django.urls import get_script_prefix

    before, after = _region_url_parts(get_script_prefix())

    def items(level_nodes) -> str:
        parts = ['<ul class="tree">']
        for node in level_nodes:
            region = node.region
            parts.append(
                f'\n  <li><a href="{_escape(f"{before}{region.code}{after}")}">{_escape(region.name)}</a> <span class="meta">'
                f"{_escape(region.get_level_display())} · {node.article_count} 篇文章 · {node.figure_count} 条数据</span>\n    "
                f'{items(node.children) if node.children else ""}</li>\n'
            )
        parts.append("</ul>\n")
        return "".join(parts)

    return mark_safe(items(nodes))  # noqa: S308 (every value escaped above)


@functools.lru_cache(maxsize=16)
def _region_url_parts(script_prefix: str) -> tuple[str, str]:
    """A region page's URL around its code, reversed once per script prefix."""
    from django.urls import reverse

    before, after = reverse("region", args=[str(_MARKER)]).split(str(_MARKER))
    return before, after


@register.simple_tag
def chart_table_rows(chart) -> str:
    """The rows of a chart's data table (stats.tables.Chart), built in Python: /stats/ shows up to 12 charts × 48
    points, each in a table row and a citation, and a template loop over them cost most of the page."""
    paths = article_path_parts()
    rows = []
    for s in chart.series:
        swatch, region = _swatch(s.colour), _escape(s.region_name or "地区不明")
        for p in s.points:
            citation = p.citation
            value = figure_value(p.value) + ("" if p.value_max is None else "–" + figure_value(p.value_max))
            published = citation.get("published_on")
            rows.append(
                f'<tr><td>{swatch} {region}</td><th scope="row">{_escape(p.label)}</th><td class="num">{_escape(value)}</td>\n'
                f'          <td class="cite"><a href="{_escape(_figure_link(paths, citation))}">'
                f'{_escape(_truncated(citation["headline"], 14))}</a>，'
                f'{_escape(citation["source"])}，{published.isoformat() if published else "日期未知"}</td></tr>'
            )
    return mark_safe("".join(rows))  # noqa: S308 (every value escaped above)


@register.simple_tag
def chart_citations(chart) -> str:
    """A chart's sources, one paragraph per region: each point's label linked to its sentence (the masked sentence
    as its title), the article's headline, paper and date, and the sentence's start."""
    paths = article_path_parts()
    paragraphs = []
    for s in chart.series:
        parts = []
        for p in s.points:
            citation = p.citation
            url = _figure_link(paths, citation)
            sentence = masked(citation.get("sentence") or "")
            published = citation.get("published_on")
            when = f"{published.year}年{published.month}月{published.day}日" if published else "日期未知"
            title = f' title="{_escape(sentence)}"' if sentence else ""
            quoted = f"“{_escape(_truncated(sentence, 60))}”" if sentence else ""
            parts.append(
                f'<a href="{_escape(url)}"{title}>{_escape(p.label)}</a>：《{_escape(citation["headline"])}》'
                f'（{_escape(citation["source"])}，{when}）{quoted}'
            )
        paragraphs.append(
            f'<p class="citation-region">{_swatch(s.colour)} <strong>{_escape(s.region_name or "地区不明")}</strong>：'
            + "；".join(parts) + "</p>"
        )
    return mark_safe("".join(paragraphs))  # noqa: S308 (every value escaped above)


@register.filter
def date_inferred(source) -> bool:
    """Whether a page's issue date was estimated from its text (shown as 推断)."""
    from articles.citation import date_is_inferred

    return source.published_on is not None and date_is_inferred(source.published_basis)


@register.filter
def date_basis(source) -> str:
    """How a page's issue date was found, in words for readers."""
    from articles.citation import basis_label

    return basis_label(source.published_basis, source.published_earliest, source.published_latest)


@register.simple_tag(takes_context=True)
def api_csv_url(context, route: str, fmt: str = "csv") -> str:
    """The API URL of the whole current selection as a file (csv or xlsx): `api_url` without the page's offset and
    limit, with format."""
    from urllib.parse import parse_qsl, urlsplit

    url = urlsplit(api_url(context, route))
    params = [(k, v) for k, v in parse_qsl(url.query) if k not in ("offset", "limit")] + [("format", fmt)]
    return f"{url.path}?{urlencode(params)}"


@register.simple_tag(takes_context=True)
def feed_query(context, **fixed) -> str:
    """The query string narrowing a feed as the page is narrowed: its region and topic (or those given)."""
    from articles.feeds import FEED_PARAMS

    request = context.get("request")
    params = {name: request.GET[name] for name in FEED_PARAMS if request is not None and request.GET.get(name)}
    params.update({name: value for name, value in fixed.items() if value})
    return "?" + urlencode(params) if params else ""


PERIOD_KIND_LABELS = {"year": "年度", "half": "半年", "quarter": "季度", "month": "月度", "to-date": "年初至今", "point": "时点"}


@register.simple_tag
def period_text(start, end, kind="") -> str:
    """A figure's period as a reader reads it: 2025-01-01 至 2025-10-31（年初至今）, 截至 2025-06-30, 2025-02-01 起."""
    if start and end:
        text = f"{start:%Y-%m-%d}" if start == end else f"{start:%Y-%m-%d} 至 {end:%Y-%m-%d}"
    elif end:
        text = f"截至 {end:%Y-%m-%d}"
    elif start:
        text = f"{start:%Y-%m-%d} 起"
    else:
        return ""
    label = PERIOD_KIND_LABELS.get(kind or "")
    return f"{text}（{label}）" if label and kind != "point" else text



@register.simple_tag
def select_options(items, selected, value: str = "", label: str = "", truncate: int = 0, unit: str = "") -> str:
    """The <option> elements of a filter form's select, built in Python: a list page's form offers hundreds of
    choices (regions, programmes, indicators), and a template loop over them cost more than the page's queries.
    Items are objects (`value`/`label` name their attributes), (value, label) pairs, or plain strings; `truncate`
    shortens labels as `truncatechars`; `unit` appends an attribute in brackets (indicators)."""
    chosen = "" if selected is None else str(selected)
    parts = []
    for item in items:
        if isinstance(item, (tuple, list)):
            key, text = item
        elif value:
            key, text = getattr(item, value), getattr(item, label or value)
        else:
            key = text = item
        text = str(text)
        if truncate and len(text) > truncate:
            text = text[: truncate - 1] + "…"
        if unit:
            text += f"（{getattr(item, unit)}）"
        selected_attr = " selected" if str(key) == chosen else ""
        parts.append(f'<option value="{_escape(key)}"{selected_attr}>{_escape(text)}</option>')
    return mark_safe("".join(parts))  # noqa: S308 (every value escaped above)
