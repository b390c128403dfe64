"""Groups figures that measure the same thing under one canonical indicator (name, unit)."""

from __future__ import annotations

import csv
import re
from functools import cache

from stats.extraction.lexicon import DATA_DIR, alternation, measure_compounds

PARTICLE = "的"  # removed anywhere: 覆盖的定点医药机构 and 覆盖定点医药机构 are one indicator

# Counters that count the same things: people are people whether written 名, 位 or 人.
UNIT_SYNONYMS = {"名": "人", "位": "人", "块钱": "元", "人民币": "元", "个次": "个", "％": "%"}
_TIME_AND_NUMBERS = re.compile(
    r"\d{4}年(?:\d{1,2}(?:[—\-–~至到]\d{1,2})?月(?:份)?)?(?:以来)?|\d{1,2}(?:[—\-–~至到]\d{1,2})?月(?:份)?|前\d+个月|[\d.]+"
)
_PUNCTUATION = re.compile(r"[\s“”\"‘’「」『』《》（）()【】、，,。:：·]")


def _read_lines(name: str) -> list[str]:
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@cache
def _stopword_regex() -> re.Pattern[str]:
    return re.compile(alternation([word for word in _read_lines("indicator_stopwords.txt") if len(word) > 1]))


@cache
def _leading_verb_regex() -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternation(_read_lines('indicator_leading_verbs.txt'))})(?=..)")


@cache
def _edge_characters() -> frozenset[str]:
    return frozenset(word for word in _read_lines("indicator_stopwords.txt") if len(word) == 1)


def _strip_edge_characters(name: str) -> str:
    """Drop one-character words at either edge unless they begin or end a known word (达成, 共享)."""
    compounds, edges = measure_compounds(), _edge_characters()
    while len(name) > 2 and name[0] in edges and name[:2] not in compounds:
        name = name[1:]
    while len(name) > 2 and name[-1] in edges and name[-2:] not in compounds:
        name = name[:-1]
    return name


@cache
def _suffix_regex() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(_read_lines('indicator_suffixes.txt'))})$")


@cache
def _synonyms() -> dict[str, str]:
    with (DATA_DIR / "measure_synonyms.csv").open(encoding="utf-8", newline="") as handle:
        return {row["variant"]: row["canonical"] for row in csv.DictReader(handle)}


def canonical_unit(unit: str) -> str:
    """The unit under which figures are compared (名 and 位 count people like 人)."""
    return UNIT_SYNONYMS.get(unit, unit)


def canonical_measure(measure: str) -> str:
    """Strip time, region, qualifier and particle words, then map known synonyms."""
    name = _PUNCTUATION.sub("", measure or "")
    name = _TIME_AND_NUMBERS.sub("", name)
    name = _stopword_regex().sub("", name).replace(PARTICLE, "")
    name = _leading_verb_regex().sub("", _strip_edge_characters(name))
    shorter = _suffix_regex().sub("", name)
    if len(shorter) >= 2:
        name = shorter
    return _synonyms().get(name, name)


def indicator_key(measure: str, unit: str) -> tuple[str, str]:
    """A deterministic (name, unit) key; figures with equal keys measure the same thing."""
    return canonical_measure(measure), canonical_unit(unit)
