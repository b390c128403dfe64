"""Article kind rules: qa, notice, commentary, photo, brief or news."""
from __future__ import annotations

from . import markers as mk

BRIEF_MAX_CHARS = 200
PHOTO_MAX_TEXT_CHARS = 80
QA_MIN_SHARE = 0.4


def _qa_counts(paragraphs: list[str]) -> tuple[int, int, float]:
    """Questions, answers, and the share of the body's characters in Q&A lines."""
    body_chars = sum(len(p) for p in paragraphs)
    qa_paragraphs = [p for p in paragraphs if mk.is_qa_line(p)]
    questions = sum(p.lstrip().startswith(("问", "Q")) for p in qa_paragraphs)
    share = sum(len(p) for p in qa_paragraphs) / body_chars if body_chars else 0.0
    return questions, len(qa_paragraphs) - questions, share


def is_qa_block(paragraphs: list[str]) -> bool:
    """A body that is mostly questions and answers, even a single pair (a headless box of 问/答 is one)."""
    questions, answers, share = _qa_counts(paragraphs)
    return questions >= 1 and answers >= 1 and share >= QA_MIN_SHARE


def first_question(paragraphs: list[str], originals: list[str] | None = None) -> str | None:
    """The first question of a Q&A body, without its 问：/Q: marker (a headline for a Q&A block that has none).
    Rules read `paragraphs` (a traditional page's simplified shadow); the question is cut from `originals` (the
    page's own characters, the same length) when given."""
    for k, paragraph in enumerate(paragraphs):
        text = paragraph.strip()
        if mk.is_qa_line(text) and text.startswith(("问", "Q")):
            start = len(paragraph) - len(paragraph.lstrip()) + mk.QA_RE.match(text).end()
            source = originals[k] if originals is not None else paragraph
            return source[start:].strip() or None
    return None


def classify_kind(
    *, paragraphs: list[str], captions: int, column_kind: str | None, has_byline: bool,
    notice: bool, commentary_byline: bool,
) -> str:
    """Kind of one article from its body paragraphs (captions excluded) and its furniture."""
    if notice:
        return "notice"
    body_chars = sum(len(p) for p in paragraphs)
    questions, answers, share = _qa_counts(paragraphs)
    if questions >= 2 and answers >= 2 and share >= QA_MIN_SHARE:
        return "qa"
    if column_kind == "commentary" or commentary_byline:
        return "commentary"
    if column_kind == "photo" or captions and body_chars < PHOTO_MAX_TEXT_CHARS:
        return "photo"
    if body_chars < BRIEF_MAX_CHARS and not has_byline:
        return "brief"
    return "news"
