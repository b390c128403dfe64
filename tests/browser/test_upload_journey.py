"""The page upload in a real browser: several files chosen at once, sent one by one with a progress bar ("2/4"),
each file's outcome listed (ingested / already present / refused with its reason) — and without JavaScript the
same form posts them together and the server lists the outcomes."""
import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from articles.models import Region, Source
from tests.browser.conftest import SCREENSHOTS, make_editor, sign_in
from tests.conftest import _Null

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PAGE = "民声\n\n{title}\n\n□本报记者 王五\n\n" + "鄂尔多斯市今年发放{title}补贴2000万元，惠及1200余人。" * 5

WATCH_JS = """() => {
  // Every text the progress counter shows, in order, and whether the bar matched it.
  window.uploadCounts = [];
  const count = document.querySelector('.upload-count'), bar = document.querySelector('.upload-progress progress');
  new MutationObserver(() => window.uploadCounts.push([count.textContent, bar.value, bar.max]))
    .observe(count, {childList: true, characterData: true, subtree: true});
}"""


def _files():
    good = PAGE.format(title="就业").encode()
    return [
        {"name": "jiuye.txt", "mimeType": "text/plain", "buffer": good},
        {"name": "scan.bin", "mimeType": "application/octet-stream", "buffer": b"\x00\x01\x02\x03\xff" * 51},
        {"name": "jiuye-copy.txt", "mimeType": "text/plain", "buffer": good},
        {"name": "yiliao.txt", "mimeType": "text/plain", "buffer": PAGE.format(title="医疗").encode()},
    ]


def _login(browser, live_server, *, javascript: bool = True):
    if not Region.objects.exists():
        call_command("load_reference_data", stdout=_Null())
    make_editor("upload-editor")
    context = browser.new_context(locale="zh-CN", viewport={"width": 1366, "height": 900}, java_script_enabled=javascript)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.errors = []
    page.on(  # script errors and CSP violations; the browser's own favicon request is not the page's
        "console",
        lambda message: message.type == "error" and not message.location.get("url", "").endswith("/favicon.ico")
        and page.errors.append(f"{message.text} {message.location}"),
    )
    sign_in(page, live_server, "upload-editor")
    page.goto(live_server.url + "/admin/articles/source/upload/")
    return context, page


def test_several_files_upload_one_by_one_with_progress_and_an_outcome_each(browser, live_server, reseed_after_module):
    context, page = _login(browser, live_server)
    posts = []
    page.on("request", lambda request: request.method == "POST" and posts.append(request.url))
    assert page.locator("#id_published_on").get_attribute("type") == "date"
    page.set_input_files("#id_file", _files())
    page.fill("#id_paper", "鄂尔多斯日报")
    page.fill("#id_page_label", "05版")
    page.fill("#id_published_on", "2024-03-05")
    page.evaluate(WATCH_JS)
    page.click("input[type=submit][value='上传并导入']")
    page.locator(".upload-count", has_text="4/4").wait_for()
    expect(page.locator(".upload-outcomes li")).to_have_count(4)  # (wait_for_function would eval: the CSP refuses it)

    counts = page.evaluate("window.uploadCounts")
    assert [text for text, _, _ in counts] == ["0/4", "1/4", "2/4", "3/4", "4/4"]
    assert all(value == int(text.split("/")[0]) and total == 4 for text, value, total in counts)
    assert len(posts) == 4  # one request per file
    items = page.locator(".upload-outcomes li")
    statuses = [items.nth(i).get_attribute("data-status") for i in range(4)]
    assert statuses == ["ingested", "rejected", "present", "ingested"]
    assert "scan.bin：无法导入：文件含有 NUL 字节" in items.nth(1).inner_text()
    assert items.nth(0).locator("a").get_attribute("href").endswith("/change/")
    for name in ("jiuye.txt", "yiliao.txt"):
        source = Source.objects.get(name=name)
        assert (source.paper, source.page_label, str(source.published_on)) == ("鄂尔多斯日报", "05版", "2024-03-05")
    assert not Source.objects.filter(name__in=["scan.bin", "jiuye-copy.txt"]).exists()
    assert not page.errors, page.errors  # no CSP violation, no script error
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "admin-upload-several-files.png"), full_page=True)
    context.close()


def test_without_javascript_the_form_posts_every_file_and_lists_the_outcomes(browser, live_server, reseed_after_module):
    context, page = _login(browser, live_server, javascript=False)
    assert page.locator(".upload-progress").is_hidden()
    page.set_input_files("#id_file", _files()[:2])
    page.click("input[type=submit][value='上传并导入']")
    page.wait_for_load_state()
    items = page.locator(".upload-outcomes li")
    assert items.count() == 2
    assert [items.nth(i).get_attribute("data-status") for i in range(2)] == ["ingested", "rejected"]
    assert Source.objects.filter(name="jiuye.txt").exists()
    context.close()
