"""No input a reader can type reaches a 5xx: every site URL pattern, each of its parameters, NUL and malformed values."""
from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from articles.filters import ListFilters
from articles.models import Article
from policies.models import Program

pytestmark = pytest.mark.django_db

# Presentation parameters of the site's pages on top of the shared list filters.
PARAMS = [*ListFilters.model_fields, "sort", "page", "program_kind"]
BAD_VALUES = [
    "\x00",
    "医保\x00",
    "\x1b[0m",
    "999999",
    "x" * 300,
    "2025-13-45",
    "-1",
    "1e400",
    "' & | ! :* \\",
    "  ",
    "😀",
]
BAD_PATH_VALUES = ["%00", "a%00b", "%1B", "999999", "x" * 300, "%FF", "'", "-1"]


@pytest.fixture
def client():
    """A client that answers as the server does (with the 500 page) instead of raising, so every failure is listed."""
    return Client(raise_request_exception=False)


def _site_patterns(patterns=None, prefix: str = "") -> list[str]:
    """Every public route of the site as a pattern string (the admin and the API have their own tests)."""
    routes: list[str] = []
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(entry.pattern)
        if route.startswith(("admin/", "api/")):
            continue
        if isinstance(entry, URLResolver):
            routes.extend(_site_patterns(entry.url_patterns, route))
        elif isinstance(entry, URLPattern):
            routes.append(route)
    return routes


def _sample_args() -> dict[str, str]:
    return {
        "pk": str(Article.objects.published().first().pk),
        "slug": Program.objects.published().first().slug,
        "code": "150000",
        "fmt": "csv",
    }


def _fill(route: str, args: dict[str, str], bad: tuple[str, str] | None = None) -> str:
    def value(match: re.Match) -> str:
        name = match.group(2)
        return bad[1] if bad and bad[0] == name else args[name]

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", value, route)


def _server_error(response) -> bool:
    """A 5xx, or a streamed download that dies after its headers were sent."""
    if response.status_code >= 500:
        return True
    if response.streaming:
        try:
            b"".join(response.streaming_content)
        except Exception:  # noqa: BLE001 (any failure mid-stream is what this sweep looks for)
            return True
    return False


def test_the_sweep_covers_every_site_page():
    routes = _site_patterns()
    assert {"", "articles/", "articles/<int:pk>/", "policies/<str:slug>/", "stats/figures.<str:fmt>", "search/"} <= set(routes)


@pytest.mark.parametrize("route", _site_patterns())
def test_no_query_parameter_value_gives_a_server_error(client, route):
    args = _sample_args()
    formats = ("csv", "xlsx", "json") if "<str:fmt>" in route else (args["fmt"],)
    failures = []
    for url in [_fill(route, {**args, "fmt": fmt}) for fmt in formats]:
        for param in PARAMS:
            for bad in BAD_VALUES:
                response = client.get(url, {param: bad, **({"q": "医保"} if param != "q" and "search" in route else {})})
                if _server_error(response):
                    failures.append((url, param, bad, response.status_code))
    assert not failures, failures[:30]


@pytest.mark.parametrize("route", [r for r in _site_patterns() if "<" in r])
def test_no_path_value_gives_a_server_error(client, route):
    failures = []
    for name in re.findall(r"<(?:\w+:)?(\w+)>", route):
        for bad in BAD_PATH_VALUES:
            url = _fill(route, _sample_args(), (name, bad))
            response = client.get(url)
            if _server_error(response):
                failures.append((url, response.status_code))
    assert not failures, failures[:30]
