"""Gazetteer of Chinese administrative divisions: loads the data files under articles/data once, cached."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
LEVEL_RANK = {"province": 0, "prefecture": 1, "county": 2, "township": 3, "village": 4}


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    level: str  # province | prefecture | county
    parent_code: str | None
    short_names: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

    @property
    def province_code(self) -> str:
        return self.code[:2] + "0000"


@dataclass(frozen=True)
class NameEntry:
    """One way of writing a division: ``kind`` is full, short or alias (press abbreviation)."""

    code: str
    kind: str


@dataclass(frozen=True)
class RegionAlias:
    alias: str
    codes: tuple[str, ...]
    requires_home: str | None


@dataclass(frozen=True)
class LevelWord:
    """全区/全市 …: ``target`` home or focus, ``suffix`` the ending the target division's name must have."""

    word: str
    target: str
    suffix: str


def _split(value: str) -> tuple[str, ...]:
    return tuple(part for part in value.split("|") if part)


def _read_csv(filename: str) -> list[dict[str, str]]:
    with open(DATA_DIR / filename, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _read_list(filename: str) -> list[str]:
    lines = (DATA_DIR / filename).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def divisions() -> dict[str, Division]:
    """Every division in gazetteer.csv by code."""
    return {
        row["code"]: Division(
            code=row["code"],
            name=row["name"],
            level=row["level"],
            parent_code=row["parent_code"] or None,
            short_names=_split(row["short_names"]),
            aliases=_split(row["aliases"]),
        )
        for row in _read_csv("gazetteer.csv")
    }


def get_division(code: str | None) -> Division | None:
    return divisions().get(code) if code else None


def ancestors(code: str) -> list[str]:
    """Codes of the enclosing divisions, nearest first (county → prefecture → province)."""
    chain: list[str] = []
    division = get_division(code)
    while division is not None and division.parent_code:
        chain.append(division.parent_code)
        division = get_division(division.parent_code)
    return chain


def is_within(code: str, ancestor: str) -> bool:
    return code == ancestor or ancestor in ancestors(code)


@lru_cache(maxsize=1)
def name_index() -> dict[str, tuple[NameEntry, ...]]:
    """Every written form (full name, short name, press alias) → the divisions it may name."""
    index: dict[str, list[NameEntry]] = defaultdict(list)
    for division in divisions().values():
        index[division.name].append(NameEntry(division.code, "full"))
        for short in division.short_names:
            index[short].append(NameEntry(division.code, "short"))
            if division.name.endswith("自治州"):  # 楚雄州, 凉山州: the press form of an autonomous prefecture
                index[short + "州"].append(NameEntry(division.code, "short"))
        for alias in division.aliases:
            index[alias].append(NameEntry(division.code, "alias"))
    return {name: tuple(entries) for name, entries in index.items()}


@lru_cache(maxsize=1)
def region_aliases() -> dict[str, RegionAlias]:
    """Context-bound aliases (首府, 鹿城, 我区 …) from region_aliases.csv."""
    return {
        row["alias"]: RegionAlias(row["alias"], _split(row["codes"]), row["requires_home"] or None)
        for row in _read_csv("region_aliases.csv")
    }


@lru_cache(maxsize=1)
def province_abbreviations() -> dict[str, str]:
    """One-character provincial abbreviations (京, 蒙 …) → province code."""
    return {row["abbr"]: row["code"] for row in _read_csv("province_abbreviations.csv")}


@lru_cache(maxsize=1)
def prefecture_abbreviations() -> dict[str, str]:
    """One-character prefecture abbreviations used in joined forms (呼包鄂乌) → prefecture code."""
    return {row["abbr"]: row["code"] for row in _read_csv("prefecture_abbreviations.csv")}


@lru_cache(maxsize=1)
def level_words() -> dict[str, tuple[LevelWord, ...]]:
    words: dict[str, list[LevelWord]] = defaultdict(list)
    for row in _read_csv("region_level_words.csv"):
        words[row["word"]].append(LevelWord(row["word"], row["target"], row["suffix"]))
    return {word: tuple(entries) for word, entries in words.items()}


@lru_cache(maxsize=1)
def ambiguous_names() -> frozenset[str]:
    return frozenset(_read_list("region_ambiguous.txt"))


@lru_cache(maxsize=1)
def common_noun_names() -> frozenset[str]:
    """Full names of divisions that are also common nouns (平房区): read only in their own province's scope."""
    return frozenset(_read_list("region_common_nouns.txt"))


@lru_cache(maxsize=1)
def joined_form_followers() -> tuple[str, ...]:
    return tuple(sorted(_read_list("joined_form_followers.txt"), key=len, reverse=True))


@lru_cache(maxsize=1)
def township_suffixes() -> tuple[tuple[str, str], ...]:
    """(suffix, level) pairs, longest suffix first."""
    pairs = [tuple(line.split(",")) for line in _read_list("township_suffixes.txt")]
    return tuple(sorted(pairs, key=lambda pair: len(pair[0]), reverse=True))  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def township_generic_words() -> frozenset[str]:
    return frozenset(_read_list("township_generic_words.txt"))


@lru_cache(maxsize=1)
def township_nonname_words() -> frozenset[str]:
    return frozenset(_read_list("township_nonname_words.txt"))


@lru_cache(maxsize=1)
def township_name_stops() -> frozenset[str]:
    return frozenset(_read_list("township_name_stops.txt"))


@lru_cache(maxsize=1)
def surfaces() -> frozenset[str]:
    """Every string the region scanner looks up: names, aliases and level words."""
    return frozenset(name_index()) | frozenset(region_aliases()) | frozenset(level_words())


@lru_cache(maxsize=1)
def surface_lengths_by_pair() -> dict[str, tuple[int, ...]]:
    """The lengths of the surfaces (two characters or more) that begin with each character pair, longest first."""
    lengths: dict[str, set[int]] = defaultdict(set)
    for surface in surfaces():
        if len(surface) >= 2:
            lengths[surface[:2]].add(len(surface))
    return {pair: tuple(sorted(ns, reverse=True)) for pair, ns in lengths.items()}


@lru_cache(maxsize=64)
def home_prefecture_abbreviations(home: str | None) -> dict[str, str]:
    """The prefecture abbreviations (呼, 包 …) of prefectures inside ``home``; none without a home."""
    return {ch: c for ch, c in prefecture_abbreviations().items() if home and is_within(c, home)}


@lru_cache(maxsize=64)
def abbreviation_run(home: str | None) -> re.Pattern[str]:
    """Two or more characters in a row that are province (or home prefecture) abbreviations."""
    chars = set(province_abbreviations()) | set(home_prefecture_abbreviations(home))
    return re.compile("[" + re.escape("".join(sorted(chars))) + "]{2,}")
