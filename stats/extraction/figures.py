"""Scans article text for figures: number, range, magnitude, unit, qualifier and change word."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from stats.extraction import lexicon, patterns
from stats.extraction.joins import bare_magnitudes, dollar_amounts, fractions, in_quoted_name, join_ranges
from stats.extraction.numerals import (
    magnitude_factor,
    normalize_digits,
    parse_chinese_range,
    parse_number,
    scaled,
)

TIME_KINDS = {"time"}
YEAR_RANGE = (1900, 2100)
YEAR_UNITS = ("年", "届")  # 2024届毕业生 is a cohort, named by its year
# 级 counts levels of government only right after a list of three or more of them (省、市、县三级, 中央、省、州(市)、
# 县四级); elsewhere it is a grade (三级医院, 四级残疾) or a pair that names a body (市、县两级侨联).
_LEVEL = r"(?:[省市县区乡镇村州盟旗]|中央)(?:[(（][^()（）]{1,3}[)）])?"
LEVELS_BEFORE = re.compile(rf"(?:{_LEVEL}、){{2,}}{_LEVEL}$")
MAX_PLAIN_DIGITS = 10  # longer digit runs are identity, phone or certificate numbers


@dataclass
class Figure:
    """One quantity in an article: surface text, value(s), unit and what it measures."""

    text: str
    value: float
    value_max: float | None
    unit: str
    qualifier: str | None
    measure: str | None
    change: str | None
    start: int
    end: int
    period: str | None = None
    region_text: str | None = None
    # What the figure is about (stats.extraction.attribution fills these once the article's mentions are known).
    region_code: str | None = None
    period_start: date | None = None
    period_end: date | None = None
    period_kind: str | None = None
    program: str | None = None
    program_kind: str | None = None
    is_change: bool = False
    sentence: str = ""


@dataclass
class _Candidate:
    figure: Figure
    number_start: int  # where the digits begin (after prefix qualifier and change word)
    kind: str


def _is_chinese(token: str) -> bool:
    return not token[0].isdigit()


def _in_spans(position: int, spans: list[tuple[int, int]]) -> bool:
    """Spans come from one finditer: sorted and disjoint, so the only candidate is the last one starting at or before
    `position` (a binary search: a page with thousands of book titles or idioms must not make each figure scan them)."""
    index = bisect_right(spans, (position, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


def _rejects_chinese(match: re.Match[str], text: str, kind: str, idiom_spans: list[tuple[int, int]]) -> bool:
    token = match.group("num")
    if token == "半":
        return False  # 半个月: half a month, a duration (the pattern admits 半 only before 个月)
    if token[0] in "百千万":
        # 上千名, 上万人 name a round number, and so does one with its magnitude (突破百亿元) or a qualifier (逾千名,
        # 超过千亿元); a bare 百家, 千家 is vague or part of a word, and 每千人 is the base of a rate.
        if token not in ("百", "千", "万"):
            return True
        start = match.start("num")
        rounded = start > 0 and text[start - 1] == "上"
        qualified = bool(patterns.prefix_qualifier_regex().search(text[max(0, start - 8) : start]))
        return not (rounded or qualified or (token != "万" and match.group("mag")))
    start = match.start("num")
    if start > 0 and text[start - 1] in patterns.CHINESE_WORD_BEFORE:
        return True
    if _in_spans(start, idiom_spans) or _in_spans(match.end() - 1, idiom_spans):
        return True
    hedged = match.group("mid") or match.group("post") or match.group("suffix") or match.group("mag")
    if token in ("一", "两") and not hedged and kind in TIME_KINDS:
        return token == "一" or not patterns.DURATION_AFTER.match(text, match.end())
    if token == "一" and not hedged:
        return True  # 一名患儿, 一批医院: an article, not a count
    if kind in TIME_KINDS and not (match.group("suffix") or match.group("mid") or match.group("post")):
        # 两年来 is a period; 创办三年内, 三十年间 are durations (近两年 is left out, see _rejects_chinese).
        return not patterns.DURATION_AFTER.match(text, match.end())
    return False


def _is_false_continuation(text: str, unit_start: int, unit: str) -> bool:
    for word in lexicon.unit_false_continuations():
        if word.startswith(unit) and len(word) > len(unit) and text.startswith(word, unit_start):
            return True
    return False


def _is_year_or_code(match: re.Match[str], value: float, unit: str) -> bool:
    token = match.group("num")
    if token[0].isdigit() and len(token.split(".")[0].replace(",", "")) > MAX_PLAIN_DIGITS:
        return True
    if unit not in YEAR_UNITS or match.group("mag") or match.group("mid") or match.group("post"):
        return False
    return value.is_integer() and YEAR_RANGE[0] <= value <= YEAR_RANGE[1] and "." not in token


def _values(match: re.Match[str]) -> tuple[float, float | None]:
    factor = magnitude_factor(match.group("mag"))
    token, token2 = match.group("num"), match.group("num2")
    sign = -1.0 if match.group("neg") else 1.0
    if token2:
        low_factor = magnitude_factor(match.group("mag1")) if match.group("mag1") else factor
        return sign * scaled(parse_number(token), low_factor), scaled(parse_number(token2), factor)
    if _is_chinese(token):
        pair = parse_chinese_range(token)
        if pair:
            return scaled(pair[0], factor), scaled(pair[1], factor)
    return sign * scaled(parse_number(token), factor), None


def _left_words(text: str, position: int) -> tuple[int, str | None, str | None, str | None]:
    """Walk left over prefix qualifiers and change words; return new start, qualifier, strength, change."""
    qualifier = strength = change = None
    for _ in range(3):
        window = text[max(0, position - 8) : position]
        found = patterns.prefix_qualifier_regex().search(window)
        if found and qualifier is None:
            entry = lexicon.qualifiers()[found.group(0).strip()]
            if entry.surface == "近" and window[: found.start()].endswith(("最", "附", "临", "邻")):
                break
            qualifier, strength = entry.qualifier, entry.strength
            position -= len(found.group(0))
            continue
        found = patterns.change_regex().search(window)
        if found and change is None:
            change = found.group(0).strip().removesuffix("了")
            position -= len(found.group(0))
            continue
        break
    return position, qualifier, strength, change


def _pick_qualifier(match: re.Match[str], prefix: str | None, strength: str | None) -> str | None:
    if prefix and strength == "strong":
        return prefix
    suffix = match.group("suffix")
    if suffix:
        return lexicon.qualifiers()[suffix].qualifier
    if match.group("mid") or match.group("post"):
        return lexicon.qualifiers()[match.group("mid") or match.group("post")].qualifier
    return prefix


def scan_figures(raw_text: str) -> list[Figure]:
    """Find every figure in the text, without measures; sorted by start offset."""
    text = normalize_digits(raw_text)
    idiom_spans = [m.span() for m in patterns.idiom_regex().finditer(text)]
    title_spans = [m.span() for m in patterns.BOOK_TITLE.finditer(text)]
    found: list[Figure] = []
    for match in patterns.figure_regex().finditer(text):
        entry = lexicon.units()[match.group("unit")]
        number_start = match.start("num") if not match.group("neg") else match.start("neg")
        if _in_spans(number_start, title_spans):
            continue
        if number_start > 0 and text[number_start - 1] == "第":
            continue
        if _is_chinese(match.group("num")) and _rejects_chinese(match, text, entry.kind, idiom_spans):
            continue
        if entry.kind in TIME_KINDS and number_start > 0 and text[number_start - 1] in patterns.PERIOD_BEFORE:
            continue
        if entry.unit == "年" and patterns.YEARS_AGO_AFTER.match(text, match.end()):
            continue  # 20年前 is a date (the year twenty years back), not a duration
        if _is_false_continuation(text, match.start("unit"), match.group("unit")):
            continue
        if entry.unit == "级" and not LEVELS_BEFORE.search(text, 0, number_start):
            continue
        if in_quoted_name(text, number_start, match.end()):
            continue
        try:
            value, value_max = _values(match)
        except ValueError:
            continue
        if _is_year_or_code(match, value, entry.unit):
            continue
        if match.group("num") in ("百", "千", "万"):
            number_start -= 1  # the 上 of 上千名 (see _rejects_chinese)
        start, prefix, strength, change = _left_words(text, number_start)
        figure = Figure(
            text=raw_text[start : match.end()],
            value=value,
            value_max=value_max,
            unit=entry.unit,
            qualifier=_pick_qualifier(match, prefix, strength),
            measure=None,
            change=change,
            start=start,
            end=match.end(),
        )
        found.append(figure)
        found.extend(_dimension_head(text, raw_text, figure, number_start))
    found.extend(bare_magnitudes(text, raw_text, found, Figure))
    found.extend(fractions(text, raw_text, found, Figure))
    found.extend(dollar_amounts(text, raw_text, found, Figure))
    return join_ranges(raw_text, sorted(found, key=lambda figure: figure.start))


def _dimension_head(text: str, raw_text: str, figure: Figure, number_start: int) -> list[Figure]:
    """16×10cm: the first side becomes its own figure with the shared unit."""
    head = patterns.DIMENSION_HEAD.search(text[max(0, number_start - 16) : number_start])
    if not head:
        return []
    start = number_start - (len(head.group(0)))
    end = start + len(head.group(1))
    return [
        Figure(
            text=raw_text[start:end],
            value=float(head.group(1)),
            value_max=None,
            unit=figure.unit,
            qualifier=None,
            measure=None,
            change=None,
            start=start,
            end=end,
        )
    ]
