"""Who issued a programme's document, at what level, when and from when it is in force (pure rules, real
extractors), and how ingest fills a programme's blank fields from it without overwriting an editor's."""
import datetime

import pytest

from articles.extract.context import ExtractContext
from articles.extract.dates import extract_dates
from articles.extract.regions import extract_regions
from policies.extract import attach_issuers, extract_programs

ISSUE = datetime.date(2025, 11, 20)


def mentions(text):
    ctx = ExtractContext(published_on=ISSUE, home_region="150000")
    return attach_issuers(text, extract_programs(text, ctx), regions=extract_regions(text, ctx),
                          dates=extract_dates(text, ctx))


def test_a_provincial_organ_issuing_a_document_in_force_from_a_date():
    found = mentions("近日，自治区人社厅印发《内蒙古自治区就业补助资金管理办法》，自2026年1月1日起施行。")
    document = next(m for m in found if m.kind == "document")
    assert (document.issuer, document.level) == ("自治区人社厅", "provincial")
    assert document.valid_from == datetime.date(2026, 1, 1)


def test_a_prefecture_organ_with_the_day_it_issued_and_a_national_one():
    found = mentions("11月3日，包头市人民政府办公室印发《包头市稳就业若干措施》。")
    document = next(m for m in found if m.kind == "document")
    assert (document.issuer, document.level, document.issued_on) == (
        "包头市人民政府办公室", "prefecture", datetime.date(2025, 11, 3))
    national = next(m for m in mentions("国务院办公厅印发《关于进一步做好稳就业工作的意见》。") if m.kind == "document")
    assert (national.issuer, national.level) == ("国务院办公厅", "national")


def test_no_issuer_is_invented():
    assert all(m.issuer is None for m in mentions("全市发放创业担保贷款3亿元，惠及《创业者之家》读者。"))
    assert all(m.issuer is None for m in mentions("记者从市人社局获悉，该局出台《创业担保贷款实施细则》。"))


@pytest.mark.django_db
def test_ingest_fills_a_programmes_blank_issuer_and_keeps_an_editors():
    from articles.services import source_ingest
    from policies.models import Program

    body = "近日，自治区人社厅印发《内蒙古自治区就业补助资金管理办法》，自2026年1月1日起施行。"
    page = f"民声\n\n就业补助资金有新规\n\n□本报记者 张三\n\n{body}\n".encode()
    source_ingest(raw=page, name="issuer-page.txt", published_on=ISSUE)
    program = Program.objects.get(name="内蒙古自治区就业补助资金管理办法")
    assert (program.issuing_body, program.level, program.valid_from) == (
        "自治区人社厅", "provincial", datetime.date(2026, 1, 1))
    program.issuing_body = "内蒙古自治区人力资源和社会保障厅"
    program.save()
    source_ingest(raw=page.replace("张三".encode(), "李四".encode()), name="issuer-page-2.txt", published_on=ISSUE)
    program.refresh_from_db()
    assert program.issuing_body == "内蒙古自治区人力资源和社会保障厅"
