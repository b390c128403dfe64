"""Render article text as HTML paragraphs with extracted records marked in place (overlaps allowed). No Django models."""
from __future__ import annotations

import itertools
from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # css class suffix: figure, date, region, program, qa, pii
    title: str  # the normalised value, shown on hover
    record_id: int | None = None


def highlight(text: str, marks: list[Mark]) -> str:
    """HTML paragraphs (one per line of text) with each record's span wrapped in <mark>.

    Overlapping records split the text into elementary segments; a segment covered by several records gets one
    <mark> carrying every record's class and title.
    """
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = {0, len(text)} | {m.start for m in valid} | {m.end for m in valid}
    cuts |= {i for i, ch in enumerate(text) if ch == "\n"} | {i + 1 for i, ch in enumerate(text) if ch == "\n"}
    bounds = sorted(cuts)
    paragraphs: list[list[str]] = [[]]
    for left, right in itertools.pairwise(bounds):
        segment = text[left:right]
        if segment == "\n":
            paragraphs.append([])
            continue
        active = [m for m in valid if m.start <= left and right <= m.end]
        if not active:
            paragraphs[-1].append(escape(segment))
            continue
        classes = " ".join(sorted({f"rec rec-{m.kind}" for m in active}))
        title = "；".join(dict.fromkeys(m.title for m in active))
        ids = " ".join(str(m.record_id) for m in active if m.record_id is not None)
        paragraphs[-1].append(
            f'<mark class="{escape(classes)}" title="{escape(title)}" data-records="{escape(ids)}">{escape(segment)}</mark>'
        )
    return "".join(f"<p>{''.join(parts)}</p>" for parts in paragraphs if parts)
