"""The Content-Security-Policy header and what keeps pages inside it (the browser test checks them for real)."""
import re

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "/articles/", "/stats/", "/admin/login/", "/api/v1/docs", "/api/v1/articles"])
def test_every_answer_carries_a_policy_without_inline_script_or_style(client, path):
    policy = client.get(path)["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"


def test_the_api_docs_load_nothing_from_outside(client):
    page = client.get("/api/v1/docs").content.decode()
    assert '"validatorUrl": "none"' in page  # no badge image from validator.swagger.io
    assert not re.search(r'(src|href)="https?://', page)


def test_no_template_holds_an_inline_script_or_style():
    offenders = []
    for template in (ROOT / "templates").rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        if re.search(r"<style|<script(?![^>]*\bsrc=)(?![^>]*application/json)|\sstyle=|\son[a-z]+=", text):
            offenders.append(template.relative_to(ROOT).as_posix())
    assert offenders == []


def test_the_error_page_links_its_stylesheet_even_before_collectstatic(rf, settings):
    from django.views.defaults import server_error

    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}
    page = server_error(rf.get("/")).content.decode()
    assert '<link rel="stylesheet" href="/static/css/error.css">' in page and "出错了" in page
