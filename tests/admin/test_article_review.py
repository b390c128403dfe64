"""The admin review page: records highlighted in the text, inline corrections through the review service."""
from html.parser import HTMLParser

import pytest

from articles.models import RecordStatus
from stats.models import Figure

pytestmark = pytest.mark.django_db




def _article_with_figures():
    return Figure.objects.order_by("article_id").first().article


def test_the_review_page_marks_every_record_in_the_text(editor_client):
    article = _article_with_figures()
    html = editor_client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert html.count('class="rec rec-figure"') >= article.figures.count() > 0
    figure = article.figures.first()
    assert f'data-records="{figure.pk}"' in html or f"{figure.pk} " in html or f" {figure.pk}" in html


def test_correcting_a_figure_inline_marks_it_corrected(editor_client):
    article = _article_with_figures()
    url = f"/admin/articles/article/{article.pk}/change/"
    response = editor_client.get(url)
    form = _form_data(response)
    prefix = "figures"
    index = next(i for i in range(int(form[f"{prefix}-TOTAL_FORMS"])) if form.get(f"{prefix}-{i}-id"))
    figure = Figure.objects.get(pk=form[f"{prefix}-{index}-id"])
    form[f"{prefix}-{index}-value"] = "777"
    response = editor_client.post(url, form)
    assert response.status_code == 302, _errors(response)
    figure.refresh_from_db()
    assert figure.value == 777 and figure.status == RecordStatus.CORRECTED
    assert not article.qa_pairs.exclude(status=RecordStatus.AUTO).exists()  # untouched records stay auto


def test_editors_cannot_delete_records_or_manage_users(editor_client):
    figure = Figure.objects.first()
    assert editor_client.get(f"/admin/stats/figure/{figure.pk}/delete/").status_code == 403
    assert editor_client.get("/admin/auth/user/").status_code == 403


def test_bulk_confirm_from_the_figure_list(editor_client):
    ids = list(Figure.objects.values_list("pk", flat=True)[:2])
    response = editor_client.post(
        "/admin/stats/figure/", {"action": "confirm_selected", "_selected_action": ids}, follow=True
    )
    assert response.status_code == 200
    assert Figure.objects.filter(pk__in=ids, status=RecordStatus.CONFIRMED).count() == 2


def test_the_figure_list_filters_by_status(editor_client):
    response = editor_client.get("/admin/stats/figure/", {"status__exact": "auto"})
    assert response.status_code == 200


class _FormReader(HTMLParser):
    """Collects a form's current values as a browser would submit them."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, str] = {}
        self.select: str | None = None
        self.textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in {"submit", "button"}:
            if a.get("type") == "checkbox":
                if "checked" in a:
                    self.data[name] = a.get("value") or "on"
            else:
                self.data[name] = a.get("value") or ""
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and "selected" in a:
            self.data[self.select] = a.get("value") or ""
        elif tag == "textarea" and name:
            self.textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            if not self.data[self.textarea]:
                data = data.removeprefix("\n")  # browsers drop the newline that opens a textarea
            self.data[self.textarea] += data


def _form_data(response) -> dict:
    html = response.content.decode()
    reader = _FormReader()
    reader.feed(html[html.index('id="article_form"') :])
    return reader.data


def _errors(response) -> str:
    import re

    return " | ".join(re.findall(r'class="errorlist[^"]*">(.*?)</ul>', response.content.decode(), re.S))[:2000]
