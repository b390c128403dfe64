"""Word tokens with offsets for programme extraction, and the tests for words that end a programme name."""
from __future__ import annotations

import re
from dataclasses import dataclass

from policies.extraction import lexicon

_CJK_OR_ALNUM = re.compile(r"[\u3400-\u9fff0-9A-Za-z]")
_DIGIT = re.compile(r"\d")
_NUMERAL = re.compile(r"[0-9一二三四五六七八九十百千万两几年月日]")


@dataclass
class Token:
    """One jieba word with its POS flag and its span in the text."""

    word: str
    flag: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """The text as jieba words with offsets (the private tokenizer that knows the boundary words)."""
    tokens, offset = [], 0
    for pair in lexicon.pos_tokenizer().cut(text):
        tokens.append(Token(pair.word, pair.flag, offset, offset + len(pair.word)))
        offset += len(pair.word)
    return tokens


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


def is_numeral(token: Token) -> bool:
    """jieba tags some verbs m (整顿); only a word with a numeral character counts as a number."""
    return token.flag == "m" and bool(_NUMERAL.search(token.word))


def is_tail_stop(token: Token) -> bool:
    """Inside the noun phrase after a quoted name only punctuation, numbers and function characters end it."""
    word = token.word
    return (
        (len(word) == 1 and word in lexicon.boundary_words())
        or not _CJK_OR_ALNUM.search(word)
        or bool(_DIGIT.search(word))
        or is_numeral(token)
    )
