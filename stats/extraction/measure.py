"""Finds what a figure measures, and the period and region its sentence names."""

from __future__ import annotations

import re
from functools import cache

from stats.extraction import lexicon
from stats.extraction.figures import Figure

CLAUSE_BREAK = re.compile(r"[，,；;。！？!?：:、（）()\n…]")
SENTENCE_BREAK = re.compile(r"[。！？!?；;\n]")
QUOTES = str.maketrans("", "", '“”"‘’「」『』《》 \t\u3000')
MAX_MEASURE = 14
MIN_MEASURE = 2
PREPOSITIONS = set("在对为向从与把被让使将由给于是和及等")
CAUSATIVES = set("让使把将令")
LEADING_CONTEXT = re.compile(
    r"^(?:(?:\d{4}年)?(?:\d{1,2}[—\-–~至到]\d{1,2}月|\d{1,2}月(?:份)?)?(?:以来)?"
    r"|今年(?:以来)?|去年(?:以来)?|全年|上半年|下半年|[一二三四]季度|首季度?|前\d+个月"
    r"|全区|全市|全国|全省|全盟|全旗|全县|我区|我市|各地|各盟市|本地)+"
)
PERIOD = re.compile(
    r"\d{4}年(?:\d{1,2}[—\-–~至到]\d{1,2}月|\d{1,2}月(?:份)?)?(?:以来)?|今年(?:以来)?|去年(?:以来)?"
    r"|上半年|下半年|[一二三四]季度|首季度?|前三季度|全年|前\d+个月|截至\d{1,2}月底|截至\d{4}年\d{1,2}月(?:底)?"
)
REGION = re.compile(r"全自治区|全区|全市|全国|全省|全盟|全旗|全县|我区|我市|我省")


@cache
def _boundary_regex() -> re.Pattern[str]:
    return re.compile(lexicon.alternation(lexicon.measure_boundaries()))


def _stands_alone(phrase: str, start: int, end: int) -> bool:
    """A one-character word counts only when it is not half of a known two-character word."""
    if end - start > 1:
        return True
    compounds = lexicon.measure_compounds()
    return phrase[max(0, start - 1) : end] not in compounds and phrase[start : end + 1] not in compounds


def _boundaries(phrase: str) -> list[re.Match[str]]:
    return [m for m in _boundary_regex().finditer(phrase) if _stands_alone(phrase, m.start(), m.end())]


def _strip_edges(phrase: str) -> str:
    changed = True
    while changed and phrase:
        changed = False
        for word in lexicon.measure_stopwords():
            if phrase.startswith(word) and _stands_alone(phrase, 0, len(word)):
                phrase, changed = phrase[len(word) :], True
            elif phrase.endswith(word) and _stands_alone(phrase, len(phrase) - len(word), len(phrase)):
                phrase, changed = phrase[: -len(word)], True
    return phrase


def _clean(phrase: str) -> str:
    phrase = phrase.translate(QUOTES)
    previous = None
    while previous != phrase:
        previous = phrase
        phrase = LEADING_CONTEXT.sub("", _strip_edges(phrase))
    return phrase


def _right_measure(right: str) -> str | None:
    opening = right.find("“")
    if opening >= MIN_MEASURE:
        right = right[:opening]  # 11.8亿元政策红利“直达快享”: the quote starts what is said of the measure
    right = right.translate(QUOTES).lstrip("的")
    if not right:
        return None
    boundaries = _boundaries(right)
    if boundaries and boundaries[0].start() == 0:
        verb = boundaries[0].group(0)
        if len(verb) == 1 and verb in PREPOSITIONS:
            return None
        following = [b for b in boundaries[1:] if b.start() > len(verb)]
        phrase = right[: following[0].start()] if following else right
    else:
        phrase = right[: boundaries[0].start()] if boundaries else right
    phrase = _clean(phrase)
    return phrase[:MAX_MEASURE] if len(phrase) >= MIN_MEASURE else None


def _left_measure(left: str) -> str | None:
    left = left.translate(QUOTES)
    if left[-1:] in CAUSATIVES:
        return None  # …等方式让11.8亿元政策红利…: what is measured follows the figure
    boundaries = _boundaries(left)
    phrase = left
    for boundary in reversed(boundaries):
        tail = _clean(left[boundary.end() :])
        if len(tail) >= MIN_MEASURE:
            phrase = tail
            break
    else:
        phrase = _clean(left)
    if "的" in phrase and len(phrase.rsplit("的", 1)[-1]) >= MIN_MEASURE:
        phrase = phrase.rsplit("的", 1)[-1]
    phrase = phrase[-MAX_MEASURE:]
    return phrase if len(phrase) >= MIN_MEASURE else None


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    before = [m.end() for m in CLAUSE_BREAK.finditer(text, max(0, start - 60), start)]
    after = CLAUSE_BREAK.search(text, end, end + 60)
    return (before[-1] if before else max(0, start - 60)), (after.start() if after else min(len(text), end + 60))


def _sentence_start(text: str, position: int) -> int:
    breaks = [m.end() for m in SENTENCE_BREAK.finditer(text, max(0, position - 200), position)]
    return breaks[-1] if breaks else max(0, position - 200)


def annotate(text: str, figures: list[Figure], counter_kinds: frozenset[str]) -> None:
    """Fill measure, period and region_text in place; figures must be sorted by start."""
    for index, figure in enumerate(figures):
        clause_start, clause_end = _clause_bounds(text, figure.start, figure.end)
        if index > 0:
            clause_start = max(clause_start, figures[index - 1].end)
        if index + 1 < len(figures):
            clause_end = min(clause_end, max(figure.end, figures[index + 1].start))
        left = text[clause_start : figure.start]
        right = text[figure.end : clause_end]
        kind = lexicon.units().get(figure.unit)
        right_first = kind is not None and kind.kind in counter_kinds and figure.unit not in ("人次",)
        order = (_right_measure, _left_measure) if right_first else (_left_measure, _right_measure)
        measure = order[0](right if right_first else left) or order[1](left if right_first else right)
        sentence_start = _sentence_start(text, figure.start)
        if measure is None and index > 0 and figures[index - 1].start >= sentence_start:
            measure = figures[index - 1].measure  # 同比增长23% after …人数达1870余人
        if kind is not None and kind.kind == "age":
            measure = "年龄"
        figure.measure = measure
        context = text[sentence_start : figure.start]
        periods = PERIOD.findall(context)
        figure.period = periods[-1] if periods else None
        regions = REGION.findall(context)
        figure.region_text = regions[-1] if regions else None
