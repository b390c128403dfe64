"""Policy documents an article names (《…》): the programme each is for, with issuer, date and days in force when the
text states them — pure rules on the real extractors, then ingest (stable ids, editors' corrections survive
re-parse), the programme page, /policies/ and the admin."""
import datetime

import pytest

from articles.extract.context import ExtractContext
from articles.extract.dates import extract_dates
from articles.extract.regions import extract_regions
from policies.extract import attach_issuers, extract_programs
from policies.extraction.documents import documents_of, one_per_title

ISSUE = datetime.date(2025, 11, 20)
BODY = ("近日，自治区人社厅印发《内蒙古自治区就业补助资金管理办法》，自2026年1月1日起施行，有效期至2028年12月31日。\n"
        "今年以来，全区深入实施“稳岗扩岗”专项行动。自治区人社厅印发《关于深化稳岗扩岗专项行动的通知》，执行至2026年底。")
PAGE = f"民声\n\n就业补助资金有新规\n\n□本报记者 张三\n\n{BODY}\n".encode()


def documents(text):
    ctx = ExtractContext(published_on=ISSUE, home_region="150000")
    mentions = attach_issuers(text, extract_programs(text, ctx), regions=extract_regions(text, ctx),
                              dates=extract_dates(text, ctx), published_on=ISSUE)
    return documents_of(mentions)


def test_a_document_is_for_the_programme_its_title_names_and_says_what_the_text_says_of_it():
    found = {d.title: d for d in documents(BODY)}
    funds = found["内蒙古自治区就业补助资金管理办法"]
    assert funds.program == "内蒙古自治区就业补助资金管理办法"  # names no other programme: its own entry
    assert (funds.issuer, funds.level, funds.valid_from, funds.valid_to) == (
        "自治区人社厅", "provincial", datetime.date(2026, 1, 1), datetime.date(2028, 12, 31))
    notice = found["关于深化稳岗扩岗专项行动的通知"]
    assert "稳岗扩岗" in notice.program and notice.program != notice.title  # the campaign the article names
    assert (notice.issuer, notice.valid_to) == ("自治区人社厅", datetime.date(2026, 12, 31))
    assert notice.text == "《关于深化稳岗扩岗专项行动的通知》" and BODY[notice.start:notice.end] == notice.text


def test_a_quoted_name_is_not_a_document_and_nothing_is_invented():
    assert documents("全区深入实施“稳岗扩岗”专项行动，发放补贴1.2亿元。") == []
    plain = documents("全区继续落实《乌兰察布市农牧民职业技能等级评价实施办法》。")
    assert [(d.issuer, d.issued_on, d.valid_from, d.valid_to) for d in plain] == [(None, None, None, None)]


def test_one_row_per_title_the_record_stating_the_most():
    class R:
        def __init__(self, title, issuer=None, issued_on=None):
            self.title, self.issuer, self.issued_on, self.valid_from, self.valid_to = title, issuer, issued_on, None, None

    bare, stated, other = R("办法"), R("办法", "市人社局", ISSUE), R("通知")
    assert one_per_title([bare, other, stated]) == [(stated, 2), (other, 1)]


@pytest.mark.django_db
def test_ingest_stores_documents_keeps_their_ids_on_reparse_and_an_editors_correction(client):
    from articles.models import RecordStatus
    from articles.services import source_ingest
    from articles.services.ingest import source_reparse
    from policies.models import PolicyDocument, Program

    outcome = source_ingest(raw=PAGE, name="2025-11-20_documents.txt", published_on=ISSUE)
    rows = PolicyDocument.objects.filter(article__source=outcome.source)
    assert rows.count() == 2
    funds = rows.get(title="内蒙古自治区就业补助资金管理办法")
    assert funds.program.name == funds.title and funds.issuer == "自治区人社厅"
    program = Program.objects.get(pk=funds.program_id)
    assert (program.valid_from, program.valid_to) == (datetime.date(2026, 1, 1), datetime.date(2028, 12, 31))
    ids = set(rows.values_list("pk", flat=True))
    funds.issuer, funds.status = "内蒙古自治区人力资源和社会保障厅", RecordStatus.CORRECTED
    funds.save()
    source_reparse(source=outcome.source)
    assert set(rows.values_list("pk", flat=True)) == ids  # same records, same ids
    funds.refresh_from_db()
    assert funds.issuer == "内蒙古自治区人力资源和社会保障厅"

    # the programme page lists its documents with issuer and days in force, each linking to its sentence
    html = client.get(program.get_absolute_url()).content.decode()
    assert "《内蒙古自治区就业补助资金管理办法》" in html and "内蒙古自治区人力资源和社会保障厅" in html
    assert f'href="/articles/{funds.article_id}/#w-{funds.pk}"' in html
    assert "有效期 2026-01-01 至 2028-12-31" in html
    notice = rows.get(title="关于深化稳岗扩岗专项行动的通知")
    campaign = client.get(notice.program.get_absolute_url()).content.decode()
    assert "《关于深化稳岗扩岗专项行动的通知》" in campaign and f"#w-{notice.pk}" in campaign
    # the article page anchors it; its permanent address leads there
    article = client.get(f"/articles/{funds.article_id}/").content.decode()
    assert f'id="w-{funds.pk}"' in article
    assert client.get(f"/documents/{funds.pk}/")["Location"] == f"/articles/{funds.article_id}/#w-{funds.pk}"


@pytest.mark.django_db
def test_the_policies_list_shows_validity_and_the_documents_named_for_each_programme(client):
    from articles.services import source_ingest
    from policies.models import PolicyDocument

    source_ingest(raw=PAGE, name="2025-11-20_documents.txt", published_on=ISSUE)
    notice = PolicyDocument.objects.get(title="关于深化稳岗扩岗专项行动的通知")
    html = client.get("/policies/?q=就业补助资金").content.decode()
    assert "2026-01-01 至 2028-12-31" in html and "《内蒙古自治区就业补助资金管理办法》" in html
    html = client.get(f"/policies/?program={notice.program.slug}").content.decode()
    assert f'href="/documents/{notice.pk}/"' in html and "（自治区人社厅）" in html


@pytest.mark.django_db
def test_a_rejected_document_stays_away_and_a_merge_moves_documents_to_the_survivor():
    from articles.models import RecordStatus
    from articles.services import source_ingest
    from articles.services.ingest import source_reparse
    from policies.models import PolicyDocument, Program
    from policies.services import program_merge

    outcome = source_ingest(raw=PAGE, name="2025-11-20_documents.txt", published_on=ISSUE)
    notice = PolicyDocument.objects.get(title="关于深化稳岗扩岗专项行动的通知")
    PolicyDocument.objects.filter(pk=notice.pk).update(status=RecordStatus.REJECTED)
    source_reparse(source=outcome.source)
    assert PolicyDocument.objects.filter(title=notice.title).count() == 1  # the rejected row only, not re-created
    funds = PolicyDocument.objects.get(title="内蒙古自治区就业补助资金管理办法")
    other = Program.objects.create(slug="another-x", key="another-x", name="另一个项目")
    program_merge(survivor=other, others=[funds.program])
    funds.refresh_from_db()
    assert funds.program_id == other.pk


@pytest.mark.django_db
def test_an_editor_corrects_a_document_in_the_admin_and_the_correction_outlives_a_reparse(admin_client):
    from articles.models import RecordStatus
    from articles.services import source_ingest
    from articles.services.ingest import source_reparse
    from policies.models import PolicyDocument

    outcome = source_ingest(raw=PAGE, name="2025-11-20_documents.txt", published_on=ISSUE)
    notice = PolicyDocument.objects.get(title="关于深化稳岗扩岗专项行动的通知")
    page = admin_client.get(f"/admin/policies/policydocument/{notice.pk}/change/").content.decode()
    assert "关于深化稳岗扩岗专项行动的通知" in page and "原文语境" in page
    review = admin_client.get(f"/admin/articles/article/{notice.article_id}/change/").content.decode()
    assert "政策文件" in review and f'id="w-{notice.pk}"' in review  # its inline and its mark on the review page
    form = {"article": notice.article_id, "text": notice.text, "start": notice.start, "end": notice.end,
            "title": notice.title, "program": notice.program_id, "issuer": "内蒙古自治区人力资源和社会保障厅",
            "level": "provincial", "issued_on": "2025-11-18", "valid_from": "", "valid_to": "2026-12-31",
            "status": "auto", "is_public": "on"}
    response = admin_client.post(f"/admin/policies/policydocument/{notice.pk}/change/", form)
    assert response.status_code == 302, response.content.decode()[:1500]
    notice.refresh_from_db()
    assert notice.status == RecordStatus.CORRECTED and notice.issued_on == datetime.date(2025, 11, 18)
    source_reparse(source=outcome.source)
    notice.refresh_from_db()
    assert (notice.issuer, notice.issued_on) == ("内蒙古自治区人力资源和社会保障厅", datetime.date(2025, 11, 18))


def test_a_title_naming_the_programme_with_a_short_qualifier_inside_is_for_that_programme():
    text = "我区开展集采药品“三进”行动，自治区医疗保障局制定《集采药品耗材“三进”行动实施方案》，全面推行标准化建设。"
    found = documents(text)
    assert [(d.title, d.program) for d in found] == [("集采药品耗材三进行动实施方案", "集采药品三进行动")]
    assert [d.issuer for d in found] == ["自治区医疗保障局"]
    unrelated = documents("我区开展“护苗”行动。市政府印发《包头市稳就业若干措施》。")
    assert [d.program for d in unrelated] == ["包头市稳就业若干措施"]
