"""Calendar arithmetic for date mentions: numerals, month ends, quarters, holidays, relative years."""

from __future__ import annotations

import calendar
import csv
from datetime import date
from functools import cache
from pathlib import Path

_CN = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
RELATIVE_YEARS = {
    "今年": 0, "本年": 0, "本年度": 0, "去年": -1, "上年": -1, "上年度": -1, "前年": -2, "明年": 1, "后年": 2,
}
RELATIVE_MONTHS = {"本月": 0, "上月": -1, "上个月": -1, "下月": 1, "下个月": 1}
# Part of a year → (first month, last month). 年初 and 年底 are read as January and December.
YEAR_PARTS = {
    "一季度": (1, 3),
    "1季度": (1, 3),
    "第一季度": (1, 3),
    "首季": (1, 3),
    "首季度": (1, 3),
    "二季度": (4, 6),
    "2季度": (4, 6),
    "第二季度": (4, 6),
    "三季度": (7, 9),
    "3季度": (7, 9),
    "第三季度": (7, 9),
    "第一季": (1, 3),  # Macau / Hong Kong: 第三季 without 度
    "第二季": (4, 6),
    "第三季": (7, 9),
    "第四季": (10, 12),
    "四季度": (10, 12),
    "4季度": (10, 12),
    "第四季度": (10, 12),
    "上半年": (1, 6),
    "下半年": (7, 12),
    "前三季度": (1, 9),
    "年初": (1, 1),
    "年底": (12, 12),
    "年末": (12, 12),
}
# The end of a year or a quarter is its last day (2014年底 → 2014-12-31, 二季度末 → 06-30), as 6月底 is the month's.
for _quarter, (_, _last) in list(YEAR_PARTS.items()):
    if _quarter.endswith("季度"):
        YEAR_PARTS[_quarter + "末"] = (_last, _last)
YEAR_END_PARTS = frozenset({"年底", "年末", *(name for name in YEAR_PARTS if name.endswith("季度末"))})
# Part of a month → (first day, last day); None stands for the month's last day. 月底 is its last day.
MONTH_PARTS = {
    "上旬": (1, 10),
    "中旬": (11, 20),
    "下旬": (21, None),
    "初": (1, 10),
    "底": (None, None),
    "末": (None, None),
}
HOLIDAY_ALIASES = {"国庆节": "国庆"}


def chinese_int(token: str) -> int:
    """An integer written with Arabic digits, Chinese digits (二〇二五) or 十-style numerals (二十一)."""
    if token.isdigit():
        return int(token)
    if "十" in token:
        head, _, tail = token.partition("十")
        return (_CN[head] if head else 1) * 10 + (_CN[tail] if tail else 0)
    return int("".join(str(_CN[char]) for char in token))


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def month_span(year: int, first: int, last: int) -> tuple[date, date]:
    return date(year, first, 1), date(year, last, last_day(year, last))


def month_part_span(year: int, month: int, part: str) -> tuple[date, date]:
    first, last = MONTH_PARTS[part]
    end_day = last_day(year, month)
    return date(year, month, first or end_day), date(year, month, last or end_day)


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


@cache
def _holidays() -> dict[str, dict[int | None, tuple[int, int]]]:
    table: dict[str, dict[int | None, tuple[int, int]]] = {}
    with (Path(__file__).parent / "holidays.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            year = int(row["year"]) if row["year"] else None
            table.setdefault(row["name"], {})[year] = (int(row["month"]), int(row["day"]))
    return table


def holiday_date(name: str, year: int) -> date | None:
    """The holiday's day in that year (fixed holidays every year, lunar ones from the table)."""
    days = _holidays().get(HOLIDAY_ALIASES.get(name, name), {})
    found = days.get(year) or days.get(None)
    return date(year, *found) if found else None


def holiday_names() -> tuple[str, ...]:
    """Every holiday name the table knows (aliases included), longest first (国庆节 before 国庆)."""
    return tuple(sorted({*_holidays(), *HOLIDAY_ALIASES}, key=len, reverse=True))


def holiday_years(name: str) -> bool:
    """True when the holiday is known for any year (fixed date)."""
    return None in _holidays().get(HOLIDAY_ALIASES.get(name, name), {})
