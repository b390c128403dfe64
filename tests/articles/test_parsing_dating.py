"""Publication-date estimates from the dates a page mentions."""
import datetime as dt
import re

from articles.parsing.dating import estimate_publication_date


def test_it_puts_a_month_day_in_the_dominant_year_and_dates_the_page_just_after_it():
    text = "2025年以来，全区就业稳定。11月15日招聘会开幕。12月7日，专场活动圆满收官。2025年城市联合招聘。"
    estimate = estimate_publication_date(text)
    assert estimate.date == dt.date(2025, 12, 8)
    assert estimate.earliest == dt.date(2025, 12, 7) and estimate.latest > estimate.earliest
    assert "2025-12-07" in estimate.basis and "今年=2025" in estimate.basis


def test_it_ignores_deadlines_and_range_ends():
    text = "2025年，集中征缴期从2025年9月到2025年12月31日。11月21日，手术成功。"
    assert estimate_publication_date(text).earliest == dt.date(2025, 11, 21)


def test_it_moves_to_the_next_year_after_new_year_cues():
    text = "元旦后，新药降价。1月1日起执行新目录。2023年8月31日下午，专家到园区指导。2023年共实施22期。"
    estimate = estimate_publication_date(text)
    assert estimate.earliest == dt.date(2024, 1, 1)
    assert "元旦后" in estimate.basis


def test_it_gives_only_a_range_when_only_years_are_mentioned():
    estimate = estimate_publication_date("2026年，全区计划新增就业岗位。")
    assert estimate.date is None
    assert (estimate.earliest, estimate.latest) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))


def test_it_says_so_when_there_is_no_evidence():
    estimate = estimate_publication_date("近日，某社区开展义诊活动。")
    assert (estimate.date, estimate.earliest, estimate.latest) == (None, None, None)
    assert estimate.basis


def test_a_holiday_the_page_reports_as_past_puts_the_issue_after_it():
    # As seed page 003: New-Year cues move the year on, and workers "back at work after the Spring Festival" put the
    # issue after 春节 2024 (02-10), not just after 元旦.
    text = (
        "2023年，全区开展专项行动。2023年8月31日下午，专家到园区指导。元旦后，新药降价。1月1日起执行新目录。"
        "近日，务工人员乘专列返岗。为抢抓春节后返岗务工“黄金时机”，人社部门提前部署。"
    )
    estimate = estimate_publication_date(text)
    assert estimate.earliest == dt.date(2024, 2, 10)
    assert estimate.date > dt.date(2024, 2, 10)


def test_a_holiday_ahead_or_planned_does_not_move_the_issue():
    text = "2025年11月21日，招聘会开幕。春节前发放到位。春节后将启动春风行动。到国庆后再评估。"
    assert estimate_publication_date(text).earliest == dt.date(2025, 11, 21)


def test_the_issue_is_never_before_the_latest_fully_dated_event_on_the_page():
    pages = [
        "2024年3月2日，培训班开班。今年5月1日起施行新办法。",
        "2023年12月30日，全市举行表彰会。元旦过后，企业陆续复工。",
        "清明以来，游客增多。2026年4月8日，樱桃采摘节开幕。",
        "2025年春节后，务工人员返岗。2025年2月20日，招聘会举行。",
    ]
    for text in pages:
        estimate = estimate_publication_date(text)
        full = [dt.date(*map(int, m)) for m in re.findall(r"(20\d\d)年(\d+)月(\d+)日", text)]
        assert estimate.earliest >= max(full), text
