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
