"""Editors' reviews through the one write path: status, reviewer, span checks, history."""
import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from articles.models import DateMention, RecordStatus
from articles.services.review import record_save_by_editor, records_review
from stats.models import Figure

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return get_user_model().objects.create_user("editor", password="a-long-test-password", is_staff=True)


def test_changing_a_value_marks_the_record_corrected_with_who_and_when(editor):
    figure = Figure.objects.first()
    figure.value = 42.0
    record_save_by_editor(record=figure, user=editor, changed_fields=["value"])
    figure.refresh_from_db()
    assert figure.status == RecordStatus.CORRECTED
    assert figure.reviewed_by == editor and figure.reviewed_at is not None


def test_only_toggling_visibility_does_not_mark_a_correction(editor):
    figure = Figure.objects.filter(status=RecordStatus.AUTO).first()
    figure.is_public = False
    record_save_by_editor(record=figure, user=editor, changed_fields=["is_public"])
    figure.refresh_from_db()
    assert figure.status == RecordStatus.AUTO and not figure.is_public


def test_an_added_record_takes_its_text_from_the_span(editor):
    figure = Figure.objects.first()
    article = figure.article
    added = DateMention(article=article, start=0, end=4, text="")
    record_save_by_editor(record=added, user=editor, changed_fields=["start", "end"])
    assert added.text == article.text[0:4]
    assert added.status == RecordStatus.CORRECTED


def test_a_span_outside_the_text_is_refused(editor):
    article = Figure.objects.first().article
    with pytest.raises(ValidationError):
        record_save_by_editor(
            record=DateMention(article=article, start=len(article.text), end=len(article.text) + 5, text=""),
            user=editor,
            changed_fields=["start"],
        )


def test_bulk_reject_keeps_the_records(editor):
    ids = list(Figure.objects.values_list("pk", flat=True)[:3])
    assert records_review(records=Figure.objects.filter(pk__in=ids), user=editor, status=RecordStatus.REJECTED) == 3
    assert Figure.objects.filter(pk__in=ids, status=RecordStatus.REJECTED).count() == 3


def test_every_change_is_kept_in_history_with_old_and_new_values(editor):
    figure = Figure.objects.first()
    old = figure.value
    figure.value = old + 1
    record_save_by_editor(record=figure, user=editor, changed_fields=["value"])
    latest = figure.history.first()
    delta = latest.diff_against(latest.prev_record)
    changes = {change.field: (change.old, change.new) for change in delta.changes}
    assert changes["value"] == (old, old + 1)
    assert latest.history_user == editor
