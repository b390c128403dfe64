"""Hard-wrapped page lines to paragraphs (blocks) with roles; page-break splits rejoined, captions kept apart."""
from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from . import markers as mk
from .lines import Line, read_lines
from .web import is_dateline

TITLE_MAX_WIDTH = 32.0  # a title line is at most this wide (em)
CAPTION_MAX_WIDTH = 45.0
UNWRAPPED_FRAGMENT_WIDTH = 24.0
INDENT_MIN, INDENT_MAX = 1.5, 3.0  # a paragraph's first line is about two characters narrower  # on unwrapped pages a longer unfinished line is certainly a fragment
CONTINUATION_STARTS = set("的地得了着过和与及或等之，。、；：”）)")


@dataclass
class Block:
    """A repaired paragraph-level unit of the page with its role and per-character source offsets."""

    role: str  # body | title | byline | column | box | caption | credit | source | dateline (a web article's)
    chars: list[str]
    offsets: list[int | None]
    lines: int = 1
    blank_before: int = 0
    md_level: int = 0
    doubled: bool = False
    names: list[str] = field(default_factory=list)
    label: str | None = None

    @property
    def text(self) -> str:
        return "".join(self.chars)

    @property
    def width(self) -> float:
        return mk.display_width(self.text)


def _role_of_line(line: Line) -> tuple[str, list[str], str | None]:
    text = line.text
    if line.doubled:
        return "title", [], None
    label = mk.column_label(text)
    if label and (line.md_level or mk.display_width(text) <= 8):
        return "column", [], label
    if mk.is_box_label(text):
        return "box", [], None
    names = mk.byline_names(text)
    if names:
        return "byline", names, None
    if is_dateline(text):
        return "dateline", [], None
    if mk.is_photo_credit(text):
        return "caption", [], None
    names = mk.credit_names(text)
    if names:
        return "credit", names, None
    source = mk.source_credit(text)
    if source:
        return "source", [], source
    if line.md_level:
        return "title", [], None
    return "body", [], None


def _page_wrap_width(groups: list[list[Line]]) -> float | None:
    """Typical wrap width of hard-wrapped columns (median width of non-final lines in runs of 3+ lines)."""
    widths = [mk.display_width(line.text) for group in groups if len(group) >= 3 for line in group[:-1]]
    if len(widths) < 6:
        return None
    return statistics.median(widths)


def _group_lines(lines: list[Line]) -> list[list[Line]]:
    groups: list[list[Line]] = []
    for line in lines:
        if groups and line.blank_before == 0 and not line.doubled:
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _breaks_within_group(
    prev: Line, nxt: Line, prev_role: str, next_role: str, wrap: float | None, nxt_is_last: bool
) -> bool:
    if prev_role != "body" or next_role != "body" and next_role != "title":
        return True
    if mk.is_qa_line(nxt.text):
        return True
    text = prev.text
    if not mk.ends_sentence(text):
        return False
    if wrap is None:
        return True
    if (not nxt_is_last and mk.display_width(text) >= wrap - 1
            and wrap - INDENT_MAX <= mk.display_width(nxt.text) <= wrap - INDENT_MIN):
        return True  # the next line is indented: it opens a new paragraph
    return mk.display_width(text) < wrap - 2.5


def _to_blocks(groups: list[list[Line]], wrap: float | None) -> list[Block]:
    blocks: list[Block] = []
    for group in groups:
        current: Block | None = None
        prev: Line | None = None
        prev_role = ""
        for position, line in enumerate(group):
            role, names, label = _role_of_line(line)
            last = position == len(group) - 1
            if current is not None and prev is not None and not _breaks_within_group(
                prev, line, prev_role, role, wrap, last
            ):
                current.chars.extend(line.chars)
                current.offsets.extend(line.offsets)
                current.lines += 1
                if current.role == "title" and role == "body":
                    current.role = "body"
            else:
                current = Block(role, list(line.chars), list(line.offsets), 1,
                                line.blank_before if prev is None else 0, line.md_level, line.doubled, names, label)
                if role == "source":
                    current.label = label
                blocks.append(current)
            prev, prev_role = line, role
    return blocks


def _is_title_shape(block: Block) -> bool:
    text = block.text
    if block.role == "title":
        return True
    if block.role != "body" or block.lines > 2 or block.width > TITLE_MAX_WIDTH:
        return False
    if mk.is_qa_line(text) or mk.is_open_ended(text) or "。" in text[:-1]:
        return False
    if text.endswith("。") or text[-1] in "”’" and len(text) > 1 and text[-2] in mk.TERMINAL:
        return False
    return True


def _is_caption_shape(block: Block, first: bool) -> bool:
    if block.role != "body" or block.lines > 3 or block.width > CAPTION_MAX_WIDTH:
        return False
    if mk.is_qa_line(block.text) or mk.is_open_ended(block.text):
        return False
    return block.blank_before >= 2 or (first and block.blank_before >= 1)


def _is_fragment(block: Block, nxt: Block, wrap: float | None) -> bool:
    """True when `block` stops mid-sentence and `nxt` continues it after a page or column break."""
    if block.role != "body" or nxt.role not in ("body", "title") or nxt.doubled or nxt.md_level:
        return False
    text = block.text
    if mk.ends_sentence(text) or text.endswith(("：", ":")):
        return False
    if mk.is_open_ended(text) or nxt.text[0] in CONTINUATION_STARTS:
        return True
    width = block.width
    if wrap is not None and (block.lines > 1 or width >= wrap - 3.5 or not _is_title_shape(block)):
        return True
    if width >= UNWRAPPED_FRAGMENT_WIDTH or block.lines > 1:
        return True
    return "，" in text or "," in text or "、" in text or mk.is_speaker_intro(nxt.text)


def _join(into: Block, other: Block) -> None:
    into.chars.extend(other.chars)
    into.offsets.extend(other.offsets)
    into.lines += other.lines
    into.role = "body"


def _rejoin_fragments(blocks: list[Block], wrap: float | None) -> list[Block]:
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if out and out[-1].role == "body":
            prev = out[-1]
            if block.role in ("body", "title") and _is_fragment(prev, block, wrap) and not _heads_byline(blocks, i):
                _join(prev, block)
                i += 1
                continue
            # a photo caption printed inside a split paragraph: join around it, caption after the paragraph
            if (block.role == "caption" or _is_caption_shape(block, False)) and i + 1 < len(blocks):
                after = blocks[i + 1]
                if after.blank_before <= 1 and _is_fragment(prev, after, wrap) and (
                    mk.is_open_ended(prev.text) or prev.width >= UNWRAPPED_FRAGMENT_WIDTH or prev.lines > 1
                ):
                    _join(prev, after)
                    block.role = "caption"
                    out.append(block)
                    i += 2
                    continue
        out.append(block)
        i += 1
    return out


def _heads_byline(blocks: list[Block], i: int) -> bool:
    """Block i is followed (through at most two title-shaped blocks) by a byline: it is part of a head."""
    for j in range(i, min(i + 3, len(blocks))):
        if blocks[j].role in ("byline", "column"):
            return j > i or blocks[j].role == "byline"
        if not _is_title_shape(blocks[j]):
            return False
    return False


def _assign_shapes(blocks: list[Block]) -> None:
    for block in blocks:
        if block.role != "body":
            continue
        if _is_title_shape(block):
            block.role = "title"


def repair_blocks(text: str) -> list[Block]:
    """Repair one page of (simplified) text into blocks in reading order."""
    lines = read_lines(text)
    groups = _group_lines(lines)
    wrap = _page_wrap_width(groups)
    blocks = _to_blocks(groups, wrap)
    for index, block in enumerate(blocks):
        if _is_caption_shape(block, index == 0):
            block.role = "caption"
    if len(blocks) > 1 and (blocks[1].md_level or blocks[1].role == "column"):
        first = blocks[0]
        if first.role == "body" and first.lines <= 3 and first.width <= CAPTION_MAX_WIDTH:
            first.role = "caption"  # a photo caption printed above the page's first heading
    blocks = _rejoin_fragments(blocks, wrap)
    _assign_shapes(blocks)
    return blocks
