"""Word segmentation: jieba tokenizers, one that keeps the gazetteer's place names whole and one plain."""

from __future__ import annotations

import logging
import tempfile
from functools import lru_cache

import jieba

from articles.extract import gazetteer

jieba.setLogLevel(logging.WARNING)
PLACE_WORD_FREQ = 200_000  # high enough to beat ordinary words that overlap a place name


def _new_tokenizer() -> jieba.Tokenizer:
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = tempfile.gettempdir()  # jieba caches its prefix dictionary there; no network
    return tokenizer


@lru_cache(maxsize=1)
def get_tokenizer() -> jieba.Tokenizer:
    """A jieba tokenizer that knows every division name, short name and alias as one word."""
    tokenizer = _new_tokenizer()
    words: set[str] = set(gazetteer.name_index())
    words.update(gazetteer.region_aliases())
    for word in sorted(words):
        tokenizer.add_word(word, freq=PLACE_WORD_FREQ, tag="ns")
    return tokenizer


@lru_cache(maxsize=1)
def get_plain_tokenizer() -> jieba.Tokenizer:
    """jieba's own dictionary only: tells whether a short place name sits inside an ordinary word."""
    tokenizer = _new_tokenizer()
    tokenizer.initialize()
    return tokenizer


def cut(text: str) -> list[str]:
    """Segment ``text`` into words, keeping place names whole."""
    return list(get_tokenizer().cut(text, HMM=True))


def plain_token_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each word of ``text`` by jieba's plain dictionary, without HMM guessing."""
    return [(start, end) for _, start, end in get_plain_tokenizer().tokenize(text, HMM=False)]
