"""Programme-extraction knowledge loaded once from `policies/data/`: suffixes, stoplists, boundaries, known names."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from articles.extract.gazetteer import township_nonname_words

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

STRONG = "strong"
MEDIUM = "medium"
JOINED = "joined"
QUOTED = "quoted"
MARKER = "marker"
TITLE = "title"


@dataclass(frozen=True)
class Suffix:
    """A programme head word such as 计划 or 行动, the kind it signals and how much evidence it needs."""

    text: str
    kind: str
    strength: str


def _lines(name: str) -> list[str]:
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return [line.strip() for line in handle if line.strip() and not line.lstrip().startswith("#")]


def _csv_rows(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(_lines(name)))


@cache
def suffixes() -> tuple[Suffix, ...]:
    """All suffixes, longest first so that 专项行动 wins over 行动."""
    rows = [Suffix(row["suffix"], row["kind"], row["strength"]) for row in _csv_rows("program_suffixes.csv")]
    return tuple(sorted(rows, key=lambda suffix: -len(suffix.text)))


@cache
def _suffixes_by_last_char() -> dict[str, tuple[Suffix, ...]]:
    """The suffixes grouped by their last character, each group still longest first."""
    groups: dict[str, list[Suffix]] = {}
    for suffix in suffixes():
        groups.setdefault(suffix.text[-1], []).append(suffix)
    return {char: tuple(group) for char, group in groups.items()}


def suffix_of(name: str, strengths: frozenset[str] | None = None) -> Suffix | None:
    """The longest suffix `name` ends with, optionally only among the given strengths."""
    for suffix in _suffixes_by_last_char().get(name[-1:], ()):
        if name.endswith(suffix.text) and (strengths is None or suffix.strength in strengths):
            return suffix
    return None


@cache
def any_suffix_re() -> re.Pattern[str]:
    """Any suffix of any strength."""
    return re.compile("|".join(re.escape(suffix.text) for suffix in suffixes()))


@cache
def unquoted_heads_re() -> re.Pattern[str]:
    """Any strong, medium or joined suffix: the heads an unquoted programme name can end on."""
    heads = [suffix.text for suffix in suffixes() if suffix.strength in (STRONG, MEDIUM, JOINED)]
    return re.compile("|".join(map(re.escape, heads)))


@cache
def generic_programs() -> frozenset[str]:
    return frozenset(_lines("generic_programs.txt"))


@cache
def generic_modifiers() -> tuple[str, ...]:
    """Generic modifier words, longest first for greedy stripping."""
    return tuple(sorted(set(_lines("generic_modifiers.txt")), key=lambda word: -len(word)))


@cache
def generic_heads() -> tuple[str, ...]:
    return tuple(_lines("generic_heads.txt"))


@cache
def boundary_words() -> frozenset[str]:
    return frozenset(_lines("boundary_words.txt"))


@cache
def leading_verbs() -> tuple[str, ...]:
    """Boundary words of two characters or more, longest first: verbs that introduce a programme (实施, 制发)."""
    return tuple(sorted((word for word in boundary_words() if len(word) >= 2), key=len, reverse=True))


@cache
def place_abbreviations() -> frozenset[str]:
    return frozenset(_lines("place_abbreviations.txt"))


_PLACE_ENDINGS = ("省", "市", "区", "县", "旗", "盟", "州", "镇", "乡", "苏木", "嘎查", "村", "街道", "社区")


def is_place_word(word: str, flag: str) -> bool:
    """A place name by jieba's ns tag, an administrative ending (乌海市) or province abbreviations (京蒙, 京津冀)."""
    if word in township_nonname_words():
        return False  # jieba tags some verbs ns (新建, a district of Nanchang): 新建燕麦精深加工项目 names no place
    if flag == "ns" or (len(word) >= 2 and word.endswith(_PLACE_ENDINGS)):
        return True
    return is_joined_form(word)


def is_joined_form(word: str) -> bool:
    """A run of one-character province abbreviations (京蒙, 京津冀) naming a cross-region pairing."""
    return 2 <= len(word) <= 4 and all(char in place_abbreviations() for char in word)


@cache
def verb_heads() -> frozenset[str]:
    return frozenset(_lines("verb_heads.txt"))


@cache
def quote_joiners() -> frozenset[str]:
    return frozenset(_lines("quote_joiners.txt")) | {""}


@cache
def programme_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(line) for line in _lines("programme_patterns.txt"))


@cache
def nominal_verbs() -> frozenset[str]:
    return frozenset(_lines("nominal_verbs.txt"))


@cache
def _institution_lines() -> tuple[tuple[str, ...], tuple[str, ...]]:
    lines = _lines("institution_heads.txt")
    return (tuple(line for line in lines if not line.startswith("!")),
            tuple(line[1:] for line in lines if line.startswith("!")))


def starts_institution(text: str, position: int) -> bool:
    """True when an office's head word (局, 办, 委员会) starts at `position`: 乡村振兴局 names an institution.

    The longest word that matches decides: 办事 is no office, but 办事处 is (在职家庭津贴办事处)."""
    heads, not_heads = _institution_lines()
    head = max((len(word) for word in heads if text.startswith(word, position)), default=0)
    not_head = max((len(word) for word in not_heads if text.startswith(word, position)), default=0)
    return head > not_head


@cache
def mechanism_heads() -> tuple[str, ...]:
    """Heads that, right after a listed name, name the mechanism itself (防止返贫监测帮扶机制), longest first."""
    return tuple(sorted(_lines("mechanism_heads.txt"), key=len, reverse=True))


@cache
def strategy_heads() -> tuple[str, ...]:
    """Heads that, right after a listed name, complete its name: a strategy (就业优先战略) or a pilot (农村危房改造试点)."""
    return tuple(sorted(_lines("strategy_heads.txt"), key=len, reverse=True))


@cache
def head_continuations() -> frozenset[str]:
    return frozenset(_lines("head_continuations.txt"))


def is_generic_modifier(modifier: str) -> bool:
    """True when `modifier` is made only of generic words (工作长效, 重点, empty)."""
    rest = modifier
    words = generic_modifiers()
    while rest:
        for word in words:
            if rest.startswith(word):
                rest = rest[len(word):]
                break
        else:
            return False
    return True


@cache
def pos_tokenizer():
    """A private jieba POS tokenizer that knows the boundary words (the global jieba instance is left alone)."""
    from articles.extract.segmenter import new_tokenizer
    from articles.extract.segmenter import pos_tokenizer as tagger

    tokenizer = new_tokenizer()  # jieba's dictionary, copied rather than loaded again
    for word in boundary_words():
        if len(word) > 1:
            tokenizer.add_word(word, tag="v")
    return tagger(tokenizer)
