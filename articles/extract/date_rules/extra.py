"""Date forms of web articles and reprints: numeric dates, five-year plans, days alone and 昨日-style days."""
from __future__ import annotations

import re
from datetime import date, timedelta

from articles.extract.date_rules.calendar import chinese_int, shift_month

# 2015-08-28, 2026/01/16, 2015.08.28, and the European 26.07.2017 some reprint sites use.
NUMERIC_DAY = re.compile(
    r"(?<![\d./-])(?:(?P<y>(?:19|20)\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})"
    r"|(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})\.(?P<y2>(?:19|20)\d{2}))(?![\d.])"
)
# “十三五” and its end: the sixth plan (1981–1985) onwards come every five years.
FIVE_YEAR_PLAN = re.compile(r"[“\"]?十(?P<n>[一二三四五六])五[”\"]?(?P<end>期末|末)?")
_PLAN_NUMBERS = {"一": 11, "二": 12, "三": 13, "四": 14, "五": 15, "六": 16}
# 昨日/前日 name a day; 今天 is mostly "nowadays" (今天的幸福生活), so it is left alone.
RELATIVE_DAY = re.compile(r"(?P<rd>昨天|昨日|前天|前日)")
_RELATIVE_DAYS = {"昨天": -1, "昨日": -1, "前天": -2, "前日": -2}
# 21日 alone, the latest such day up to the issue date (记者于3日获悉); not 每月15日, 15日内, 10个工作日.
BARE_DAY = re.compile(r"(?<![\d月.〇零一二三四五六七八九十每/-])(?P<d>[1-9]|[12]\d|3[01])日(?![内以后前左])")

# 今起 / 即日起 (Hong Kong and Taiwan press): from the issue day on; 今日(4日): the issue day, its date in brackets.
FROM_TODAY = re.compile(r"(?P<today>今起|即日起|今日(?=\s*[(（]\s*\d{1,2}日\s*[)）]))")
# 2024至25年度, 2024/25年度, 2024-25年度: a financial year across two years, April to March (Hong Kong).
FISCAL_YEAR = re.compile(r"(?<!\d)(?P<fy>(?:19|20)\d{2})\s*(?:至|/|-|－|—)\s*(?P<fy2>\d{2})\s*年度")
# 22年前 / 八年前: the year N years before the date anchoring the sentence (its last full year, else the issue
# year); not 10年前后 (about ten years) nor 提前1年.
YEARS_AGO = re.compile(r"(?<![\d提])(?P<ago>[1-9]\d?|[一两二三四五六七八九十]{1,3})年前(?![后夕期])")

# 前4年 after “十四五”: the first years of the plan period named before it (不含 提前/之前/此前).
FIRST_YEARS = re.compile(r"(?<![提之此以])前(?P<fy_n>[2-4两二三四])年(?![前后底末初度级龄])")

KINDS = ("numeric", "plan", "relative_day", "bare_day", "from_today", "fiscal", "years_ago", "first_years")
PATTERNS = (("numeric", NUMERIC_DAY), ("plan", FIVE_YEAR_PLAN), ("relative_day", RELATIVE_DAY), ("bare_day", BARE_DAY),
            ("from_today", FROM_TODAY), ("fiscal", FISCAL_YEAR), ("years_ago", YEARS_AGO), ("first_years", FIRST_YEARS))

Span = tuple[date | None, date | None]


def resolve(kind: str, match: re.Match[str], published: date | None,
            anchor_year: int | None = None, plan_start: int | None = None) -> tuple[Span, int | None]:
    """The day range one of these forms names; raises ValueError for an impossible date. ``anchor_year`` is the
    last full year written earlier in the sentence (N年前 counts back from it); ``plan_start`` the first year of the
    last five-year period named before (前4年 counts from it)."""
    groups = match.groupdict()
    if kind == "fiscal":
        first = int(groups["fy"])
        if (first + 1) % 100 != int(groups["fy2"]):
            raise ValueError("not two consecutive years")
        return (date(first, 4, 1), date(first + 1, 3, 31)), first
    if kind == "first_years":
        if plan_start is None:
            raise ValueError("no plan period named before")
        return (date(plan_start, 1, 1), date(plan_start + chinese_int(groups["fy_n"]) - 1, 12, 31)), None
    if kind == "years_ago":
        base = anchor_year or (published.year if published else None)
        if base is None:
            return (None, None), None
        year = base - chinese_int(groups["ago"])
        return (date(year, 1, 1), date(year, 12, 31)), None
    if kind == "numeric":
        year, month, day = (groups["y"], groups["m"], groups["d"]) if groups["y"] else (groups["y2"], groups["m2"], groups["d2"])
        found = date(int(year), int(month), int(day))
        return (found, found), found.year
    if kind == "plan":
        first = 1981 + 5 * (_PLAN_NUMBERS[groups["n"]] - 6)
        last = date(first + 4, 12, 31)
        return ((last, last) if groups["end"] else (date(first, 1, 1), last)), first + 4
    if published is None:
        return (None, None), None
    if kind == "relative_day":
        found = published + timedelta(days=_RELATIVE_DAYS[groups["rd"]])
        return (found, found), found.year
    if kind == "from_today":
        return (published, None if groups["today"].endswith("起") else published), published.year
    day = int(groups["d"])
    year, month = (published.year, published.month) if day <= published.day else shift_month(published.year, published.month, -1)
    found = date(year, month, day)
    return (found, found), year
