"""Provenance to the sentence and every device, in a real browser at desktop (1366 px) and phone (390 px) widths:
a stats link lands on its highlighted sentence, Tab to a highlight shows its details, no public page scrolls
sideways on a phone, print leaves out the navigation, the citation copies. Screenshots go to docs/screenshots/."""
import re
from contextlib import contextmanager

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from articles.models import Article, Region
from policies.models import Program
from tests.browser.conftest import SCREENSHOTS
from tests.conftest import SEED_DIR, _Null

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WIDTHS = {"desktop": 1366, "phone": 390}


@pytest.fixture
def seeded(live_server):
    """A live-server test after the first of a module starts from an emptied database: load the seed pages again."""
    if not Region.objects.exists():
        call_command("load_reference_data", stdout=_Null())
    if not Article.objects.exists():
        call_command("ingest", str(SEED_DIR), stdout=_Null(), stderr=_Null())


@pytest.fixture
def at_width(browser, live_server, seeded, reseed_after_module):
    """Open a browser page at a named width (desktop or phone): `with at_width("phone") as page: ...`."""

    @contextmanager
    def open_page(device: str):
        width = WIDTHS[device]
        context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 900}, has_touch=width < 600)
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
        tab = context.new_page()
        tab.set_default_timeout(15_000)
        tab.device = device
        try:
            yield tab
        finally:
            context.close()

    return open_page


def _shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{page.device}.png"))


def _panel_width(page, mark_id: str) -> float:
    """The rendered width of the details panel following a record's highlight (1 px while it is hidden)."""
    return page.evaluate(
        """id => { let el = document.getElementById(id); if (el.parentElement.classList.contains('rec-anchor')) el = el.parentElement;
                   return el.nextElementSibling.getBoundingClientRect().width; }""",
        mark_id,
    )


def test_a_stats_link_lands_on_its_highlighted_sentence(at_width, live_server):
    for device in WIDTHS:
        with at_width(device) as page:
            page.goto(live_server.url + "/stats/")
            link = page.locator("#figures-heading ~ .table-scroll td.cite a").first
            href = link.get_attribute("href")
            assert re.fullmatch(r"/articles/\d+/#f-\d+", href)
            link.click()
            page.wait_for_url(f"**{href}")
            target = page.locator(f"#{href.split('#')[1]}")
            assert target.evaluate("el => el.matches(':target')")
            assert target.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"  # highlighted
            box = target.bounding_box()
            assert box is not None and 0 <= box["y"] < 900  # in view
            assert _panel_width(page, href.split("#")[1]) > 100  # its details are shown with it
            _shot(page, "provenance-stats-to-sentence")


def test_tab_to_a_highlight_reveals_its_details(at_width, live_server):
    for device in WIDTHS:
        with at_width(device) as page:
            article = Article.objects.published().filter(figures__isnull=False).order_by("pk").first()
            page.goto(f"{live_server.url}{article.get_absolute_url()}")
            panel = page.locator(".rec-pop").first
            assert panel.bounding_box()["width"] <= 1  # hidden until asked for
            for _ in range(80):
                page.keyboard.press("Tab")
                if page.evaluate("document.activeElement.classList.contains('rec-link')"):
                    break
            else:
                pytest.fail(f"no highlight reached by Tab at {device} width")
            details = page.evaluate(
                """() => { const a = document.activeElement; let m = a.closest('mark'); if (m.parentElement.classList.contains('rec-anchor')) m = m.parentElement;
                           const p = m.nextElementSibling; const r = p.getBoundingClientRect();
                           return {id: p.id, text: p.innerText, width: r.width, bottom: r.bottom, described: a.getAttribute('aria-describedby')}; }"""
            )
            assert details["width"] > 100 and details["bottom"] <= 900
            assert details["described"] == details["id"]
            assert re.search(r"(数据|日期|地区|政策|问答)", details["text"])
            _shot(page, "highlight-details-keyboard")


def test_a_tap_on_a_highlight_shows_its_details(at_width, live_server):
    for device in WIDTHS:
        with at_width(device) as page:
            article = Article.objects.published().filter(figures__isnull=False).order_by("pk").first()
            page.goto(f"{live_server.url}{article.get_absolute_url()}")
            link = page.locator(".body a.rec-link").nth(3)
            if page.device == "phone":
                link.tap()
            else:
                link.click()
            anchor = link.get_attribute("href").lstrip("#")
            page.wait_for_url(f"**#{anchor}")
            assert _panel_width(page, anchor) > 100


PUBLIC_PAGES = ["/", "/articles/", "/policies/", "/qa/", "/stats/", "/regions/", "/regions/150000/", "/search/?q=医保",
                "/articles/?program=x", "/no-such-page/"]


def test_no_public_page_scrolls_sideways_on_a_phone(browser, live_server, seeded, reseed_after_module):
    context = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844}, has_touch=True)
    page = context.new_page()
    pages = [*PUBLIC_PAGES, *(a.get_absolute_url() for a in Article.objects.published().order_by("pk")),
             *(p.get_absolute_url() for p in Program.objects.published().order_by("pk")[:20])]
    wide = {}
    for path in pages:
        page.goto(live_server.url + path)
        scroll, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if scroll > client:
            wide[path] = scroll
    assert wide == {}
    for path, name in (("/stats/", "phone-stats"), ("/policies/", "phone-policies"), ("/articles/", "phone-articles")):
        page.goto(live_server.url + path)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
    context.close()


def test_print_leaves_out_navigation_and_search(browser, live_server, seeded, reseed_after_module):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    article = Article.objects.published().order_by("pk").first()
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".header-search").is_visible()
    assert page.locator(".article h1").is_visible() and page.locator(".citation-line").is_visible()
    context.close()


def test_the_citation_copies_with_its_button(at_width, live_server):
    for device in WIDTHS:
        with at_width(device) as page:
            article = Article.objects.published().exclude(byline=[]).order_by("pk").first()
            page.goto(f"{live_server.url}{article.get_absolute_url()}")
            button = page.get_by_role("button", name="复制引用")
            assert button.is_visible()  # shown by static/js/copy.js: the script ran under the CSP
            button.click()
            expect(page.locator("#citation-status")).not_to_be_empty()  # (wait_for_function would eval: the CSP refuses it)
            assert page.locator("#citation-status").inner_text() == "已复制"
            copied = page.evaluate("navigator.clipboard.readText()")
            assert copied == page.locator("#citation-text").inner_text().strip()
            assert "[N/OL]" in copied
            _shot(page, "citation")
