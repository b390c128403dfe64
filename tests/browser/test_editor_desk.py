"""The editor's desk in a real browser at 1366 px: the admin index opens on the review queue, the review page needs
no sideways scrolling, a figure's own page shows its sentence, and Tab on the review text shows a record's details."""
import pytest
from django.core.management import call_command

from articles.models import Article, Region
from stats.models import Figure
from tests.browser.conftest import SCREENSHOTS, make_editor, sign_in
from tests.conftest import SEED_DIR, _Null

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_an_editor_starts_from_the_queue_and_reviews_without_sideways_scrolling(browser, live_server, reseed_after_module):
    if not Region.objects.exists():
        call_command("load_reference_data", stdout=_Null())
    if not Article.objects.exists():
        call_command("ingest", str(SEED_DIR), stdout=_Null(), stderr=_Null())
    make_editor("desk-editor")
    article = Article.objects.published().filter(figures__isnull=False).order_by("-pk").first()
    figure = Figure.objects.filter(article=article).order_by("start").first()

    context = browser.new_context(locale="zh-CN", viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    sign_in(page, live_server, "desk-editor")
    assert page.get_by_role("heading", name="待审核").is_visible()
    assert page.locator(".queue-articles li").count() > 0
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "admin-review-queue.png"))

    page.locator(".queue-articles a").first.click()
    page.wait_for_url("**/admin/articles/article/*/change/")
    scroll, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert scroll <= client  # the record tables scroll inside their boxes, the page does not
    page.locator(".review-text a.rec-link").first.focus()
    assert page.evaluate("document.activeElement.closest('mark').nextElementSibling.getBoundingClientRect().width") > 100

    page.goto(f"{live_server.url}/admin/stats/figure/{figure.pk}/change/")
    context_box = page.locator(".in-context")
    assert context_box.locator("mark.rec-figure").inner_text() == figure.text
    page.screenshot(path=str(SCREENSHOTS / "admin-figure-in-context.png"))
    context.close()


SELECT_JS = """([start, length]) => {
  // Select `length` characters of the review text from offset `start`, counting as the article text does.
  const paragraphs = [...document.querySelectorAll('.review-text p[data-start]')];
  const p = paragraphs.filter(el => +el.dataset.start <= start).pop();
  let rest = start - +p.dataset.start, node;
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT,
    {acceptNode: n => n.parentElement.closest('.rec-pop') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
  while ((node = walker.nextNode()) && rest >= node.nodeValue.length) rest -= node.nodeValue.length;
  const range = document.createRange();
  range.setStart(node, rest); range.setEnd(node, rest + length);
  const selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range);
  p.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
  return selection.toString();
}"""


def _unmarked(article, length: int = 3) -> int:
    """An offset in the article text where `length` characters belong to no record and hold no line break."""
    covered = set()
    for manager in (article.figures, article.dates, article.regions, article.programs, article.qa_pairs, article.personal_data):
        for record in manager.all():
            covered.update(range(record.start, record.end))
    for start in range(len(article.text) - length):
        if not covered & set(range(start, start + length)) and "\n" not in article.text[start : start + length]:
            return start
    raise AssertionError("no unmarked stretch")


def test_an_editor_adds_a_missed_figure_by_selecting_its_words(browser, live_server, reseed_after_module):
    if not Region.objects.exists():
        call_command("load_reference_data", stdout=_Null())
    if not Article.objects.exists():
        call_command("ingest", str(SEED_DIR), stdout=_Null(), stderr=_Null())
    make_editor("select-editor")
    article = Article.objects.published().filter(figures__isnull=False).order_by("pk").first()
    start = _unmarked(article)
    words = article.text[start : start + 3]

    context = browser.new_context(locale="zh-CN", viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    sign_in(page, live_server, "select-editor")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    assert page.evaluate(SELECT_JS, [start, 3]) == words
    bar = page.get_by_role("toolbar", name="把选中的文字添加为记录")
    assert bar.is_visible() and f"第 {start}–{start + 3} 字" in bar.inner_text()
    bar.get_by_role("button", name="数据").click()
    row = page.locator("#figures-group tr.form-row.dynamic-figures:not(.empty-form)").last
    assert row.locator("input[name$='-start']").input_value() == str(start)
    assert row.locator("input[name$='-end']").input_value() == str(start + 3)
    assert row.locator("input[name$='-text']").input_value() == words
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "admin-add-by-selection.png"))
    row.locator("input[name$='-value']").fill("3")
    row.locator("input[name$='-unit']").fill("个")
    page.locator("input[name='_continue']").click()
    page.wait_for_load_state()
    added = Figure.objects.filter(article=article, start=start, end=start + 3).first()
    assert added is not None and added.text == words and added.value == 3
    context.close()
