"""The JSON twin of each list page: its link returns the same records, in the same order, as the page shows."""
import re
from html import unescape

import pytest

from policies.models import Program

pytestmark = pytest.mark.django_db


def _twin(html: str) -> str:
    match = re.search(r'<a class="json-link" href="([^"]+)"', html)
    assert match, "the page has no JSON link"
    return unescape(match.group(1))


def _page_and_twin(client, url: str, key):
    response = client.get(url)
    assert response.status_code == 200
    shown = [key(row) for row in response.context["page"].object_list]
    twin = client.get(_twin(response.content.decode()))
    assert twin.status_code == 200, twin.content
    return shown, twin.json()


@pytest.mark.parametrize(
    "url",
    [
        "/articles/?sort=oldest&page=2",
        "/articles/?sort=headline&page=2",
        "/articles/?page=3",
        "/articles/?topic=health&sort=oldest",
        "/articles/?q=医保&sort=oldest",
        "/articles/?page=999",  # past the end: the page shows the last page, so does the twin
    ],
)
def test_the_article_list_twin_returns_the_rows_of_the_page_in_its_order(client, url):
    shown, twin = _page_and_twin(client, url, key=lambda article: article.pk)
    assert shown and [row["id"] for row in twin["results"]] == shown


def test_the_article_list_twin_names_sort_and_offset_in_the_api_s_terms(client):
    html = client.get("/articles/?sort=oldest&page=2").content.decode()
    assert 'href="/api/v1/articles?sort=oldest&amp;offset=20"' in html


@pytest.mark.parametrize(
    "url", ["/policies/", "/policies/?page=2", "/policies/?sort=name", "/policies/?sort=name&page=2", "/policies/?sort=latest"]
)
def test_the_programme_list_twin_returns_the_rows_of_the_page_in_its_order(client, url):
    assert Program.objects.published().count() > 30, "the seed corpus fills more than one page of programmes"
    shown, twin = _page_and_twin(client, url, key=lambda program: program.slug)
    assert shown and [row["slug"] for row in twin["results"]] == shown


def test_the_programme_list_twin_passes_the_programme_kind_on(client):
    kind = Program.objects.published().values_list("kind", flat=True).first()
    html = client.get(f"/policies/?program_kind={kind}&sort=name").content.decode()
    assert f'href="/api/v1/programs?program_kind={kind}&amp;sort=name&amp;limit=30"' in html


@pytest.mark.parametrize(
    ("url", "key", "rows"),
    [
        ("/qa/?page=2", lambda pair: pair.pk, lambda body: body["results"]),
        ("/stats/?page=2", lambda row: row["id"], lambda body: body["results"]),
        ("/search/?q=医保&page=2", lambda article: article.pk, lambda body: body["articles"]["results"]),
    ],
)
def test_the_other_list_twins_return_the_rows_of_the_page_in_its_order(client, url, key, rows):
    shown, twin = _page_and_twin(client, url, key)
    assert shown and [row["id"] for row in rows(twin)] == shown
