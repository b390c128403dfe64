"""Article kind rules: qa, notice, commentary, photo, brief or news."""
from __future__ import annotations

from . import markers as mk

BRIEF_MAX_CHARS = 200
PHOTO_MAX_TEXT_CHARS = 80
QA_MIN_SHARE = 0.4


def classify_kind(
    *, paragraphs: list[str], captions: int, column_kind: str | None, has_byline: bool,
    notice: bool, commentary_byline: bool,
) -> str:
    """Kind of one article from its body paragraphs (captions excluded) and its furniture."""
    if notice:
        return "notice"
    body_chars = sum(len(p) for p in paragraphs)
    qa_paragraphs = [p for p in paragraphs if mk.is_qa_line(p)]
    questions = sum(p.lstrip().startswith(("问", "Q")) for p in qa_paragraphs)
    answers = len(qa_paragraphs) - questions
    qa_chars = sum(len(p) for p in qa_paragraphs)
    if questions >= 2 and answers >= 2 and body_chars and qa_chars / body_chars >= QA_MIN_SHARE:
        return "qa"
    if column_kind == "commentary" or commentary_byline:
        return "commentary"
    if column_kind == "photo" or captions and body_chars < PHOTO_MAX_TEXT_CHARS:
        return "photo"
    if body_chars < BRIEF_MAX_CHARS and not has_byline:
        return "brief"
    return "news"
