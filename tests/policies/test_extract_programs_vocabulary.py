"""Programmes named without a suffix, found through the programme vocabulary (policies/data/programme_vocabulary.csv)."""
import csv

import pytest

from policies.data.build_programme_vocabulary import parse
from policies.extract import extract_programs, program_slug_key
from policies.extraction.vocabulary import VOCABULARY_CSV, canonical_name, vocabulary


def names(text: str) -> list[str]:
    return [mention.name for mention in extract_programs(text)]


@pytest.mark.parametrize(("text", "name"), [
    ("参加新农合的群众，住院费用报销比例提高。", "新农合"),
    ("城镇居民医保和大病保险衔接，减轻患者负担。", "城镇居民医保"),
    ("全市完成棚户区改造8000套。", "棚户区改造"),
    ("今年新开工老旧小区改造项目。", "老旧小区改造"),
    ("向建档立卡户发放扶贫小额信贷。", "建档立卡"),
    ("全县新建高标准农田建设面积2万亩。", "高标准农田建设"),
])
def test_it_finds_national_programmes_that_have_no_suffix(text, name):
    assert name in names(text)


def test_it_finds_a_two_character_abbreviation_of_a_listed_programme():
    assert names("全省棚改开工24万套。") == ["棚改"]


def test_it_finds_listed_programmes_in_traditional_script_by_their_simplified_name():
    assert names("向建檔立卡貧困戶發放小額擔保貸款。") == ["建档立卡", "小额担保贷款"]


def test_a_longer_name_around_a_listed_one_wins():
    assert names("印发自治区稳岗扩岗提质工程实施方案。") == ["自治区稳岗扩岗提质工程实施方案"]


def test_a_verb_before_a_listed_name_is_not_part_of_it():
    assert names("社署处理长者生活津贴计划的申请。") == ["长者生活津贴计划"]


def test_an_alias_links_to_the_same_programme_as_the_canonical_name():
    assert canonical_name("棚改") == "棚户区改造"
    assert program_slug_key("棚改") == program_slug_key("棚户区改造")
    assert program_slug_key("城镇居民医保") == program_slug_key("城镇居民基本医疗保险")


def test_the_vocabulary_holds_at_least_300_programmes_with_kind_level_and_issuing_body():
    entries = vocabulary()
    assert len(entries) >= 300
    assert {e.kind for e in entries} <= {"program", "campaign", "mechanism", "document"}
    assert {e.level for e in entries} == {"national", "provincial"}
    assert all(e.issuing_body for e in entries)


def test_the_csv_is_what_the_build_script_makes_of_its_source():
    source = (VOCABULARY_CSV.parent / "programme_vocabulary_source.txt").read_text(encoding="utf-8").splitlines()
    with VOCABULARY_CSV.open(encoding="utf-8", newline="") as handle:
        assert list(csv.DictReader(handle)) == parse(source)


def test_the_build_script_refuses_a_name_claimed_by_two_entries():
    with pytest.raises(ValueError, match="line 4: '低保' already belongs to '最低生活保障'"):
        parse(["@ national | 国务院", "最低生活保障 | 低保 | program | 1999", "", "低保 |  | program |"])


def test_the_extractor_takes_the_vocabulary_as_data():
    from articles.extract.context import ExtractContext
    from policies.extraction.vocabulary import VocabularyEntry, file_vocabulary, vocabulary_of

    text = "今年全县继续推进银发暖心助餐，并落实暖巢行动。"
    entry = VocabularyEntry("银发暖心助餐工程", ("银发暖心助餐",), "program", "provincial", "某省民政厅", 2024)
    known = vocabulary_of((*file_vocabulary().entries, entry))
    with_entry = extract_programs(text, ExtractContext(programme_vocabulary=known))
    assert ("银发暖心助餐", "银发暖心助餐") in {(m.text, m.name) for m in with_entry}
    assert "银发暖心助餐" not in {m.text for m in extract_programs(text)}  # the file vocabulary does not list it
    assert vocabulary_of((*file_vocabulary().entries, entry)) is known  # built once while the entries stay the same


@pytest.mark.parametrize(("text", "found"), [
    ("社署：綜援、長生津及生果金等擬2月起上調2.2%。", ["综援", "长生津", "生果金"]),
    ("合資格人士可申請在職家庭津貼，俗稱職津。", ["在职家庭津贴", "职津"]),
    ("澳門今年繼續推行現金分享計劃。", ["现金分享计划"]),
    ("全省累計發放“貸免扶補”和創業擔保貸款。", ["贷免扶补", "创业担保贷款"]),
    ("全省共完成易地搬迁12万人。", ["易地搬迁"]),
])
def test_it_finds_hong_kong_macau_and_regional_schemes_by_their_short_names(text, found):
    assert names(text) == found


def test_short_names_link_to_their_scheme():
    assert canonical_name("长生津") == "长者生活津贴"
    assert canonical_name("职津") == "在职家庭津贴"
    assert program_slug_key("易地搬迁") == program_slug_key("易地扶贫搬迁")


@pytest.mark.parametrize("text", [
    "人均投入资金是城镇公益性岗位的1/20，是灵活就业人员的社保补贴的一部分。",
    "今年我市十件民生实事全部完成，就业帮扶和兜底保障持续加强。",
    "发展居家社区养老服务，做强产业扶贫。",
])
def test_generic_phrases_are_not_listed_as_programmes(text):
    assert names(text) == []


def test_a_fund_or_a_designation_named_after_a_strategy_gives_the_strategy():
    text = "下达衔接推进乡村振兴补助资金，向国家乡村振兴重点帮扶县倾斜。"
    assert names(text) == ["乡村振兴", "乡村振兴"]


def test_an_entry_may_name_its_source_in_a_fifth_field():
    entries = parse(["@ provincial | 云南省人民政府", "贷免扶补 |  | program | 2009 | 云南省人社厅"])
    assert entries == [{"name": "贷免扶补", "aliases": "", "kind": "program", "level": "provincial",
                        "issuing_body": "云南省人民政府", "first_year": "2009"}]


def test_a_listed_name_followed_by_an_office_head_names_the_office():
    assert names("记者从省乡村振兴局获悉，全面推进乡村振兴。") == ["乡村振兴"]
    assert names("市棚改办负责棚改项目审批。") == ["棚改"]


def test_a_listed_name_takes_a_mechanism_head_that_follows_it():
    mentions = extract_programs("健全防止返贫监测帮扶机制，守住不发生规模性返贫底线。")
    assert [(m.name, m.kind) for m in mentions] == [("防止返贫监测帮扶机制", "mechanism")]
    assert program_slug_key("防止返贫监测帮扶机制") == program_slug_key("防止返贫监测帮扶")
