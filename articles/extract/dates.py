"""Finds calendar references in article text and resolves them to inclusive ISO day ranges."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from articles.extract.context import ExtractContext
from articles.extract.date_rules import extra, grammar
from articles.extract.date_rules.calendar import (
    RELATIVE_MONTHS,
    RELATIVE_YEARS,
    YEAR_END_PARTS,
    YEAR_PARTS,
    chinese_int,
    holiday_date,
    last_day,
    month_part_span,
    month_span,
    shift_month,
)
from articles.parsing.script import reads_simplified

YEAR_BOUNDS = (1900, 2100)
# A date written without its year is placed in the issue year unless it would start more than this many days
# after the issue date, in which case it is last year's (a report looks back; a near deadline looks ahead).
NEAR_FUTURE_DAYS = 62
# Parts of a year, festivals and the bounds of a period (截至12月31日, 自10月起) are named further ahead: they go to
# the year that puts them nearest the issue date (下半年 in March, 春节 in December, 截至12月31日 in September).
NEAREST_DAYS = 183
Span = tuple[date | None, date | None]


@dataclass
class DateMention:
    """A reference that can be placed on a calendar; start and end are inclusive, end None when open."""

    text: str
    start: date | None
    end: date | None
    start_offset: int
    end_offset: int


@dataclass
class _Point:
    """The parts of one calendar point as written; any may be missing."""

    year: int | None = None
    relative_year: str | None = None
    month: int | None = None
    relative_month: str | None = None
    day: int | None = None
    month_part: str | None = None
    year_part: str | None = None
    first_months: int | None = None
    holiday: str | None = None

    def is_empty(self) -> bool:
        return all(value is None for value in vars(self).values())


def _point(groups: dict[str, str | None], prefix: str) -> _Point:
    def get(name: str) -> str | None:
        return groups.get(prefix + name)

    day = get("d") or get("bd")
    return _Point(
        year=chinese_int(get("y")) if get("y") else None,
        relative_year=get("ry"),
        month=chinese_int(get("m")) if get("m") else None,
        relative_month=get("rm"),
        day=chinese_int(day) if day else None,
        month_part=get("part"),
        year_part=get("q") or (f"年{get('yq') or get('ryq')}" if get("yq") or get("ryq") else None),
        first_months=chinese_int(get("fm")) if get("fm") else None,
        holiday=get("h"),
    )


def _span_in_year(point: _Point, year: int, month: int | None) -> Span:
    """The point's day range once its year (and, for a bare day, its month) are known."""
    if point.holiday:
        day = holiday_date(point.holiday, year)
        return day, day
    if point.year_part in YEAR_END_PARTS:
        last = month_span(year, *YEAR_PARTS[point.year_part])[1]
        return last, last
    if point.year_part:
        return month_span(year, *YEAR_PARTS[point.year_part])
    if point.first_months:
        return month_span(year, 1, point.first_months)
    month = point.month or month
    if month is None:
        if point.day is not None:
            raise ValueError("a day without a month")
        return date(year, 1, 1), date(year, 12, 31)
    if point.day is not None:
        day = date(year, month, point.day)
        return day, day
    if point.month_part:
        return month_part_span(year, month, point.month_part)
    return month_span(year, month, month)


def _resolve(
    point: _Point, published: date | None, default_year: int | None, default_month: int | None, tense: str
) -> tuple[Span, int | None, int | None]:
    """Resolve a point to a span; also return the year and month it was placed in."""
    year, month = point.year, point.month
    if point.relative_month:
        if published is None:
            return (None, None), None, None
        year, month = shift_month(published.year, published.month, RELATIVE_MONTHS[point.relative_month])
    elif point.relative_year:
        if published is None:
            return (None, None), None, None
        year = published.year + RELATIVE_YEARS[point.relative_year]
    if year is not None and not YEAR_BOUNDS[0] <= year <= YEAR_BOUNDS[1]:
        raise ValueError("not a year")
    month = month or (default_month if point.day is not None and point.month is None else None)
    resolved = _pick_partial(point, year or default_year, month, published, tense)
    return resolved


def _pick_partial(
    point: _Point, year: int | None, month: int | None, published: date | None, tense: str
) -> tuple[Span, int | None, int | None]:
    if year is not None:
        return _span_in_year(point, year, month), year, month
    if published is None:
        _span_in_year(point, 2000, month or 1)  # still validate 2月30日 and the like
        return (None, None), None, month
    year = published.year
    start, end = _span_in_year(point, year, month)
    if point.year_part in ("年底", "年末"):
        return (start, end), year, month  # 年底 alone is the end of the issue year, like 6月底 (guide)
    if tense == "future":
        if end is not None and end < published:
            year += 1
    elif start is not None and (start - published).days > _horizon(point, tense):
        year -= 1
    return _span_in_year(point, year, month), year, month


def _horizon(point: _Point, tense: str) -> int:
    """How many days after the issue date a yearless date may start and still be in the issue year."""
    if tense == "past":
        return 0
    if tense == "bound" or point.year_part or point.first_months or point.holiday:
        return NEAREST_DAYS
    return NEAR_FUTURE_DAYS


def _deadline(text: str, start_offset: int, end_offset: int) -> re.Match[str] | None:
    """The …前 after a day, month or month end (6月底前); 春节前返乡 is a time of year, not a deadline."""
    if end_offset <= start_offset or text[end_offset - 1] not in grammar.DEADLINE_ENDINGS:
        return None
    return grammar.DEADLINE_SUFFIX.match(text, end_offset)


def _until_prefix(text: str, start_offset: int, clause_dao: bool = True) -> str:
    """截至/截止/直到 right before a date, or (for calendar points, `clause_dao`) 到 opening its clause; "" when
    there is none."""
    before = text[max(0, start_offset - 4) : start_offset]
    found = grammar.UNTIL_PREFIX.search(before)
    if found:
        return found.group(0)
    if not clause_dao:
        return ""
    found = grammar.CLAUSE_UNTIL_PREFIX.search(text, max(0, start_offset - 3), start_offset)
    return found.group(0).lstrip() if found and found.end() == start_offset else ""


def _tense(text: str, start_offset: int, end_offset: int) -> str:
    """future (将…, …前 deadlines), past (…以来), bound (截至…, …起) or near (anything else) for a date between the
    offsets."""
    before = text[max(0, start_offset - 4) : start_offset]
    after = text[end_offset : end_offset + 4]
    if grammar.FUTURE_CUE.search(before) or _deadline(text, start_offset, end_offset):
        return "future"
    if grammar.PAST_SUFFIX.match(after):
        return "past"
    if _until_prefix(text, start_offset) or grammar.ONSET_SUFFIX.match(after):
        return "bound"
    return "near"


def _candidates(text: str) -> list[tuple[int, int, re.Match[str], str]]:
    found = []
    for kind, regex, hint in (
        ("years", grammar.YEAR_RANGE, None),
        ("months", grammar.MONTH_RANGE, grammar.MONTH_RANGE_HINT),
        ("days", grammar.DAY_RANGE, grammar.DAY_RANGE_HINT),
        ("general", grammar.GENERAL, None),
        *((kind, regex, None) for kind, regex in extra.PATTERNS),
    ):
        if hint is not None and not hint.search(text):
            continue
        for match in regex.finditer(text):
            if match.group(0):
                found.append((match.start(), match.end(), match, kind))
    found.sort(key=lambda item: (item[0], -(item[1] - item[0])))
    chosen, last_end = [], -1
    for item in found:
        if item[0] >= last_end:
            chosen.append(item)
            last_end = item[1]
    return chosen


def _general_span(
    match: re.Match[str], published: date | None, default_year: int | None, tense: str
) -> tuple[Span, int, int | None] | None:
    """Resolve a GENERAL match; return the span, the match end actually used and the year."""
    groups = match.groupdict()
    first, second = _point(groups, "a_"), _point(groups, "b_")
    if first.is_empty():
        return None
    (start, end), year, month = _resolve(first, published, default_year, None, tense)
    used_end = match.end()
    if second.is_empty():
        used_end = grammar.SINGLE.match(match.string, match.start()).end()
    else:
        (_, end), _, _ = _resolve(second, published, year, month, tense)
    return (start, end), used_end, year


def _fixed_range(
    kind: str, match: re.Match[str], published: date | None, default_year: int | None, tense: str
) -> tuple[Span, int | None]:
    groups = match.groupdict()
    if kind == "years":
        first, last = int(groups["y1"]), int(groups["y2"])
        if not (YEAR_BOUNDS[0] <= first <= last <= YEAR_BOUNDS[1]):
            raise ValueError("not a year range")
        return (date(first, 1, 1), date(last, 12, 31)), last
    base = _Point(year=chinese_int(groups["y"]) if groups.get("y") else None, relative_year=groups.get("ry"))
    if tense == "future":
        tense = "near"  # a range is placed by its first day; a look-ahead cue concerns its end (1至8月前)
    if kind == "months":
        first_month, last_month = chinese_int(groups["m1"]), chinese_int(groups["m2"])
        (start, _), year, _ = _resolve(
            _Point(**{**vars(base), "month": first_month}), published, default_year, None, tense
        )
        if year is None:
            return (None, None), None
        return (start, date(year, last_month, last_day(year, last_month))), year
    month = chinese_int(groups["m"])
    (start, _), year, _ = _resolve(
        _Point(**{**vars(base), "month": month, "day": chinese_int(groups["d1"])}),
        published,
        default_year,
        None,
        tense,
    )
    if year is None:
        return (None, None), None
    return (start, date(year, month, chinese_int(groups["d2"]))), year


@reads_simplified(strip_pinyin=True)
def extract_dates(text: str, ctx: ExtractContext | None = None) -> list[DateMention]:
    """Every calendar reference in the text, in order; unresolvable relatives keep start and end None."""
    published = ctx.published_on if ctx else None
    mentions: list[DateMention] = []
    previous_year: int | None = None
    for start_offset, end_offset, match, kind in _candidates(text):
        joined = mentions and grammar.JOINED_TO_PREVIOUS.match(text[mentions[-1].end_offset : start_offset])
        default_year = previous_year if joined else None
        tense = _tense(text, start_offset, end_offset)
        try:
            if kind == "general":
                resolved = _general_span(match, published, default_year, tense)
                if resolved is None:
                    continue
                span, end_offset, year = resolved
                end_offset = start_offset + len(text[start_offset:end_offset].rstrip())
            elif kind in extra.KINDS:
                span, year = extra.resolve(kind, match, published, _sentence_year(text, mentions, start_offset),
                                           _plan_start(mentions))
            else:
                span, year = _fixed_range(kind, match, published, default_year, tense)
        except (ValueError, KeyError):
            continue
        mention = _wrap(text, start_offset, end_offset, span, clause_dao=kind == "general")
        mentions.append(mention)
        previous_year = year if year is not None else (mention.start.year if mention.start else None)
    return mentions


def _plan_start(mentions: list[DateMention]) -> int | None:
    """The first year of the last five-year period named so far (“十四五”, 2021至2025年), else None."""
    for mention in reversed(mentions):
        start, end = mention.start, mention.end
        if start and end and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) \
                and end.year - start.year == 4:
            return start.year
    return None


def _sentence_year(text: str, mentions: list[DateMention], offset: int) -> int | None:
    """The year of the last dated mention earlier in the same sentence (2016年7月19日,…20年前 counts from 2016)."""
    for mention in reversed(mentions):
        if mention.start is None or any(ch in "。！？!?\n" for ch in text[mention.end_offset:offset]):
            return None
        return mention.start.year
    return None


def _wrap(text: str, start_offset: int, end_offset: int, span: Span, clause_dao: bool = True) -> DateMention:
    """Apply 自…以来 / …起 (open end), 截至… and …前 (open start) around the date itself; 到 opening the clause
    counts as 截至 for calendar points (`clause_dao`), not for the web forms (到“十一五”末 stays the plan's end)."""
    start, end = span
    before = text[max(0, start_offset - 4) : start_offset]
    after = text[end_offset : end_offset + 40]
    until = _until_prefix(text, start_offset, clause_dao)
    if until:
        return DateMention(text[start_offset - len(until) : end_offset], None, end, start_offset - len(until), end_offset)
    deadline = _deadline(text, start_offset, end_offset)
    if deadline:
        finish = deadline.end()
        return DateMention(text[start_offset:finish], None, end, start_offset, finish)
    immediate = grammar.OPEN_SUFFIX.match(after)
    opener = grammar.OPEN_PREFIX.search(before)
    if immediate:
        begin = start_offset - len(opener.group(0)) if opener else start_offset
        finish = end_offset + len(immediate.group(0))
        return DateMention(text[begin:finish], start, None, begin, finish)
    if opener and grammar.LATE_OPEN_SUFFIX.match(after):
        begin = start_offset - len(opener.group(0))
        return DateMention(text[begin:end_offset], start, None, begin, end_offset)
    return DateMention(text[start_offset:end_offset], start, end, start_offset, end_offset)


__all__ = ["DateMention", "extract_dates"]
