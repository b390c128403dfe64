"""Date forms of web articles and reprints: numeric datelines, five-year plans, 昨日, a day alone, ― in ranges."""
from datetime import date

import pytest

from articles.extract.context import ExtractContext
from articles.extract.dates import extract_dates

ISSUE = ExtractContext(published_on=date(2015, 12, 3))


def spans(text: str, ctx: ExtractContext = ISSUE) -> list[tuple[str, str | None, str | None]]:
    return [(m.text, m.start and m.start.isoformat(), m.end and m.end.isoformat()) for m in extract_dates(text, ctx)]


@pytest.mark.parametrize(("text", "day"), [
    ("发布时间:2015-08-28 02:31:23 来源:农民日报", "2015-08-28"),
    ("2026/01/16 05:30 自由时报", "2026-01-16"),
    ("更新于26.07.2017", "2017-07-26"),
])
def test_it_reads_numeric_dates_of_web_datelines(text, day):
    assert [(start, end) for _, start, end in spans(text)] == [(day, day)]


def test_it_refuses_an_impossible_numeric_date():
    assert spans("编号2015-13-45") == []


def test_it_reads_five_year_plans_and_their_end():
    assert spans("“十三五”期间，到“十一五”末") == [
        ("“十三五”", "2016-01-01", "2020-12-31"), ("“十一五”末", "2010-12-31", "2010-12-31"),
    ]


def test_it_resolves_yesterday_and_the_day_before_against_the_issue_date():
    assert spans("昨日，记者获悉；前日召开会议") == [("昨日", "2015-12-02", "2015-12-02"), ("前日", "2015-12-01", "2015-12-01")]


def test_it_resolves_a_day_alone_to_the_latest_such_day_up_to_the_issue_date():
    assert spans("记者于3日获悉，28日已开工。") == [("3日", "2015-12-03", "2015-12-03"), ("28日", "2015-11-28", "2015-11-28")]


def test_it_does_not_read_a_time_limit_or_a_monthly_day_as_a_date():
    assert spans("15日内办结，每月15日发放") == []


def test_it_reads_a_month_range_written_with_a_horizontal_bar():
    assert spans("2015年1―5月，全省新增就业") == [("2015年1―5月", "2015-01-01", "2015-05-31")]


def test_it_reads_a_traditional_dateline_and_a_day_alone():
    ctx = ExtractContext(published_on=date(2013, 1, 10))
    assert spans("時間:2013-01-10 來源:新華網。10日公佈", ctx) == [
        ("2013-01-10", "2013-01-10", "2013-01-10"), ("10日", "2013-01-10", "2013-01-10"),
    ]


ISSUE_2020 = ExtractContext(published_on=date(2020, 3, 10))


def _dates(text: str) -> list[tuple[str, date | None, date | None]]:
    return [(m.text, m.start, m.end) for m in extract_dates(text, ISSUE_2020)]


def test_the_end_of_a_year_is_its_last_day():
    assert _dates("截至2016年底，某县已建成幸福院40所，去年底至今年6月又新建8所。") == [
        ("截至2016年底", None, date(2016, 12, 31)),
        ("去年底至今年6月", date(2019, 12, 31), date(2020, 6, 30)),
    ]
    assert _dates("2016年底全县有贫困户300户。") == [("2016年底", date(2016, 12, 31), date(2016, 12, 31))]


def test_the_end_of_a_quarter_is_its_last_day():
    assert _dates("二季度末，某市城镇登记失业率为3.1%，比一季度末下降0.2个百分点。") == [
        ("二季度末", date(2020, 6, 30), date(2020, 6, 30)),
        ("一季度末", date(2020, 3, 31), date(2020, 3, 31)),
    ]
    assert _dates("二季度全市新增就业1万人。") == [("二季度", date(2020, 4, 1), date(2020, 6, 30))]


def test_shang_nian_is_last_year_but_not_inside_yishang_or_an_age():
    assert _dates("某县居民收入与上年相比增长8%，增幅与上年同期持平。") == [
        ("上年", date(2019, 1, 1), date(2019, 12, 31)),
        ("上年", date(2019, 1, 1), date(2019, 12, 31)),
    ]
    assert _dates("60岁以上年龄段的老人和上年纪的村民都可领取。") == []


def test_dao_opening_a_clause_is_a_deadline_but_dao_inside_a_range_is_not():
    assert _dates("自2015年实施以来，到2019年底，某市累计改造棚户区3万套。") == [
        ("自2015年", date(2015, 1, 1), None),
        ("到2019年底", None, date(2019, 12, 31)),
    ]
    assert _dates("到今年底，全县将完成危房改造200户。") == [("到今年底", None, date(2020, 12, 31))]
    assert _dates("活动从2019年9月到2019年12月31日举行。") == [
        ("2019年9月到2019年12月31日", date(2019, 9, 1), date(2019, 12, 31)),
    ]


@pytest.mark.parametrize(("text", "expected"), [
    ("前两月新增1.07万人“还巢”", ("前两月", "2015-01-01", "2015-02-28")),
    ("今年前两个月，全省城镇新增就业", ("今年前两个月", "2015-01-01", "2015-02-28")),
    ("前3月全市发放贷款", ("前3月", "2015-01-01", "2015-03-31")),
])
def test_it_reads_the_first_months_of_a_year_without_个(text, expected):
    assert spans(text) == [expected]


def test_a_month_after_前_with_份_is_still_that_month():
    assert spans("此前3月份已开工") == [("3月份", "2015-03-01", "2015-03-31")]
