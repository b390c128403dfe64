"""Compiled regular expressions that find number+unit candidates and their qualifiers."""

from __future__ import annotations

import re
from functools import cache

from stats.extraction import lexicon

CN_DIGITS = "零〇一二两三四五六七八九十百千"
# 64 000个: a space as thousands separator (Hong Kong), only in groups of three before a unit.
ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?|\d{1,3}(?: \d{3})+(?![\d.])"
# 1萬9,761元 (Taiwan): a count of 万 followed by the thousands and units, read as one number.
WAN_AND_REST = r"\d{1,4}万(?:\d,\d{3}|\d{4})(?![\d,])"
CHINESE = rf"[{CN_DIGITS}]+(?:[万亿][{CN_DIGITS}]+)*"
# A stray space or one repaired line break may sit between the parts of a figure.
GAP = r"[ \t\u3000\u00a0]*\n?[ \t\u3000\u00a0]*"
RANGE_SEP = r"(?:——|[-~～—–至到])"
# 兆 is 10^12 in Taiwan (2.6兆元), but a prefix in 兆瓦 / 兆帕 / 兆赫 / 兆字节.
MAGNITUDE = r"(?:千万|百万|万亿|万|亿|兆(?![瓦帕赫字焦伏比]))"


@cache
def figure_regex() -> re.Pattern[str]:
    """Number (or range), optional 余/多/来, magnitude, unit and suffix qualifier."""
    units = lexicon.alternation(list(lexicon.units()))
    suffixes = lexicon.alternation([q.surface for q in lexicon.qualifiers().values() if q.position == "suffix"])
    # 余, 多, 来, 个多 sit between the number and its magnitude or unit (500来亩, 3个多亿)
    infixes = lexicon.alternation([q.surface for q in lexicon.qualifiers().values() if q.position == "infix"])
    number = rf"(?:{WAN_AND_REST}|{ARABIC}|{CHINESE}|半(?=个月))"
    pattern = (
        rf"(?<![A-Za-z0-9.])"
        rf"(?P<neg>零下|-)?"
        rf"(?P<num>{number})"
        rf"(?:{GAP}(?P<mag1>{MAGNITUDE})?(?P<pct1>%)?{GAP}{RANGE_SEP}{GAP}(?P<num2>{number}))?"
        rf"{GAP}(?P<mid>{infixes})?{GAP}"
        rf"(?P<mag>{MAGNITUDE})?"
        rf"(?P<post>{infixes})?{GAP}"
        rf"(?P<unit>{units})(?![A-Za-z])"
        rf"(?P<suffix>{suffixes})?"
    )
    return re.compile(pattern)


@cache
def prefix_qualifier_regex() -> re.Pattern[str]:
    """A prefix qualifier (超过, 不低于 …) ending exactly where the number begins."""
    prefixes = lexicon.alternation([q.surface for q in lexicon.qualifiers().values() if q.position == "prefix"])
    return re.compile(rf"(?:{prefixes})\s*$")


@cache
def change_regex() -> re.Pattern[str]:
    """A change word (同比增长, 降幅 …) ending exactly where the number or its qualifier begins."""
    return re.compile(rf"(?:{lexicon.alternation(lexicon.change_words())})\s*$")


@cache
def idiom_regex() -> re.Pattern[str]:
    """Chinese-numeral words that must never be read as figures."""
    return re.compile(lexicon.alternation(lexicon.numeral_idioms()))


BOOK_TITLE = re.compile(r"《[^《》\n]{0,120}》")
DIMENSION_HEAD = re.compile(rf"({ARABIC})[ \t]*[×xX*][ \t]*$")
# Characters that make a following Chinese numeral part of a word (唯一, 统一, 第三, 每一).
CHINESE_WORD_BEFORE = set("第统唯之万初周期星某每其另任逐单划专")
# A duration right after these is a period (前3个月, 近5年), not a figure; 每2小时 is a frequency, and is one.
PERIOD_BEFORE = set("前后这那")
# A Chinese-numeral duration followed by these is a length of time (三年内, 三十年间), not a vague period.
DURATION_AFTER = re.compile(r"以内|内|间")
# 20年前: a year count followed by 前 names a past year (a date); 10年前后 is "about ten years".
YEARS_AGO_AFTER = re.compile(r"前(?![后夕期])")
