"""Render article text as HTML paragraphs with extracted records marked in place (overlaps allowed). No Django models.

Every record gets an anchor (`id="f-12"` for figure 12, see ANCHOR_PREFIX) on the first piece of its span, so a link
to `/articles/4/#f-12` lands on its sentence; the piece where a record starts is a link to that anchor, followed by a
details panel listing every record covering the piece. The stylesheet shows the panel while the link has the focus
(keyboard), is the target (a tap, or arriving from another page) or the panel itself has the focus — no script, no
tooltip; screen readers read it as the link's description.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass
from html import escape

# Record kind → prefix of its anchor id in the article page.
ANCHOR_PREFIX = {"figure": "f", "date": "d", "region": "r", "program": "p", "document": "w", "qa": "q", "pii": "x"}
KIND_LABELS = {"figure": "数据", "date": "日期", "region": "地区", "program": "政策", "document": "文件", "qa": "问答", "pii": "个人信息"}


def anchor_id(kind: str, record_id: int) -> str:
    """The id of a record's anchor in its article page (`f-12`)."""
    return f"{ANCHOR_PREFIX[kind]}-{record_id}"


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # css class suffix: figure, date, region, program, qa, pii
    title: str  # the normalised value, shown in the details panel
    record_id: int | None = None
    href: str = ""  # a page about what the record names (a programme, a region), when there is one


def _details(active: list[Mark], popover_id: str) -> str:
    items = []
    for m in active:
        link = f' <a href="{escape(m.href)}">详情页</a>' if m.href else ""
        here = f' <a href="#{anchor_id(m.kind, m.record_id)}">本句链接</a>' if m.record_id is not None else ""
        items.append(
            f'<span class="rec-item"><span class="tag">{escape(KIND_LABELS.get(m.kind, m.kind))}</span> '
            f"{escape(m.title)}{link}{here}</span>"
        )
    close = '<a class="rec-close" href="#rec-closed">关闭</a>'
    return f'<span class="rec-pop" id="{popover_id}" role="note">{"".join(items)}{close}</span>'


def highlight(text: str, marks: list[Mark]) -> str:
    """HTML paragraphs (one per line of text) with each record's span wrapped in <mark>.

    Overlapping records split the text into elementary segments; a segment covered by several records gets one
    <mark> carrying every record's class. A segment where records start carries their anchors and is a link to them,
    described by the details of every record covering it.
    """
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = {0, len(text)} | {m.start for m in valid} | {m.end for m in valid}
    cuts |= {i for i, ch in enumerate(text) if ch == "\n"} | {i + 1 for i, ch in enumerate(text) if ch == "\n"}
    bounds = sorted(cuts)
    paragraphs: list[list[str]] = [[]]
    starts = [0]  # where each paragraph starts in the text (an editor's selection is turned back into offsets)
    for left, right in itertools.pairwise(bounds):
        segment = text[left:right]
        if segment == "\n":
            paragraphs.append([])
            starts.append(right)
            continue
        active = [m for m in valid if m.start <= left and right <= m.end]
        if not active:
            paragraphs[-1].append(escape(segment))
            continue
        classes = " ".join(sorted({f"rec rec-{m.kind}" for m in active}))
        ids = " ".join(str(m.record_id) for m in active if m.record_id is not None)
        starting = [m for m in active if m.start == left and m.record_id is not None]
        anchors = [anchor_id(m.kind, m.record_id) for m in starting]
        own_id = f' id="{anchors[0]}"' if anchors else ""
        if starting:
            popover = f"rec-pop-{left}"
            inner = f'<a class="rec-link" href="#{anchors[0]}" aria-describedby="{popover}">{escape(segment)}</a>'
        else:
            inner = escape(segment)
        html = f'<mark class="{escape(classes)}"{own_id} data-records="{escape(ids)}">{inner}</mark>'
        for extra in anchors[1:]:  # several records start here: one anchor each, around the same mark
            html = f'<span class="rec-anchor" id="{extra}">{html}</span>'
        if starting:
            html += _details(active, popover)
        paragraphs[-1].append(html)
    return "".join(f'<p data-start="{start}">{"".join(parts)}</p>' for start, parts in zip(starts, paragraphs, strict=True) if parts)


SENTENCE_ENDS = "。！？!?\n"


def sentence_around(text: str, start: int, end: int, *, extra: int = 1) -> tuple[str, str, str]:
    """(before, span, after): the span with its sentence around it, and `extra` sentences on each side — what an
    editor reads to judge a record. Sentences end at 。！？ or a line break."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    left = start
    for _ in range(extra + 1):
        cut = max(text.rfind(ch, 0, max(left - 1, 0)) for ch in SENTENCE_ENDS)
        left = cut + 1 if cut >= 0 else 0
        if left == 0:
            break
    right = end
    for _ in range(extra + 1):
        found = [i for i in (text.find(ch, right) for ch in SENTENCE_ENDS) if i >= 0]
        right = min(found) + 1 if found else len(text)
        if right >= len(text):
            break
    return text[left:start].lstrip("\n"), text[start:end], text[end:right].rstrip("\n")


def in_context_html(text: str, start: int, end: int, kind: str) -> str:
    """The span marked in its sentences, escaped, for the admin."""
    before, span, after = sentence_around(text, start, end)
    return f'…{escape(before)}<mark class="rec rec-{escape(kind)}">{escape(span)}</mark>{escape(after)}…'
