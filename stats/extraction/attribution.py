"""What each figure is about: its region, period, programme, change-or-level and sentence.

Pure: the article text, its figures and the other extractors' mentions (passed in as plain spans) in; the figures'
attribution fields filled in place. Judged from the figure's clause, then its sentence, then its paragraph, then the
article's focus (the issue's order)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from stats.extraction.periods import DateSpan, figure_period, period_kind
from stats.extraction.scopes import Scopes

NATIONAL = "000000"
# Words that put a figure at the scale of the whole country (the region extractor has no code for it).
NATIONAL_WORDS = re.compile(r"全国(?!人大|政协|总工会|妇联|工商联|劳模|文明|先进|优秀|模范|重点|统一|各地)|我国|全中国")
# Change words right before a figure (after the 同比/比上年 comparison): a change, not a level. The figure scanner
# takes most of them into the figure itself (`change`); these catch the ones separated from the number.
CHANGE_BEFORE = re.compile(
    r"(?:增长|下降|增加|减少|提高|降低|上升|下滑|回落|上涨|下跌|提升|增幅|降幅|涨幅|跌幅|增速)"
    r"(?:了|率|幅度)?(?:为|达到?|约|近|超过?|逾|高达)?$"
)
MORE_OR_LESS = re.compile(r"(?:多|少)了?$")  # 比上年多3万人 (a change only after a comparison: 多达 is a level)
COMPARISON_BEFORE = re.compile(r"(?:同比|环比|比上年|比去年|较上年|较去年|比上年同期|比去年同期|较上年同期)")
TO_LEVEL = re.compile(r"(?:到|至)(?:了)?$")  # 提高到90%, 增至5万人: the new level, not the change
CHANGE_UNITS = frozenset({"百分点"})


@dataclass(frozen=True)
class PlaceSpan:
    """A region mention as attribution needs it: the division's code and where it is written."""

    code: str
    start: int
    end: int


@dataclass(frozen=True)
class ProgramSpan:
    """A programme mention: its canonical name and where it is written."""

    name: str
    start: int
    end: int


def attribute_figures(text: str, figures: list, *, places: list[PlaceSpan], dates: list[DateSpan],
                      programs: list[ProgramSpan], focus_region: str | None = None,
                      home_region: str | None = None, headline_region: str | None = None) -> None:
    """Fill region_code, period_start/_end/_kind, program, is_change and sentence on every figure, in place.

    `text` is the text the extractors read (the simplified view for a traditional article; same offsets)."""
    scopes = Scopes(text)
    places = sorted(places + _national_places(text), key=lambda p: p.start)
    fallback = headline_region or focus_region or home_region or _most_named(places)
    for figure in figures:
        figure.region_code = figure_region(figure.start, figure.end, places, scopes) or fallback
        figure.period_start, figure.period_end = figure_period(text, figure.start, figure.end, dates, scopes)
        figure.period_kind = period_kind(figure.period_start, figure.period_end)
        figure.program = figure_program(figure.start, figure.end, programs, scopes)
        figure.is_change = is_change(text, figure, scopes)
        figure.sentence = scopes.sentence_text(figure.start, figure.end)


def _national_places(text: str) -> list[PlaceSpan]:
    return [PlaceSpan(NATIONAL, m.start(), m.end()) for m in NATIONAL_WORDS.finditer(text)]


def _most_named(places: list[PlaceSpan]) -> str | None:
    counts = Counter(p.code for p in places)
    return counts.most_common(1)[0][0] if counts else None


def figure_region(start: int, end: int, places: list[PlaceSpan], scopes: Scopes) -> str | None:
    """The division named nearest before the figure in its clause, else its sentence, else its paragraph (before
    it); a division named after it in its clause when none is named before. None when none of these names one."""
    clause_start, clause_end = scopes.clause(start, end)
    sentence_start, _ = scopes.sentence(start, end)
    paragraph_start, _ = scopes.paragraph(start)
    before = [p for p in places if p.end <= start]
    for low in (clause_start, sentence_start):
        inside = [p for p in before if p.start >= low]
        if inside:
            return inside[-1].code
    after = [p for p in places if p.start >= end and p.end <= clause_end]
    if after:
        return after[0].code
    inside = [p for p in before if p.start >= paragraph_start]
    return inside[-1].code if inside else None


def figure_program(start: int, end: int, programs: list[ProgramSpan], scopes: Scopes) -> str | None:
    """The programme named in the figure's clause (nearest before it, else after it), else in its sentence."""
    clause_start, clause_end = scopes.clause(start, end)
    sentence_start, sentence_end = scopes.sentence(start, end)
    for low, high in ((clause_start, clause_end), (sentence_start, sentence_end)):
        before = [p for p in programs if low <= p.start and p.end <= start]
        if before:
            return before[-1].name
        after = [p for p in programs if end <= p.start and p.end <= high]
        if after:
            return after[0].name
    return None


def is_change(text: str, figure, scopes: Scopes) -> bool:
    """True for a change (同比增长8.2%, 增加5万人, 提高3个百分点), False for a level (增至5万人, 新增就业98万人)."""
    if getattr(figure, "change", None):
        return True
    if figure.unit in CHANGE_UNITS:
        return True
    clause_start, _ = scopes.clause(figure.start, figure.end)
    left = text[clause_start : figure.start]
    if TO_LEVEL.search(left):
        return False
    if CHANGE_BEFORE.search(left):
        return True
    return bool(MORE_OR_LESS.search(left) and COMPARISON_BEFORE.search(left))


def places_from_regions(mentions: list) -> list[PlaceSpan]:
    """Region mentions (articles.extract.regions.RegionMention or dicts) → PlaceSpans; townships count for the
    county they lie in."""
    found = []
    for mention in mentions:
        code = _get(mention, "code") or _get(mention, "parent_code")
        if code:
            found.append(PlaceSpan(code, _get(mention, "start"), _get(mention, "end")))
    return found


def spans_from_dates(mentions: list) -> list[DateSpan]:
    return [DateSpan(_get(m, "start"), _get(m, "end"), _get(m, "start_offset"), _get(m, "end_offset"))
            for m in mentions]


def spans_from_programs(mentions: list) -> list[ProgramSpan]:
    return [ProgramSpan(_get(m, "name"), _get(m, "start"), _get(m, "end")) for m in mentions
            if _get(m, "kind") != "document"]


def _get(record, name: str):
    return record.get(name) if isinstance(record, dict) else getattr(record, name, None)


__all__ = ["DateSpan", "PlaceSpan", "ProgramSpan", "attribute_figures", "places_from_regions",
           "spans_from_dates", "spans_from_programs"]
