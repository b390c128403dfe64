"""Re-parsing keeps editors' work: only auto records are replaced, rejections stick, lost spans are flagged."""
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from articles import pipeline
from articles.models import RecordStatus, Source
from articles.services import source_ingest, source_reparse
from articles.services.review import record_save_by_editor, records_review
from stats.models import Figure

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return get_user_model().objects.create_user("editor", password="a-long-test-password", is_staff=True)


def _figure_article():
    figure = Figure.objects.filter(article__source__name__startswith="004").order_by("article_id", "start").first()
    return figure.article


def _with_parser_change(monkeypatch, change):
    """Make the pipeline's parser alter each article text before extraction, as a new parser version would."""
    original = pipeline.parse_page_bytes

    def changed(raw, name, published_on=None):
        page = original(raw, name, published_on=published_on)
        for draft in page.articles:
            draft.text = change(draft.text)
        return page

    monkeypatch.setattr(pipeline, "parse_page_bytes", changed)


def test_reparsing_an_unchanged_page_rewrites_the_same_auto_records():
    article = _figure_article()
    before = sorted(article.figures.values_list("text", "start", "value"))
    source_reparse(source=article.source)
    assert sorted(article.figures.values_list("text", "start", "value")) == before


def test_a_corrected_record_survives_a_reparse_with_its_value(editor):
    article = _figure_article()
    figure = article.figures.first()
    figure.value = 12345.0
    record_save_by_editor(record=figure, user=editor, changed_fields=["value"])
    source_reparse(source=article.source)
    figure.refresh_from_db()
    assert figure.status == RecordStatus.CORRECTED
    assert figure.value == 12345.0
    same_span = article.figures.filter(start=figure.start, end=figure.end)
    assert same_span.count() == 1  # the auto version was not created next to the editor's


def test_a_confirmed_record_survives_and_a_rejected_one_is_not_created_again(editor):
    article = _figure_article()
    first, second = article.figures.order_by("start")[:2]
    records_review(records=Figure.objects.filter(pk=first.pk), user=editor, status=RecordStatus.CONFIRMED)
    records_review(records=Figure.objects.filter(pk=second.pk), user=editor, status=RecordStatus.REJECTED)
    outcome = source_reparse(source=article.source)
    assert Figure.objects.get(pk=first.pk).status == RecordStatus.CONFIRMED
    assert Figure.objects.get(pk=second.pk).status == RecordStatus.REJECTED
    assert article.figures.filter(text=second.text, start=second.start).count() == 1
    assert outcome.suppressed >= 1


def test_a_kept_record_follows_its_text_when_a_parser_change_shifts_offsets(editor, monkeypatch):
    article = _figure_article()
    figure = article.figures.order_by("start").first()
    old_start = figure.start
    records_review(records=Figure.objects.filter(pk=figure.pk), user=editor, status=RecordStatus.CONFIRMED)
    _with_parser_change(monkeypatch, lambda text: "编者按：" + text)
    source_reparse(source=article.source)
    figure.refresh_from_db()
    article.refresh_from_db()
    assert figure.start == old_start + len("编者按：")
    assert article.text[figure.start : figure.end] == figure.text
    assert not figure.needs_review


def test_a_kept_record_whose_text_is_gone_is_flagged_not_dropped(editor, monkeypatch):
    article = _figure_article()
    figure = article.figures.order_by("start").first()
    records_review(records=Figure.objects.filter(pk=figure.pk), user=editor, status=RecordStatus.CONFIRMED)
    _with_parser_change(monkeypatch, lambda text: text.replace(figure.text, "若干"))
    outcome = source_reparse(source=article.source)
    figure.refresh_from_db()
    assert figure.needs_review
    assert figure.status == RecordStatus.CONFIRMED
    assert outcome.flagged >= 1


def test_reingesting_a_changed_file_keeps_corrections(editor):
    source = Source.objects.get(name__startswith="004")
    article = _figure_article()
    figure = article.figures.first()
    figure.unit = "万元"
    record_save_by_editor(record=figure, user=editor, changed_fields=["unit"])
    changed = bytes(source.raw) + "\n\n（本版编辑 张三）\n".encode()
    outcome = source_ingest(raw=changed, name=source.name)
    assert outcome.source.pk == source.pk
    figure.refresh_from_db()
    assert figure.unit == "万元" and figure.status == RecordStatus.CORRECTED
    assert Source.objects.filter(name=source.name).count() == 1


def test_the_reparse_command_reports_what_it_kept():
    out = StringIO()
    call_command("reparse", "--all", stdout=out)
    assert "re-parsed 5 page(s)" in out.getvalue()


def test_the_reparse_command_names_an_unknown_page():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="no page with id 999999"):
        call_command("reparse", "--source", "999999", stdout=StringIO())


def test_a_rejected_record_follows_its_text_when_a_changed_version_is_ingested(editor):
    body = "今年全区城镇新增就业3000人，同比增长12%。自治区发放创业补贴1.2亿元，惠及3万余人。" * 3
    page = "民声\n\n就业稳中向好\n\n□本报记者 张三\n\n{}\n"
    source = source_ingest(raw=page.format(body).encode(), name="rejected-moves.txt").source
    figure = Figure.objects.filter(article__source=source, text__contains="1.2亿元").order_by("start").first()
    records_review(records=Figure.objects.filter(pk=figure.pk), user=editor, status=RecordStatus.REJECTED)
    inserted = "记者从自治区人社厅获悉。"
    source_ingest(raw=page.format(inserted + body).encode(), name="rejected-moves.txt")
    figure.refresh_from_db()
    article = figure.article
    assert figure.status == RecordStatus.REJECTED
    assert article.text.startswith(inserted)
    assert article.text[figure.start : figure.end] == figure.text
    assert not article.figures.filter(text=figure.text, start=figure.start).exclude(pk=figure.pk).exists()
