"""Rules across figures and their surroundings: written ranges, bare 万/亿 numbers, numbers inside quoted names."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from typing import TYPE_CHECKING

from stats.extraction.numerals import magnitude_factor, parse_arabic, scaled
from stats.extraction.patterns import ARABIC, GAP, RANGE_SEP

if TYPE_CHECKING:
    from stats.extraction.figures import Figure

# 100元至300元, 5000元—1万元: two figures with the same unit and only a range mark between them.
RANGE_BETWEEN = re.compile(rf"{GAP}{RANGE_SEP}{GAP}")
# 由300元到360元, 标准由每人每月600元到650元: a change from one value to another, not a range.
FROM_VALUE = re.compile(r"由[^，,。；;！!？?：:]{0,8}$")
CLAUSE_PUNCTUATION = set("，,。；;！!？?：:")
MAX_QUOTED_NAME = 30
# 233.85万低收入人口: a number with 万/亿 and no unit still says how many; its unit is "".
BARE_MAGNITUDE = re.compile(rf"(?<![A-Za-z0-9.])({ARABIC})(?:余|多)?(万|亿|兆(?![瓦帕赫字焦伏比]))(?![\d.余])多?")
# $3,823 (Hong Kong, Taiwan, Macau pages): the dollar sign before a number is the local currency, read as 元;
# US$ and USD stay out (美元 is written out).
DOLLAR_AMOUNT = re.compile(r"(?<![A-Za-z$])\$\s?(\d+(?:,\d{3})*(?:\.\d+)?)(?![\d,.])")
# 约占全国1/10, 近1/5: a fraction says how much of a whole (unit ""); 2020/05/29 and 24/7 are not fractions.
FRACTION = re.compile(r"(?<![\d/.])(\d{1,3})/(\d{1,4})(?![\d/])")


def bare_magnitudes(text: str, raw_text: str, found: list[Figure], make: type[Figure]) -> list[Figure]:
    """Figures for the 万/亿 numbers that no unit followed; text is raw_text with normalised digits."""
    # Spans sorted by start with the running furthest end: one binary search per match instead of a scan of every
    # figure (a one-line page with thousands of figures made that scan quadratic).
    taken = sorted((figure.start, figure.end) for figure in found)
    starts = [start for start, _ in taken]
    furthest: list[int] = []
    for _, end in taken:
        furthest.append(max(end, furthest[-1]) if furthest else end)
    bare = []
    for match in BARE_MAGNITUDE.finditer(text):
        before = bisect_left(starts, match.end())  # figures starting before the match ends
        if before and furthest[before - 1] > match.start():
            continue
        value = scaled(parse_arabic(match.group(1)), magnitude_factor(match.group(2)))
        bare.append(make(raw_text[match.start() : match.end()], value, None, "", None, None, None, *match.span()))
    return bare


def dollar_amounts(text: str, raw_text: str, found: list[Figure], make: type[Figure]) -> list[Figure]:
    """Figures for $-prefixed amounts that no other figure covers (unit 元, like 块钱)."""
    taken = [(figure.start, figure.end) for figure in found]
    out = []
    for match in DOLLAR_AMOUNT.finditer(text):
        if any(start < match.end() and match.start() < end for start, end in taken):
            continue
        value = parse_arabic(match.group(1))
        out.append(make(raw_text[match.start() : match.end()], value, None, "元", None, None, None, *match.span()))
    return out


def fractions(text: str, raw_text: str, found: list[Figure], make: type[Figure]) -> list[Figure]:
    """Figures for written fractions (1/10 → 0.1) that no other figure covers; the numerator must be the smaller."""
    taken = [(figure.start, figure.end) for figure in found]
    out = []
    for match in FRACTION.finditer(text):
        numerator, denominator = int(match.group(1)), int(match.group(2))
        if not 0 < numerator < denominator or any(start < match.end() and match.start() < end for start, end in taken):
            continue
        value = float(numerator) / denominator
        out.append(make(raw_text[match.start() : match.end()], value, None, "", None, None, None, *match.span()))
    return out


def join_ranges(raw_text: str, figures: list[Figure]) -> list[Figure]:
    """Merge each low … high pair written with a range mark into one figure; figures sorted by start."""
    joined: list[Figure] = []
    for figure in figures:
        low = joined[-1] if joined else None
        if low is not None and _is_range_pair(raw_text, low, figure):
            joined[-1] = replace(
                low,
                text=raw_text[low.start : figure.end],
                value_max=figure.value,
                qualifier=low.qualifier or figure.qualifier,
                end=figure.end,
            )
        else:
            joined.append(figure)
    return joined


def _is_range_pair(raw_text: str, low: Figure, high: Figure) -> bool:
    if low.value_max is not None or high.value_max is not None or low.unit != high.unit:
        return False
    if high.change or high.value <= low.value:
        return False
    if not RANGE_BETWEEN.fullmatch(raw_text, low.end, high.start):
        return False
    return not FROM_VALUE.search(raw_text, max(0, low.start - 12), low.start)


def in_quoted_name(text: str, start: int, end: int) -> bool:
    """True when the number sits inside a short quoted name and words follow it there (“15分钟就业服务圈”).

    Quoted speech has clause punctuation, and a quoted offer keeps its figures (“满200元减100元”).
    """
    opening = text.rfind("“", max(0, start - MAX_QUOTED_NAME), start)
    if opening < 0 or "”" in text[opening:start]:
        return False
    closing = text.find("”", end, end + MAX_QUOTED_NAME)
    if closing < 0 or "“" in text[end:closing]:
        return False
    if any(char in CLAUSE_PUNCTUATION for char in text[opening:closing]):
        return False
    after = text[end:closing]
    return len(after) >= 2 and not any(char.isdigit() for char in after)
