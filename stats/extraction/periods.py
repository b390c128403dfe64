"""The period a figure measures: chosen from the date mentions around it and named by its kind.

Pure: takes the article text, the figure's span and the date extractor's mentions (as plain spans), returns dates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from stats.extraction.scopes import Scopes

# A 截至… date closes a stock (截至2018年底，全省有…); with one of these words the figure is a flow counted from the
# start of that year (截至9月底，全省城镇新增就业98万人 → 1 January to 30 September).
FLOW_WORDS = re.compile(r"新增|新建|新开工|完成|实现|发放|培训|转移|招聘|帮扶|救助|接待|受理|办理|今年|年内|年初|累计新增")
# Dates that name when the text was written, or an article's dateline, not what a figure measures.
DATELINE_AFTER = re.compile(r"^\s*(?:电|讯)")
PERIOD_KINDS = ("year", "half", "quarter", "month", "to-date", "point")


@dataclass(frozen=True)
class DateSpan:
    """A date mention as the attribution needs it: inclusive start/end (either may be None) and its offsets."""

    start: date | None
    end: date | None
    start_offset: int
    end_offset: int


def governing_span(text: str, figure_start: int, figure_end: int, spans: list[DateSpan],
                   scopes: Scopes) -> DateSpan | None:
    """The date expression that governs a figure: the nearest one before it in its clause, else in its sentence
    (before, then after it in the same clause), else earlier in its paragraph; None when the text states none."""
    usable = [s for s in spans if (s.start or s.end) and not DATELINE_AFTER.match(text, s.end_offset)]
    clause_start, clause_end = scopes.clause(figure_start, figure_end)
    sentence_start, _ = scopes.sentence(figure_start)
    paragraph_start, _ = scopes.paragraph(figure_start)
    for low in (clause_start, sentence_start):
        before = [s for s in usable if low <= s.start_offset and s.end_offset <= figure_start]
        if before:
            return before[-1]
    after = [s for s in usable if figure_end <= s.start_offset and s.end_offset <= clause_end]
    if after:
        return after[0]
    earlier = [s for s in usable if paragraph_start <= s.start_offset and s.end_offset <= sentence_start]
    return earlier[-1] if earlier else None


def figure_period(text: str, figure_start: int, figure_end: int, spans: list[DateSpan],
                  scopes: Scopes) -> tuple[date | None, date | None]:
    """(period_start, period_end) of a figure; both None when no period is stated."""
    span = governing_span(text, figure_start, figure_end, spans, scopes)
    if span is None:
        return None, None
    start, end = span.start, span.end
    if start is None and end is not None:
        clause_start, clause_end = scopes.clause(figure_start, figure_end)
        words = text[min(clause_start, span.start_offset) : clause_end]
        if FLOW_WORDS.search(words):
            start = date(end.year, 1, 1)
    return start, end


def period_kind(start: date | None, end: date | None) -> str | None:
    """year, half, quarter, month, to-date (from 1 January to a month's end) or point; None when no period or
    when the span is none of these (several years, an open end)."""
    if end is None:
        return None
    if start is None or start == end:
        return "point"
    if start.year != end.year:
        return None
    month_end = (end + timedelta(days=1)).day == 1
    if not (start.day == 1 and month_end):
        return None
    months = end.month - start.month + 1
    if months == 12:
        return "year"
    if months == 6 and start.month in (1, 7):
        return "half"
    if months == 3 and start.month in (1, 4, 7, 10):
        return "quarter"
    if months == 1:
        return "month"
    if start.month == 1:
        return "to-date"
    return None
