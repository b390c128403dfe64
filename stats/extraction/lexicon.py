"""Loads the figure-extraction word lists from stats/data once and caches them."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class UnitEntry:
    surface: str
    unit: str
    kind: str


@dataclass(frozen=True)
class QualifierEntry:
    surface: str
    qualifier: str
    position: str  # "prefix", "suffix" or "infix" (between number and magnitude or unit: 余, 多, 来)
    strength: str  # "strong" bounds the value, "weak" only reports it


def _read_lines(name: str) -> list[str]:
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _read_csv(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@cache
def units() -> dict[str, UnitEntry]:
    """Unit and counter surfaces mapped to their canonical unit and kind."""
    return {row["surface"]: UnitEntry(row["surface"], row["unit"], row["kind"]) for row in _read_csv("units.csv")}


@cache
def qualifiers() -> dict[str, QualifierEntry]:
    """Qualifier surfaces (超过, 余, 左右 …) mapped to their normalised qualifier."""
    return {
        row["surface"]: QualifierEntry(row["surface"], row["qualifier"], row["position"], row["strength"])
        for row in _read_csv("qualifiers.csv")
    }


@cache
def change_words() -> tuple[str, ...]:
    """Words that mark a figure as a change, longest first."""
    return tuple(sorted(set(_read_lines("change_words.txt")), key=len, reverse=True))


@cache
def measure_boundaries() -> tuple[str, ...]:
    """Verbs and prepositions at which a measure phrase is cut, longest first."""
    return tuple(sorted(set(_read_lines("measure_boundaries.txt")), key=len, reverse=True))


@cache
def measure_stopwords() -> tuple[str, ...]:
    """Words stripped from the edges of a measure phrase, longest first."""
    return tuple(sorted(set(_read_lines("measure_stopwords.txt")), key=len, reverse=True))


@cache
def numeral_idioms() -> tuple[str, ...]:
    """Chinese-numeral words that are never figures (四位一体, 一站式 …)."""
    return tuple(_read_lines("numeral_idioms.txt"))


@cache
def unit_false_continuations() -> tuple[str, ...]:
    """Words that start like a counter but are something else (部门, 项目 …)."""
    return tuple(_read_lines("unit_false_continuations.txt"))


def alternation(words: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of literal words, longest first so the longest one wins."""
    import re

    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


@cache
def measure_compounds() -> frozenset[str]:
    """Two-character words in which a one-character function word is not standing alone."""
    return frozenset(_read_lines("measure_compounds.txt"))
