"""Page-layout decisions: are headlines printed before or after their bodies, and which leads sit above the wrong head."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .samestory import TopicalProfiles

if TYPE_CHECKING:
    from .repair import Block
    from .segment import Draft

STRUCTURE_VOTE = 2
LEAD_MIN_SIMILARITY = 0.12
LEAD_MARGIN = 1.6


def _text(blocks: list[Block]) -> str:
    return "".join(b.text for b in blocks)


def detect_headline_position(blocks: list[Block]) -> str:
    """"before" (headline, byline, body) or "after" (byline, body, headline) for the whole page."""
    before = after = 0
    topical = TopicalProfiles()
    core = [b for b in blocks if b.role != "caption"]
    if core:
        if core[0].role == "byline":
            after += STRUCTURE_VOTE
        elif core[0].role in ("title", "column"):
            before += STRUCTURE_VOTE
        tail = len(core)
        while tail > 0 and core[tail - 1].role == "body" and core[tail - 1].lines <= 2 and core[tail - 1].width <= 45:
            tail -= 1
        if tail and core[tail - 1].role == "title" and not core[tail - 1].md_level:
            after += 1
        elif tail and core[tail - 1].role == "body":
            before += 1
    for i, block in enumerate(blocks):
        if block.role != "byline" or i == 0 or blocks[i - 1].role != "title":
            continue
        j = i - 1
        while j > 0 and blocks[j - 1].role == "title":
            j -= 1
        prev_body = [b for b in blocks[max(0, j - 4):j] if b.role == "body"]
        next_body = [b for b in blocks[i + 1:i + 5] if b.role == "body"]
        if not prev_body or not next_body:
            continue
        title = _text(blocks[j:i])
        if topical.similarity(title, _text(prev_body)) > topical.similarity(title, _text(next_body)):
            after += 1
        else:
            before += 1
    return "after" if after > before else "before"


def move_misplaced_leads(drafts: list[Draft]) -> None:
    """Move trailing paragraphs of an article to the next one when they are clearly about the next one.

    Layouts sometimes put the first paragraphs of a story above its headline, so in reading order they
    follow the previous story. The split point is the one that best separates the two topics."""
    topical = TopicalProfiles()
    similarity = topical.similarity
    for prev, nxt in zip(drafts, drafts[1:], strict=False):
        if prev.closed or prev.notice or nxt.notice or not nxt.titles:
            continue
        body = prev.paragraphs
        movable = 0
        while movable < len(body) - 1 and body[len(body) - 1 - movable].role == "body":
            movable += 1
        target = _text(nxt.titles) + _text(nxt.body_blocks())
        if movable == 0 or not target:
            continue
        # every candidate core is a prefix of the body paragraphs: profile them all in one pass
        core_texts = [b.text for b in body if b.role == "body"]
        core_sizes = [sum(1 for b in body[:len(body) - k] if b.role == "body") for k in range(1, movable + 1)]
        topical.add_joins(core_texts, set(core_sizes))
        topical.add_joins([b.text for b in body], set(range(1, movable + 1)), from_end=True)  # the tails
        best_k, best_score = 0, 0.0
        for k in range(1, movable + 1):
            core = _text([b for b in body[:len(body) - k] if b.role == "body"])
            if not core:
                break
            tail = body[len(body) - k:]
            ok = all(similarity(b.text, target) > similarity(b.text, core) for b in tail)
            to_next = similarity(_text(tail), target)
            to_prev = similarity(_text(tail), core)
            ok = ok and to_next >= LEAD_MIN_SIMILARITY and to_next >= LEAD_MARGIN * to_prev
            score = to_next - to_prev
            if ok and score > best_score:
                best_k, best_score = k, score
        if best_k:
            moved = body[len(body) - best_k:]
            del body[len(body) - best_k:]
            insert_at = sum(1 for b in nxt.paragraphs[:1] if b.role == "caption")
            nxt.paragraphs[insert_at:insert_at] = moved
