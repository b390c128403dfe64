"""The editor's desk in a real browser at 1366 px: the admin index opens on the review queue, the review page needs
no sideways scrolling, a figure's own page shows its sentence, and Tab on the review text shows a record's details."""
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from articles.models import Article, Region
from stats.models import Figure
from tests.browser.conftest import SCREENSHOTS
from tests.conftest import SEED_DIR, _Null

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PASSWORD = "a-long-editor-password"


def test_an_editor_starts_from_the_queue_and_reviews_without_sideways_scrolling(browser, live_server, reseed_after_module):
    if not Region.objects.exists():
        call_command("load_reference_data", stdout=_Null())
    if not Article.objects.exists():
        call_command("ingest", str(SEED_DIR), stdout=_Null(), stderr=_Null())
    editor = get_user_model().objects.create_user("desk-editor", password=PASSWORD, is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    article = Article.objects.published().filter(figures__isnull=False).order_by("-pk").first()
    figure = Figure.objects.filter(article=article).order_by("start").first()

    context = browser.new_context(locale="zh-CN", viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "desk-editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
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
