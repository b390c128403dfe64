"""Audit: a page planted with personal data in every shown field and every written form is ingested; no public URL
pattern of the site, no API list or detail and no export shows any of it unmasked, with or without a query built
from the hidden digits."""
import io
import json
import re
import zipfile
from datetime import date
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from articles.models import Article, DateMention, RegionMention
from articles.services import source_ingest
from config.api import api
from policies.models import PolicyDocument, ProgramMention, QAPair
from stats.models import Figure

pytestmark = pytest.mark.django_db

PLANTED = Path(__file__).resolve().parent / "data" / "hostile" / "pii_planted.txt"
ISSUE = date(2031, 1, 6)  # later than every seed page: the planted articles lead every "newest" list

# What the planted page holds, digits as they are once separators are dropped and full-width digits made ASCII.
NUMBERS = {
    "ID, spaced, in the body": "150105198802293017",
    "ID, dashed, wrong check digit named as an ID": "152634199001016017",
    "ID in a Q&A answer": "150203197506152023",
    "ID with X in a notice": "11010519491231002X",
    "mobile in the headline": "13812345678",
    "mobile behind Tel in the subheadline": "13712345678",
    "mobile with +86 and dashes": "15012345678",
    "full-width landline next to a person": "04716921234",
    "full-width mobile in a caption": "13612345678",
    "full-width mobile in a document title (the programme's name is made half-width)": "13912345678",
    "mobile behind TEL: in a Q&A answer": "13512345678",
    "mobile in a Q&A question": "13400001111",
    "landline in a notice": "04716921235",
    "bank card, spaced": "6222021234567894",
    "bank card next to 账号": "4111111111111111",
}
WORDS = {
    "e-mail address": "zhenmeiling62@example.com",
    "name in the headline, said again in the body and a figure's sentence": "房秋实",
    "name in the subheadline (寻人启事)": "卓一帆",
    "described person in a notice": "甄美玲",
    "labelled householder": "欧阳明华",
    "householder in a 遗失声明": "郝一鸣",
}
# Queries a hostile reader would try: whole numbers, the hidden middle digits, the names.
QUERIES = ["13812345678", "1381234", "1381235", "19880229", "150105198802293017", "0212345", "甄美玲", "欧阳明华", "zhenmeiling62"]
# Masked forms that must be seen somewhere, so the walk is known to have reached the planted records.
MASKED_SEEN = ["138****5678", "甄**", "z************@example.com"]

# The audit's own normalisation (not the code under test's): full-width digits, X and separators made ASCII.
FULL_WIDTH = str.maketrans("０１２３４５６７８９Ｘｘ－＋　", "0123456789Xx-+ ")
DIGIT_RUN_SEPARATORS = re.compile(r"(?<=[0-9X])[\s\-+]+(?=[0-9X])")
TAGS = re.compile(r"<[^>]+>")


def readable(body: bytes, content_type: str) -> str:
    """What a response says, as a person would read it: JSON decoded, XLSX unzipped, tags and entities undone."""
    if "spreadsheetml" in content_type:
        with zipfile.ZipFile(io.BytesIO(body)) as book:
            text = " ".join(book.read(name).decode("utf-8") for name in book.namelist() if name.endswith(".xml"))
    else:
        text = body.decode("utf-8", errors="replace")
    if "json" in content_type:
        text = json.dumps(json.loads(text), ensure_ascii=False)
    return unescape(TAGS.sub("", text))


def digits_joined(text: str) -> str:
    """Full-width digits made ASCII and the spaces, dashes and plus signs inside digit runs dropped."""
    return DIGIT_RUN_SEPARATORS.sub("", text.translate(FULL_WIDTH).upper())


def leaks(text: str) -> list[str]:
    joined = digits_joined(text)
    found = [label for label, number in NUMBERS.items() if number in joined]
    return found + [label for label, word in WORDS.items() if word in text]


@pytest.fixture
def planted():
    outcome = source_ingest(raw=PLANTED.read_bytes(), name="pii_planted.txt", published_on=ISSUE)
    articles = list(Article.objects.filter(source=outcome.source))
    shown = " ".join(f"{a.headline} {a.subheadline} {' '.join(a.byline)} {a.text}" for a in articles)
    assert set(leaks(shown)) == set(NUMBERS) | set(WORDS), "the planted page holds every datum the audit looks for"
    return articles


def path_values(articles: list[Article]) -> dict[str, list[str]]:
    """Values for every path parameter of the site and the API: the planted records' ids, slugs and codes."""
    ids = [a.pk for a in articles]
    slugs = sorted(set(ProgramMention.objects.filter(article__in=ids).values_list("program__slug", flat=True)))
    codes = sorted(set(RegionMention.objects.filter(article__in=ids, region__isnull=False).values_list("region_id", flat=True)))
    assert slugs and codes, "the planted page names a programme and a region"
    values = {"pk": [str(i) for i in ids], "slug": slugs, "code": codes, "fmt": ["csv", "xlsx", "json"]}
    records = {"figure_id": Figure, "date_id": DateMention, "qa_id": QAPair, "document_id": PolicyDocument}
    ids_of = {name: [str(pk) for pk in model.objects.filter(article__in=ids).values_list("pk", flat=True)] for name, model in records.items()}
    assert ids_of["figure_id"] and ids_of["date_id"] and ids_of["document_id"], "the planted page has figures, dates, a document"
    return {**values, "article_id": values["pk"], **{name: found or ["1"] for name, found in ids_of.items()}}


def site_patterns(patterns=None, namespace: str = "", prefix: str = "") -> list[tuple[str, list[str]]]:
    """(URL name, path parameters) of every public page: the URL resolver walked, without the admin and the API."""
    found = []
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(entry.pattern)
        if route.startswith(("admin/", "api/")):
            continue
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            found += site_patterns(entry.url_patterns, inner, route)
        elif isinstance(entry, URLPattern) and entry.name:
            found.append((namespace + entry.name, list(entry.pattern.converters)))
    return found


def site_urls(values: dict[str, list[str]]) -> list[str]:
    urls = []
    for name, params in site_patterns():
        unknown = [p for p in params if p not in values]
        assert not unknown, f"{name}: the audit has no value for {unknown}; add the planted record's"
        combos = [{}]
        for param in params:
            combos = [{**c, param: v} for c in combos for v in values[param]]
        urls += [reverse(name, kwargs=kwargs) for kwargs in combos]
    return urls


def api_urls(values: dict[str, list[str]]) -> list[tuple[str, list[str]]]:
    """(URL, its query parameters) of every GET operation of the OpenAPI document, path parameters filled."""
    found = []
    for path, operations in api.get_openapi_schema()["paths"].items():
        if "get" not in operations:
            continue
        params = operations["get"].get("parameters", [])
        urls = [path]
        for param in (p["name"] for p in params if p["in"] == "path"):
            assert param in values, f"{path}: the audit has no value for {{{param}}}"
            urls = [u.replace(f"{{{param}}}", v) for u in urls for v in values[param]]
        found += [(u, [p["name"] for p in params if p["in"] == "query"]) for u in urls]
    return found


def with_queries(url: str, accepted: list[str] | None, values: dict[str, list[str]]) -> list[str]:
    """The URL as is, then with each hostile query and with filters that select the planted page (API lists: 100
    rows a page, every page followed)."""
    base = {"limit": 100} if accepted and "limit" in accepted else {}
    extra = [{}, *({"q": q} for q in QUERIES), {"date_from": ISSUE.isoformat()}, {"kind": "notice"}]
    extra += [{"region": values["code"][0]}, *({"format": fmt} for fmt in ("csv", "xlsx", "json"))]
    variants = []
    for params in extra:
        if accepted is None and "format" not in params or accepted is not None and set(params) <= set(accepted):
            query = urlencode({**base, **params})
            variants.append(f"{url}?{query}" if query else url)
    return variants


def test_no_public_url_or_export_shows_the_planted_personal_data(client, planted):
    values = path_values(planted)
    requests = [u for url in site_urls(values) for u in with_queries(url, None, values)]
    for url, accepted in api_urls(values):
        requests += with_queries(url, accepted, values)
    seen, failures = [], []
    for url in requests:
        response = client.get(url)
        assert response.status_code < 500, f"{url} answered {response.status_code}"
        pages = [response]
        while response.status_code == 200 and "json" in response.get("Content-Type", "") and (nxt := _next(response)):
            response = client.get(nxt)
            pages.append(response)
        for page in pages:
            body = b"".join(page.streaming_content) if page.streaming else page.content
            # A page may repeat the reader's own query (搜索“…”): that echo is not a leak, anything else is.
            text = readable(body, page.get("Content-Type", "")).replace(_query(url), "")
            seen.append(text)
            failures += [f"{url}: {label}" for label in leaks(text)]
    assert not failures, f"{len(failures)} leaks, e.g.:\n" + "\n".join(sorted(set(failures))[:40])
    everything = "\n".join(seen)
    assert all(form in everything for form in MASKED_SEEN), "the walk reached the planted records, masked"
    assert len(requests) > 150


def _query(url: str) -> str:
    return parse_qs(urlsplit(url).query).get("q", ["\0"])[0]


def _next(response) -> str | None:
    body = response.json()
    return body.get("next") if isinstance(body, dict) else None
