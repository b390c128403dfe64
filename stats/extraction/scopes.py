"""Clause, sentence and paragraph bounds around a position in article text (pure string work)."""

from __future__ import annotations

import re
from bisect import bisect_right

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
