"""Predicates that recognise the printed furniture of a page: bylines, column labels, credits, captions, notices."""
from __future__ import annotations

import re

from .decode import is_cjk
from .vocab import box_labels, byline_roles, column_labels, notice_headings, notice_phrases

TERMINAL = set("。！？!?…")
CLOSERS = set("”’」』）)")
OPEN_ENDINGS = set("，,、；;：:（(“‘《—-")  # a line ending with one of these continues
BOX_MARKS = "□■◇◆●○◎▲△★☆▶►·"
NAME_RE = re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fff·]{1,9}$")
QA_RE = re.compile(r"^(问|答|记者|Q|A)\s*[：:]")
PHOTO_CREDIT_RE = re.compile(
    r"^[（(【\[]?\s*(本栏|本版|本组)?(图片|照片)?(由.{1,40}(提供|供图)|.{0,30}供图|资料图片?|.{0,30}摄)\s*[)）】\]]?$"
)
PAREN_RE = re.compile(r"^[（(](.{1,40})[)）]$")
TRAILING_PAREN_RE = re.compile(r"[。！？”!?][（(]([^（()）]{2,40})[)）]$")
SPEAKER_RE = re.compile(r"^[^，。！？：“”]{1,24}(说|表示|介绍|指出|坦言|称|认为|告诉记者)[：:，,]")


def display_width(text: str) -> float:
    """Printed width in em: ASCII letters and digits are half width, spaces a quarter."""
    spaces = text.count(" ")
    ascii_chars = len(text.encode("ascii", "ignore"))
    return spaces * 0.25 + (ascii_chars - spaces) * 0.5 + (len(text) - ascii_chars) * 1.0


def ends_sentence(text: str) -> bool:
    """True when the text ends a sentence (terminal punctuation, possibly inside closing quotes or a credit)."""
    text = text.rstrip()
    if text and text[-1] in ")）":
        opening = max(text.rfind("("), text.rfind("（"))
        return opening == 0 or (opening > 0 and ends_sentence(text[:opening]))
    while text and text[-1] in CLOSERS:
        text = text[:-1]
    return bool(text) and text[-1] in TERMINAL


def is_open_ended(text: str) -> bool:
    """True when the text visibly continues (ends with a comma, enumeration mark, colon or opening bracket)."""
    text = text.rstrip()
    return bool(text) and text[-1] in OPEN_ENDINGS


def strip_box_marks(text: str) -> tuple[str, bool]:
    stripped = text.strip().lstrip(BOX_MARKS).rstrip(BOX_MARKS).strip()
    return stripped, stripped != text.strip()


def column_label(text: str) -> str | None:
    """Canonical column label if the line is a printed column label (民声, ◎知道, 短评 …)."""
    core, marked = strip_box_marks(text.strip("#【】[] "))  # noqa: B005 - a set of marks
    core = core.strip("【】 ")
    entry = column_labels().get(core)
    if entry:
        return entry.label
    if marked and text.strip().startswith("◎") and 1 < len(core) <= 6 and all(is_cjk(c) for c in core):
        return core
    return None


def column_kind(label: str | None) -> str | None:
    entry = column_labels().get(label or "")
    return entry.kind if entry else None


def is_box_label(text: str) -> bool:
    core = text.strip("#【】[] ：: \u3000")  # noqa: B005 - a set of marks
    return core in box_labels()


def _strip_role(token: str) -> tuple[str, bool]:
    found = False
    changed = True
    while changed and token:
        changed = False
        for role in byline_roles():
            if token.startswith(role) and (len(token) == len(role) or len(role) > 1):
                token = token[len(role):].lstrip("/／:： ")
                found = changed = True
                break
    return token, found


def byline_names(text: str) -> list[str] | None:
    """Names of a byline line (□本报记者 高敏娜 通讯员 梁子晶 -> [高敏娜, 梁子晶]); None if not a byline."""
    core, boxed = strip_box_marks(text)
    if not core or display_width(core) > 40 or QA_RE.match(core):
        return None
    names: list[str] = []
    roles = 0
    for token in re.split(r"[\s、，,]+", core):
        if not token:
            continue
        rest, found = _strip_role(token)
        roles += found
        if not rest:
            continue
        rest = re.sub(r"(报道|摄影?|整理)$", "", rest)
        if not NAME_RE.match(rest) or len(rest) > 6 and "·" not in rest:
            return None
        names.append(rest)
    if names and (boxed or roles):
        return names
    return None


def credit_names(text: str) -> list[str] | None:
    """Names of a closing credit paragraph "(李云逸 姚建丽)"; None if it is not one."""
    match = PAREN_RE.match(text.strip())
    if not match:
        return None
    inner = match.group(1).strip()
    if re.search(r"^据|供图|图片|照片|提供|来源|转载|摄影?$", inner):
        return None
    names = []
    for token in re.split(r"[\s、，,]+", inner):
        token, _ = _strip_role(token)
        if token:
            if not NAME_RE.match(token) or len(token) > 6 and "·" not in token:
                return None
            names.append(token)
    return names or None


def source_credit(text: str) -> str | None:
    """"(据《内蒙古日报》)" -> "据《内蒙古日报》"; None otherwise."""
    match = PAREN_RE.match(text.strip())
    if match and re.match(r"^(据|来源[：:]|转载自|稿件来源)", match.group(1).strip()):
        return match.group(1).strip()
    return None


def trailing_credit(text: str) -> tuple[int, list[str]] | None:
    """A credit glued to the end of a paragraph: "…资源。(王坤)" -> (cut position, [王坤])."""
    match = TRAILING_PAREN_RE.search(text)
    if not match:
        return None
    names = credit_names("(" + match.group(1) + ")")
    if not names:
        return None
    return match.start() + 1, names


def is_photo_credit(text: str) -> bool:
    core = text.strip()
    return display_width(core) <= 40 and bool(PHOTO_CREDIT_RE.match(core))


def is_qa_line(text: str) -> bool:
    return bool(QA_RE.match(text.strip()))


def is_notice_text(text: str) -> bool:
    """A short paragraph worded as a legal notice (遗失声明, 特此声明, 不慎将…遗失)."""
    if display_width(text) > 400:
        return False
    phrases = notice_phrases()
    hits = sum(p in text for p in phrases)
    lost = "不慎" in text and ("遗失" in text or "丢失" in text)
    return hits >= 2 or lost or ("声明" in text and hits >= 1)


def is_notice_heading(text: str) -> bool:
    return text.strip("#【】[] ") in notice_headings()


def is_speaker_intro(text: str) -> bool:
    """The paragraph opens with a speaker attribution ("…负责人岳峰说：")."""
    return bool(SPEAKER_RE.match(text))
