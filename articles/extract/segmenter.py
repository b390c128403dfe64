"""Word segmentation: jieba tokenizers, one that keeps the gazetteer's place names whole and one plain."""

from __future__ import annotations

import logging
import tempfile
from bisect import bisect_right
from functools import lru_cache

import jieba

from articles.extract import fastcut, gazetteer

jieba.setLogLevel(logging.WARNING)
PLACE_WORD_FREQ = 200_000  # high enough to beat ordinary words that overlap a place name


def _new_tokenizer() -> jieba.Tokenizer:
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = tempfile.gettempdir()  # jieba caches its prefix dictionary there; no network
    return tokenizer


def new_tokenizer() -> jieba.Tokenizer:
    """A jieba tokenizer of its own (to add words to) holding jieba's dictionary, copied from the plain
    tokenizer's: the same words and counts as loading it again, without reading and unmarshalling jieba's cache
    file once more (each load costs ~1 s of start-up)."""
    base = get_plain_tokenizer()
    tokenizer = _new_tokenizer()
    tokenizer.FREQ, tokenizer.total = dict(base.FREQ), base.total
    tokenizer.initialized = True
    return tokenizer


@lru_cache(maxsize=1)
def _default_word_tags() -> dict[str, str]:
    """jieba's part-of-speech tag of every word of its dictionary, read once."""
    import jieba.posseg

    return jieba.posseg.POSTokenizer(get_plain_tokenizer()).word_tag_tab


def pos_tokenizer(tokenizer: jieba.Tokenizer):
    """`jieba.posseg.POSTokenizer(tokenizer)` for a tokenizer holding jieba's dictionary (plus words of its own),
    with a copy of the tag table read once instead of parsing jieba's dictionary file again."""
    import jieba.posseg

    pos = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    pos.tokenizer = tokenizer
    pos.word_tag_tab = dict(_default_word_tags())
    return pos


@lru_cache(maxsize=1)
def get_tokenizer() -> jieba.Tokenizer:
    """A jieba tokenizer that knows every division name, short name and alias as one word."""
    tokenizer = new_tokenizer()
    words: set[str] = set(gazetteer.name_index())
    words.update(gazetteer.region_aliases())
    for word in sorted(words):
        tokenizer.add_word(word, freq=PLACE_WORD_FREQ, tag="ns")
    return tokenizer


@lru_cache(maxsize=1)
def get_plain_tokenizer() -> jieba.Tokenizer:
    """jieba's own dictionary only: tells whether a short place name sits inside an ordinary word. Never given
    words of its own: the other tokenizers copy its dictionary (`new_tokenizer`)."""
    tokenizer = _new_tokenizer()
    tokenizer.initialize()
    return tokenizer


def cut(text: str) -> list[str]:
    """Segment ``text`` into words, keeping place names whole."""
    return fastcut.cut(get_tokenizer(), text, hmm=True)


def plain_token_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each word of ``text`` by jieba's plain dictionary, without HMM guessing."""
    return fastcut.tokenize_spans(get_plain_tokenizer(), text, hmm=False)


class BlockWords:
    """Plain-dictionary word spans of jieba blocks, remembered by block text.

    One per page: its whole text, each article's text and headline-plus-text share most blocks."""

    def __init__(self) -> None:
        self._spans: dict[str, list[tuple[int, int]]] = {}

    def spans(self, block: str) -> list[tuple[int, int]]:
        found = self._spans.get(block)
        if found is None:
            found = self._spans[block] = plain_token_spans(block)
        return found


class PlainTokens:
    """`plain_token_spans` of one text, segmented only where asked, one jieba block at a time.

    jieba cuts each run of Han characters and letters (its ``re_han_default`` blocks) on its own, so
    the words of a block do not depend on the rest of the text: segmenting just the blocks around a
    place name gives the same spans as segmenting the whole text, at a fraction of the cost."""

    def __init__(self, text: str, words: BlockWords | None = None) -> None:
        self.text = text
        self._words = words or BlockWords()
        self._blocks: list[str] = []
        self._starts: list[int] | None = None
        self._spans: dict[int, list[tuple[int, int]]] = {}

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """(start, end) of the words of the blocks that overlap [start, end), in text order."""
        starts = self._block_starts()
        first = max(0, bisect_right(starts, start) - 1)
        last = max(first, bisect_right(starts, max(start, end - 1)) - 1)
        return [span for k in range(first, last + 1) for span in self._block_spans(k)]

    def _block_starts(self) -> list[int]:
        if self._starts is None:
            self._blocks = [block for block in jieba.re_han_default.split(self.text) if block]
            self._starts, position = [], 0
            for block in self._blocks:
                self._starts.append(position)
                position += len(block)
        return self._starts

    def _block_spans(self, k: int) -> list[tuple[int, int]]:
        spans = self._spans.get(k)
        if spans is None:
            base = self._starts[k]
            spans = self._spans[k] = [(base + a, base + b) for a, b in self._words.spans(self._blocks[k])]
        return spans
