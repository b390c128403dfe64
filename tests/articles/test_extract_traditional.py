"""Every extractor reads traditional script through the simplified view and keeps the original surface text."""
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from articles.extract.context import ExtractContext
from articles.extract.dates import extract_dates
from articles.extract.regions import extract_regions, infer_home_region
from articles.parsing.script import reads_simplified, to_traditional
from articles.pipeline import parse_page
from policies.extract import extract_programs
from policies.qa import extract_qa_pairs
from stats.extract import extract_figures

PAGES = Path(__file__).resolve().parents[2] / "fixtures" / "pages"
SEEDS = sorted(p.name for p in PAGES.glob("*.txt"))
ISSUE = date(2025, 12, 8)


@cache
def _parsed(name: str, traditional: bool):
    text = (PAGES / name).read_text(encoding="utf-8")
    if traditional:
        text = to_traditional(text)
    return parse_page(text.encode("utf-8"), name, published_on=ISSUE)


def _records(article):
    """What an article's records say, in simplified form, with their spans."""
    return {
        "figures": [(f.value, f.value_max, f.unit, f.qualifier, f.start, f.end) for f in article.figures],
        "dates": [(d.start, d.end, d.start_offset, d.end_offset) for d in article.dates],
        "regions": [(r.code, r.name, r.level, r.start, r.end) for r in article.regions],
        "programs": [(p.name, p.kind, p.start, p.end) for p in article.programs],
        "qa_pairs": [(q.question_start, q.answer_end) for q in article.qa_pairs],
    }


@pytest.mark.parametrize("name", SEEDS)
def test_it_extracts_the_same_records_from_a_seed_page_in_traditional_script(name):
    simplified, traditional = _parsed(name, False), _parsed(name, True)
    assert len(traditional.articles) == len(simplified.articles)
    for plain, converted in zip(simplified.articles, traditional.articles, strict=True):
        assert _records(converted) == _records(plain)


@pytest.mark.parametrize("name", SEEDS)
def test_it_keeps_the_traditional_surface_text_of_each_record(name):
    for article in _parsed(name, True).articles:
        text = article.draft.text
        for record in article.figures + article.regions + article.programs:
            assert record.text == text[record.start:record.end]
        for mention in article.dates:
            assert mention.text == text[mention.start_offset:mention.end_offset]


TRADITIONAL = "2025年1至9月，廣西全區發放創業擔保貸款12.5億元，新增耕地3萬畝，“雨露計劃”資助學生2萬人。"


def test_it_reads_wan_and_yi_amounts_and_units_in_traditional_script():
    figures = extract_figures(TRADITIONAL)
    assert [(f.text, f.value, f.unit) for f in figures] == [
        ("12.5億元", 1_250_000_000, "元"), ("3萬畝", 30_000, "亩"), ("2萬人", 20_000, "人"),
    ]


def test_it_reads_traditional_place_names_as_division_codes():
    mentions = extract_regions("陝西省與廣西壯族自治區、巴彥淖爾市", ExtractContext())
    assert [(m.text, m.code) for m in mentions] == [
        ("陝西省", "610000"), ("廣西壯族自治區", "450000"), ("巴彥淖爾市", "150800"),
    ]
    assert infer_home_region("廣西各地。廣西全區。") == "450000"


def test_it_gives_programme_names_in_simplified_form():
    mentions = extract_programs(TRADITIONAL)
    assert [(m.text, m.name) for m in mentions] == [("創業擔保貸款", "创业担保贷款"), ("“雨露計劃”", "雨露计划")]


def test_it_resolves_traditional_dates():
    mentions = extract_dates(TRADITIONAL, ExtractContext(published_on=date(2025, 10, 20)))
    assert [(m.text, m.start, m.end) for m in mentions] == [("2025年1至9月", date(2025, 1, 1), date(2025, 9, 30))]


def test_it_finds_questions_and_answers_marked_in_traditional_script():
    pairs = extract_qa_pairs("問：今年醫保繳費標準是多少？\n答：每人每年400元，\n由縣醫療保障局收取。")
    assert [(p.question, p.answer) for p in pairs] == [("今年醫保繳費標準是多少？", "每人每年400元，\n由縣醫療保障局收取。")]


def test_it_leaves_records_of_simplified_text_untouched():
    calls = []

    @reads_simplified
    def echo(text):
        calls.append(text)
        return []

    echo("今年医保缴费标准")
    echo("今年醫保繳費標準")
    assert calls == ["今年医保缴费标准", "今年医保缴费标准"]
