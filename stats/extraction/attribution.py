"""What each figure is about: its region, period, programme, change-or-level and sentence.

Pure: the article text, its figures and the other extractors' mentions (passed in as plain spans) in; the figures'
attribution fields filled in place. Judged from the figure's clause, then its sentence, then its paragraph, then the
article's focus (the issue's order)."""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from policies.extraction.vocabulary import vocabulary
from stats.extraction.periods import DateSpan, comparison_bases, figure_period, lead_period, period_kind, usable_spans
from stats.extraction.scopes import Ordered, Scopes

NATIONAL = "000000"
REGION_WORDS_CSV = Path(__file__).resolve().parent.parent / "data" / "region_words.csv"
# 国家 or 中国 right before a figure is the national figure (低于国家4.6%的控制目标, 中国832个贫困县); elsewhere they
# name the state or an organisation (中国张掖网).
NATIONAL_FIGURE = re.compile(r"(?:国家|中国)(?=[\d〇一二三四五六七八九十])")
# A count of provinces (河北、山西…等11个省区市165个贫困县, 又有8省市, 全国31个省(自治区、直辖市)) spans several of them: what
# it counts, and what its clause counts after it, is the country's. Read at the end of the count's noun.
PROVINCE_COUNT = re.compile(r"[\d〇一二三四五六七八九十两]个?(?:省区市|省市区|省区|省市|省份|省)(?![级委长会内外直属政府厅])")
# A count of provinces that is the yardstick (占东部8省市吸纳…的45%): not the figure's place.
COMPARED_COUNT = re.compile(r"(?:占|[低高多少快慢优]于|比|较)[^，,。；;、]{0,4}$")
# A division named as the yardstick, not the subject: 占全国…, 低于全国平均, 全国唯一, 闻名全国.
COMPARED_BEFORE = re.compile(r"(?:占|[低高多少快慢优]于|比|较|居|领跑|闻名|享誉|誉满|走在|位居|名列)$")
COMPARED_AFTER = re.compile(r"^(?:的)?(?:比重|平均|唯一|首位|前列|第[一二三四五六七八九十\d]|人大|政协|总工会|妇联|劳模|"
                            r"先进|优秀|模范|重点|统一|各地|\d+/\d+|[一二三四五六七八九十]分之)")
# A dateline place (新华社拉萨4月24日电, 人民网南昌1月15日电, 晋城讯) is where the story was filed, not what its figures
# are about.
DATELINE_AFTER = re.compile(r"\s*(?:(?:\d{1,2}|[一二三四五六七八九十]{1,2})月)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})日\s*电|讯|电\s*[（(]")
# A division in a list (龙胜、资源、田阳…9个县; 固始县等16个县): the figure counts the set, not that division.
LISTED_AFTER = re.compile(r"、|等")
LISTED_BEFORE = re.compile(r"、$")
# Change words right before a figure (after the 同比/比上年 comparison): a change, not a level. The figure scanner
# takes most of them into the figure itself (`change`); these catch the ones separated from the number.
CHANGE_BEFORE = re.compile(
    r"(?:增长|下降|增加|减少|提高|降低|上升|下滑|回落|涨|下跌|提升|增幅|降幅|涨幅|跌幅|增速|调高|调低|上调|下调|加码|低|高)"
    r"(?:了|率|幅度)?(?:为|达到?|约|近|超过?|逾|高达|出)?$"
)
RATE_OF_CHANGE = re.compile(r"增幅|降幅|涨幅|跌幅|调幅|增速|增长率|增长速度")  # 增幅多年保持在9%以上
LIST_JOIN = re.compile(r"^\s*(?:、|和|及|与)\s*$")  # 分别增长81.5%、111.6%
MORE_OR_LESS = re.compile(r"(?:多|少)了?$")  # 比上年多3万人 (a change only after a comparison: 多达 is a level)
COMPARISON_BEFORE = re.compile(r"(?:同比|环比|比上年|比去年|较上年|较去年|比上年同期|比去年同期|较上年同期)")
TO_LEVEL = re.compile(r"(?:到|至)(?:了)?$")  # 提高到90%, 增至5万人: the new level, not the change
CHANGE_UNITS = frozenset({"百分点", "个百分点"})


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
    kind: str = "program"


def attribute_figures(text: str, figures: list, *, places: list[PlaceSpan], dates: list[DateSpan],
                      programs: list[ProgramSpan], focus_region: str | None = None,
                      home_region: str | None = None, headline_region: str | None = None,
                      published_on: date | None = None, headline_dates: list[DateSpan] = ()) -> None:
    """Fill region_code, period_start/_end/_kind, program, is_change and sentence on every figure, in place.

    `text` is the text the extractors read (the simplified view for a traditional article; same offsets);
    `headline_dates` the date mentions of the article's headline (its period, when it names one)."""
    scopes = Scopes(text)
    named = sorted(places + _word_places(text), key=lambda p: p.start)
    fallback = headline_region or focus_region or home_region or _most_named(named)
    subjects = Ordered([p for p in named if not _compared(text, p) and not _listed(text, p)
                        and not DATELINE_AFTER.match(text, p.end)])
    counts = Ordered(_province_counts(text))
    programs = _division_plans(text, programs, named)
    linked_programs = Ordered(programs)
    topic = article_programme(programs)
    usable_list = usable_spans(text, dates, published_on)
    usable = Ordered(usable_list, start=lambda s: s.start_offset, end=lambda s: s.end_offset)
    lead = lead_period(text, usable_list, [s for s in headline_dates if s.start or s.end])
    bases = Ordered(comparison_bases(text, dates), start=lambda s: s.start_offset, end=lambda s: s.end_offset)
    previous = None
    for figure in figures:
        figure.region_code = figure_region(figure.start, figure.end, subjects, scopes, counts) or fallback
        figure.is_change = is_change(text, figure, scopes) or bool(
            previous is not None and previous.is_change and LIST_JOIN.match(text[previous.end : figure.start]))
        figure.period_start, figure.period_end = figure_period(
            text, figure.start, figure.end, usable, scopes, published_on, value=figure.value, unit=figure.unit,
            is_change=figure.is_change, bases=bases, lead=lead)
        figure.period_kind = period_kind(figure.period_start, figure.period_end)
        linked = figure_program(figure.start, figure.end, linked_programs, scopes, topic)
        figure.program, figure.program_kind = (linked.name, linked.kind) if linked else (None, None)
        figure.sentence = scopes.sentence_text(figure.start, figure.end)
        previous = figure


@cache
def _region_words() -> tuple[tuple[str, str], ...]:
    with REGION_WORDS_CSV.open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return tuple((row["word"], row["code"]) for row in rows)


@cache
def _region_word_regex() -> re.Pattern[str]:
    words = sorted((word for word, _ in _region_words()), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def _word_places(text: str) -> list[PlaceSpan]:
    codes = dict(_region_words())
    found = [PlaceSpan(codes[m.group(0)], m.start(), m.end()) for m in _region_word_regex().finditer(text)]
    found += [PlaceSpan(NATIONAL, m.start(), m.end()) for m in NATIONAL_FIGURE.finditer(text)]
    return found


def _province_counts(text: str) -> list[PlaceSpan]:
    """A count of provinces names the country for its own clause only (东北三省一区大型招聘 does not make the next
    sentence's counts national); not when it is the yardstick (占东部8省市…的45%)."""
    return [PlaceSpan(NATIONAL, m.end(), m.end()) for m in PROVINCE_COUNT.finditer(text)
            if not COMPARED_COUNT.search(text, max(0, m.start() - 6), m.start())]


def _compared(text: str, place: PlaceSpan) -> bool:
    return bool(COMPARED_BEFORE.search(text, max(0, place.start - 2), place.start)
                or COMPARED_AFTER.match(text[place.end : place.end + 8]))


def _listed(text: str, place: PlaceSpan) -> bool:
    return bool(LISTED_AFTER.match(text, place.end) or LISTED_BEFORE.search(text, max(0, place.start - 1), place.start))


def _most_named(places: list[PlaceSpan]) -> str | None:
    counts = Counter(p.code for p in places)
    return counts.most_common(1)[0][0] if counts else None


def figure_region(start: int, end: int, places: Ordered, scopes: Scopes, counts: Ordered | None = None
                  ) -> str | None:
    """The division named nearest before the figure in its clause, else after it in its clause, else the country
    when its clause counts provinces (河北、山西…等11个省区市165个贫困县), else a division before it in its sentence,
    else after it in its sentence, else before it in its paragraph. None when none names one."""
    clause_start, clause_end = scopes.clause(start, end)
    sentence_start, sentence_end = scopes.sentence(start, end)
    paragraph_start, _ = scopes.paragraph(start)
    found = (
        places.last_before(clause_start, start)
        or places.first_from(end, clause_end)
        or (counts and (counts.last_before(clause_start, start) or counts.first_from(end, clause_end)))
        or places.last_before(sentence_start, start)
        or places.first_from(end, sentence_end)
        or places.last_before(paragraph_start, start)
    )
    return found.code if found else None


def figure_program(start: int, end: int, programs: Ordered, scopes: Scopes, topic: ProgramSpan | None = None
                   ) -> ProgramSpan | None:
    """The programme named in the figure's clause (nearest before it, else after it) unless it is one of a list
    the figure counts jointly; else a programme named before it in its sentence, not one of a list and not a
    register or campaign (建档立卡贫困人口, 向脱贫攻坚发起总攻: they qualify their own clause, not the sentence's other
    counts); else the article's programme (`article_programme`), when it has one."""
    text = scopes.text
    clause_start, clause_end = scopes.clause(start, end)
    sentence_start, _ = scopes.sentence(start, end)
    found = programs.last_before(clause_start, start, linkable) or programs.first_from(end, clause_end, linkable)
    if found and not _names_the_sentence(found) and "、" in text[found.end : start] and (
            AFTER_A_NUMBER.search(text, max(0, found.start - 1), found.start)):
        found = None  # 实现116万建档立卡贫困人口脱贫、1452个贫困村出列: the register qualifies its own item
    if found:
        if _in_list(text, found):
            return None  # 高龄津贴、长者生活津贴和伤残津贴金额划一调高3.3%
        return _sentence_subject(text, found, programs, sentence_start) or found
    before = programs.last_before(sentence_start, start, lambda p: _names_the_sentence(p) or _carried_out(text, p))
    if before is not None:
        return None if _in_list(text, before) else _sentence_subject(text, before, programs, sentence_start) or before
    return topic


# A scheme's name inside the noun for its money (失业保险费, 医保基金) names what is paid, not the programme paying it.
MONEY_OF_SCHEME = re.compile(r"费|基金")


def _sentence_subject(text: str, found: ProgramSpan, programs: Ordered, sentence_start: int) -> ProgramSpan | None:
    """The programme opening the sentence as its subject, when the one found nearer the figure is only inside the
    noun for a scheme's money (稳岗返还政策加快落地,1至9月共返还失业保险费275亿元 → 稳岗返还)."""
    if not MONEY_OF_SCHEME.match(text, found.end):
        return None
    opener = programs.first_from(sentence_start, found.start, _names_the_sentence)
    if opener is None or opener.name == found.name or text[sentence_start : opener.start].strip():
        return None
    return opener


@cache
def _strategies() -> frozenset[str]:
    """Names of national or regional strategies (乡村振兴 for 乡村振兴战略): the vocabulary's entries named …战略,
    with their aliases."""
    return frozenset(form for entry in vocabulary() if entry.name.endswith("战略") for form in entry.forms)


def is_strategy(program: ProgramSpan) -> bool:
    return program.name.endswith("战略") or program.name in _strategies()


def article_programme(programs: list[ProgramSpan]) -> ProgramSpan | None:
    """The programme an article is about: the programme (not a register or campaign, nor a strategy) named most
    often, at least twice and at least three times as often as any other. A figure whose sentence names no
    programme counts under it (an article on 创业担保贷款: 为300多家小微企业发放贷款2亿多元). A strategy (乡村振兴) is
    what a whole field of work serves, not a scheme its figures are counted under (an article on 乡村振兴: 粮食产量
    达到430.38亿斤 counts no programme)."""
    counts = Counter(p.name for p in programs if linkable(p) and p.kind == "program" and not is_strategy(p))
    if not counts:
        return None
    ranked = counts.most_common(2)
    name, times = ranked[0]
    if times < 2 or (len(ranked) > 1 and ranked[1][1] * 3 > times):
        return None
    return next(p for p in programs if p.name == name)


# A "programme" name that opens with a verb is a phrase about some work (完成年度计划, 涉及危房改造计划), not a name
# a figure can be counted under; nor is one with a verb or a hedge inside (山东全省城镇新增就业完成年度计划, 政府亦计划,
# 建议方案, 各种闸涵工程) or a designation cut short (河南省农民工返乡创业示范).
VERB_OPENED = re.compile(r"^(?:完成|涉及|实施|开展|推进|落实|实现|组织|加快|全面)|完成年度计划$")
NOT_A_NAME = re.compile(r"完成|亦|建议|各种|示范$")
# A division's name and a bare 计划 (广西计划今年完成…: "Guangxi plans"): a verb, not a programme.
AFTER_A_NUMBER = re.compile(r"[\d万亿千百十]$")
PLAIN_PLAN = re.compile(r"(?:省|市|区|县)?(?:计划|方案|打算)")


def linkable(program: ProgramSpan) -> bool:
    return not (VERB_OPENED.match(program.name) or NOT_A_NAME.search(program.name))


# A campaign the sentence says is launched or carried out (启动助力民营经济发展壮大行动，组织2065名…; 大力推进乡村建设
#行动，…今年建设6000个…): the sentence's counts are its work.
CARRIED_OUT = re.compile(r"(?:启动|实施|推进|开展|组织实施|推动|落实)[“\"「]?$")


def _carried_out(text: str, program: ProgramSpan) -> bool:
    return program.kind == "campaign" and linkable(program) and bool(
        CARRIED_OUT.search(text, max(0, program.start - 5), program.start))


def _names_the_sentence(program: ProgramSpan) -> bool:
    return linkable(program) and program.kind not in ("mechanism", "campaign")


def _division_plans(text: str, programs: list[ProgramSpan], places: list[PlaceSpan]) -> list[ProgramSpan]:
    """The programme mentions without the ones that are a division's name and 计划 (广西计划)."""
    ends = {place.start: place.end for place in places}
    return [p for p in programs if not (p.start in ends and PLAIN_PLAN.fullmatch(text[ends[p.start] : p.end]))]


def _in_list(text: str, program: ProgramSpan) -> bool:
    """A programme named in a list (“粤菜师傅”“广东技工”…, 廉租住房、经济适用住房等, 高龄津贴、长者生活津贴和伤残津贴):
    no one of them is what a figure counting them jointly counts."""
    after = text[program.end : program.end + 2]
    before = text[max(0, program.start - 2) : program.start]
    if re.search(r"、[^，,。；;]{1,12}(?:和|及|与)$", text[max(0, program.start - 14) : program.start]):
        return True
    return bool(re.match(r"[”’」]?[、“‘「]|[”’」]?等|、", after) or re.search(r"、[“‘「]?$|[”’」][“‘「]$", before))


# 增速比农村居民人均可支配收入高6.1个百分点, 增速高于城镇居民2.1个百分点: the gap between two groups' rates, a level;
# against an earlier time (比上年高0.5个百分点, 较一季度回落) it is a change.
GAP_BEFORE = re.compile(r"(?:高于|低于|快于|慢于|比(?P<than>[^，,。；;]{1,16}?)(?:高|低|快|慢)出?)(?P<rest>[^，,。；;]{0,16})了?$")
TIME_WORDS = re.compile(r"上年|去年|前年|同期|上月|上季|年|月|季度|以前|之前|此前|过去")


def _gap_between_groups(left: str) -> bool:
    match = GAP_BEFORE.search(left)
    return bool(match) and not TIME_WORDS.search(match.group(0))


def is_change(text: str, figure, scopes: Scopes) -> bool:
    """True for a change (同比增长8.2%, 增加5万人, 提高3个百分点), False for a level (增至5万人, 新增就业98万人)."""
    if getattr(figure, "change", None):
        return True
    clause_start, _ = scopes.clause(figure.start, figure.end)
    left = text[clause_start : figure.start]
    if figure.unit in CHANGE_UNITS:
        return not _gap_between_groups(left)
    if TO_LEVEL.search(left):
        return False
    if CHANGE_BEFORE.search(left) or RATE_OF_CHANGE.search(left):
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
    return [DateSpan(_get(m, "start"), _get(m, "end"), _get(m, "start_offset"), _get(m, "end_offset"),
                     _get(m, "text") or "") for m in mentions]


def spans_from_programs(mentions: list) -> list[ProgramSpan]:
    return [ProgramSpan(_get(m, "name"), _get(m, "start"), _get(m, "end"), _get(m, "kind") or "program")
            for m in mentions if _get(m, "kind") != "document"]


def _get(record, name: str):
    return record.get(name) if isinstance(record, dict) else getattr(record, name, None)


__all__ = ["DateSpan", "PlaceSpan", "ProgramSpan", "attribute_figures", "places_from_regions",
           "spans_from_dates", "spans_from_programs"]
