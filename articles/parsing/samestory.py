"""Near-duplicate detection between articles (same story in another version) and a topical similarity."""
from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache

from .decode import is_cjk
from .script import simplified_shadow

SHINGLE = 4
SAME_STORY = 0.5  # containment of 4-gram shingles above which two texts tell the same story
MIN_CHARS = 12


@lru_cache(maxsize=1024)
def _normalise(text: str) -> str:
    """Simplified script, only CJK characters, letters and digits (punctuation variants ignored)."""
    simple = simplified_shadow(text)
    return "".join(ch.lower() for ch in simple if is_cjk(ch) or ch.isascii() and ch.isalnum())


@lru_cache(maxsize=512)
def _shingles(text: str) -> frozenset[str]:
    norm = _normalise(text)
    if len(norm) < SHINGLE:
        return frozenset([norm]) if norm else frozenset()
    return frozenset(norm[i:i + SHINGLE] for i in range(len(norm) - SHINGLE + 1))


def similarity(a: str, b: str) -> float:
    """0..1: share of the shorter text's 4-gram shingles found in the other (containment)."""
    sa, sb = _shingles(a), _shingles(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))


def find_duplicates(texts: list[str]) -> list[int | None]:
    """For each text, the index of the earliest previous text that is the same story, else None."""
    result: list[int | None] = []
    for i, text in enumerate(texts):
        match = None
        if len(_normalise(text)) >= MIN_CHARS:
            for j in range(i):
                if len(_normalise(texts[j])) >= MIN_CHARS and similarity(texts[j], text) >= SAME_STORY:
                    match = j
                    break
        result.append(match)
    return result


def _bigrams(text: str) -> Counter[str]:
    chars = [ch for ch in text if is_cjk(ch)]
    return Counter(chars[i] + chars[i + 1] for i in range(len(chars) - 1))


def topical_similarity(a: str, b: str) -> float:
    """Cosine similarity of CJK character bigram counts: do two passages talk about the same thing?"""
    ca, cb = _bigrams(a), _bigrams(b)
    if not ca or not cb:
        return 0.0
    dot = sum(count * cb[gram] for gram, count in ca.items() if gram in cb)
    norm = math.sqrt(sum(v * v for v in ca.values())) * math.sqrt(sum(v * v for v in cb.values()))
    return dot / norm if norm else 0.0
