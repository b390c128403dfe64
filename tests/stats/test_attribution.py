"""What each figure is about: region, period, programme, change or level, sentence (pure; real extractors, no DB)."""
import datetime

import pytest

from articles.extract.context import ExtractContext
from articles.extract.dates import extract_dates
from articles.extract.regions import extract_regions
from policies.extract import extract_programs
from stats.extract import attribute, extract_figures
from stats.extraction.periods import period_kind

ISSUE = datetime.date(2015, 11, 20)


def figures_of(text, *, home="370000", focus=None, headline=None, published_on=ISSUE):
    ctx = ExtractContext(published_on=published_on, home_region=home, focus_region=focus)
    headline_regions = extract_regions(headline, ctx) if headline else []
    return attribute(text, extract_figures(text, ctx), ctx, regions=extract_regions(text, ctx),
                     dates=extract_dates(text, ctx), programs=extract_programs(text, ctx),
                     headline_regions=headline_regions)


def one(text, surface, **kwargs):
    found = [f for f in figures_of(text, **kwargs) if surface in f.text]
    assert found, f"no figure {surface!r} in {[f.text for f in figures_of(text, **kwargs)]}"
    return found[0]


def test_the_region_comes_from_the_figures_own_clause_before_the_sentence():
    text = "今年1—10月，全省城镇新增就业98万人，其中青岛市新增就业12万人。"
    assert one(text, "98万人").region_code == "370000"
    assert one(text, "12万人").region_code == "370200"


def test_the_whole_country_is_000000_but_a_national_yardstick_is_not_the_subject():
    assert one("今年前三季度，全国城镇新增就业1066万人。", "1066万人").region_code == "000000"
    text = "山东城镇登记失业率为3.3%，低于全国平均水平。"
    assert one(text, "3.3%").region_code == "370000"
    assert one("去年济南市农民人均收入比全国平均水平高出2685元。", "2685元").region_code == "370100"


def test_a_division_in_a_list_does_not_own_the_count_of_the_list():
    text = "山东省公布认定历城区、章丘区等16个县（区）为返乡创业示范县。"
    assert one(text, "16个").region_code == "370000"


def test_the_paragraph_then_the_article_focus_decide_when_the_sentence_names_no_place():
    text = "青岛市人社局介绍了就业情况。\n会上介绍，发放贷款3亿元。"
    assert one(text, "3亿元", focus="370600").region_code == "370600"
    text = "青岛市人社局介绍了就业情况，发放贷款3亿元。"
    assert one(text, "3亿元", focus="370600").region_code == "370200"


@pytest.mark.parametrize("text, surface, period", [
    ("今年1—10月，全省城镇新增就业98万人。", "98万人", ("2015-01-01", "2015-10-31")),
    ("一季度，全省发放创业担保贷款3亿元。", "3亿元", ("2015-01-01", "2015-03-31")),
    ("截至6月底，全省城镇新增就业60万人。", "60万人", ("2015-01-01", "2015-06-30")),
    ("截至6月底，全省城镇登记失业率为3.3%。", "3.3%", (None, "2015-06-30")),
    ("截至2014年底，全省有农民工2330万人。", "2330万人", (None, "2014-12-31")),
    ("2014年的城镇新增就业为82万人。", "82万人", ("2014-01-01", "2014-12-31")),
    ("去年，全省新建保障房5万套。", "5万套", ("2014-01-01", "2014-12-31")),
    ("目前，全省有养老机构300家。", "300家", (None, "2015-11-20")),
    ("全省有养老机构300家。", "300家", (None, None)),
    ("1—9月，全省新增就业90万人，比2014年增长8.2%。", "8.2%", ("2015-01-01", "2015-09-30")),
])
def test_the_period_is_resolved_against_the_issue_date(text, surface, period):
    figure = one(text, surface)
    got = tuple(d.isoformat() if d else None for d in (figure.period_start, figure.period_end))
    assert got == period


def test_a_plan_figure_counts_the_whole_year_and_a_share_of_it_the_period_so_far():
    text = "1—6月，全国城镇新增就业655万人，完成全年900万人目标的73%。"
    assert (one(text, "900万人").period_start, one(text, "900万人").period_end) == (
        datetime.date(2015, 1, 1), datetime.date(2015, 12, 31))
    assert one(text, "73%").period_end == datetime.date(2015, 6, 30)


def test_the_period_kind_names_the_span():
    d = datetime.date
    assert period_kind(d(2015, 1, 1), d(2015, 12, 31)) == "year"
    assert period_kind(d(2015, 7, 1), d(2015, 12, 31)) == "half"
    assert period_kind(d(2015, 4, 1), d(2015, 6, 30)) == "quarter"
    assert period_kind(d(2015, 3, 1), d(2015, 3, 31)) == "month"
    assert period_kind(d(2015, 1, 1), d(2015, 10, 31)) == "to-date"
    assert period_kind(None, d(2015, 6, 30)) == "point"
    assert period_kind(None, None) is None
    assert period_kind(d(2011, 1, 1), d(2015, 12, 31)) is None


def test_the_programme_is_the_one_named_with_the_figure_not_any_in_its_sentence():
    text = "今年以来，全市发放创业担保贷款1.62亿元，城镇登记失业率为3.1%。"
    assert one(text, "1.62亿元").program == "创业担保贷款"
    text = "全省实施“粤菜师傅”“广东技工”“南粤家政”三项工程，4年来培训849万人次。"
    assert one(text, "849万人次").program is None
    assert one("全省城镇新增就业98万人。", "98万人").program is None


@pytest.mark.parametrize("text, surface, change", [
    ("全省城镇新增就业98万人，同比增长8.2%。", "8.2%", True),
    ("全省城镇新增就业98万人，同比增长8.2%。", "98万人", False),
    ("农民收入比上年增加1200元。", "1200元", True),
    ("补助标准提高到每人每月900元。", "900元", False),
    ("失业率较3月份下降0.7个百分点。", "0.7个百分点", True),
    ("城乡居民收入分别增长81.5%、111.6%。", "111.6%", True),
    ("受助人多达5000人。", "5000人", False),
])
def test_a_change_is_told_from_a_level(text, surface, change):
    assert one(text, surface).is_change is change


def test_the_sentence_is_the_one_the_figure_stands_in_as_printed():
    text = "第一句话没有数字。截至9月底，山東全省城鎮新增就業98萬人。下一句。"
    figure = one(text, "98萬人")
    assert figure.sentence == "截至9月底，山東全省城鎮新增就業98萬人。"
    assert figure.region_code == "370000"
