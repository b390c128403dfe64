"""Browser fixtures: Debian's chromium driven by Playwright against pytest-django's live server (skipped, with the
reason, when chromium is not installed)."""
import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the live server's ORM calls are still synchronous.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        pytest.skip(f"chromium is not installed at {CHROMIUM} (apt-get install -y chromium): browser tests skipped")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, live_server, reseed_after_module):
    """A fresh browser page that records the URL of every request it makes (`page.requested`)."""
    context = browser.new_context(accept_downloads=True, locale="zh-CN", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.requested = []
    tab.on("request", lambda request: tab.requested.append(request.url))
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


def editors_group():
    """The Editors group with the permissions its data migrations give it. A live-server test that follows tests which
    flushed the database may find the group gone (the serialized copy restored without it); the migrations' own
    functions put it back, so the browser tests use the permissions editors really have."""
    import importlib

    from django.apps import apps
    from django.contrib.auth.models import Group
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()  # ids cached before a flush would name rows that are gone
    if not Group.objects.filter(name="Editors").exists():
        importlib.import_module("articles.migrations.0002_editors_group").create_editors(apps, None)
        importlib.import_module("policies.migrations.0005_editors_edit_vocabulary").grant(apps, None)
        importlib.import_module("policies.migrations.0009_editors_review_policy_documents").grant(apps, None)
    return Group.objects.get(name="Editors")


EDITOR_PASSWORD = "a-long-editor-password"


def make_editor(username: str):
    """A staff account in the Editors group (made once per test database), with EDITOR_PASSWORD."""
    from django.contrib.auth import get_user_model

    user, made = get_user_model().objects.get_or_create(username=username, defaults={"is_staff": True})
    if made:
        user.set_password(EDITOR_PASSWORD)
        user.save()
    user.groups.add(editors_group())
    return user


def sign_in(page, live_server, username: str) -> None:
    """Sign `username` (see `make_editor`) in through the admin's login form, as an editor does."""
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", EDITOR_PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
