"""The period a figure measures (stats/extraction/periods.py): which date governs it and how its words shape the
period. Pure: real extractors on real-style sentences, no database."""
import datetime

import pytest

from articles.extract.context import ExtractContext
from articles.extract.dates import extract_dates
from articles.extract.regions import extract_regions
from policies.extract import extract_programs
from stats.extract import attribute, extract_figures

ISSUE = datetime.date(2022, 9, 1)


def period(text: str, surface: str, published_on: datetime.date = ISSUE) -> tuple[str | None, str | None]:
    ctx = ExtractContext(published_on=published_on, home_region="440000")
    figures = attribute(text, extract_figures(text, ctx), ctx, regions=extract_regions(text, ctx),
                        dates=extract_dates(text, ctx), programs=extract_programs(text, ctx))
    found = [f for f in figures if f.text == surface] or [f for f in figures if surface in f.text]
    assert found, f"no figure {surface!r} in {[f.text for f in figures]}"
    return tuple(d.isoformat() if d else None for d in (found[0].period_start, found[0].period_end))


def test_ten_years_since_are_the_last_ten_full_years():
    text = "十年来，全省民生支出累计达9.33万亿元。"
    assert period(text, "9.33万亿元") == ("2012-01-01", "2021-12-31")


def test_a_run_of_years_ends_with_the_governing_year():
    text = "截至2018年，浙江农民收入已连续34年领跑全国各省区。"
    assert period(text, "34年", datetime.date(2019, 1, 27)) == ("1985-01-01", "2018-12-31")


def test_a_run_of_years_without_a_date_ends_with_the_last_full_year():
    assert period("山东城乡就业连续10年双过百万。", "10年", datetime.date(2014, 1, 15)) == ("2004-01-01", "2013-12-31")


@pytest.mark.parametrize(("text", "surface", "expected"), [
    ("截至一季度末，全省城镇登记失业率2.54%，低于4.5%的控制目标。", "4.5%", ("2018-01-01", "2018-12-31")),
    ("今年上半年，全市发放创业担保贷款1.62亿元，完成省定2亿元目标任务的81.11%。", "2亿元", ("2018-01-01", "2018-12-31")),
])
def test_a_target_is_the_years(text, surface, expected):
    assert period(text, surface, datetime.date(2018, 7, 21)) == expected


def test_a_change_since_a_named_earlier_year_spans_from_it():
    text = "2021年城乡居民人均可支配收入分别达54854元、22306元，比2012年增长81.5%、111.6%。"
    assert period(text, "81.5%") == ("2012-01-01", "2021-12-31")
    assert period(text, "111.6%") == ("2012-01-01", "2021-12-31")
    assert period(text, "54854元") == ("2021-01-01", "2021-12-31")


def test_a_change_since_an_earlier_month_or_quarter_end_spans_from_it():
    text = "外来农业户籍人口失业率6月份降至4.7%，较3月份下降0.7个百分点。"
    assert period(text, "0.7个百分点", datetime.date(2021, 7, 23)) == ("2021-03-01", "2021-06-30")
    text = "二季度末，全国实有城镇登记失业人数908万人，比一季度末减少1万人。"
    assert period(text, "1万人", datetime.date(2011, 7, 25)) == ("2011-03-31", "2011-06-30")


def test_a_change_from_the_period_just_before_keeps_the_period():
    text = "2023年，浙江农村居民人均可支配收入达40311元，比上年名义增长7.3%。"
    assert period(text, "7.3%", datetime.date(2024, 1, 25)) == ("2023-01-01", "2023-12-31")


def test_until_a_month_end_a_cumulative_count_is_a_stock():
    text = "截至8月底，全省累计发放创业担保贷款超过1180亿元，扶持创业130万人次。"
    assert period(text, "1180亿元", datetime.date(2021, 9, 18)) == (None, "2021-08-31")
    assert period(text, "130万人次", datetime.date(2021, 9, 18)) == (None, "2021-08-31")


def test_until_a_month_end_a_progress_report_is_the_year_so_far():
    text = "截至8月底，全市城镇新增就业3.63万人，完成率134.4%；失业人员再就业率62.7%，均超越年度目标任务要求。"
    assert period(text, "134.4%", datetime.date(2016, 9, 21)) == ("2016-01-01", "2016-08-31")
    text = "截至9月底，全市共建有养老机构169家、农村幸福院1885个，设置餐位21271个。"
    assert period(text, "21271个", datetime.date(2023, 10, 24)) == (None, "2023-09-30")


def test_a_month_end_opening_a_paragraph_governs_its_later_sentences():
    text = ("截至8月底，全市城镇新增就业3.63万人，完成率134.4%。开发高校毕业生见习岗位868个，完成年度开发任务的140%。"
            "全市共发放创业担保贷款6.47亿元，正在审批贷款额度2.24亿元。")
    assert period(text, "868个", datetime.date(2016, 9, 21)) == ("2016-01-01", "2016-08-31")
    assert period(text, "2.24亿元", datetime.date(2016, 9, 21)) == (None, "2016-08-31")


def test_an_end_before_的_dates_its_own_phrase_only():
    text = "若以去年10月底的请领人数52.9万人来计算，每人每月增加发放1000元。以本次调幅1890元来说，预计共将增加120亿元预算。"
    assert period(text, "120亿元", datetime.date(2026, 1, 15)) == (None, None)


def test_so_far_closes_the_span_told_before_it():
    text = "今年前5个月，重庆新增发放小额担保贷款15.4亿元。至此，重庆累计发放小额担保贷款达到101.2亿元。"
    assert period(text, "101.2亿元", datetime.date(2012, 6, 23)) == (None, "2012-05-31")


def test_a_paragraph_of_breakdown_goes_on_with_the_paragraph_before():
    text = "2010年，临汾市农村劳动力转移大幅度增加。\n其中，转移到省外20.75万人，占35%。"
    assert period(text, "20.75万人", datetime.date(2011, 1, 19)) == ("2010-01-01", "2010-12-31")
    text = "2010年，临汾市农村劳动力转移大幅度增加。\n全市有转移就业服务站32个。"
    assert period(text, "32个", datetime.date(2011, 1, 19)) == (None, None)


def test_an_effective_date_after_the_figure_governs_its_sentence():
    text = "多项福利津贴上调3.3%，2月1日生效；受助人每人每月获发十元津贴，8月1日生效。"
    assert period(text, "3.3%", datetime.date(2024, 1, 26)) == ("2024-02-01", None)


def test_around_an_effective_date_the_old_level_ends_the_day_before():
    text = "拟由2026年2月1日起统一上调2.2%，长者生活津贴将由原来的4250元增至4343.5元。"
    published = datetime.date(2026, 1, 26)
    assert period(text, "2.2%", published) == ("2026-02-01", None)
    assert period(text, "4250元", published) == (None, "2026-01-31")
    assert period(text, "4343.5元", published) == ("2026-02-01", None)


def test_a_month_right_before_a_rate_change_is_its_start():
    assert period("福利津贴2月上调3.3%", "3.3%", datetime.date(2024, 1, 26)) == ("2024-02-01", None)


def test_money_paid_for_a_named_year_is_that_years():
    text = "江苏省财政近日拨付创业担保贷款贴息及奖补资金1.5亿元，用于2018年度全省各市县的贴息。"
    assert period(text, "1.5亿元", datetime.date(2019, 8, 6)) == ("2018-01-01", "2018-12-31")


def test_from_and_to_values_take_the_from_and_to_dates_of_their_sentence():
    text = "建档立卡贫困人口从2014年底的88733户减少到2019年底的2903户，贫困行政村从644个减少到1个。"
    published = datetime.date(2020, 8, 11)
    assert period(text, "644个", published) == (None, "2014-12-31")
    assert period(text, "1个", published) == (None, "2019-12-31")


def test_an_expected_outcome_has_no_period():
    text = "2014年高标准农田项目总投资1169万元。项目建成将新增节水灌溉面积0.93万亩。"
    assert period(text, "0.93万亩", datetime.date(2014, 9, 20)) == (None, None)
    assert period(text, "1169万元", datetime.date(2014, 9, 20)) == ("2014-01-01", "2014-12-31")


def test_a_year_that_is_the_subject_does_not_date_the_figures():
    text = "2020年是打赢脱贫攻坚战的收官之年，广西还有24万建档立卡贫困人口未脱贫。"
    assert period(text, "24万", datetime.date(2020, 8, 12)) == (None, None)


def test_vague_times_give_no_period():
    text = "2020年全省脱贫。近年来，浙江农民收入增幅多年保持在9%以上。"
    assert period(text, "9%", datetime.date(2019, 1, 27)) == (None, None)


def test_a_finished_five_year_plan_since_is_the_plans_five_years():
    text = "“十四五”以来，江苏城镇新增就业超690万人。"
    assert period(text, "690万人", datetime.date(2026, 2, 8)) == ("2021-01-01", "2025-12-31")
    assert period(text, "690万人", datetime.date(2024, 2, 8)) == ("2021-01-01", None)


def test_now_as_an_adjective_is_not_the_issue_date():
    text = "下半年，将逐步缓解目前结构性“招工难”问题，重点推动3个国家首批创业型城市创建工作。"
    assert period(text, "3个", datetime.date(2011, 7, 22)) == ("2011-07-01", "2011-12-31")
    text = "目前，黄陂63个小区旧貌换新颜。"
    assert period(text, "63个", datetime.date(2025, 12, 1)) == (None, "2025-12-01")


def test_a_deadline_is_a_point_not_the_year_so_far():
    text = "力争全省年底前开工率达到100%，完成全年任务。"
    assert period(text, "100%", datetime.date(2019, 11, 4)) == (None, "2019-12-31")


def test_the_day_a_body_passed_a_draft_does_not_date_its_figures():
    text = "行政院会昨日通过条例修正草案，老农津贴拟由每月8110元提高至1万元。"
    assert period(text, "8110元", datetime.date(2026, 1, 16)) == (None, None)
