"""The period a figure measures: chosen from the date mentions around it and named by its kind.

Pure: takes the article text, the figure's span and the date extractor's mentions (as plain spans), returns dates.

Which date governs a figure, nearest first: one before it in its clause; an effective date (上调3.3%，2月1日生效) or
the period money is for (拨付资金1.5亿元，用于2018年度…) later in its sentence; one before it in its sentence; one
after it in its clause; one earlier in its paragraph; the last one before a paragraph that goes on with the one before
it (其中，转移到省外20.75万人; 此外…; 从区域分布看…). A day on its own (23日, 2月7日上午) dates an event and an end
before 的 (2014年底的88733户) its own phrase, so neither governs the sentences after it.

Then the figure's own words shape the period: a target is the year's (低于4.5%的控制目标); 连续10年 ends with the
governing year; 截至 a month's end is the year so far for a flow or a progress report, a point for a stock; 从A…到B
gives A the first date and B the second; a change since a named earlier date (比2012年增长, 较3月份下降) spans from
it; an outcome a project is to bring (建成后将新增…) has no period."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from stats.extraction.scopes import Ordered, Scopes

# A 截至… date closes a stock at a year's end (截至2018年底，全省有…); within a year it closes the year so far, and a
# figure counted then is a flow from 1 January (截至9月底，全省城镇新增就业98万人 → 1 January to 30 September),
# unless its clause names a stock (失业率, 余额, 仍有 …) or counts since a scheme began (累计); a flow word makes it one
# even at a year's end.
FLOW_WORDS = re.compile(r"新增|新建|新开工|今年|年内|年初")
# A progress report against the year's targets (完成年度任务的98%, 完成率, 同比增长): its counts are the year's so far.
PROGRESS_WORDS = re.compile(r"完成|任务|目标|同比|比上年|较上年|比去年|较去年")
STOCK_WORDS = re.compile(r"失业率|余额|总量|总数|现有|还有|共有|建有|仍有|尚有|人口|参保|在册|存量|保有|累计|床位|正在")
# 累计 before the figure's clause in the same sentence carries over a list (累计发放贷款1180亿元，扶持创业130万人次).
CUMULATIVE = re.compile(r"累计")
UNTIL_WORDS = re.compile(r"^(?:截至|截止|到)")
# A year's plan or target right before the figure (完成年度计划(100万)…, 完成全年900万人目标), or 全年 opening its
# clause (全年城镇新增就业达141万人): the whole year. (完成全年目标的73% is the share done so far: not matched.)
WHOLE_YEAR = re.compile(r"(?:年度计划|全年计划|年计划|年度目标|年目标任务?|全年目标任务?)[（(：:为是]?$|全年")
SHARE_OF_PLAN = re.compile(r"(?:目标|计划|任务)[^，,。；;]*的$")
# The figure is a target itself (低于4.5%的控制目标, 完成省定2亿元目标任务的81.11%, 年度目标计划289万套): a year's.
TARGET_AFTER = re.compile(r"(?:的)?(?:年度|全年|省定|市定|县定)?(?:预期)?(?:控制)?(?:目标|计划(?!生育))")
TARGET_BEFORE = re.compile(r"(?:年度目标计划|年度目标任务|年度任务|年度计划任务)(?:数)?(?:为|是)?$")
LAST_YEAR = re.compile(r"过去一年|过去的一年")
# 当天 / 当日 (the day of an event the text does not date here), 近年来 / 多年来 (some years): the text names a time
# but not which; a figure it governs has no period.
UNTOLD_DAY = re.compile(r"当天|当日|近年来|近些年来?|近几年来?|多年来")
# 十年来, 五年来, 近5年来: the years up to the last full one before the issue date (十年来 in 2022 is 2012–2021).
YEARS_SINCE = re.compile(r"(?<![\d〇一二三四五六七八九十百两多几])(?:近|这|过去)?(?P<n>[2-9]|[1-3]\d|十|[两二三四五六七八九]|二十|三十)"
                         r"(?:多)?年(?:以)?来")
_CN_YEARS = {"十": 10, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "二十": 20,
             "三十": 30}
# 连续10年双过百万, 已连续34年领跑: a run of years ending with the governing year (or the last full one).
RUN_OF_YEARS = re.compile(r"连续$")
# Inside a span of several years, 从/由 X … 到 Y: X is the first year's value, Y the last one's; around an effective
# date (2月1日起，长者生活津贴由4250元增至4343.5元), X is the level before it and Y the level from it on.
FROM_BEFORE_DATE = re.compile(r"[从由]$")
TO_BEFORE_DATE = re.compile(r"(?:到|至)了?$")
# An outcome a project is expected to bring (项目建成后将新增…, 若实施后每年需增加…): no period is counted.
PROSPECTIVE = re.compile(r"建成后?将|建成后|竣工后|投产后|实施后")
FROM_VALUE = re.compile(r"(?:从|由)[^，,。；;到至]*$")
TO_VALUE = re.compile(r"(?:到|至)了?$")
# Dates that are not the period measured: a dateline (11月2日电, 2026/01/16 05:30), the day something was told
# (记者3日获悉, 11日召开发布会), or the base of a comparison (比2010年增长, 较3月份下降).
DATELINE_AFTER = re.compile(r"\s*(?:电|讯|\d{1,2}:\d{2})")
TOLD_AFTER = re.compile(r"[^，,。；;！？!?\n]{0,24}?(?:获悉|了解到|获知|透露|召开|举行|举办的?新闻|发布会|报道)")
# A day on which a body passed, announced or issued something (行政院会昨日通过…草案) dates that act, not a figure.
ACTED_AFTER = re.compile(r"[^，,。；;！？!?\n]{0,6}?(?:通过|宣布|公布|印发|出台|审议)")
COMPARED_BEFORE = re.compile(r"(?:比|较|与|同|相比|对比)$")
# The date something is to happen (重阳礼金将在九月卅日发放, 定于6月召开): when it is paid or held, not the period its
# figures count.
SCHEDULED_BEFORE = re.compile(r"(?:将在|将于|拟于|拟在|定于|预计于|预定于)$")
COMPARED_AFTER = re.compile(r"\s*(?:同期|相比|同月|末)")
SAME_PERIOD_AFTER = re.compile(r"\s*(?:同期|同月)")
DEADLINE_TEXT = re.compile(r"前$")  # 年底前, 6月30日之前: a deadline (a point, never the year so far)
CLAUSE_BREAK_AFTER = re.compile(r"\s*[，,：:]")  # 二季度末，… (an end opening its clause dates what follows)
# A year that is the sentence's subject (2020年是打赢脱贫攻坚战的收官之年) is what is talked about, not when.
SUBJECT_AFTER = re.compile(r"是(?!从|在|由)")
# A month right before a change of rates (福利津贴2月上调3.3%) is when the new rate starts: open end.
ONSET_AFTER = re.compile(r"(?:起)?(?:上调|下调|调高|调低|提高|调整)")
# “十四五”以来 read after the plan ended is the plan's five years.
PLAN_SINCE = re.compile(r"十[一二三四五六七八九]五.{0,2}以来")
EFFECTIVE_AFTER = re.compile(r"\s*起?(?:生效|施行|实施|执行)(?![后以之])")  # not 自2013年实施后 (after it began)
OPEN_TEXT = re.compile(r"起$")
# A stock at the end of a year or month (2014年底的88733户): a point, with no start.
AT_END = re.compile(r"[底末]$")
# The issue date as a point: 目前, 截至目前, 至今 … (目前，黄陂63个小区旧貌换新颜), when it opens its clause or comes
# before a verb; not as an adjective (缓解目前结构性“招工难”问题, 贵州当前新一轮易地扶贫搬迁, 修缮现有闲置公房).
NOW_WORDS = re.compile(r"截至目前|截止目前|目前|至今|如今|当前|现有")
NOW_ADVERBIAL = re.compile(r"截至|截止|至今|(?:目前|如今|当前)(?=[已仍还共全有累正尚达为是在都均，,])")
CLAUSE_OPENING = re.compile(r"(?:^|[，,。；;：:！？!?\n])\s*$")
# 至此 closes what the paragraph has just told (今年前5个月…。至此，累计发放…): the end of the last span before it.
SO_FAR = re.compile(r"至此")
PERIOD_KINDS = ("year", "half", "quarter", "month", "to-date", "point")

# What a span is to a figure: a date or period; the point a stock is counted at (截至…, 二季度末，…, 目前) or an end
# that dates its own phrase (2014年底的88733户); a day alone (the day of an event: it governs its own sentence only);
# a deadline (年底前); an effective date (…生效) or an onset (…起, 2月上调); a time the text does not give (当天,
# 近年来: no period).
DATE, UNTIL, END, DEADLINE, DAY, NOW, EFFECTIVE, ONSET, VAGUE, SINCE = (
    "date", "until", "end", "deadline", "day", "now", "effective", "onset", "vague", "since")
# A date in a clause saying since when something has (not) been (排富条款自2013年实施后便未再调整, 自从二〇二一年以后无人
# 符合资格): the history of a rule, not the period of the figures after it; it dates its own clause only.
SINCE_BEFORE = re.compile(r"(?:自从?|从)$")
SINCE_AFTER = re.compile(r"(?:实施|施行|开始|出台)?(?:以|之)?后")


@dataclass(frozen=True)
class DateSpan:
    """A date mention as the attribution needs it: inclusive start/end (either may be None) and its offsets."""

    start: date | None
    end: date | None
    start_offset: int
    end_offset: int
    text: str = ""
    role: str = DATE


def usable_spans(text: str, spans: list[DateSpan], published_on: date | None) -> list[DateSpan]:
    """The date mentions that can govern a figure, with 目前-like words as the issue date; in text order."""
    found = []
    for span in spans:
        if not (span.start or span.end):
            continue
        if DATELINE_AFTER.match(text, span.end_offset) or TOLD_AFTER.match(text, span.end_offset):
            continue
        if _compared(text, span) or SCHEDULED_BEFORE.search(text, max(0, span.start_offset - 3), span.start_offset):
            continue
        day = span.start is not None and span.start == span.end
        if day and ACTED_AFTER.match(text, span.end_offset):
            continue
        written = text[span.start_offset : span.end_offset]
        if SINCE_BEFORE.search(text, max(0, span.start_offset - 2), span.start_offset) and (
                SINCE_AFTER.match(text, span.end_offset)):
            span = replace(span, role=SINCE)
        elif EFFECTIVE_AFTER.match(text, span.end_offset):
            span = replace(span, end=None, role=EFFECTIVE)
        elif span.start is not None and span.end is None and OPEN_TEXT.search(written):
            span = replace(span, role=ONSET)  # 2月起
        elif span.end and (AT_END.search(written) or text[span.end_offset : span.end_offset + 1] in ("底", "末")):
            span = replace(span, start=None, role=_until_or_end(text, span))  # a year's or month's end: a point
        elif day:
            span = replace(span, start=None, role=UNTIL if UNTIL_WORDS.search(span.text) else DAY)
        elif span.start is None and span.end is not None:
            span = replace(span, role=DEADLINE if DEADLINE_TEXT.search(span.text) else UNTIL)
        elif SUBJECT_AFTER.match(text, span.end_offset):
            continue  # 2020年是打赢脱贫攻坚战的收官之年: the year is what the sentence is about, not when
        elif ONSET_AFTER.match(text, span.end_offset) and _single_month_or_day(span):
            span = replace(span, end=None, role=ONSET)  # 福利津贴2月上调3.3%: from February on
        elif PLAN_SINCE.search(span.text) and span.end is None and published_on is not None:
            span = _ended_plan(span, published_on)
        found.append(span)
    if published_on is not None:
        found += _word_spans(text, spans, published_on)
    found.sort(key=lambda s: s.start_offset)
    return _so_far(text, found)


def _until_or_end(text: str, span: DateSpan) -> str:
    """截至… or an end opening its clause (二季度末，…) dates what follows; an end before 的 (去年10月底的请领人数)
    dates its own phrase."""
    if UNTIL_WORDS.search(span.text) or CLAUSE_BREAK_AFTER.match(text, span.end_offset):
        return UNTIL
    return END


def _single_month_or_day(span: DateSpan) -> bool:
    return span.start is not None and span.end is not None and span.start.year == span.end.year and (
        span.start.month == span.end.month)


def _ended_plan(span: DateSpan, published_on: date) -> DateSpan:
    """“十四五”以来 once the plan is over (an article of 2026) is the plan's five years."""
    last = date(span.start.year + 4, 12, 31)
    return replace(span, end=last) if last < published_on else span


def _compared(text: str, span: DateSpan) -> bool:
    if COMPARED_BEFORE.search(text, max(0, span.start_offset - 2), span.start_offset):
        return True
    return bool(COMPARED_AFTER.match(text, span.end_offset) and not AT_END.search(text[span.start_offset : span.end_offset]))


def _word_spans(text: str, spans: list[DateSpan], published_on: date) -> list[DateSpan]:
    """Spans the date extractor does not give (they are not dates of the annotation guide), read for periods only:
    目前 / 至此 (the issue date), 过去一年 (last year), 十年来 (the last ten full years)."""
    taken = Ordered(spans, start=lambda s: s.start_offset, end=lambda s: s.end_offset)
    found = []
    for match in NOW_WORDS.finditer(text):
        opens_clause = CLAUSE_OPENING.search(text, max(0, match.start() - 2), match.start())
        if taken.covering(match.start()) is None and (opens_clause or NOW_ADVERBIAL.match(text, match.start())):
            found.append(DateSpan(None, published_on, match.start(), match.end(), match.group(0), NOW))
    for match in SO_FAR.finditer(text):
        found.append(DateSpan(None, published_on, match.start(), match.end(), match.group(0), NOW))
    for match in UNTOLD_DAY.finditer(text):
        found.append(DateSpan(None, None, match.start(), match.end(), match.group(0), VAGUE))
    for match in LAST_YEAR.finditer(text):
        year = published_on.year - 1
        found.append(DateSpan(date(year, 1, 1), date(year, 12, 31), match.start(), match.end(), match.group(0)))
    for match in YEARS_SINCE.finditer(text):
        if taken.covering(match.start()) is not None:
            continue
        count = match.group("n")
        years = int(count) if count.isdigit() else _CN_YEARS[count]
        last = published_on.year - 1
        found.append(DateSpan(date(last - years + 1, 1, 1), date(last, 12, 31), match.start(), match.end(),
                              match.group(0)))
    return found


def _so_far(text: str, spans: list[DateSpan]) -> list[DateSpan]:
    """至此 ends where the span told just before it ends (今年前5个月…。至此 → 31 May), in its paragraph."""
    result: list[DateSpan] = []
    for span in spans:
        if span.text == "至此":
            paragraph_start = text.rfind("\n", 0, span.start_offset) + 1
            before = next((s for s in reversed(result) if s.start_offset >= paragraph_start and s.end is not None
                           and s.role in (DATE, UNTIL)), None)
            if before is not None:
                span = replace(span, end=before.end)
        result.append(span)
    return result


# Money paid for a period named after it (拨付资金1.5亿元，用于2018年度…贴息): the period it covers.
COVERS_BEFORE = re.compile(r"(?:用于|用作|用以|补助|兑现)$")


def _covered(text: str, span: DateSpan) -> bool:
    return bool(COVERS_BEFORE.search(text, max(0, span.start_offset - 2), span.start_offset))


def _beyond_its_clause(span: DateSpan) -> bool:
    return span.role != SINCE


def _carries(span: DateSpan) -> bool:
    """Whether a span goes on governing the sentences after its own: not a day alone (the day of an event), nor an
    end that dates its own phrase (去年10月底的请领人数)."""
    return span.role not in (DAY, END, VAGUE, SINCE)


# A paragraph that goes on with the one before: a breakdown (其中, 从区域分布看) or an addition (此外, 另外, 同时).
CONTINUES = re.compile(r"\s*(?:其中|此外|另外|同时|与此同时|从[^，,。]{1,8}(?:看|来看)|分[^，,。]{1,6}看)")


def _continues(text: str, paragraph_start: int) -> bool:
    return bool(CONTINUES.match(text, paragraph_start))


def governing_span(figure_start: int, figure_end: int, spans: Ordered, scopes: Scopes) -> DateSpan | None:
    """The date expression that governs a figure (the order is in the module's docstring); None when the text
    states none."""
    clause_start, clause_end = scopes.clause(figure_start, figure_end)
    sentence_start, sentence_end = scopes.sentence(figure_start)
    paragraph_start, _ = scopes.paragraph(figure_start)
    return (
        spans.last_before(clause_start, figure_start)
        or spans.first_from(figure_end, sentence_end, lambda s: s.role == EFFECTIVE or _covered(scopes.text, s))
        or spans.last_before(sentence_start, figure_start, _beyond_its_clause)
        or spans.first_from(figure_end, clause_end)
        or spans.last_before(paragraph_start, sentence_start, _carries)
        or (_continues(scopes.text, paragraph_start) and spans.last_before(0, paragraph_start, _carries))
        or None
    )


REPORT_KINDS = ("half", "quarter", "to-date")
# How far into an article its lead runs (headline lines, dateline, first sentence): the period named there is the
# article's period.
LEAD_LENGTH = 200


def lead_period(text: str, spans: list[DateSpan], headline_spans: list[DateSpan] = ()) -> DateSpan | None:
    """The period an article reports on: the first reporting period (a half, a quarter or the year so far) in its
    headline, else in its lead (湖北省上半年城镇新增就业50.64万人; 原标题:黑龙江省一季度城镇新增就业9.1万人), when
    that is the first whole period there. A year or a month opening an article is as often background (2013年,
    七八岁之前) as the period reported on: no lead then. `spans` are usable spans (`usable_spans`)."""
    for span in list(headline_spans) + [s for s in spans if s.start_offset < LEAD_LENGTH]:
        if span.role == DATE and span.start is not None and span.end is not None:
            kind = period_kind(span.start, span.end)
            if kind in (None, "point"):
                continue
            return span if kind in REPORT_KINDS else None
    return None


def figure_period(text: str, figure_start: int, figure_end: int, spans: Ordered, scopes: Scopes,
                  published_on: date | None = None, *, value: float | None = None, unit: str | None = None,
                  is_change: bool = False, bases: Ordered | None = None, lead: DateSpan | None = None
                  ) -> tuple[date | None, date | None]:
    """(period_start, period_end) of a figure; both None when no period is stated. `spans` are the article's date
    mentions that can govern a figure (`usable_spans`, ordered); the issue date gives the year of a plan none dates.
    `bases` are the comparison bases (`comparison_bases`): a change since a named earlier date spans from it.
    `lead` is the article's period (`lead_period`): it governs a figure no date around it governs, and it closes an
    open span that starts with it (今年以来 in an article on the first half: 1 January to 30 June)."""
    span = governing_span(figure_start, figure_end, spans, scopes)
    clause_start, clause_end = scopes.clause(figure_start, figure_end)
    clause = text[clause_start:figure_start]
    sentence_start, sentence_end = scopes.sentence(figure_start, figure_end)
    if PROSPECTIVE.search(text, sentence_start, figure_start) and (
            span is None or span.end_offset <= sentence_start or span.start_offset >= figure_end):
        return None, None  # 项目建成后将新增节水灌溉面积0.93万亩: an outcome expected, not counted in a period
    if (WHOLE_YEAR.search(clause) and not SHARE_OF_PLAN.search(clause)) or _is_target(text, figure_start, figure_end):
        year = _year_of(span) or (published_on.year if published_on else None)
        return (date(year, 1, 1), date(year, 12, 31)) if year else (None, None)
    if unit == "年" and value and value == int(value) and RUN_OF_YEARS.search(clause):
        last = (span.end.year if span is not None and span.end else None) or (
            published_on.year - 1 if published_on else None)
        return (date(last - int(value) + 1, 1, 1), date(last, 12, 31)) if last else (None, None)
    if span is None:
        return (lead.start, lead.end) if lead is not None else (None, None)
    start, end = span.start, span.end
    if end is None and span.role == DATE and lead is not None and start == lead.start:
        end = lead.end  # 今年以来 under a headline on 上半年
    if start is None and end is None:
        return None, None  # 当天 (a day the text does not give)
    said = text[max(clause_start, span.end_offset) : figure_start] if span.end_offset <= figure_start else clause
    opened = spans.last_before(scopes.sentence(figure_start)[0], span.start_offset,
                               lambda s: s.start is not None and s.end is None)
    if start is None and end is not None and opened:
        return opened.start, end  # 自2008年…以来，到2018年底
    if start is None and end is not None and span.role == UNTIL:
        if _flow_until(text, span, clause_start, clause_end, text[sentence_start:sentence_end]):
            start = date(end.year, 1, 1)
    if FROM_VALUE.search(said) and span.start_offset < figure_start:
        origin = _from_date(text, spans, sentence_start, span)
        if origin is not None:
            return origin  # 从2014年底的88733户减少到2019年底的2903户，贫困村从644个减少到1个 → 644个 at 2014年底
    if start is not None and end is not None and start.year != end.year:
        if FROM_VALUE.search(said):
            return start, date(start.year, 12, 31)
        if TO_VALUE.search(said):
            return date(end.year, 1, 1), end
    if span.role in (EFFECTIVE, ONSET) and start is not None:
        if FROM_VALUE.search(said):
            return None, start - timedelta(days=1)  # 由原来的4250元 (until the day before)
    if is_change and bases is not None:
        return _since_base(start, end, figure_start, bases, scopes)
    return start, end


def _from_date(text: str, spans: Ordered, sentence_start: int, span: DateSpan) -> tuple[date | None, date | None] | None:
    """The date a 从…到… pair in the sentence starts from, when the governing span is its 到 date."""
    if not TO_BEFORE_DATE.search(text, max(sentence_start, span.start_offset - 2), span.start_offset):
        return None
    origin = spans.last_before(sentence_start, span.start_offset,
                               lambda s: bool(FROM_BEFORE_DATE.search(text, max(0, s.start_offset - 1), s.start_offset)))
    if origin is None:
        return None
    return origin.start, origin.end


def _year_of(span: DateSpan | None) -> int | None:
    known = span and (span.end or span.start)
    return known.year if known else None


def _is_target(text: str, figure_start: int, figure_end: int) -> bool:
    """The figure is a year's target: 低于4.5%的控制目标, 完成省定2亿元目标任务的81.11%, 占年度目标计划289万套的71.6%."""
    return bool(TARGET_AFTER.match(text, figure_end) or TARGET_BEFORE.search(text, max(0, figure_start - 10),
                                                                              figure_start))


def _flow_until(text: str, span: DateSpan, clause_start: int, clause_end: int, sentence: str) -> bool:
    """Whether a figure counted 截至 a date within a year is a flow since 1 January (else a stock at that date): a
    flow word in its clause (新增), or a progress report in its sentence (完成年度任务的98%, 同比增长) and no stock
    word in its clause (失业率, 累计, 正在审批)."""
    words = text[clause_start:clause_end]
    if FLOW_WORDS.search(words):
        return True
    if STOCK_WORDS.search(words):
        return False
    if span.end_offset <= clause_start and CUMULATIVE.search(text, span.end_offset, clause_start) and (
            text.count("\n", span.end_offset, clause_start) == 0):
        return False  # 截至8月底，全省累计发放贷款1180亿元，扶持创业130万人次
    return bool(PROGRESS_WORDS.search(sentence))


def comparison_bases(text: str, spans: list[DateSpan]) -> list[DateSpan]:
    """Date mentions that are the base of a comparison (比2012年, 较3月份, 比一季度末), not 同期 ones."""
    found = []
    for span in spans:
        if not (span.start or span.end) or SAME_PERIOD_AFTER.match(text, span.end_offset):
            continue
        if COMPARED_BEFORE.search(text, max(0, span.start_offset - 2), span.start_offset) or (
                COMPARED_AFTER.match(text, span.end_offset)):
            written = text[span.start_offset : span.end_offset]
            if AT_END.search(written) or text[span.end_offset : span.end_offset + 1] in ("底", "末"):
                span = replace(span, start=None, role=UNTIL)
            found.append(span)
    return found


def _since_base(start: date | None, end: date | None, figure_start: int, bases: Ordered,
                scopes: Scopes) -> tuple[date | None, date | None]:
    """A change from a named earlier date to the governing one spans both (比2012年增长81.5% in 2021: 2012–2021;
    较3月份下降 in June: March–June; 比一季度末减少 at the end of June: 31 March–30 June). A change from the period just
    before (比上年, 比2014年 in 2015, 比5月) or from a base of another kind (1—9月 against 2014年) keeps the period."""
    clause_start, _ = scopes.clause(figure_start, figure_start + 1)
    base = bases.last_before(clause_start, figure_start)
    if base is None or end is None:
        return start, end
    if start is None and base.start is None and base.end is not None and base.end < end:
        return base.end, end  # two points: from the first to the second
    if start is None or base.start is None or base.end is None or base.end >= start:
        return start, end
    if _kind_length(base.start, base.end) != _kind_length(start, end):
        return start, end
    if base.end + timedelta(days=1) == start:
        return start, end  # the period just before
    return base.start, end


def _kind_length(start: date, end: date) -> int | None:
    """The span's length in months when it is whole months, else None."""
    if start.day != 1 or (end + timedelta(days=1)).day != 1:
        return None
    return (end.year - start.year) * 12 + end.month - start.month + 1


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
