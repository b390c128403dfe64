"""Merging programmes in a real browser: the merge page has one heading, the programme with the most mentions chosen
to keep, a cancel link; after the merge the old public address moves to the survivor and its history reads in
Chinese with Beijing times."""
import pytest
from django.core.management import call_command

from articles.models import Article, Region
from policies.models import Program, ProgramMention
from tests.browser.conftest import SCREENSHOTS, make_editor, sign_in
from tests.conftest import SEED_DIR, _Null

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_an_editor_merges_two_programmes_and_the_old_address_follows(browser, live_server, reseed_after_module):
    if not Region.objects.exists():
        call_command("load_reference_data", stdout=_Null())
    if not Article.objects.exists():
        call_command("ingest", str(SEED_DIR), stdout=_Null(), stderr=_Null())
    keep = Program.objects.create(name="戊己庚计划", key="戊己庚计划", slug="wujigeng")
    other = Program.objects.create(name="戊己庚计划项目", key="戊己庚计划项目", slug="wujigeng-xm")
    ProgramMention.objects.filter(pk=ProgramMention.objects.order_by("pk").first().pk).update(program=keep)
    make_editor("merge-editor")

    context = browser.new_context(locale="zh-CN", viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    sign_in(page, live_server, "merge-editor")

    page.goto(live_server.url + "/admin/policies/program/?q=戊己庚计划")
    for program in (keep, other):
        page.check(f"input[name=_selected_action][value='{program.pk}']")
    page.select_option("select[name=action]", "merge_selected")
    page.click("button[name=index]")
    assert page.locator("h1").count() == 1 and "合并" in page.locator("h1").inner_text()
    assert page.locator("select[name=survivor]").input_value() == str(keep.pk)  # the one with mentions
    assert page.get_by_role("link", name="取消").is_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "admin-merge-programmes.png"))

    page.click("input[type=submit][value=合并]")
    page.wait_for_url(f"**/admin/policies/program/{keep.pk}/change/")
    assert "已将 1 个项目并入" in page.locator(".messagelist").inner_text()
    assert not Program.objects.filter(pk=other.pk).exists()

    page.goto(f"{live_server.url}/policies/{other.slug}/")  # the merged programme's old public address
    assert page.url.endswith(f"/policies/{keep.slug}/")

    page.goto(f"{live_server.url}/admin/policies/program/{keep.pk}/history/")
    history = page.locator("#content").inner_text()
    assert "北京时间" in history and "None" not in history
    context.close()
