"""Physical lines of a page with offsets: Markdown marks stripped, doubled bold runs undone, stray spaces dropped."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .decode import is_cjk

MD_HEADING_RE = re.compile(r"^(#{1,6})\s+")
MIN_UNDOUBLED = 4  # a doubled run must undo to at least this many characters (protects 天天, 实实在在)
# Bold doubling comes from headlines, labels and bylines; a longer line is body text. The search below is quadratic in
# the line's length, so without this bound one 1 MB line with evenly repeated characters would never finish.
MAX_DOUBLED_LINE = 400


@dataclass
class Line:
    """One non-blank physical line: its characters and, for each, the offset in the page text."""

    number: int
    chars: list[str]
    offsets: list[int]
    blank_before: int = 0
    md_level: int = 0
    doubled: bool = False
    tags: set[str] = field(default_factory=set)

    @property
    def text(self) -> str:
        return "".join(self.chars)


def undouble(text: str) -> list[int] | None:
    """Indices to keep if `text` is entirely a bold-extraction doubling (XX, XYXY units); else None."""
    n = len(text)
    if n < 2 * MIN_UNDOUBLED or n % 2 or n > MAX_DOUBLED_LINE:
        return None
    if any(count % 2 for count in Counter(text).values()):
        return None  # every character of a doubled run occurs an even number of times: skip the search
    step = [0] * (n + 1)
    ok = [False] * (n + 1)
    ok[n] = True
    for i in range(n - 2, -1, -1):
        for size in range(1, (n - i) // 2 + 1):
            if ok[i + 2 * size] and text[i] == text[i + size] and text[i:i + size] == text[i + size:i + 2 * size]:
                ok[i] = True
                step[i] = size
                break
    if not ok[0]:
        return None
    keep: list[int] = []
    i = 0
    while i < n:
        keep.extend(range(i, i + step[i]))
        i += 2 * step[i]
    return keep if len(keep) >= MIN_UNDOUBLED else None


def _is_narrow(ch: str) -> bool:
    return ch.isascii() and ch.isalnum() or ch in "%.αβγδ"


def _drop_stray_spaces(chars: list[str], offsets: list[int]) -> tuple[list[str], list[int]]:
    """Remove spaces the PDF extraction put between CJK and digits/letters, and inside spaced-out titles."""
    text = "".join(chars)
    if " " not in text and "\u3000" not in text and "\t" not in text:
        return list(chars), list(offsets)
    tokens = text.split(" ")
    spaced_title = len(tokens) >= 4 and all(len(t) == 1 for t in tokens[:-1])
    out_c: list[str] = []
    out_o: list[int] = []
    for i, ch in enumerate(chars):
        if ch in " \u3000\t" and 0 < i < len(chars) - 1:
            left, right = chars[i - 1], chars[i + 1]
            if spaced_title and is_cjk(left) or (is_cjk(left) and _is_narrow(right)) or (
                _is_narrow(left) and is_cjk(right)
            ):
                continue
        out_c.append(ch)
        out_o.append(offsets[i])
    return out_c, out_o


def _make_line(number: int, text: str, start: int, blank_before: int) -> list[Line]:
    lead = len(text) - len(text.lstrip())
    content = text.strip()
    offset = start + lead
    md_level = 0
    match = MD_HEADING_RE.match(content)
    if match:
        md_level = len(match.group(1))
        offset += match.end()
        content = content[match.end():]
    chars = list(content)
    offsets = list(range(offset, offset + len(content)))
    lines: list[Line] = []
    whole = undouble(content)
    if whole is not None:
        chars = [content[i] for i in whole]
        offsets = [offset + i for i in whole]
        return [Line(number, chars, offsets, blank_before, md_level, doubled=True)]
    cut = max(content.rfind(" "), content.rfind("\u3000"))
    if cut > 0:
        tail = content[cut + 1:]
        keep = undouble(tail)
        if keep is not None:
            head = content[:cut].rstrip()
            lines.append(Line(number, list(head), offsets[:len(head)], blank_before, md_level))
            base = offset + cut + 1
            lines.append(Line(number, [tail[i] for i in keep], [base + i for i in keep], 0, 0, doubled=True))
            for line in lines:
                line.chars, line.offsets = _drop_stray_spaces(line.chars, line.offsets)
            return lines
    chars, offsets = _drop_stray_spaces(chars, offsets)
    return [Line(number, chars, offsets, blank_before, md_level)]


def read_lines(text: str) -> list[Line]:
    """Non-blank lines of the page, each remembering how many blank lines preceded it."""
    lines: list[Line] = []
    position = 0
    blanks = 0
    for number, raw in enumerate(text.split("\n")):
        if raw.strip():
            lines.extend(_make_line(number, raw, position, blanks))
            blanks = 0
        else:
            blanks += 1
        position += len(raw) + 1
    if lines and lines[0].number == 0:
        lines[0].blank_before = max(lines[0].blank_before, 0)
    return lines
