"""Near-duplicate detection between articles (same story in another version) and a topical similarity."""
from __future__ import annotations

import math
import operator
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, repeat

from .script import simplified_shadow

SHINGLE = 4
SAME_STORY = 0.5  # containment of 4-gram shingles above which two texts tell the same story
MIN_CHARS = 12


@lru_cache(maxsize=1024)
def _normalise(text: str) -> str:
    """Simplified script, only CJK characters, letters and digits (punctuation variants ignored)."""
    return _NOT_KEPT.sub("", simplified_shadow(text)).lower()


_NOT_KEPT = re.compile(r"[^\u4e00-\u9fff\u3400-\u4dbfA-Za-z0-9]")  # kept: `is_cjk` characters, ASCII letters and digits


@lru_cache(maxsize=512)
def _shingles(text: str) -> frozenset[str]:
    return _shingles_of(_normalise(text))


def _shingles_of(norm: str) -> frozenset[str]:
    if len(norm) < SHINGLE:
        return frozenset([norm]) if norm else frozenset()
    return frozenset(norm[i:i + SHINGLE] for i in range(len(norm) - SHINGLE + 1))


def similarity(a: str, b: str) -> float:
    """0..1: share of the shorter text's 4-gram shingles found in the other (containment)."""
    sa, sb = _shingles(a), _shingles(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))


# A shingle met in more articles of one page than this is boilerplate, not evidence of one story: later articles are
# no longer posted under it, so a page of thousands of articles costs linear, not quadratic, work.
MAX_POSTING = 64


def find_duplicates(texts: list[str]) -> list[int | None]:
    """For each text, the index of the earliest previous text that is the same story, else None.

    Shared shingles are counted through an index from shingle to the texts holding it, so only texts that share
    something are compared. Exact (the same answer as comparing every pair with `similarity`) as long as no shingle
    is in more than MAX_POSTING texts of the page.
    """
    shingles = [_shingles_of(_normalise(text)) if len(_normalise(text)) >= MIN_CHARS else frozenset() for text in texts]
    if len(texts) <= MAX_POSTING:  # no posting can fill up: the index's counts are the pairs' own intersections
        return [_first_same_story(own, shingles[:i]) for i, own in enumerate(shingles)]
    postings: dict[str, list[int]] = {}
    result: list[int | None] = []
    for i, own in enumerate(shingles):
        # The texts sharing each shingle, counted in C (map, chain and Counter): this loop runs over every shingle.
        shared = Counter(chain.from_iterable(map(postings.get, own, repeat(()))))
        match = next(
            (j for j in sorted(shared) if shared[j] / min(len(own), len(shingles[j])) >= SAME_STORY), None
        )
        result.append(match)
        for shingle in postings.keys() & own:  # (iterates `own`) usually few: most shingles are the text's own
            posted = postings[shingle]
            if len(posted) < MAX_POSTING:
                posted.append(i)
        postings.update({shingle: [i] for shingle in own.difference(postings)})
    return result


def _first_same_story(own: frozenset[str], earlier: list[frozenset[str]]) -> int | None:
    """The first earlier text sharing at least SAME_STORY of the smaller one's shingles (set intersections in C: a
    page of a few articles costs a few dozen of them, cheaper than building the shingle index)."""
    for j, other in enumerate(earlier):
        shared = len(own & other)
        if shared and shared / min(len(own), len(other)) >= SAME_STORY:
            return j
    return None


def similar_pairs(old_texts: list[str], new_texts: list[str], threshold: float) -> list[tuple[float, int, int]]:
    """(similarity, new index, old index) for every pair at or above `threshold`, found through shared shingles.

    The same scores as `similarity` on every pair, without comparing pairs that share nothing (exact while no
    shingle is in more than MAX_POSTING old texts).
    """
    old_shingles = [_shingles_of(_normalise(text)) for text in old_texts]
    postings: dict[str, list[int]] = {}
    for o, own in enumerate(old_shingles):
        for shingle in own:
            posted = postings.setdefault(shingle, [])
            if len(posted) < MAX_POSTING:
                posted.append(o)
    pairs = []
    for n, text in enumerate(new_texts):
        own = _shingles_of(_normalise(text))
        shared: Counter[int] = Counter()
        for shingle in own:
            shared.update(postings.get(shingle, ()))
        for o, count in shared.items():
            score = count / min(len(own), len(old_shingles[o]))
            if score >= threshold:
                pairs.append((score, n, o))
    return pairs


_CJK_RUN_RE = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]+")  # what decode.is_cjk accepts


def _bigrams(text: str) -> Counter[str]:
    chars = "".join(_CJK_RUN_RE.findall(text))  # CJK characters only, so bigrams bridge punctuation
    return Counter(map(operator.add, chars, chars[1:]))


@dataclass(frozen=True)
class BigramProfile:
    """The bigram counts of one passage and their Euclidean norm, for repeated comparisons."""

    counts: Counter[str]
    norm: float

    @classmethod
    def of(cls, text: str) -> BigramProfile:
        counts = _bigrams(text)
        return cls(counts, _norm(counts))

    def similarity(self, other: BigramProfile) -> float:
        ca, cb = self.counts, other.counts
        if not ca or not cb:
            return 0.0
        if len(cb) < len(ca):
            ca, cb = cb, ca  # the dot product is symmetric: walk the smaller table
        common = ca.keys() & cb.keys()
        dot = sum(map(operator.mul, map(ca.__getitem__, common), map(cb.__getitem__, common)))
        norm = self.norm * other.norm
        return dot / norm if norm else 0.0


def _norm(counts: Counter[str]) -> float:
    values = counts.values()
    return math.sqrt(sum(map(operator.mul, values, values)))  # integer sum of squares, then one root


class TopicalProfiles:
    """topical_similarity with each passage's profile computed once (layout decisions compare a passage many times)."""

    def __init__(self) -> None:
        self._profiles: dict[str, BigramProfile] = {}

    def profile(self, text: str) -> BigramProfile:
        found = self._profiles.get(text)
        if found is None:
            found = self._profiles[text] = BigramProfile.of(text)
        return found

    def similarity(self, a: str, b: str) -> float:
        return self.profile(a).similarity(self.profile(b))

    def add_joins(self, parts: list[str], sizes: set[int], *, from_end: bool = False) -> None:
        """Profile the join of the first (or last) n ``parts`` for each n in ``sizes``, in one pass.

        The bigrams of a joined text are those of its parts plus one bridging each pair of neighbours
        (CJK characters only), so growing counts part by part gives exactly what `BigramProfile.of` would."""
        counts: Counter[str] = Counter()
        edge = ""  # the CJK character at the growing end: it forms a bigram with the next part's nearest one
        for n, part in enumerate(reversed(parts) if from_end else parts, 1):
            chars = "".join(_CJK_RUN_RE.findall(part))
            chars = chars + edge if from_end else edge + chars
            counts.update(map(operator.add, chars, chars[1:]))
            edge = chars[:1] if from_end else chars[-1:]
            if n in sizes:
                text = "".join(parts[len(parts) - n:] if from_end else parts[:n])
                if text not in self._profiles:
                    snapshot = counts.copy()
                    self._profiles[text] = BigramProfile(snapshot, _norm(snapshot))


def topical_similarity(a: str, b: str) -> float:
    """Cosine similarity of CJK character bigram counts: do two passages talk about the same thing?"""
    return BigramProfile.of(a).similarity(BigramProfile.of(b))
