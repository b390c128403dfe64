"""When a programme or document is in force, when the text says so (自2024年1月1日起施行，有效期至2026年12月31日 /
有效期5年 / 执行至2025年底 / 试行期两年 / 《…方案（2024—2026年）》).

Pure: the article text, one mention's span and the article's date mentions (already resolved against the issue
date: 今年底, 明年6月30日) in; the first and last day in force out, each None when the text does not state it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

# What is read after a mention: the rest of its sentence, stopping at the next 《title》 (whose own validity it is).
SENTENCE_END = re.compile(r"[。！？!?\n]")
# The next sentence is read too when it opens by pointing back at the document (《办法》自…起施行 / 该政策有效期…).
POINTS_BACK = re.compile(r"^\s*(?:该|此|本|上述|这一|这项)?(?:《[^《》]{1,12}》|(?:办法|通知|方案|意见|细则|措施|规定|政策|条例|规划|计划|文件|清单))")
IN_FORCE = r"(?:正式)?(?:施行|实施|执行|生效|试行)"
FROM_ISSUE = re.compile(rf"自(?:印发|发布|公布|颁布|下发)之日起{IN_FORCE}")
FROM_TODAY = re.compile(rf"自即日起{IN_FORCE}?")
FROM_DATE_AFTER = re.compile(rf"^\s*起{IN_FORCE}")  # right after a date mention: 2024年1月1日|起施行
UNTIL_BEFORE = re.compile(r"(?:有效期|试行期|实施期|执行期|期限)(?:为|是)?(?:至|到|截至)\s*$"
                          r"|(?:执行|实施|施行|试行|有效|延续|延长)(?:期)?(?:至|到)\s*$|起\s*(?:至|到)\s*$")
SPAN_BEFORE = re.compile(r"(?:有效期|试行期|实施期限?|执行期限?|期限)(?:为|是)?\s*$")
NUMERALS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
DURATION = re.compile(r"(?:有效期|试行期|实施期|执行期|期限|为期)(?:为|是|暂定)?\s*(?P<n>\d{1,2}|[一二两三四五六七八九十])\s*(?:个)?(?P<unit>年|个月|月)")
# 《…实施方案（2024—2026年）》: the years a plan's title says it covers.
TITLE_YEARS = re.compile(r"[（(]\s*((?:19|20)\d{2})\s*[—–\-－~～至到]+\s*((?:19|20)\d{2})\s*年?\s*[)）]")


@dataclass(frozen=True)
class Validity:
    valid_from: date | None
    valid_to: date | None


def validity(text: str, start: int, end: int, *, dates: list, issued_on: date | None = None,
             published_on: date | None = None) -> Validity | None:
    """The days the mention at text[start:end] is in force, from its title's years and what the rest of its sentence
    (and a next sentence pointing back at it) says; None when nothing is stated. A duration (有效期5年) counts from
    the day it takes effect, and is left unresolved when that day is not stated."""
    valid_from = valid_to = None
    years = TITLE_YEARS.search(text, start, end)
    if years and int(years.group(1)) <= int(years.group(2)):
        valid_from, valid_to = date(int(years.group(1)), 1, 1), date(int(years.group(2)), 12, 31)
    window_start, window_end = end, _window_end(text, end)
    window = text[window_start:window_end]
    found_from, found_to = _stated(text, window_start, window_end, dates)
    if FROM_ISSUE.search(window) and issued_on is not None:
        found_from = found_from or issued_on
    if FROM_TODAY.search(window):
        found_from = found_from or issued_on or published_on
    valid_from, valid_to = found_from or valid_from, found_to or valid_to
    duration = DURATION.search(window)
    if duration and valid_to is None and valid_from is not None:
        valid_to = _plus(valid_from, duration.group("n"), duration.group("unit"))
    if valid_from is None and valid_to is None:
        return None
    if valid_from and valid_to and valid_to < valid_from:
        return Validity(valid_from, None)  # an end before the start is misread: keep what is sure
    return Validity(valid_from, valid_to)


def _window_end(text: str, end: int) -> int:
    """Where the text about this mention stops: the end of its sentence, or the next 《title》 in it (what follows that
    title is about that document); a next sentence that opens by pointing back at the document is read too."""
    stop = SENTENCE_END.search(text, end)
    limit = stop.end() if stop else len(text)
    title = text.find("《", end, limit)
    if title >= 0:
        return title
    if stop and stop.group() != "\n" and POINTS_BACK.match(text[limit:]):
        following = SENTENCE_END.search(text, limit)
        limit = following.end() if following else len(text)
    return limit


def _stated(text: str, begin: int, finish: int, dates: list) -> tuple[date | None, date | None]:
    """The first day in force (a date followed by 起施行, or 自…起 before a verb of force) and the last (a date
    after 至/到, or the end of a stated span 2024年至2026年) among the date mentions inside text[begin:finish]."""
    valid_from = valid_to = None
    for mention in sorted(dates, key=lambda m: _get(m, "start_offset") or 0):
        at, to = _get(mention, "start_offset"), _get(mention, "end_offset")
        if at is None or to is None or not (begin <= at and to <= finish):
            continue
        first, last, surface = _get(mention, "start"), _get(mention, "end"), _get(mention, "text") or ""
        before, after = text[max(begin, at - 8) : at], text[to : to + 6]
        if valid_from is None and first is not None and (
            FROM_DATE_AFTER.match(after) or (surface.startswith(("自", "从")) and surface.endswith("起") and re.match(rf"^\s*[，,]?\s*{IN_FORCE}", after))
            or (surface.endswith("起") and re.match(rf"^\s*{IN_FORCE}", after))
        ):
            valid_from = first
            continue
        if valid_to is None and UNTIL_BEFORE.search(before):
            valid_to = last or first
            continue
        if valid_to is None and SPAN_BEFORE.search(before) and first is not None and last is not None and last > first:
            valid_from, valid_to = valid_from or first, last
    return valid_from, valid_to


def _plus(start: date, n: str, unit: str) -> date:
    """The last day of a span of n years or months starting on `start` (有效期5年 from 2024-01-01: 2028-12-31)."""
    count = int(n) if n.isdigit() else NUMERALS[n]
    months = count * 12 if unit == "年" else count
    month = start.month - 1 + months
    year, month = start.year + month // 12, month % 12 + 1
    day = start.day
    while True:
        try:
            return date(year, month, day) - timedelta(days=1)
        except ValueError:  # 1月31日 plus one month: the span ends on the last day of February
            day -= 1


def _get(record, name: str):
    return record.get(name) if isinstance(record, dict) else getattr(record, name, None)
