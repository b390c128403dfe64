"""The period a figure measures: chosen from the date mentions around it and named by its kind.

Pure: takes the article text, the figure's span and the date extractor's mentions (as plain spans), returns dates."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from stats.extraction.scopes import Ordered, Scopes

# A 截至… date closes a stock at a year's end (截至2018年底，全省有…); within a year it closes the year so far, and a
# figure counted then is a flow from 1 January (截至9月底，全省城镇新增就业98万人 → 1 January to 30 September),
# unless its clause names a stock (失业率, 余额, 仍有 …); a flow word makes it one even at a year's end.
FLOW_WORDS = re.compile(r"新增|新建|新开工|完成|实现|发放|培训|转移|招聘|帮扶|救助|接待|受理|办理|今年|年内|年初")
STOCK_WORDS = re.compile(r"失业率|余额|总量|总数|现有|还有|共有|仍有|尚有|人口|参保|在册|存量|保有|累计")
UNTIL_WORDS = re.compile(r"^(?:截至|截止)")
# A year's plan or target right before the figure (完成年度计划(100万)…, 完成全年900万人目标), or 全年 opening its
# clause (全年城镇新增就业达141万人): the whole year. (完成全年目标的73% is the share done so far: not matched.)
WHOLE_YEAR = re.compile(r"(?:年度计划|全年计划|年计划|年度目标|年目标任务?|全年目标任务?)[（(：:为是]?$|全年")
SHARE_OF_PLAN = re.compile(r"(?:目标|计划|任务)[^，,。；;]*的$")
LAST_YEAR = re.compile(r"过去一年|过去的一年")
# Inside a span of several years, 从/由 X … 到 Y: X is the first year's value, Y the last one's.
FROM_VALUE = re.compile(r"(?:从|由)[^，,。；;到至]*$")
TO_VALUE = re.compile(r"(?:到|至)了?$")
# Dates that are not the period measured: a dateline (11月2日电, 2026/01/16 05:30), the day something was told
# (记者3日获悉, 11日召开发布会), or the base of a comparison (比2010年增长, 较3月份下降).
DATELINE_AFTER = re.compile(r"\s*(?:电|讯|\d{1,2}:\d{2})")
TOLD_AFTER = re.compile(r"[^，,。；;！？!?\n]{0,24}?(?:获悉|了解到|获知|透露|召开|举行|举办的?新闻|发布会|报道)")
COMPARED_BEFORE = re.compile(r"(?:比|较|与|同|相比|对比)$")
COMPARED_AFTER = re.compile(r"\s*(?:同期|相比|同月|末)")
EFFECTIVE_AFTER = re.compile(r"\s*起?(?:生效|施行|实施|执行)")
# A stock at the end of a year or month (2014年底的88733户): a point, with no start.
AT_END = re.compile(r"[底末]$")
# The issue date as a point: 目前, 截至目前, 至今 … (目前，黄陂63个小区旧貌换新颜).
NOW_WORDS = re.compile(r"截至目前|截止目前|目前|至今|如今|至此|当前|现有")
PERIOD_KINDS = ("year", "half", "quarter", "month", "to-date", "point")


@dataclass(frozen=True)
class DateSpan:
    """A date mention as the attribution needs it: inclusive start/end (either may be None) and its offsets."""

    start: date | None
    end: date | None
    start_offset: int
    end_offset: int
    text: str = ""


def usable_spans(text: str, spans: list[DateSpan], published_on: date | None) -> list[DateSpan]:
    """The date mentions that can govern a figure, with 目前-like words as the issue date; in text order."""
    found = []
    for span in spans:
        if not (span.start or span.end):
            continue
        if DATELINE_AFTER.match(text, span.end_offset) or TOLD_AFTER.match(text, span.end_offset):
            continue
        if COMPARED_BEFORE.search(text, max(0, span.start_offset - 2), span.start_offset):
            continue
        if COMPARED_AFTER.match(text, span.end_offset) and not AT_END.search(text[span.start_offset : span.end_offset]):
            continue
        if EFFECTIVE_AFTER.match(text, span.end_offset):
            span = replace(span, end=None)
        elif span.end and (span.start == span.end or AT_END.search(text[span.start_offset : span.end_offset])
                           or text[span.end_offset : span.end_offset + 1] in ("底", "末")):
            span = replace(span, start=None)  # a day, or a year's or month's end: a point in time
        found.append(span)
    if published_on is not None:
        taken = Ordered(spans, start=lambda s: s.start_offset, end=lambda s: s.end_offset)
        for match in NOW_WORDS.finditer(text):
            if taken.covering(match.start()) is None:
                found.append(DateSpan(None, published_on, match.start(), match.end(), match.group(0)))
        for match in LAST_YEAR.finditer(text):
            year = published_on.year - 1
            found.append(DateSpan(date(year, 1, 1), date(year, 12, 31), match.start(), match.end(), match.group(0)))
    return sorted(found, key=lambda s: s.start_offset)


def governing_span(figure_start: int, figure_end: int, spans: Ordered, scopes: Scopes) -> DateSpan | None:
    """The date expression that governs a figure: the nearest one before it in its clause, else in its sentence
    (before, then after it in the same clause), else earlier in its paragraph (not a point in time: the day of an
    event or a stock does not date what follows it); None when the text states none."""
    clause_start, clause_end = scopes.clause(figure_start, figure_end)
    sentence_start, _ = scopes.sentence(figure_start)
    paragraph_start, _ = scopes.paragraph(figure_start)
    return (
        spans.last_before(clause_start, figure_start)
        or spans.last_before(sentence_start, figure_start)
        or spans.first_from(figure_end, clause_end)
        or spans.last_before(paragraph_start, sentence_start, lambda s: s.start is not None)
    )


def figure_period(text: str, figure_start: int, figure_end: int, spans: Ordered, scopes: Scopes,
                  published_on: date | None = None) -> tuple[date | None, date | None]:
    """(period_start, period_end) of a figure; both None when no period is stated. `spans` are the article's date
    mentions that can govern a figure (`usable_spans`, ordered); the issue date gives the year of a plan none dates."""
    span = governing_span(figure_start, figure_end, spans, scopes)
    clause_start, clause_end = scopes.clause(figure_start, figure_end)
    clause = text[clause_start:figure_start]
    if WHOLE_YEAR.search(clause) and not SHARE_OF_PLAN.search(clause):
        year = (span.end or span.start).year if span is not None else (published_on.year if published_on else None)
        return (date(year, 1, 1), date(year, 12, 31)) if year else (None, None)
    if span is None:
        return None, None
    start, end = span.start, span.end
    opened = spans.last_before(scopes.sentence(figure_start)[0], span.start_offset,
                               lambda s: s.start is not None and s.end is None)
    if start is None and end is not None and opened:
        return opened.start, end  # 自2008年…以来，到2018年底
    if start is None and end is not None and UNTIL_WORDS.search(span.text):
        words = text[clause_start:clause_end]
        if FLOW_WORDS.search(words) or (end.month != 12 and not STOCK_WORDS.search(words)):
            start = date(end.year, 1, 1)
    if start is not None and end is not None and start.year != end.year:
        if FROM_VALUE.search(clause):
            return start, date(start.year, 12, 31)
        if TO_VALUE.search(clause):
            return date(end.year, 1, 1), end
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
