"""Township and village names (…苏木, …乡, …镇, …嘎查, …村, …社区, …街道) found by suffix, parented by context."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from articles.extract import gazetteer as gz
from articles.extract.segmenter import get_tokenizer

SENTENCE_ENDS = "。！？；!?;\n"
MAX_NAME_AFTER_DIVISION = 8  # 卓资县六苏木乡: the name runs from the county's end
MAX_NAME_FREE = 4  # no division right before: the name is the last words before the suffix, up to this
SINGLE_CHAR_SUFFIXES = "乡镇村"


class _Span(Protocol):
    start: int
    end: int
    code: str | None
    level: str | None


@dataclass(frozen=True)
class TownshipSpan:
    text: str
    start: int
    end: int
    level: str  # township | village
    parent_code: str | None


@lru_cache(maxsize=1)
def _suffix_pattern() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(suffix) for suffix, _ in gz.township_suffixes()))


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def find_townships(text: str, mentions: Sequence[_Span]) -> list[TownshipSpan]:
    """Township/village names not already covered by ``mentions`` (which must be sorted by start)."""
    levels = dict(gz.township_suffixes())
    taken = [False] * len(text)
    ends: dict[int, _Span] = {}
    for mention in mentions:
        ends[mention.end] = mention
        for i in range(mention.start, mention.end):
            taken[i] = True
    found: list[TownshipSpan] = []
    for match in _suffix_pattern().finditer(text):
        a, b = match.span()
        if any(taken[a:b]) or _part_of_generic_word(text, a, b):
            continue
        start = _name_start(text, a, taken, ends)
        if start is None:
            continue
        found.append(TownshipSpan(text[start:b], start, b, _level(levels[match.group()]),
                                  _parent(text, start, mentions)))
        for i in range(start, b):
            taken[i] = True
        ends[b] = found[-1]  # type: ignore[assignment]  # a village may follow its township
    return found


def _level(level: str) -> str:
    return "village" if level == "village" else "township"


@lru_cache(maxsize=1)
def _generic_words_by_char() -> dict[str, tuple[str, ...]]:
    """Generic words that are not suffixes themselves, under each character they contain."""
    suffixes = {suffix for suffix, _ in gz.township_suffixes()}
    index: dict[str, list[str]] = {}
    for word in sorted(gz.township_generic_words() - suffixes):
        for ch in set(word):
            index.setdefault(ch, []).append(word)
    return {ch: tuple(words) for ch, words in index.items()}


def _part_of_generic_word(text: str, a: int, b: int) -> bool:
    """城乡, 乡村, 农村, 贫困村 …: the suffix at [a, b) belongs to an ordinary word."""
    by_char = _generic_words_by_char()
    words = {word for ch in set(text[a:b]) for word in by_char.get(ch, ())}  # a word over [a, b) has one of them
    for word in words:
        for pos in range(max(0, a - len(word) + 1), b):
            if text.startswith(word, pos) and pos < b and pos + len(word) > a:
                return True
    return False


def _name_start(text: str, a: int, taken: list[bool], ends: dict[int, _Span]) -> int | None:
    """Where the name before the suffix at ``a`` begins, or None when there is no proper name."""
    stops = gz.township_name_stops()
    j = a
    while j > 0 and a - j < MAX_NAME_AFTER_DIVISION:
        ch = text[j - 1]
        if j in ends or taken[j - 1] or not _is_cjk(ch) or ch in SINGLE_CHAR_SUFFIXES:
            break
        if ch in stops and not (j - 1 in ends and _is_word(text[j - 1:j + 1])):
            break  # 在/和 end a name, unless the name starts right after a division with a word (街道和平社区)
        j -= 1
    bounded = j in ends
    if not bounded:
        j = _trim_to_words(text, j, a)
    j = _after_nonname_words(text, j, a)
    name = text[j:a]
    if len(name) < 2 or name in gz.township_generic_words() or name + text[a] in gz.township_generic_words():
        return None
    return j


def _is_word(text: str) -> bool:
    return bool(get_tokenizer().FREQ.get(text))


def _after_nonname_words(text: str, j: int, a: int) -> int:
    """Skip past the last verb or counter in the name (新建社区, 3个试点嘎查): the name is what follows it."""
    stops = gz.township_nonname_words()
    offset = j
    for word in get_tokenizer().lcut(text[j:a], HMM=False):
        offset += len(word)
        if word in stops:
            j = offset
    return j


def _trim_to_words(text: str, j: int, a: int) -> int:
    """Keep the last whole words before the suffix, at most MAX_NAME_FREE characters."""
    words = get_tokenizer().lcut(text[j:a], HMM=False)
    kept = 0
    for word in reversed(words):
        if kept + len(word) > MAX_NAME_FREE:
            break
        kept += len(word)
    return a - kept


def _parent(text: str, start: int, mentions: Sequence[_Span]) -> str | None:
    """The nearest county or prefecture named before ``start`` in the same sentence."""
    for mention in reversed([m for m in mentions if m.end <= start]):
        if any(ch in SENTENCE_ENDS for ch in text[mention.end : start]):
            return None
        if mention.code and mention.level in ("county", "prefecture"):
            return mention.code
    return None
