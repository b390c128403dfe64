"""Date extraction: absolute, partial, relative, ranges and open ranges, resolved against the issue date."""

from datetime import date

import pytest

from articles.extract.context import ExtractContext
from articles.extract.dates import DateMention, extract_dates

ISSUE = ExtractContext(published_on=date(2025, 12, 10))


def only(text: str, ctx: ExtractContext | None = ISSUE) -> DateMention:
    mentions = extract_dates(text, ctx)
    assert len(mentions) == 1, mentions
    return mentions[0]


def span(mention: DateMention) -> tuple[str | None, str | None]:
    return (mention.start.isoformat() if mention.start else None, mention.end.isoformat() if mention.end else None)


def test_it_reads_an_absolute_day_with_offsets():
    text = "据悉，2026年4月2日是世界孤独症日。"
    mention = only(text)
    assert span(mention) == ("2026-04-02", "2026-04-02")
    assert text[mention.start_offset : mention.end_offset] == mention.text == "2026年4月2日"


def test_it_places_a_partial_day_on_or_before_the_issue_date():
    assert span(only("11月21日，手术室灯火通明")) == ("2025-11-21", "2025-11-21")
    assert span(only("8月15日至9月10日，共开展义诊")) == ("2025-08-15", "2025-09-10")


def test_it_places_a_partial_day_after_the_issue_date_when_the_text_looks_ahead():
    assert span(only("活动将于12月31日举行")) == ("2025-12-31", "2025-12-31")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025年9月", ("2025-09-01", "2025-09-30")),
        ("五月鹿城，书香盎然", ("2025-05-01", "2025-05-31")),
        ("2025年城市联合招聘进校园系列活动", ("2025-01-01", "2025-12-31")),
        ("二〇二四年二月", ("2024-02-01", "2024-02-29")),
    ],
)
def test_it_reads_whole_months_and_years(text, expected):
    assert span(only(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12月3日至31日，开展购书活动", ("2025-12-03", "2025-12-31")),
        ("2025年1—10月，服务人数提升", ("2025-01-01", "2025-10-31")),
        ("集中征缴期从2025年9月到2025年12月31日。", ("2025-09-01", "2025-12-31")),
        ("《实施方案(2025—2028年)》", ("2025-01-01", "2028-12-31")),
        ("2026年3月5-7日举办", ("2026-03-05", "2026-03-07")),
    ],
)
def test_it_reads_a_range_as_one_mention(text, expected):
    assert span(only(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("自2023年以来，合作不断深入", ("2023-01-01", None)),
        ("自2023年京蒙协作计划实施以来，", ("2023-01-01", None)),
        ("2011年以来，已举办项目105个", ("2011-01-01", None)),
        ("去年以来，突泉县已举办培训班", ("2024-01-01", None)),
        ("自2025年4月10日起，全面实施", ("2025-04-10", None)),
        ("截至4月底，全区城镇新增就业6.71万人", (None, "2025-04-30")),
    ],
)
def test_it_reads_open_ranges(text, expected):
    assert span(only(text)) == expected


def test_it_keeps_an_open_range_in_one_mention_text():
    assert only("自2025年4月10日起，全面实施").text == "自2025年4月10日起"
    assert only("截至4月底，全区").text == "截至4月底"


NEAR_SUMMER = ExtractContext(published_on=date(2025, 6, 12))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("补贴资金须在7月20日前拨付到位", (None, "2025-07-20")),
        ("各旗县年底前完成摸底，9月底之前报送名单", (None, "2025-12-31")),
        ("新标准自7月1日起执行", ("2025-07-01", None)),
        ("第二批服务定于6月20日至7月5日开展", ("2025-06-20", "2025-07-05")),
        ("下半年全面推开", ("2025-07-01", "2025-12-31")),
        ("11月，第一批学员结业", ("2024-11-01", "2024-11-30")),
        ("8月以来，已受理咨询", ("2024-08-01", None)),
    ],
)
def test_it_places_a_yearless_date_shortly_after_the_issue_date_in_the_issue_year(text, expected):
    assert span(extract_dates(text, NEAR_SUMMER)[0]) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1至8月前完成评估", (None, "2025-08-31")),
        ("春节前返乡的务工人员", ("2025-01-29", "2025-01-29")),
        ("国庆前夕举办", ("2025-10-01", "2025-10-01")),
    ],
)
def test_it_reads_before_a_day_or_month_end_as_a_deadline_only(text, expected):
    assert span(extract_dates(text, NEAR_SUMMER)[0]) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("前10个月，全市新增就业", ("2025-01-01", "2025-10-31")),
        ("今年前三个月，累计发放", ("2025-01-01", "2025-03-31")),
        ("2024年前8个月", ("2024-01-01", "2024-08-31")),
    ],
)
def test_it_reads_the_first_months_of_a_year(text, expected):
    assert span(only(text)) == expected


def test_it_does_not_read_a_lead_time_as_the_first_months():
    assert extract_dates("需提前3个月提出申请", ISSUE) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("今年，内蒙古开展行动", ("2025-01-01", "2025-12-31")),
        ("去年需自费购买", ("2024-01-01", "2024-12-31")),
        ("明年将推广", ("2026-01-01", "2026-12-31")),
        ("一季度，全市城镇新增就业1572人", ("2025-01-01", "2025-03-31")),
        ("首季就业工作实现开门红", ("2025-01-01", "2025-03-31")),
        ("今年上半年", ("2025-01-01", "2025-06-30")),
        ("下半年", ("2025-07-01", "2025-12-31")),
        ("本月", ("2025-12-01", "2025-12-31")),
        ("上月", ("2025-11-01", "2025-11-30")),
        ("元旦后，药品降价了", ("2025-01-01", "2025-01-01")),
        ("抢抓春节前后返乡时机", ("2025-01-29", "2025-01-29")),
        ("今年年底前完成", (None, "2025-12-31")),
    ],
)
def test_it_resolves_relative_dates_against_the_issue_date(text, expected):
    assert span(only(text)) == expected


def test_it_still_reports_relative_dates_it_cannot_resolve():
    mention = only("今年，内蒙古开展行动", ctx=None)
    assert (mention.text, mention.start, mention.end) == ("今年", None, None)
    assert span(only("11月21日，手术室", ctx=None)) == (None, None)


def test_it_reads_the_day_of_a_time_of_day():
    mention = only("5月9日晚，广场上")
    assert (mention.text, span(mention)) == ("5月9日", ("2025-05-09", "2025-05-09"))


def test_it_tolerates_a_stray_space_inside_a_date():
    assert span(only("2023年 8月31日下午")) == ("2023-08-31", "2023-08-31")


def test_it_gives_a_following_month_the_year_of_the_previous_one():
    mentions = extract_dates("项目将于2026年8月和9月分别开班", ISSUE)
    assert [span(m) for m in mentions] == [("2026-08-01", "2026-08-31"), ("2026-09-01", "2026-09-30")]


@pytest.mark.parametrize(
    "text",
    [
        "近日，记者采访",
        "日前发布",
        "近年来",
        "近期",
        "目前已覆盖",
        "当前形势",
        "30年间，他四处求医",
        "等待期3个月",
        "为期4天的活动",
        "5年内的高校毕业生",
        "当43岁的刘军",
        "当日，开展活动",
        "发放5000元",
    ],
)
def test_it_ignores_vague_words_durations_and_ages(text):
    assert extract_dates(text, ISSUE) == []


def test_it_rejects_impossible_days():
    assert extract_dates("2月30日", ISSUE) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("对2000年底前建成的老旧小区实施改造", (None, "2000-12-31")),
        ("到2027年底前种植面积稳定在30万亩", (None, "2027-12-31")),
        ("今年底前完成改造", (None, "2025-12-31")),
        ("明年底将建成", ("2026-12-31", "2026-12-31")),  # a year's end is its last day, as 6月底 is the month's
        ("去年末，全市共有", ("2024-12-31", "2024-12-31")),
    ],
)
def test_a_year_end_shares_the_years_character(text, expected):
    assert span(only(text)) == expected


def test_a_year_followed_by_chu_bu_is_only_the_year():
    assert span(only("今年初步形成了服务网络")) == ("2025-01-01", "2025-12-31")


SEPTEMBER = ExtractContext(published_on=date(2025, 9, 19))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("申报截至12月31日", (None, "2025-12-31")),
        ("新标准自12月起执行", ("2025-12-01", None)),
        ("截至5月底，已发放", (None, "2025-05-31")),
    ],
)
def test_the_bound_of_a_period_goes_to_the_year_nearest_the_issue(text, expected):
    assert span(only(text, SEPTEMBER)) == expected


def test_a_plain_month_far_ahead_of_the_issue_is_last_years():
    assert span(only("12月，共发放补贴", SEPTEMBER)) == ("2024-12-01", "2024-12-31")
