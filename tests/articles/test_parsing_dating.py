"""Publication-date estimates from the dates a page mentions."""
import datetime as dt

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
