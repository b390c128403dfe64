"""Words that stand for the home province or region (issue 15): 该省, a bare 自治区, 全疆 / 全台 / 全川, like 我省 and
全区. Sentences from real news pages (tests/data/real*, spent sets)."""
import pytest

from articles.extract.context import ExtractContext
from articles.extract.regions import extract_regions


def codes(text: str, home: str, focus: str | None = None) -> list[tuple[str, str | None]]:
    ctx = ExtractContext(home_region=home, focus_region=focus or home)
    return [(mention.text, mention.code) for mention in extract_regions(text, ctx)]


def test_gai_sheng_is_the_home_province():
    assert codes("日前从湖北省人社厅获悉，该省上半年城镇新增就业50.64万人。", "420000") == [
        ("湖北省", "420000"), ("该省", "420000")]


def test_a_bare_zizhiqu_is_the_home_autonomous_region():
    text = "11月7日，记者从自治区发改委获悉，截至9月底，全疆城镇新增就业44.5万人。"
    assert codes(text, "650000") == [("自治区", "650000"), ("全疆", "650000")]


def test_the_full_name_of_an_autonomous_region_stays_one_mention():
    assert codes("新疆维吾尔自治区坚持就业优先战略。", "650000") == [("新疆维吾尔自治区", "650000")]


def test_zizhiqu_means_nothing_on_a_page_whose_home_is_a_province():
    assert codes("自治区发改委发布通知。", "420000") == []


def test_quan_tai_is_taiwan_in_either_script():
    assert ("全台", "710000") in codes("全台老农津贴将加码至一万元。", "710000")
    assert [code for _, code in codes("全臺老農津貼將加碼至一萬元。", "710000")] == ["710000"]


@pytest.mark.parametrize("text", ["该区计划6月底前将这一做法推开。", "全疆", "全台"])
def test_the_words_stand_for_nothing_when_home_is_elsewhere_or_the_word_is_a_district(text):
    # 该区 is the district the story is about, not the autonomous region; 全疆 only on a Xinjiang page.
    assert codes(text, "150000", "150203") == []
