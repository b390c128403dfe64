"""Keeps a figure's measure only when it reads as a noun phrase: whole words, not a verb, a clause or a pronoun.

A measure becomes an indicator's name, so an empty one is better than a wrong one ("孩子妈妈难掩激动", "给予",
"原则上", "我公司", or "都仑区…" cut out of 昆都仑区). Pure: jieba's own dictionary and part-of-speech tags."""

from __future__ import annotations

import logging
import re
import tempfile
from functools import cache, lru_cache

# Parts of speech (jieba's ICTCLAS-style tags) a measure may not end on: adverbs, prepositions, conjunctions,
# particles, pronouns, interjections, modal words, numerals, measure words, adjectives; a verb only as a word of
# two characters or more after a noun (城镇新增就业, 人均可支配收入), never alone or as one character (领取满).
BAD_LAST = ("vd", "d", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "r", "e", "y", "m", "q", "a", "ad", "l")
# Tags no measure holds anywhere: adverbs (已建成, 难掩), idioms (岌岌可危), pronouns (我公司, 他们), aspect
# particles (搬到了: a clause).
BAD_ANYWHERE = ("d", "i", "r", "rr", "rz", "ul", "uz", "ug", "p", "m", "t")
# Words jieba tags as nouns that still make a clause of a measure (贫困县全部摘帽), or that open a comparison
# rather than name a thing (低于国家, 超过全国).
CLAUSE_WORDS = frozenset({"全部", "全都", "均", "都", "已", "已经", "将", "正在", "仍", "尚"})
COMPARISON_OPENERS = frozenset({"低于", "高于", "超过", "超出", "少于", "多于", "相当于", "达到", "占"})
# Tags a measure may not start on: adverbs, prepositions (比年目标任务), conjunctions, particles, modal words,
# interjections; nor may it start on a one-character verb (占总量, 占全国…总人数: a share is stated, not named).
BAD_FIRST = ("d", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "y", "e")
NOUN_LIKE = ("n", "nr", "ns", "nt", "nz", "ng", "vn", "an", "j", "eng", "nrt", "nrfg", "s", "f")
MAX_EDGE_REPAIR = 2  # characters a measure may be widened by to reach a word boundary in its sentence
# What a widening may not take in: the figure's own number and counter (7个盟市 is not "个盟市").
NUMBER_PART = re.compile(r"[\d.%一二三四五六七八九十百千万亿两个名位家所项次元户人套座条间只台份万]")


@cache
def _pos_tokenizer():
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = tempfile.gettempdir()
    return jieba.posseg.POSTokenizer(tokenizer)


@lru_cache(maxsize=4096)
def _tags(phrase: str) -> tuple[tuple[str, str], ...]:
    return tuple((pair.word, pair.flag) for pair in _pos_tokenizer().cut(phrase))


@lru_cache(maxsize=256)
def _word_bounds(sentence: str) -> frozenset[int]:
    """Where words start and end in the sentence (jieba's dictionary words, no HMM guessing: this runs for every
    figure, and the sentences of one article repeat)."""
    bounds, position = {0}, 0
    for word in _pos_tokenizer().tokenizer.cut(sentence, HMM=False):
        position += len(word)
        bounds.add(position)
    return frozenset(bounds)


def whole_words(measure: str, sentence: str) -> str | None:
    """The measure widened to the words it cuts in its sentence (by at most MAX_EDGE_REPAIR characters a side);
    None when it cannot be."""
    at = sentence.find(measure)
    if at < 0:
        return measure
    bounds = _word_bounds(sentence)
    start, end = at, at + len(measure)
    left = max((b for b in bounds if b <= start), default=0)
    right = min((b for b in bounds if b >= end), default=len(sentence))
    if start - left > MAX_EDGE_REPAIR or right - end > MAX_EDGE_REPAIR:
        return None
    if NUMBER_PART.search(sentence[left:start] + sentence[end:right]):
        return measure
    return sentence[left:right]


def is_noun_phrase(measure: str) -> bool:
    """True when the phrase ends on a noun-like word, starts on no adverb/conjunction/particle and names no
    pronoun (我公司, 他们): what can be counted, not a statement about it."""
    tags = _tags(measure)
    if not tags:
        return False
    first, (last_word, last) = tags[0][1], tags[-1]
    if any(flag in BAD_ANYWHERE for _, flag in tags):
        return False
    if first in BAD_FIRST or last in BAD_LAST:
        return False
    if first.startswith("v") and first != "vn" and len(tags[0][0]) == 1:
        return False
    if tags[0][0] in COMPARISON_OPENERS or any(word in CLAUSE_WORDS for word, _ in tags):
        return False
    if not any(flag.startswith(NOUN_LIKE) for _, flag in tags):
        return False  # 覆盖, 打造, 给予: a verb alone
    if last.startswith("v") and last != "vn":
        # 城镇新增就业 (verbs in a row name an activity); 贫困村退出, 项目分布 (a noun, then its verb) is a clause.
        before = tags[-2][1] if len(tags) >= 2 else ""
        return len(last_word) >= 2 and len(tags) >= 2 and not (before.startswith("n") or before in ("j", "s", "f"))
    return True


def checked_measure(measure: str | None, sentence: str) -> str | None:
    """The measure repaired to whole words when it is a noun phrase; None otherwise."""
    if not measure:
        return None
    repaired = whole_words(measure, sentence) if sentence else measure
    if repaired is None or not is_noun_phrase(repaired):
        return None
    return repaired
