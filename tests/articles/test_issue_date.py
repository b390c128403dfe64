"""The issue date on the article (`Article.issue_date`): filled by ingest, kept equal to its page's date through
re-parse and an editor's fix, and what the lists sort and filter on."""
from datetime import date

import pytest
from django.contrib.auth import get_user_model

from articles.models import Article, Source
from articles.services import source_ingest, source_reparse
from articles.services.dating import articles_issue_date_sync, source_date_set_by_editor
from tests.conftest import SEED_PAGES

pytestmark = pytest.mark.django_db


def _disagreeing() -> int:
    return sum(1 for a in Article.objects.select_related("source").defer("source__raw", "source__text") if a.issue_date != a.source.published_on)


def test_every_ingested_article_carries_its_pages_date():
    assert Article.objects.count() > 0
    assert Article.objects.filter(issue_date__isnull=True).count() == 0
    assert _disagreeing() == 0


def test_an_editors_fix_of_the_page_date_reaches_its_articles():
    source = Source.objects.filter(articles__isnull=False).first()
    editor = get_user_model().objects.create_user("editor", password="a-long-test-password", is_staff=True)
    source.published_on = date(2019, 3, 8)
    source_date_set_by_editor(source=source, user=editor, changed_fields=["published_on"])
    assert set(source.articles.values_list("issue_date", flat=True)) == {date(2019, 3, 8)}
    assert "editor" in Source.objects.get(pk=source.pk).published_basis
    source_reparse(source=source)  # a re-parse keeps the editor's date, on the page and on every article
    assert set(source.articles.values_list("issue_date", flat=True)) == {date(2019, 3, 8)}


def test_an_undated_page_clears_the_copy_and_a_repeat_changes_nothing():
    source = Source.objects.filter(articles__isnull=False).first()
    Source.objects.filter(pk=source.pk).update(published_on=None)
    source.refresh_from_db(fields=["published_on"])
    assert articles_issue_date_sync(source=source) == source.articles.count()
    assert articles_issue_date_sync(source=source) == 0
    assert set(source.articles.values_list("issue_date", flat=True)) == {None}


def test_a_page_ingested_with_a_given_date_dates_its_articles():
    raw = SEED_PAGES[0].read_bytes() + "\n附：本版另有说明。\n".encode()
    outcome = source_ingest(raw=raw, name="other-name.txt", published_on=date(2024, 1, 2))
    assert outcome.created
    assert set(outcome.source.articles.values_list("issue_date", flat=True)) == {date(2024, 1, 2)}


def test_the_list_sorts_and_filters_on_the_issue_date(client):
    source = Source.objects.filter(articles__isnull=False).first()
    editor = get_user_model().objects.create_user("editor", password="a-long-test-password", is_staff=True)
    source.published_on = date(2001, 1, 1)
    source_date_set_by_editor(source=source, user=editor, changed_fields=["published_on"])
    oldest = client.get("/articles/?sort=oldest").context["page"].object_list
    assert oldest[0].source_id == source.pk
    newest = client.get("/api/v1/articles?date_to=2001-12-31").json()
    assert newest["count"] == source.articles.filter(is_public=True).count()


def test_the_admin_fix_of_a_page_date_goes_through_the_service(rf):
    from django.contrib import admin

    source = Source.objects.filter(articles__isnull=False).first()
    request = rf.post("/")
    request.user = get_user_model().objects.create_superuser("boss", "", "a-long-test-password")
    source_admin = admin.site._registry[Source]
    form_class = source_admin.get_form(request, source, change=True)
    form = form_class({"name": source.name, "published_on": "2018-05-06"}, instance=source)
    assert form.is_valid(), form.errors
    source_admin.save_model(request, form.save(commit=False), form, change=True)
    assert set(source.articles.values_list("issue_date", flat=True)) == {date(2018, 5, 6)}
    assert "boss" in Source.objects.get(pk=source.pk).published_basis
