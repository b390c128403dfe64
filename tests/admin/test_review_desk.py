"""The editor's desk: the admin index opens on a review queue; a record's own page shows its sentence in context."""
import pytest

from articles.highlight import sentence_around
from articles.models import Article, DateMention, RecordStatus
from stats.models import Figure

pytestmark = pytest.mark.django_db


def test_the_admin_index_counts_what_needs_review_by_type(editor_client):
    Figure.objects.filter(pk=Figure.objects.first().pk).update(needs_review=True)
    html = editor_client.get("/admin/").content.decode()
    assert "待审核" in html
    auto = Figure.objects.filter(status=RecordStatus.AUTO).count()
    assert f'<a href="/admin/stats/figure/?status__exact=auto">{auto}</a>' in html
    assert '<a href="/admin/stats/figure/?needs_review__exact=1"><strong>1</strong></a>' in html


def test_the_queue_lists_articles_with_flagged_records_first_and_drops_reviewed_ones(editor_client):
    flagged = Article.objects.order_by("-pk").first()
    DateMention.objects.filter(article=flagged).update(needs_review=True)
    html = editor_client.get("/admin/").content.decode()
    queue = html[html.index('class="queue-articles"') :]
    assert queue.index(f"/admin/articles/article/{flagged.pk}/change/") < queue.index("</li>")  # first
    reviewed = Article.objects.order_by("pk").first()
    for model in (Figure, DateMention):
        model.objects.filter(article=reviewed).update(status=RecordStatus.CONFIRMED)
    from articles.models import PersonalData, RegionMention
    from policies.models import PolicyDocument, ProgramMention, QAPair

    for model in (RegionMention, PersonalData, ProgramMention, PolicyDocument, QAPair):
        model.objects.filter(article=reviewed).update(status=RecordStatus.CONFIRMED)
    assert f"/admin/articles/article/{reviewed.pk}/change/" not in editor_client.get("/admin/").content.decode()


def test_the_index_queue_takes_a_bounded_number_of_queries(editor_client, django_assert_max_num_queries):
    editor_client.get("/admin/")
    with django_assert_max_num_queries(20):
        editor_client.get("/admin/")


def test_a_figures_change_page_shows_its_sentence_with_the_figure_marked(editor_client):
    figure = Figure.objects.first()
    html = editor_client.get(f"/admin/stats/figure/{figure.pk}/change/").content.decode()
    assert "原文语境" in html
    assert f'<mark class="rec rec-figure">{figure.text}</mark>' in html
    assert f'href="/admin/articles/article/{figure.article_id}/change/#f-{figure.pk}"' in html
    assert f'href="/articles/{figure.article_id}/#f-{figure.pk}"' in html


def test_the_sentence_around_a_span_reaches_its_neighbours():
    text = "第一句。第二句有数字5元。第三句！第四句"
    before, span, after = sentence_around(text, text.index("5元"), text.index("5元") + 2)
    assert (before, span, after) == ("第一句。第二句有数字", "5元", "。第三句！")
    assert sentence_around("5元", 0, 2) == ("", "5元", "")


def test_the_merge_page_has_one_heading_a_default_and_a_cancel(admin_client):
    from policies.models import Program, ProgramMention

    keep = Program.objects.create(name="戊计划", key="戊计划", slug="wu")
    other = Program.objects.create(name="戊计划项目", key="戊计划项目", slug="wu-xm")
    ProgramMention.objects.filter(pk=ProgramMention.objects.first().pk).update(program=keep)
    response = admin_client.post("/admin/policies/program/", {"action": "merge_selected", "_selected_action": [keep.pk, other.pk]})
    html = response.content.decode()
    assert html.count("合并政策项目</h1>") == 1
    assert f'<option value="{keep.pk}" selected>' in html  # the one with mentions is offered to keep
    assert 'href="/admin/policies/program/"' in html and "取消" in html


def test_history_reads_in_chinese_with_local_times_and_no_none(editor_client):
    from django.contrib.auth import get_user_model

    from articles.services.review import record_save_by_editor

    figure = Figure.objects.first()
    figure.value = 12345
    record_save_by_editor(record=figure, user=get_user_model().objects.get(username="editor"), changed_fields=["value"])
    html = editor_client.get(f"/admin/stats/figure/{figure.pk}/history/").content.decode()
    assert "时间（北京时间）" in html and "Changes" not in html and ">None<" not in html
    assert "数值：" in html  # the changed field by its verbose name
    edited = figure.history.first().history_date
    from django.utils import timezone

    assert timezone.localtime(edited).strftime("%Y-%m-%d %H:%M") in html


def test_an_articles_history_shows_changes_to_its_records_made_elsewhere(editor_client):
    from django.contrib.auth import get_user_model

    from articles.services.review import record_save_by_editor, records_review

    figure = Figure.objects.order_by("pk").first()
    editor = get_user_model().objects.get(username="editor")
    figure.value = 4321
    record_save_by_editor(record=figure, user=editor, changed_fields=["value"])  # as on the figure's own page
    records_review(records=DateMention.objects.filter(article_id=figure.article_id), user=editor, status=RecordStatus.CONFIRMED)
    html = editor_client.get(f"/admin/articles/article/{figure.article_id}/history/").content.decode()
    section = html[html.index('id="record-history"') :]
    assert "数值：" in section and "4321" in section
    date = DateMention.objects.filter(article_id=figure.article_id).first()
    assert "<td>日期</td>" in section and "自动 → 已确认" in section and str(date).split(" ")[0] in section
    assert "<td>editor</td>" in section
