"""A reader's journey in a real browser: home → search → article → programme → stats → CSV download, offline."""
import csv
import io

import pytest

from tests.browser.conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _shot(page, name: str, full_page: bool = True) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name), full_page=full_page)


def _outside(requested: list[str], origin: str) -> list[str]:
    return [url for url in requested if not (url.startswith(origin) or url.startswith(("data:", "blob:", "about:")))]


def test_a_reader_walks_from_home_to_a_csv_download_without_leaving_the_site(page, live_server):
    origin = live_server.url

    page.goto(origin + "/")
    assert page.locator("h1").inner_text() == "民生政策与数据"
    assert page.locator(".counts strong").count() == 5
    _shot(page, "home.png")

    page.fill("#home-q", "助康工程")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=*")
    assert "篇文章" in page.locator("[role=status]").inner_text()
    assert page.locator(".results mark").count() > 0  # the query is highlighted in the snippets
    _shot(page, "search.png")

    page.locator(".results li a").first.click()
    page.wait_for_url("**/articles/*/")
    assert page.locator(".article .body mark.rec").count() > 0  # extracted records are marked in the text
    assert page.locator("aside.records").is_visible()
    _shot(page, "article.png")

    page.locator("aside.records a[href^='/policies/']").first.click()
    page.wait_for_url("**/policies/*/")
    assert page.get_by_role("heading", name="提及时间线").is_visible()
    assert page.locator(".timeline li").count() > 0
    _shot(page, "policy.png")

    page.get_by_role("link", name="数据", exact=True).first.click()
    page.wait_for_url("**/stats/")
    assert page.locator("figure.series svg").count() > 0  # charts are inline SVG drawn by the server
    count = int(page.locator("[role=status] strong").inner_text())
    _shot(page, "stats.png", full_page=False)  # the page is long: its first screen

    assert _outside(page.requested, origin) == []
    pytest.importorskip("stats.exports", reason="stats/exports.py (the API helper's) is not there yet: no CSV to check")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV").click()
    download = download_info.value
    text = open(download.path(), encoding="utf-8-sig").read()
    rows = [row for row in csv.reader(io.StringIO(text)) if row]
    assert rows[0][0] == "id"  # the header first (no comment line), as pandas.read_csv and spreadsheets expect
    assert len(rows) - 1 == count  # a header and every figure of the selection: nothing cut

    assert _outside(page.requested, origin) == []
    assert any(url.startswith(origin + "/static/css/site.css") for url in page.requested)


def test_every_page_of_the_site_loads_only_from_the_site(page, live_server):
    origin = live_server.url
    for path in ["/", "/articles/", "/policies/", "/qa/?q=缴费标准是多少", "/stats/", "/regions/", "/search/?q=就业"]:
        response = page.goto(origin + path)
        assert response.status == 200, path
    assert _outside(page.requested, origin) == []


def test_the_site_can_be_used_with_the_keyboard_alone(page, live_server):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "跳到正文"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "/"
