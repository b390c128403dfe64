"""The stored public view: personal data found in every shown field, masked copies refreshed by ingest, re-parse and
editors' reviews; the originals stay for the admin."""
from datetime import date
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from articles.masking import public_view
from articles.models import Article, PersonalData, RecordStatus
from articles.pipeline import parse_page
from articles.search import search_articles
from articles.services import source_ingest, source_reparse
from articles.services.public_view import article_personal_data_sync
from articles.services.review import record_save_by_editor, records_review
from policies.models import Program, QAPair

PLANTED = Path(__file__).resolve().parent.parent / "data" / "hostile" / "pii_planted.txt"


@pytest.fixture
def article(db) -> Article:
    """The planted story: a phone and a name in its headline, a 寻人启事 kicker, IDs, cards and a Q&A in its body."""
    source = source_ingest(raw=PLANTED.read_bytes(), name="pii_planted.txt", published_on=date(2031, 1, 6)).source
    return source.articles.get(headline__startswith="失主")


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_user("editor", password="a-long-test-password", is_staff=True)


def test_the_pipeline_finds_personal_data_in_the_headline_and_subheadline_with_their_field():
    result = parse_page(PLANTED.read_bytes(), "pii_planted.txt")
    items = {(item.field, item.kind, item.text) for a in result.articles for item in a.pii}
    assert ("headline", "phone", "13812345678") in items
    assert ("headline", "name", "房秋实") in items
    assert ("subheadline", "phone", "13712345678") in items
    assert ("subheadline", "name", "卓一帆") in items


def test_it_masks_a_phone_in_a_byline_but_never_looks_for_names_there():
    article = Article(headline="", subheadline="", byline=["王坤", "13912345670"], text="正文")
    records = [PersonalData(field="byline", kind="phone", text="13912345670", start=3, end=14, status=RecordStatus.AUTO)]
    assert public_view(article, records).byline == ["王坤", "139****5670"]


def test_a_name_the_headline_labels_is_masked_where_the_body_says_it_again():
    article = Article(headline="失主房秋实认领钱包", subheadline="", byline=[], text="房秋实说，钱包里还有现金500元。")
    records = [PersonalData(field="headline", kind="name", text="房秋实", start=2, end=5, status=RecordStatus.AUTO)]
    view = public_view(article, records)
    assert (view.headline, view.text) == ("失主房**认领钱包", "房**说，钱包里还有现金500元。")
    records[0].status = RecordStatus.REJECTED  # an editor's "not personal" shows it everywhere again
    assert public_view(article, records).text == article.text


def test_ingest_stores_the_masked_headline_and_keeps_the_original_for_editors(article):
    assert article.headline == "失主房秋实请拨13812345678认领钱包"
    assert article.public_headline == "失主房**请拨138****5678认领钱包"
    assert article.public_subheadline == "寻人启事 寻找亲人卓**Tel137****5678"
    assert len(article.public_text) == len(article.text) and "13512345678" not in article.public_text


def test_qa_pairs_are_stored_masked_and_the_article_text_keeps_the_exchange(article):
    pair = QAPair.objects.get(article=article, question__startswith="捡到钱包")
    assert "135****5678" in pair.answer and "13512345678" not in pair.answer
    assert "150203********2023" in pair.answer
    assert "13512345678" in article.text[pair.start : pair.end]


def test_the_search_index_holds_only_masked_fields(article):
    assert not search_articles("13812345678").filter(pk=article.pk).exists()
    assert not search_articles("房秋实").filter(pk=article.pk).exists()
    assert search_articles("认领钱包").filter(pk=article.pk).exists()


def test_rejecting_a_false_positive_shows_it_unmasked_everywhere(article, editor):
    name = PersonalData.objects.filter(article=article, field="headline", kind="name")
    records_review(records=name, user=editor, status=RecordStatus.REJECTED)
    article.refresh_from_db()
    assert article.public_headline == "失主房秋实请拨138****5678认领钱包"
    assert search_articles("房秋实").filter(pk=article.pk).exists()


def test_rejecting_personal_data_in_an_answer_unmasks_the_stored_answer(article, editor):
    phone = PersonalData.objects.get(article=article, field="text", text="13512345678")
    phone.status = RecordStatus.REJECTED
    record_save_by_editor(record=phone, user=editor, changed_fields=["status"])
    pair = QAPair.objects.get(article=article, question__startswith="捡到钱包")
    assert "13512345678" in pair.answer and "150203********2023" in pair.answer


def test_a_rejection_survives_a_reparse(article, editor):
    records_review(
        records=PersonalData.objects.filter(article=article, field="headline", kind="name"), user=editor, status=RecordStatus.REJECTED
    )
    source_reparse(source=article.source)
    article.refresh_from_db()
    assert article.public_headline == "失主房秋实请拨138****5678认领钱包"
    assert PersonalData.objects.filter(article=article, field="headline").count() == 2


def test_an_editor_cannot_anchor_a_headline_record_outside_the_headline(article, editor):
    from django.core.exceptions import ValidationError

    record = PersonalData(article=article, field="headline", kind="phone", start=7, end=18, text="")
    record_save_by_editor(record=record, user=editor, changed_fields=["start", "end"])
    assert record.text == "13812345678"
    with pytest.raises(ValidationError):
        record_save_by_editor(
            record=PersonalData(article=article, field="headline", kind="phone", start=7, end=400, text=""),
            user=editor,
            changed_fields=["start", "end"],
        )


def test_a_phone_an_editor_writes_into_a_headline_is_found_and_masked(article):
    article.headline = "请拨13912345670认领钱包"
    article.save()
    article_personal_data_sync(article=article, fields=["headline"])
    article.refresh_from_db()
    assert article.public_headline == "请拨139****5670认领钱包"
    assert PersonalData.objects.get(article=article, field="headline").text == "13912345670"


def test_a_name_an_editor_marks_is_masked_in_the_figure_measure_and_indicator_built_from_it(db, editor, client):
    # The extractor does not take 张建国 in ordinary news for a private person; the editor marks him. The figure's
    # measure (and the indicator named after it) was written from the words around the figure at ingest.
    page = "困难家庭获帮扶\n\n□本报记者 梅刚\n\n据统计，张建国家庭年收入2.5万元，已纳入赛罕区“暖冬行动”帮扶名单。社区发起“张建国爱心助学行动”。\n"
    source = source_ingest(raw=page.encode(), name="editor_marks_a_name.txt", published_on=date(2031, 2, 1)).source
    article = source.articles.get()
    figure = article.figures.select_related("indicator").get()
    assert "张建国" in figure.measure and "张建国" in figure.indicator.name  # what the public saw before
    start = article.text.index("张建国")
    old_slug = Program.objects.get(mentions__article=article, name__endswith="爱心助学行动").slug
    record = PersonalData(article=article, field="text", kind="name", start=start, end=start + 3)
    record_save_by_editor(record=record, user=editor, changed_fields=["kind", "start", "end"])
    figure = article.figures.select_related("indicator").get()
    assert (figure.measure, figure.indicator.name) == ("张**家庭年收入", "张**家庭年收入")
    assert "张建国" not in figure.sentence and "张建国" not in figure.indicator.slug  # /stats/?measure=<slug>
    programme = Program.objects.get(mentions__article=article, name__endswith="爱心助学行动")
    assert (programme.name, programme.slug.rpartition("-")[0]) == ("张**爱心助学行动", "张爱心助学行动")
    assert programme.mentions.get().name == "张**爱心助学行动"
    assert client.get(f"/policies/{old_slug}/").headers["Location"] == programme.get_absolute_url()  # a 301
    source_reparse(source=source)  # a re-parse re-derives the measure: the editor's record still masks it
    figure = article.figures.select_related("indicator").get()
    assert (figure.measure, figure.indicator.name) == ("张**家庭年收入", "张**家庭年收入")
