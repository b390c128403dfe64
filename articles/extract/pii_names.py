"""Names of private persons in notices and labelled fields (户主：张三, 失主王某某, 张三（男，1985年生）) — spans only."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from articles.extract.segmenter import get_plain_tokenizer

_DATA = Path(__file__).resolve().parent.parent / "data" / "surnames.txt"

# Headings and phrases that make a text a notice about private persons (where a bare name is personal data).
NOTICE_WORDS = re.compile(r"公示|寻人启事|寻亲|招领|遗失声明|遗失启事|声明作废|作废声明|悬赏|认领|失物|走失|讣告|公告")
# Labels that name the person after them, in a notice or not (a labelled name is never a byline or an official).
_LABELS = (
    "户主|失主|联系人|遗失人|姓名|当事人|申请人|领取人|认领人|拾得人|监护人|走失者|走失人|走失老人|寻找亲人|被寻找人|死者"
)
_LABEL = re.compile(rf"(?:{_LABELS})\s*[：:为是]?\s*")
# Inside a notice, a name directly followed by (男 / ，女， / 1985年生 describes a private person.
_DESCRIBED_AFTER = re.compile(r"\s*[（(，,、]\s*(?:男|女|\d{2,4}年(?:出)?生|现年|年龄|\d{1,3}岁|身份证|公民身份)")
# Characters that end a given name: grammar words, verbs that follow a name, titles, the start of a description.
_NOT_GIVEN = set("的于在是为因丢遗等和与及同先女男某，。、；：（）()  \n") | set("请说称讲拨将把被向对从已曾")
_TITLES = ("先生", "女士", "同志", "老人", "师傅")
_BEFORE_NAME = set("的人名民者户")  # 家住…的甄美玲（女…）, 老人甄美玲, 牧民赵忠山（身份证号码…）


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """(compound surnames, single-character surnames) from articles/data/surnames.txt."""
    compound, single = set(), set()
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if len(line) == 2:
            compound.add(line)
        else:
            single.update(line)
    return frozenset(compound), frozenset(single)


def surname_length(name: str) -> int:
    """How many leading characters of `name` are its surname (masking keeps them)."""
    compound, _ = surnames()
    return 2 if name[:2] in compound else 1


def is_notice(text: str) -> bool:
    return bool(NOTICE_WORDS.search(text))


def find_names(text: str, *, notice: bool) -> list[tuple[int, int]]:
    """Spans of private persons' names: after a label anywhere; before a (男/女/年生) description in a notice."""
    spans = []
    for match in _LABEL.finditer(text):
        end = _name_end(text, match.end())
        if end is not None:
            spans.append((match.end(), end))
    if notice:
        for start in range(len(text)):
            if _is_cjk(text[start - 1 : start]) and text[start - 1] not in _BEFORE_NAME:
                continue  # inside a word (副厅长王…): a title or a place, not the start of a private person's name
            end = _name_end(text, start)
            if end is not None and _DESCRIBED_AFTER.match(text, end):
                spans.append((start, end))
    return _every_occurrence(text, spans)


def _every_occurrence(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A name found once names the person wherever else it stands in the same text (甄美玲的女儿介绍 …)."""
    found = set(spans)
    for name in {text[start:end] for start, end in spans if not text[start:end].endswith("某")}:
        position = text.find(name)
        while position >= 0:
            found.add((position, position + len(name)))
            position = text.find(name, position + 1)
    return sorted(found)


def _name_end(text: str, start: int) -> int | None:
    """End of a name (surname + 1–2 given characters, or surname + 某/某某) starting at `start`, or None."""
    compound, single = surnames()
    if text[start : start + 2] in compound:
        given_from = start + 2
    elif text[start : start + 1] in single:
        given_from = start + 1
    else:
        return None
    if text.startswith("某某", given_from):
        return given_from + 2
    if text.startswith("某", given_from):
        return given_from + 1
    end = given_from
    while end < len(text) and end - given_from < 2 and _is_cjk(text[end]) and text[end] not in _NOT_GIVEN:
        end += 1
    if end == given_from or text[given_from:].startswith(_TITLES):
        return None
    if end - given_from == 2 and _is_cjk(text[end : end + 1]) and text[end] not in _NOT_GIVEN:
        if _is_word(text[end - 1 : end + 1]):
            end -= 1  # 刘涛拿起…: the second character starts a word (拿起), so the given name is one character
        # else 欧阳明华家庭…, 房秋实手机…: 华家 / 实手 is no word, so the name keeps both given characters
    return end


def _is_word(chars: str) -> bool:
    """Whether `chars` is a word of jieba's dictionary (its prefix entries have frequency 0)."""
    return get_plain_tokenizer().FREQ.get(chars, 0) > 0


def _is_cjk(char: str) -> bool:
    return bool(char) and "\u4e00" <= char <= "\u9fff"
