"""Specifications of the benchmark's matching of predictions against hand annotations (pure, no database)."""
import datetime
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from bench.quality_match import MatchResult, figure_key, match_records, score_page, sum_scores

ANNOTATIONS = Path(__file__).parent / "data" / "annotations"
UNSEEN_ANNOTATIONS = Path(__file__).parent / "data" / "unseen" / "annotations"


@dataclass
class Figure:  # stands in for the extractor's dataclass
    text: str
    value: float
    value_max: float | None
    unit: str


@dataclass
class DateMention:
    text: str
    start: datetime.date | None
    end: datetime.date | None


def fig(text, value, unit, value_max=None):
    return {"text": text, "value": value, "value_max": value_max, "unit": unit}


def test_it_counts_a_repeated_gold_figure_once_per_matching_prediction():
    gold = [fig("3000元", 3000, "元"), fig("3000元", 3000, "元")]
    result = match_records(gold, [Figure("3000元", 3000.0, None, "元")], figure_key)
    assert (result.gold, result.predicted, result.true_positives) == (2, 1, 1)
    assert len(result.missed) == 1 and result.false_hits == []


def test_it_matches_an_int_gold_value_with_a_float_prediction():
    result = score_page({"figures": [fig("1.6万个", 16000, "个")]},
                        {"figures": [Figure("1.6万个", 16000.0, None, "个")]})
    assert result["figures"].true_positives == 1


def test_it_does_not_match_a_figure_whose_unit_differs():
    result = score_page({"figures": [fig("244人份", 244, "人份")]}, {"figures": [Figure("244人", 244, None, "人")]})
    assert result["figures"].true_positives == 0
    assert result["figures"].precision == 0.0 and result["figures"].recall == 0.0


def test_it_requires_value_max_to_match_for_a_range():
    gold = [fig("三四万元", 30000, "元", value_max=40000)]
    assert score_page({"figures": gold}, {"figures": [Figure("三四万元", 30000, None, "元")]})["figures"].true_positives == 0
    assert score_page({"figures": gold}, {"figures": [Figure("三四万元", 30000, 40000, "元")]})["figures"].true_positives == 1


def test_strict_figure_match_needs_overlapping_surface_text():
    gold = [fig("同比增长23%", 23, "%"), fig("75%", 75, "%")]
    predicted = [Figure("23%", 23, None, "%"), Figure("75", 75, None, "%")]
    scores = score_page({"figures": gold}, {"figures": predicted})
    assert scores["figures"].true_positives == 2
    assert scores["figures_strict"].true_positives == 2  # "23%" inside "同比增长23%", "75" inside "75%"
    other = score_page({"figures": gold}, {"figures": [Figure("23个百分点", 23, None, "%")]})
    assert other["figures_strict"].true_positives == 0


def test_it_ignores_line_breaks_in_surface_text():
    scores = score_page({"figures": [fig("5608\n元", 5608, "元")]}, {"figures": [Figure("5608元", 5608, None, "元")]})
    assert scores["figures_strict"].true_positives == 1


def test_it_matches_dates_by_range_with_date_objects_or_strings():
    gold = {"dates": [{"text": "截至4月底", "start": None, "end": "2026-04-30"},
                      {"text": "今年", "start": "2026-01-01", "end": "2026-12-31"}]}
    predicted = {"dates": [DateMention("截至4月底", None, datetime.date(2026, 4, 30)),
                           DateMention("今年", datetime.date(2026, 1, 1), datetime.date(2026, 6, 30))]}
    scores = score_page(gold, predicted)
    assert scores["dates"].true_positives == 1
    assert [d["text"] for d in scores["dates"].missed] == ["今年"]


def test_it_scores_coded_regions_by_code_and_places_by_name():
    gold = {"regions": [{"text": "京蒙", "code": "110000"}, {"text": "京蒙", "code": "150000"},
                        {"text": "脑木更苏木", "code": None, "level": "township", "parent": "150929"}]}
    predicted = {"regions": [{"text": "京蒙", "code": "150000"}, {"text": "北京", "code": "110000"},
                             {"text": "脑木更苏木", "code": None, "level": "township"}]}
    scores = score_page(gold, predicted)
    assert (scores["regions"].gold, scores["regions"].true_positives) == (2, 2)
    assert (scores["places"].gold, scores["places"].true_positives) == (1, 1)


def test_relaxed_programme_match_accepts_a_name_containing_the_other():
    gold = {"programs": [{"text": "“助康工程”项目", "name": "助康工程"}, {"text": "春风行动", "name": "春风行动"}]}
    predicted = {"programs": [{"text": "“助康工程”项目", "name": "助康工程项目"}, {"text": "“春风行动”", "name": "春风行动"}]}
    scores = score_page(gold, predicted)
    assert scores["programs"].true_positives == 1
    assert scores["programs_relaxed"].true_positives == 2


def test_relaxed_programme_match_prefers_exact_names_before_containment():
    gold = {"programs": [{"name": "稳岗扩岗提质工程实施方案"}, {"name": "稳岗扩岗提质工程"}]}
    predicted = {"programs": [{"name": "稳岗扩岗提质工程"}, {"name": "稳岗扩岗提质工程实施方案"}]}
    assert score_page(gold, predicted)["programs_relaxed"].true_positives == 2


def test_programme_names_ignore_quotes_and_book_title_marks():
    scores = score_page({"programs": [{"name": "乌兰察布市就业创业政策清单"}]},
                        {"programs": [{"name": "《乌兰察布市就业创业政策清单》"}]})
    assert scores["programs"].true_positives == 1


def test_precision_recall_and_f1_follow_their_definitions():
    result = MatchResult(gold=10, predicted=8, true_positives=6)
    assert result.precision == pytest.approx(0.75)
    assert result.recall == pytest.approx(0.6)
    assert result.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_an_empty_page_scores_perfectly_and_false_hits_on_it_score_zero():
    assert MatchResult().f1 == 1.0
    assert MatchResult(gold=0, predicted=3).precision == 0.0


def test_sum_scores_adds_pages_together():
    page = score_page({"figures": [fig("4个", 4, "个")]}, {"figures": [Figure("4个", 4, None, "个"), Figure("5个", 5, None, "个")]})
    total = sum_scores([page, page])
    assert (total["figures"].gold, total["figures"].predicted, total["figures"].true_positives) == (2, 4, 2)
    assert len(total["figures"].false_hits) == 2


@pytest.mark.parametrize("path", sorted(ANNOTATIONS.glob("*.json")) + sorted(UNSEEN_ANNOTATIONS.glob("*.json")),
                         ids=lambda p: p.stem)
def test_every_annotation_file_is_well_formed(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["page"] == path.stem
    datetime.date.fromisoformat(data["published_on"])
    for figure in data["figures"]:
        assert isinstance(figure["value"], (int, float)) and figure["unit"] is not None and figure["text"]
    for mention in data["dates"]:
        assert mention["start"] or mention["end"]
        if mention["start"] and mention["end"]:
            assert mention["start"] <= mention["end"]
    for region in data["regions"]:
        code = region["code"]
        assert (code is not None and len(code) == 6 and code.isdigit()) or region.get("level") in ("township", "village")
    for program in data["programs"]:
        assert program["name"] and not any(mark in program["name"] for mark in "“”《》")


def test_attribution_is_scored_on_matched_figures_only_and_per_field():
    from bench.quality_match import score_attribution

    @dataclass
    class Attributed:
        text: str
        value: float
        value_max: float | None
        unit: str
        region_code: str | None
        period_start: datetime.date | None
        period_end: datetime.date | None
        program: str | None
        is_change: bool

    gold = [dict(fig("98万人", 980000, "人"), region_code="370000", period_start="2011-01-01",
                 period_end="2011-09-30", program=None, is_change=False),
            dict(fig("8.2%", 8.2, "%"), region_code="370000", period_start=None, period_end=None,
                 program="创业担保贷款", is_change=True)]
    predicted = [Attributed("98万人", 980000, None, "人", "370000", datetime.date(2011, 1, 1),
                            datetime.date(2011, 9, 30), None, True),
                 Attributed("8.2%", 8.2, None, "%", "370100", None, None, "“创业担保贷款”", True),
                 Attributed("5个", 5, None, "个", "370000", None, None, None, False)]
    pairs = score_page({"figures": gold}, {"figures": predicted})["figures_strict"].pairs
    scores = score_attribution(pairs)
    assert (scores["region"].correct, scores["region"].total) == (1, 2)
    assert (scores["period"].correct, scores["period"].total) == (2, 2)
    assert (scores["program"].correct, scores["program"].total) == (2, 2)
    assert (scores["change"].correct, scores["change"].total) == (1, 2)
