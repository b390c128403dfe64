"""Days a programme or document is in force, when the text states them (pure rules on the real date and programme
extractors, resolved against the issue date)."""
import datetime

import pytest

from articles.extract.context import ExtractContext
from articles.extract.dates import extract_dates
from articles.extract.regions import extract_regions
from policies.extract import attach_issuers, extract_programs

D = datetime.date
ISSUE = D(2025, 11, 20)


def document(text):
    ctx = ExtractContext(published_on=ISSUE, home_region="150000")
    found = attach_issuers(text, extract_programs(text, ctx), regions=extract_regions(text, ctx),
                           dates=extract_dates(text, ctx), published_on=ISSUE)
    return next(m for m in found if m.text.startswith("《"))


@pytest.mark.parametrize(("text", "days"), [
    ("自治区人社厅印发《内蒙古自治区就业补助资金管理办法》，自2024年1月1日起施行，有效期至2026年12月31日。",
     (D(2024, 1, 1), D(2026, 12, 31))),
    ("市政府印发《包头市稳就业若干措施》，自2026年1月1日起实施，有效期5年。", (D(2026, 1, 1), D(2030, 12, 31))),
    ("市人社局出台《乌海市创业担保贷款实施细则》，执行至2025年底。", (None, D(2025, 12, 31))),
    ("市医保局印发《赤峰市门诊慢特病管理办法》，自2025年3月1日起试行，试行期两年。", (D(2025, 3, 1), D(2027, 2, 28))),
    ("市民政局印发《通辽市临时救助实施办法》，执行至今年底。", (None, D(2025, 12, 31))),
    ("市人社局印发《呼和浩特市就业见习管理办法》，有效期至明年6月30日。", (None, D(2026, 6, 30))),
    ("包头市民政局推动《包头市孤独症儿童关爱促进行动实施方案(2025—2028年)》的制定印发。", (D(2025, 1, 1), D(2028, 12, 31))),
    ("11月3日，包头市人民政府办公室印发《包头市稳岗扩岗若干措施》，自印发之日起施行，有效期3年。",
     (D(2025, 11, 3), D(2028, 11, 2))),
])
def test_the_days_in_force_the_text_states(text, days):
    found = document(text)
    assert (found.valid_from, found.valid_to) == days


def test_a_following_sentence_pointing_back_at_the_document_is_read():
    found = document("自治区医保局印发《内蒙古自治区长期护理保险办法》。《办法》自2026年1月1日起施行，有效期至2028年12月31日。")
    assert (found.valid_from, found.valid_to) == (D(2026, 1, 1), D(2028, 12, 31))


def test_nothing_is_invented_when_the_text_states_no_validity():
    found = document("自治区人社厅印发《内蒙古自治区就业补助资金管理办法》，2024年全区发放补助1.2亿元。")
    assert (found.valid_from, found.valid_to) == (None, None)
    # a duration with no day it starts from is left unresolved
    assert document("市政府印发《包头市稳就业若干措施》，有效期5年。").valid_to is None


def test_the_validity_of_the_next_document_in_the_sentence_is_its_own():
    ctx = ExtractContext(published_on=ISSUE, home_region="150000")
    text = "自治区人社厅印发《就业补助资金管理办法》和《创业担保贷款实施细则》，后者自2026年1月1日起施行。"
    found = attach_issuers(text, extract_programs(text, ctx), regions=extract_regions(text, ctx),
                           dates=extract_dates(text, ctx), published_on=ISSUE)
    first = next(m for m in found if "就业补助" in m.name)
    assert (first.valid_from, first.valid_to) == (None, None)


@pytest.mark.django_db
def test_a_value_an_editor_set_or_cleared_in_the_admin_is_never_filled_again(admin_client):
    from articles.services import source_ingest
    from policies.models import Program

    body = "近日，自治区人社厅印发《内蒙古自治区就业补助资金管理办法》，自2026年1月1日起施行，有效期至2028年12月31日。"
    page = f"民声\n\n就业补助资金有新规\n\n□本报记者 张三\n\n{body}\n".encode()
    source_ingest(raw=page, name="validity-page.txt", published_on=ISSUE)
    program = Program.objects.get(name="内蒙古自治区就业补助资金管理办法")
    assert (program.valid_from, program.valid_to) == (D(2026, 1, 1), D(2028, 12, 31))
    form = {"name": program.name, "slug": program.slug, "kind": program.kind, "aliases": "[]", "description": "",
            "issuing_body": program.issuing_body, "level": program.level, "issued_on": "", "valid_from": "2026-01-01",
            "valid_to": "", "is_public": "on", "mentions-TOTAL_FORMS": "0", "mentions-INITIAL_FORMS": "0"}
    response = admin_client.post(f"/admin/policies/program/{program.pk}/change/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    program.refresh_from_db()
    assert program.valid_to is None and "valid_to" in program.edited_fields  # the editor cleared a misread end
    source_ingest(raw=page.replace("张三".encode(), "李四".encode()), name="validity-page-2.txt", published_on=ISSUE)
    program.refresh_from_db()
    assert program.valid_to is None and program.valid_from == D(2026, 1, 1)
    assert program.history.first().history_user is not None
