"""Question–answer pairs of interview articles: 问：/答： marks, 记者：/负责人： turns, numbered questions."""
from __future__ import annotations

import re
from dataclasses import dataclass

from articles.parsing.script import original_of, simplified_view


@dataclass
class QAPair:
    """One question and its answer, without the 问：/答： marks.

    `question_start` is the offset of the question's first character (after its mark) and `answer_end` the offset
    just past the answer's last character, so `text[question_start:answer_end]` is the whole exchange. Lines of a
    question are joined without a separator (a question is one sentence broken by the layout); paragraphs of an
    answer are joined with "\\n".
    """

    question: str
    answer: str
    question_start: int
    answer_end: int


_SPACE = "[ \t\u3000]*"
_QUESTION_MARK = re.compile(rf"(?m)^{_SPACE}(?:问|提问|Q)\s*[：:]{_SPACE}")
_ANSWER_MARK = re.compile(rf"(?m)(?:^{_SPACE}|(?<=[？?]){_SPACE})(?:答|回答|A)\s*[：:]{_SPACE}")
_SPEAKER = re.compile(rf"(?m)^{_SPACE}([\u4e00-\u9fff]{{1,12}}){_SPACE}[：:]{_SPACE}(?=\S)")
_QUESTION_SPEAKERS = frozenset({"记者", "本报记者", "主持人", "问"})
_NUMBERED_QUESTION = re.compile(
    rf"(?m)^{_SPACE}(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})[.．、]{_SPACE}"
    rf"|^{_SPACE}[（(](?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})[）)]{_SPACE}"
)
_QUESTION_END = re.compile(r"[？?]")
# Lines that close an interview rather than continue an answer: source notes, credits, bylines, column marks.
_CLOSING_LINE = re.compile(
    r"^(?:[（(](?:据|来源|本报|记者|通讯员|文|图)[^）)]*[）)]|[（(][\u4e00-\u9fff\s]{2,20}[）)]|[□◎#].*)$"
)
_MIN_MARKED_PAIRS = 1
_MIN_UNMARKED_PAIRS = 2


def extract_qa_pairs(text: str) -> list[QAPair]:
    """The interview's question–answer pairs in reading order; an empty list for an ordinary article.

    The marks are read on the simplified view (問/答 as 问/答); questions and answers keep the original script."""
    shadow = simplified_view(text)
    for finder in (_marked_pairs, _speaker_pairs, _numbered_pairs):
        pairs = finder(shadow)
        if pairs:
            return pairs if shadow == text else [_in_original(pair, shadow, text) for pair in pairs]
    return []


def _in_original(pair: QAPair, shadow: str, text: str) -> QAPair:
    both = original_of(pair.question + pair.answer, shadow, text, pair.question_start)
    return QAPair(both[:len(pair.question)], both[len(pair.question):], pair.question_start, pair.answer_end)


def _marked_pairs(text: str) -> list[QAPair]:
    """问：… 答：… (also half-width colons, and 答 on the same line right after the question mark)."""
    questions = list(_QUESTION_MARK.finditer(text))
    pairs = []
    for index, question in enumerate(questions):
        limit = questions[index + 1].start() if index + 1 < len(questions) else len(text)
        answer = _ANSWER_MARK.search(text, question.end(), limit)
        if answer is None:
            continue
        pair = _make_pair(text, question.end(), answer.start(), answer.end(), limit)
        if pair:
            pairs.append(pair)
    return pairs if len(pairs) >= _MIN_MARKED_PAIRS else []


def _speaker_pairs(text: str) -> list[QAPair]:
    """记者：… 负责人：… turns, used only when questions and answers clearly alternate."""
    turns = list(_SPEAKER.finditer(text))
    pairs = []
    for index, turn in enumerate(turns[:-1]):
        reply = turns[index + 1]
        if turn.group(1) not in _QUESTION_SPEAKERS or reply.group(1) in _QUESTION_SPEAKERS:
            continue
        limit = _next_question_turn(turns, index + 2, len(text))
        pair = _make_pair(text, turn.end(), reply.start(), reply.end(), limit)
        if pair:
            pairs.append(pair)
    return pairs if len(pairs) >= _MIN_UNMARKED_PAIRS else []


def _next_question_turn(turns: list[re.Match[str]], start: int, default: int) -> int:
    for turn in turns[start:]:
        if turn.group(1) in _QUESTION_SPEAKERS:
            return turn.start()
    return default


def _numbered_pairs(text: str) -> list[QAPair]:
    """1.…？ / 一、…？ question lines, each followed by its answer paragraphs."""
    heads = []
    for match in _NUMBERED_QUESTION.finditer(text):
        line_end = _line_end(text, match.end())
        line = text[match.end():line_end].rstrip()
        if _QUESTION_END.search(line[-1:] or ""):
            heads.append((match.start(), match.end(), match.end() + len(line), line_end))
    pairs = []
    for index, (_, start, question_end, line_end) in enumerate(heads):
        limit = heads[index + 1][0] if index + 1 < len(heads) else len(text)
        pair = _make_pair(text, start, question_end, line_end, limit)
        if pair:
            pairs.append(pair)
    return pairs if len(pairs) >= _MIN_UNMARKED_PAIRS else []


def _make_pair(text: str, question_start: int, question_end: int, answer_start: int, limit: int) -> QAPair | None:
    question = "".join(line.strip() for line in text[question_start:question_end].splitlines())
    paragraphs, answer_end = _answer_paragraphs(text, answer_start, _line_start(text, limit))
    if not question or not paragraphs:
        return None
    return QAPair(question, "\n".join(paragraphs), question_start, answer_end)


def _answer_paragraphs(text: str, start: int, limit: int) -> tuple[list[str], int]:
    """Non-empty lines from `start` up to `limit` or a closing line, and the offset where the last one ends."""
    paragraphs, end, position = [], start, start
    for line in text[start:limit].splitlines(keepends=True):
        stripped = line.strip()
        if stripped and paragraphs and _CLOSING_LINE.match(stripped):
            break
        if stripped:
            paragraphs.append(stripped)
            end = position + len(line.rstrip())
        position += len(line)
    return paragraphs, end


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end < 0 else end


def _line_start(text: str, position: int) -> int:
    """The start of the line holding `position` when only blanks precede it there, else `position` itself."""
    line_start = text.rfind("\n", 0, position) + 1
    return line_start if not text[line_start:position].strip() else position
