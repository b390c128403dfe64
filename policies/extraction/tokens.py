"""Word tokens with offsets for programme extraction, and the tests for words that end a programme name."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from policies.extraction import lexicon

_CJK_OR_ALNUM = re.compile(r"[\u3400-\u9fff0-9A-Za-z]")
_DIGIT = re.compile(r"\d")
_NUMERAL = re.compile(r"[0-9一二三四五六七八九十百千万两几年月日]")
# A clause stop: a character jieba always cuts as a one-character word (not whitespace, not in jieba's word class
# `posseg.re_han_internal`) and that every name walk stops at (not CJK, not alphanumeric) — ，。、“”《》 and the like.
# Jieba cuts the text between two of them without looking past them, so a clause can be cut on its own.
_CLAUSE_STOP = re.compile(r"[^\s\u3400-\u9fffa-zA-Z0-9+#&._]")


@dataclass
class Token:
    """One jieba word with its POS flag and its span in the text."""

    word: str
    flag: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """The text as jieba words with offsets (the private tokenizer that knows the boundary words)."""
    return _with_offsets(_pos_pairs(text), 0)


def tokenize_around(text: str, positions: Iterable[int]) -> list[Token]:
    """The words of only the clauses that hold `positions`, each clause with the stop characters on both sides.

    Each word is the one `tokenize(text)` gives at that place, so a walk over neighbouring words sees the same
    words until it meets a stop character, where every walk ends. POS-tagging every clause costs the most in
    programme extraction; most clauses hold neither a quote nor a programme head and are never cut.
    """
    stops = [match.start() for match in _CLAUSE_STOP.finditer(text)]
    clauses = sorted({bisect_left(stops, position) for position in positions})
    tokens: list[Token] = []
    run_start = 0
    for index, clause in enumerate(clauses):
        if index + 1 < len(clauses) and clauses[index + 1] == clause + 1:
            continue  # neighbouring clauses are cut as one span
        first = clauses[run_start]
        start = stops[first - 1] if first > 0 else 0
        end = stops[clause] + 1 if clause < len(stops) else len(text)
        tokens.extend(_with_offsets(_cached_pos_pairs(text[start:end]), start))
        run_start = index + 1
    return tokens


def clause_end(text: str, position: int) -> int:
    """Where the clause holding `position` ends: the next stop character, or the end of the text."""
    match = _CLAUSE_STOP.search(text, position)
    return match.start() if match else len(text)


def _with_offsets(pairs: Iterable[tuple[str, str]], offset: int) -> list[Token]:
    tokens = []
    for word, flag in pairs:
        tokens.append(Token(word, flag, offset, offset + len(word)))
        offset += len(word)
    return tokens


def _pos_pairs(text: str) -> tuple[tuple[str, str], ...]:
    return tuple((pair.word, pair.flag) for pair in lexicon.pos_tokenizer().cut(text))


# Clauses recur (reprinted articles, a name repeated in one text), and tagging one costs far more than a lookup.
_cached_pos_pairs = lru_cache(maxsize=4096)(_pos_pairs)


def is_line_break(tokens: list[Token], index: int) -> bool:
    """A single hard line break inside a sentence (unrepaired text) does not end a name; a blank line does."""

    def is_break(position: int) -> bool:
        return 0 <= position < len(tokens) and "\n" in tokens[position].word and not tokens[position].word.strip()

    return (
        is_break(index)
        and tokens[index].word.count("\n") == 1
        and not is_break(index - 1)
        and not is_break(index + 1)
    )


def is_stop(token: Token) -> bool:
    """A token a programme name cannot contain on its unquoted side: boundary word, punctuation, number."""
    return (
        token.word in lexicon.boundary_words()
        or not _CJK_OR_ALNUM.search(token.word)
        or bool(_DIGIT.search(token.word))
        or is_numeral(token)
    )


# 百日攻坚行动, 三年行动: a span of time written in Chinese numerals is part of a programme's name.
_DURATION_WORD = re.compile(r"^[一二三四五六七八九十百千两]+[日天年]$")


def is_numeral(token: Token) -> bool:
    """jieba tags some verbs m (整顿); only a word with a numeral character counts as a number, and a span of time
    such as 百日 or 三年 is a modifier, not a number."""
    return token.flag == "m" and bool(_NUMERAL.search(token.word)) and not _DURATION_WORD.match(token.word)


def is_tail_stop(token: Token) -> bool:
    """Inside the noun phrase after a quoted name only punctuation, numbers and function characters end it."""
    word = token.word
    return (
        (len(word) == 1 and word in lexicon.boundary_words())
        or not _CJK_OR_ALNUM.search(word)
        or bool(_DIGIT.search(word))
        or is_numeral(token)
    )
