"""Every kind of page, the admin and the API docs work under the Content-Security-Policy: none reports a violation.

(Named to run after the other browser modules: its tests start from a flushed database, which the editor's
journey, needing the Editors group a migration creates, did not survive when this module ran before it.)"""
import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from articles.models import Article, Region
from policies.models import Program
from tests.conftest import SEED_DIR, _Null

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PASSWORD = "a-long-editor-password"

# Registered before any page script runs; DevTools injects it, so the policy under test does not block it.
LISTEN_FOR_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(event.violatedDirective + ' ' + (event.blockedURI || 'inline') + ' ' + event.sourceFile + ':' + event.lineNumber);
});
"""


@pytest.fixture
def seeded(live_server):
    """A live-server test after the first of a module starts from an emptied database: load the seed pages again."""
    if not Region.objects.exists():
        call_command("load_reference_data", stdout=_Null())
    if not Article.objects.exists():
        call_command("ingest", str(SEED_DIR), stdout=_Null(), stderr=_Null())


@pytest.fixture
def watched(page, seeded):
    """The browser page, listening for CSP violations both as DOM events and as console errors."""
    page.add_init_script(LISTEN_FOR_VIOLATIONS)
    page.console_violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and page.console_violations.append(message.text))
    return page


def _visit(page, url: str) -> list[str]:
    response = page.goto(url)
    assert response.status == 200, url
    assert "script-src 'self'" in response.headers["content-security-policy"], url
    page.wait_for_load_state("networkidle")
    return page.evaluate("window.__cspViolations")


def test_the_public_pages_report_no_csp_violation(watched, live_server):
    article = Article.objects.published().filter(figures__isnull=False).first()
    program = Program.objects.order_by("pk").first()
    paths = ["/", "/articles/", f"/articles/{article.pk}/", "/policies/", f"/policies/{program.slug}/", "/qa/",
             "/stats/", "/regions/", f"/regions/{Region.objects.get(code='150000').code}/", "/search/?q=医保"]
    for path in paths:
        assert _visit(watched, live_server.url + path) == [], path
    assert watched.console_violations == []


def test_the_admin_reports_no_csp_violation(watched, live_server):
    get_user_model().objects.create_superuser("chief", password=PASSWORD)
    article = Article.objects.published().filter(figures__isnull=False).first()
    assert _visit(watched, live_server.url + "/admin/login/") == []
    watched.fill("#id_username", "chief")
    watched.fill("#id_password", PASSWORD)
    watched.click("input[type=submit]")
    watched.wait_for_url("**/admin/")
    for path in ["/admin/", "/admin/articles/article/", f"/admin/articles/article/{article.pk}/change/",
                 "/admin/articles/source/upload/", "/admin/articles/apitoken/add/", "/admin/stats/figure/"]:
        assert _visit(watched, live_server.url + path) == [], path
    assert watched.console_violations == []


def test_the_api_docs_render_their_endpoints_under_the_policy(watched, live_server):
    assert _visit(watched, live_server.url + "/api/v1/docs") == []
    watched.wait_for_selector(".opblock", timeout=20_000)
    assert watched.locator(".opblock").count() >= 10
    assert "/api/v1/articles" in watched.locator(".opblock-summary-path").all_inner_texts()
    assert watched.evaluate("window.__cspViolations") == [] and watched.console_violations == []
