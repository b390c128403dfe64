"""Clause, sentence and paragraph bounds around a position in article text (pure string work)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

CLAUSE_BREAK = re.compile(r"[，,；;。！？!?：:\n]")
SENTENCE_BREAK = re.compile(r"[。！？!?\n]")
# Closing quotes and brackets that belong to the sentence they end (“……。”).
SENTENCE_TAIL = "”’」』）)"


class Scopes:
    """Answers, for any offset, the clause, sentence and paragraph that contain it (each computed once per text)."""

    def __init__(self, text: str):
        self.text = text
        self._clauses = [m.end() for m in CLAUSE_BREAK.finditer(text)]
        self._sentences = [self._tail(m.end()) for m in SENTENCE_BREAK.finditer(text)]
        self._paragraphs = [m.end() for m in re.finditer(r"\n", text)]

    def _tail(self, position: int) -> int:
        while position < len(self.text) and self.text[position] in SENTENCE_TAIL:
            position += 1
        return position

    @staticmethod
    def _bounds(breaks: list[int], start: int, end: int, size: int) -> tuple[int, int]:
        index = bisect_right(breaks, start)
        low = breaks[index - 1] if index > 0 else 0
        after = bisect_right(breaks, max(start, end - 1))
        high = breaks[after] if after < len(breaks) else size
        return low, high

    def clause(self, start: int, end: int) -> tuple[int, int]:
        return self._bounds(self._clauses, start, end, len(self.text))

    def sentence(self, start: int, end: int | None = None) -> tuple[int, int]:
        return self._bounds(self._sentences, start, end if end is not None else start + 1, len(self.text))

    def paragraph(self, start: int) -> tuple[int, int]:
        return self._bounds(self._paragraphs, start, start + 1, len(self.text))

    def sentence_text(self, start: int, end: int) -> str:
        low, high = self.sentence(start, end)
        return self.text[low:high].strip()


class Ordered:
    """Mentions sorted by where they start, searched by bisection: the nearest one before a position or from it,
    inside a window (a figure's clause, sentence or paragraph) — so attributing every figure of a long page stays
    about linear in the page, never figures × mentions."""

    def __init__(self, items, start=lambda item: item.start, end=lambda item: item.end):
        self.items = sorted(items, key=start)
        self.starts = [start(item) for item in self.items]
        self._end = end

    def last_before(self, low: int, position: int, accept=None):
        """The last mention that starts at or after `low` and ends by `position` (and that `accept` takes)."""
        index = bisect_right(self.starts, position) - 1
        while index >= 0 and self.starts[index] >= low:
            item = self.items[index]
            if self._end(item) <= position and (accept is None or accept(item)):
                return item
            index -= 1
        return None

    def first_from(self, position: int, high: int, accept=None):
        """The first mention that starts at or after `position` and ends by `high` (and that `accept` takes)."""
        index = bisect_left(self.starts, position)
        while index < len(self.items) and self.starts[index] < high:
            item = self.items[index]
            if self._end(item) <= high and (accept is None or accept(item)):
                return item
            index += 1
        return None

    def covering(self, position: int):
        """The mention whose span holds `position`, if any."""
        index = bisect_right(self.starts, position) - 1
        if index >= 0 and self._end(self.items[index]) > position:
            return self.items[index]
        return None
