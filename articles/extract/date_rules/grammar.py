"""Compiled regular expressions for Chinese date expressions (absolute, partial, relative, ranges)."""

from __future__ import annotations

import re

YEAR = r"(?:\d{4}|[〇零一二三四五六七八九]{4})"
MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
DAY = r"(?:3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
SEP = r"\s*(?:——|――|[-~～—–―－至到])\s*"  # ― (U+2015) and － in reprints
# 上年 is last year (与上年相比, 上年同期); not 以上年龄 or 上年纪.
RELATIVE_YEAR = r"今年|去年|明年|前年|后年|本年度?|(?<![以比较])上年度?(?![纪龄])"
RELATIVE_MONTH = r"本月|上月|下月|上个月|下个月"
# A quarter's end (二季度末) is its last day; listed before the quarter so that the longer form wins.
YEAR_PART = r"[一二三四1-4]季度末|第[一二三四]季度末|[一二三四1-4]季度|第[一二三四]季度|第[一二三四]季(?![度末])|首季度?|上半年|下半年|前三季度|年初|年底|年末"
MONTH_PART = r"上旬|中旬|下旬|初|底|末"
# 前10个月 / 今年前3个月 / 前两月: the first months of a year (提前3个月 is a lead time, not a date).
FIRST_MONTHS = r"1[0-2]|[1-9]|十[一二]?|[一两二三四五六七八九]"
HOLIDAY = r"元旦|春节|五一|劳动节|六一|儿童节|国庆节?|清明|端午|中秋"
GAP = r"[ \t\u3000]?"  # a stray space left by PDF extraction (2023年 8月31日)
NOT_AFTER_NUMBER = r"(?<![\d.〇零一二三四五六七八九十两百千万个第])"


def _parts(p: str, bare_day: bool = False) -> tuple[str, str]:
    """The year part and the rest of one calendar point; group names carry the prefix p."""
    # 2025年底 / 2026年初: a part of the year sharing its 年 (but 2025年初步 is "preliminarily").
    def year_end(name: str) -> str:
        return rf"(?P<{p}{name}>底|末|初)(?![步次级中心线数])"

    year = rf"(?:(?P<{p}y>{YEAR})年(?![代龄级轻])(?:{year_end('yq')})?|(?P<{p}ry>{RELATIVE_YEAR})(?:{year_end('ryq')})?){GAP}"
    month = rf"(?:{NOT_AFTER_NUMBER}(?P<{p}m>{MONTH})月份?|(?P<{p}rm>{RELATIVE_MONTH})){GAP}"
    day = rf"(?:(?P<{p}d>{DAY})[日号]|(?P<{p}part>{MONTH_PART}))"
    first_months = rf"(?<![提之此])前(?P<{p}fm>{FIRST_MONTHS})(?:个月|月(?![份前底末初]))"
    tail = rf"(?P<{p}q>{YEAR_PART})|{first_months}|{month}{day}?|(?P<{p}h>{HOLIDAY})"
    if bare_day:
        tail += rf"|{NOT_AFTER_NUMBER}(?P<{p}bd>{DAY})[日号]"
    return year, tail


def _point(p: str, bare_day: bool = False) -> str:
    """One calendar point. Every part is optional here; a match whose point is empty is dropped."""
    year, tail = _parts(p, bare_day)
    return rf"(?:{year})?(?:{tail})?"


def _starts_point() -> str:
    """A lookahead that requires a non-empty first point."""
    year, tail = (re.sub(r"\(\?P<[a-z_]+>", "(?:", part) for part in _parts("x_"))
    return rf"(?=(?:{year})|(?:{tail}))"


# 2025—2028年, 2025年1—10月, 12月3-5日: the first point leaves its unit to the second.
YEAR_RANGE = re.compile(rf"(?<!\d)(?P<y1>\d{{4}}){SEP}(?P<y2>\d{{4}})年")
MONTH_RANGE = re.compile(
    rf"(?:(?P<y>{YEAR})年|(?P<ry>{RELATIVE_YEAR}))?{NOT_AFTER_NUMBER}(?P<m1>{MONTH}){SEP}(?P<m2>{MONTH})月份?"
)
DAY_RANGE = re.compile(
    rf"(?:(?P<y>{YEAR})年|(?P<ry>{RELATIVE_YEAR}))?{NOT_AFTER_NUMBER}(?P<m>{MONTH})月(?P<d1>{DAY}){SEP}(?P<d2>{DAY})[日号]"
)
# The separator's last character and what must follow it in every MONTH_RANGE / DAY_RANGE match. These scans
# start on a character set, which the regex engine skips to quickly; most texts have no range and skip the slow ones.
MONTH_RANGE_HINT = re.compile(rf"[-~～—–―－至到]\s*{MONTH}月")
DAY_RANGE_HINT = re.compile(rf"[-~～—–―－至到]\s*{DAY}[日号]")
GENERAL = re.compile(rf"(?<![\d.]){_starts_point()}(?:{_point('a_')})(?:{SEP}(?:{_point('b_', bare_day=True)}))?")
SINGLE = re.compile(rf"(?<![\d.])(?:{_point('a_')})")

OPEN_PREFIX = re.compile(r"(?:自|从|自从)\s*$")
UNTIL_PREFIX = re.compile(r"(?:截至|截止到?|截止至|直至|直到)\s*$")
# 到 opening a clause before a date is "by" (…以来，到2018年底，…; 到今年底，…); inside a clause it joins a range.
CLAUSE_UNTIL_PREFIX = re.compile(r"(?:^|(?<=[，,。；;：:！？!?\n]))\s*到\s*$")
OPEN_SUFFIX = re.compile(r"^\s*(?:[)）]\s*)?(?:以来|起|至今|迄今|开始)")
ONSET_SUFFIX = re.compile(r"^\s*(?:起|开始)")
# 自2023年京蒙协作“医疗倍增计划”实施以来: the closing word may come later in the same clause.
LATE_OPEN_SUFFIX = re.compile(r"^[^，,。；;！？!?\n]{0,30}?(?:以来|起|开始)")
FUTURE_CUE = re.compile(r"(?:将|将于|计划|预计|拟|定于|下)\s*$")
# 6月底前 / 6月30日之前: a deadline (open start, end that day); 春节前后 and 国庆前夕 are not deadlines.
DEADLINE_SUFFIX = re.compile(r"\s*(?:之前|以前|前)(?![后夕期])")
DEADLINE_ENDINGS = frozenset("日号底末月旬度")
# 5月以来 / 3月至今: the date lies in the past whatever the distance.
PAST_SUFFIX = re.compile(r"^\s*(?:以来|至今|迄今)")
JOINED_TO_PREVIOUS = re.compile(r"^\s*(?:和|与|及|或|、)\s*$")
