"""Hostile query strings on every list, search and download of the site and the API: a 100,000-character query,
a lone surrogate sent as raw bytes, numbers of 400 digits, a 10,000-character cursor, years 0 and 99999, thousands
of repeated parameters. Each is answered with a 4xx or a bounded page, never a 5xx, and the answer never grows with
the input beyond a few times its size."""
from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

SITE = ["/", "/articles/", "/policies/", "/qa/", "/stats/", "/regions/", "/regions/150000/", "/search/",
        "/feeds/articles.atom", "/feeds/programs.atom", "/stats/figures.csv", "/stats/figures.json", "/stats/figures.xlsx"]
API = [f"/api/v1/{name}" for name in ("articles", "figures", "programs", "documents", "qa", "dates", "regions", "sources", "search")]
API += ["/api/v1/figures?format=csv&", "/api/v1/articles?format=xlsx&"]
LONG = "医保" * 50_000
HOSTILE = [
    f"q={LONG}",
    "q=" + "%20".join(["医保"] * 5_000),
    "q=%ED%A0%80",  # a lone surrogate (U+D800) as UTF-8 would write it: not UTF-8 at all
    "q=a%ED%B0%80b%C0%AF",
    "page=" + "9" * 400,
    "page=-3",
    "offset=" + "9" * 400,
    "limit=" + "9" * 400,
    "cursor=" + "x" * 10_000,
    "cursor=eyJrIjpbIjk5OTk5LTk5LTk5IiwxXX0=",
    "facets=nosuch,region,region,year",
    "date_from=0000-01-01",
    "date_to=99999-12-31",
    "date_from=0001-01-01&date_to=9999-12-31",
    "region=150000&" * 2_000,
    "&".join(f"q=a{i}" for i in range(2_000)),
    "sort=" + "x" * 10_000,
    "fields=" + "id," * 3_000,
]


@pytest.fixture
def client():
    """A client that answers as the server does (with the 500 page) instead of raising, so every failure is listed."""
    return Client(raise_request_exception=False)


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("url", SITE + API)
def test_no_hostile_query_string_gives_a_server_error_or_an_answer_that_grows_with_it(client, url):
    failures = []
    for query in HOSTILE:
        full = f"{url}{'' if url.endswith('&') else '?'}{query}"
        response = client.get(full)
        size = len(_body(response))
        if response.status_code >= 500 or size > 1_000_000 + 4 * len(query):
            failures.append((full[:80], response.status_code, size))
    assert not failures, failures
