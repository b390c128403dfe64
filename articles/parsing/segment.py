"""Repaired blocks to article drafts: heads (column, kicker, headline, byline) before or after the body."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import markers as mk
from .kinds import classify_kind, first_question, is_qa_block
from .layout import detect_headline_position, move_misplaced_leads
from .repair import Block
from .samestory import topical_similarity
from .types import ArticleDraft

BYLINE_IN_LEAD_RE = re.compile(r"^本报讯\s*[（(]([^（()）]{2,40})[)）]")
# 新华社南宁5月11日电（记者 何伟）: a wire or web lead names its reporters; the lead stays as printed (it dates the story).
WIRE_LEAD_RE = re.compile(r"^[^，,。（()）\n]{2,30}?[电讯]\s*[（(]((?:本报|特约|实习|见习)?记者[^（()）]{2,40})[)）]")
ORPHAN_MAX_WIDTH = 45.0


@dataclass
class Draft:
    """An article while it is being assembled."""

    column: str | None = None
    titles: list[Block] = field(default_factory=list)
    byline: list[str] = field(default_factory=list)
    byline_text: str = ""
    paragraphs: list[Block] = field(default_factory=list)
    furniture: list[Block] = field(default_factory=list)  # head blocks, credits: only for the source span
    closed: bool = False  # ended by a closing credit, or by its headline when headlines follow bodies
    credit: str | None = None
    notice: bool = False

    def body_blocks(self) -> list[Block]:
        return [p for p in self.paragraphs if p.role == "body"]

    def add_names(self, names: list[str]) -> None:
        self.byline.extend(n for n in names if n not in self.byline)


def _head_end(blocks: list[Block], i: int) -> int:
    """Index after the head starting at i: column, captions and titles, ending with an optional byline."""
    j = i
    seen_column = False
    while j < len(blocks):
        role = blocks[j].role
        if role == "column":
            if seen_column or j > i and blocks[j - 1].role != "column" and j != i:
                break
            seen_column = True
        elif role == "byline":
            return j + 1
        elif role not in ("title", "caption"):
            break
        j += 1
    return j


def _title_leads_to_byline(blocks: list[Block], i: int) -> bool:
    j = i
    while j < len(blocks) and blocks[j].role == "title" and j - i < 3:
        j += 1
    return j < len(blocks) and blocks[j].role == "byline"


def _fill_head(draft: Draft, head: list[Block]) -> list[Block]:
    """Put head blocks into the draft; returns captions met inside the head."""
    captions = []
    for block in head:
        draft.furniture.append(block)
        if block.role == "column":
            draft.column = block.label
        elif block.role == "title":
            draft.titles.append(block)
        elif block.role == "byline":
            draft.add_names(block.names)
            draft.byline_text += block.text
        elif block.role == "caption":
            captions.append(block)
    return captions


def _add_body(draft: Draft, block: Block) -> None:
    if block.role == "credit":
        draft.add_names(block.names)
        draft.furniture.append(block)
        draft.closed = True
    elif block.role == "source":
        draft.credit = block.label
        draft.furniture.append(block)
        draft.closed = True
    else:
        draft.paragraphs.append(block)
        if block.role == "body" and mk.trailing_credit(block.text):
            draft.closed = True


def _segment_heads_first(blocks: list[Block]) -> tuple[list[Draft], list[Block]]:
    drafts: list[Draft] = []
    pending: list[Block] = []  # captions printed above the first headline
    current: Draft | None = None
    i = 0
    while i < len(blocks):
        block = blocks[i]
        role = block.role
        starts = role in ("column", "byline") or role == "title" and (
            block.md_level or current is None or current.closed or current.notice
            or _title_leads_to_byline(blocks, i) or mk.is_notice_heading(block.text)
        )
        if starts:
            end = _head_end(blocks, i)
            current = Draft()
            drafts.append(current)
            current.paragraphs.extend(pending)
            pending = []
            current.paragraphs.extend(_fill_head(current, blocks[i:end]))
            current.notice = role == "title" and mk.is_notice_heading(block.text)
            i = end
            continue
        if role == "body" and mk.is_notice_text(block.text):
            if not (current and current.notice and not current.paragraphs):
                current = Draft()
                drafts.append(current)
            current.notice = True
            current.paragraphs.append(block)
            i += 1
            continue
        if current is None:
            if role == "caption":
                pending.append(block)
                i += 1
                continue
            current = Draft()
            drafts.append(current)
        _add_body(current, block)
        i += 1
    return drafts, pending


def _is_orphan_tail(blocks: list[Block], start: int) -> bool:
    return all(b.role == "caption" or b.role == "body" and b.lines <= 2 and b.width <= ORPHAN_MAX_WIDTH
               for b in blocks[start:])


def _segment_heads_after(blocks: list[Block]) -> tuple[list[Draft], list[Block]]:
    drafts: list[Draft] = []
    current: Draft | None = None
    orphans: list[Block] = []

    def start() -> Draft:
        draft = Draft()
        drafts.append(draft)
        return draft

    i = 0
    while i < len(blocks):
        block = blocks[i]
        role = block.role
        if role == "byline":
            if current is None or current.closed or current.paragraphs:
                current = start()
            current.add_names(block.names)
            current.byline_text += block.text
            current.furniture.append(block)
        elif role == "column":
            if current is None or current.closed or current.paragraphs or current.byline:
                current = start()
            current.column = block.label
            current.furniture.append(block)
        elif role == "title":
            j = i
            while j < len(blocks) and blocks[j].role == "title":
                j += 1
            if j == len(blocks) or blocks[j].role in ("byline", "column") or _is_orphan_tail(blocks, j):
                if current is None or current.closed:
                    current = start()
                current.titles.extend(blocks[i:j])
                current.furniture.extend(blocks[i:j])
                current.closed = True
                i = j
                if _is_orphan_tail(blocks, j):
                    orphans.extend(blocks[j:])
                    break
                continue
            if current is None or current.closed:
                current = start()
            current.paragraphs.append(block)
        else:
            if current is None or current.closed and role not in ("credit", "source", "caption"):
                current = start()
            if role == "body" and mk.is_notice_text(block.text):
                current.notice = True
            _add_body(current, block)
        i += 1
    return drafts, orphans


def _attach_orphans(drafts: list[Draft], orphans: list[Block]) -> None:
    for block in orphans:
        block.role = "caption"
        block.label = "orphan"  # printed away from its article: left out of the article's source span
        if not drafts:
            drafts.append(Draft())
        scores = [topical_similarity(block.text, "".join(p.text for p in d.paragraphs)) for d in drafts]
        best = max(range(len(drafts)), key=lambda k: (scores[k], k))
        drafts[best].paragraphs.append(block)


def _split_trailing_credits(draft: Draft) -> None:
    for block in draft.paragraphs:
        if block.role != "body":
            continue
        found = mk.trailing_credit(block.text)
        if found:
            cut, names = found
            draft.add_names(names)
            draft.furniture.append(Block("credit", block.chars[cut:], block.offsets[cut:]))
            del block.chars[cut:]
            del block.offsets[cut:]
    body = draft.body_blocks()
    if body and not draft.byline:
        match = BYLINE_IN_LEAD_RE.match(body[0].text)
        names = mk.byline_names(match.group(1)) if match else None
        if names:
            draft.add_names(names)
            draft.byline_text += match.group(1)
            del body[0].chars[:match.end()]
            del body[0].offsets[:match.end()]
        elif not names:
            wire = WIRE_LEAD_RE.match(body[0].text)
            names = mk.byline_names(wire.group(1)) if wire else None
            if names:
                draft.add_names(names)
                draft.byline_text += wire.group(1)


def segment_blocks(blocks: list[Block]) -> list[Draft]:
    """Group repaired blocks into article drafts in page order."""
    if detect_headline_position(blocks) == "after":
        drafts, orphans = _segment_heads_after(blocks)
    else:
        drafts, orphans = _segment_heads_first(blocks)
        move_misplaced_leads(drafts)
    _attach_orphans(drafts, orphans)
    for draft in drafts:
        _split_trailing_credits(draft)
    return [d for d in drafts if d.paragraphs or d.titles]


def _original(block: Block, original: str) -> str:
    return "".join(original[o] if o is not None else c for c, o in zip(block.chars, block.offsets, strict=True))


def _span(draft: Draft, paragraphs: list[Block], original: str) -> tuple[int, int]:
    """Verbatim span of the article: whole lines, including Markdown marks and doubled bold runs."""
    blocks = [b for b in paragraphs + draft.furniture if b.label != "orphan"]
    offsets = [o for b in blocks for o in b.offsets if o is not None]
    if not offsets:
        return 0, 0
    start, end = min(offsets), max(offsets) + 1
    line_begin = original.rfind("\n", 0, start) + 1
    if not original[line_begin:start].strip(" \t#\u3000"):
        start = line_begin
    line_end = original.find("\n", end)
    line_end = len(original) if line_end < 0 else line_end
    if any(b.doubled for b in blocks) or not original[end:line_end].strip():
        end = line_end
    return start, end


def to_article(draft: Draft, original: str, script: str) -> ArticleDraft:
    """Finished ArticleDraft with text in the page's own script and a span into the verbatim page."""
    titles = [_original(t, original).strip() for t in draft.titles]
    headline = subheadline = None
    if titles:
        main = next((k for k in range(len(titles) - 1, -1, -1) if not titles[k].startswith(("——", "--"))), 0)
        headline = titles[main].rstrip("。.")
        rest = [t.lstrip("—- ") for k, t in enumerate(titles) if k != main]
        subheadline = " ".join(rest) or None
    paragraphs = [p for p in draft.paragraphs if p.chars]
    texts: list[str] = []
    offsets: list[int | None] = []
    for block in paragraphs:
        if texts:
            offsets.append(None)
        text = _original(block, original)
        texts.append(text)
        offsets.extend(block.offsets)
    start, end = _span(draft, paragraphs, original)
    body = [b.text for b in paragraphs if b.role in ("body", "box")]
    kind = classify_kind(
        paragraphs=body,
        captions=sum(b.role == "caption" for b in paragraphs),
        column_kind=mk.column_kind(draft.column), has_byline=bool(draft.byline), notice=draft.notice,
        commentary_byline="评论员" in draft.byline_text,
    )
    if not headline and not draft.notice and is_qa_block(body):
        # A Q&A box printed without a headline: its first question names it, and it is a Q&A, not a brief. The
        # question is taken in the page's own script.
        originals = [_original(b, original) for b in paragraphs if b.role in ("body", "box")]
        headline, kind = first_question(body, originals), "qa"
    return ArticleDraft(
        headline=headline, subheadline=subheadline, column=draft.column, byline=list(draft.byline),
        kind=kind, text="\n".join(texts), source_start=start, source_end=end, script=script, credit=draft.credit, text_offsets=offsets,
    )
