"""Canonical programme names and the slug keys that link one programme's mentions across articles."""
from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from policies.extraction import vocabulary

QUOTE_CHARS = "“”‘’\"'「」『』《》〈〉<>"
_QUOTES = re.compile("[" + re.escape(QUOTE_CHARS) + "]")
_SPACES = re.compile(r"\s+")
_YEAR = re.compile(r"\d{4}(?:[-—–~至]\d{4})?年(?:度)?")
_EMPTY_BRACKETS = re.compile(r"\(\s*\)")
_KEY_DROP = re.compile(r"[\s\W_]+")
# A trailing generic head that adds nothing to a strong name: 京蒙医疗协作机制 ≡ 京蒙医疗协作, 助康工程项目 ≡ 助康工程.
_GENERIC_TAILS = ("机制", "项目", "活动")
_MIN_STEM = 4


def _to_half_width(text: str) -> str:
    """Full-width ASCII letters and digits to half-width; Chinese punctuation such as 、, — and （） stays."""
    out = []
    for char in text:
        code = ord(char)
        if 0xFF01 <= code <= 0xFF5E and char not in "（）":
            out.append(chr(code - 0xFEE0))
        elif char == "\u3000":
            out.append(" ")
        else:
            out.append(char)
    return "".join(out)


def canonical_program_name(surface: str) -> str:
    """The name without quotes or 《》, half-width ASCII, no line breaks: “技能照亮前程”培训行动 → 技能照亮前程培训行动."""
    text = _to_half_width(unicodedata.normalize("NFC", surface))
    text = _QUOTES.sub("", text)
    text = re.sub(r"\s*\n\s*", "", text)
    text = _SPACES.sub(" ", text).strip()
    return text


@cache
def _t2s():
    from opencc import OpenCC

    return OpenCC("t2s")


def program_slug_key(name: str, known: vocabulary.Vocabulary | None = None) -> str:
    """A key equal for names of one programme.

    Steps: canonical name, traditional → simplified, years (2025年, (2025—2028年)) dropped, punctuation and spaces
    dropped, lower-cased ASCII, then one trailing generic head (机制/项目/活动) dropped when at least four characters
    of name remain — so 京蒙医疗协作机制, 京蒙医疗协作 and “京蒙医疗协作” share a key, while 三进行动 keeps its head.
    """
    return _slug_key(name, known or vocabulary.file_vocabulary())


@lru_cache(maxsize=8192)
def _slug_key(name: str, known: vocabulary.Vocabulary) -> str:
    """`program_slug_key` of a name under one vocabulary (a Vocabulary is never changed once built, and is hashed by
    identity): a page names the same programmes many times, and converting the script costs the most."""
    text = _t2s().convert(canonical_program_name(name))
    stem = generic_tail_stem(text)  # 防止返贫监测帮扶机制: a listed form with a mechanism head taken in
    text = known.canonical_name(text) or (stem and known.canonical_name(stem)) or text  # 棚改 ≡ 棚户区改造
    text = _YEAR.sub("", text)
    text = _EMPTY_BRACKETS.sub("", text)
    text = _KEY_DROP.sub("", text).lower()
    for tail in _GENERIC_TAILS:
        if text.endswith(tail) and len(text) - len(tail) >= _MIN_STEM:
            text = text[: -len(tail)]
            break
    return text


def generic_tail_stem(name: str) -> str | None:
    """The name without a trailing generic head (京蒙医疗协作机制 → 京蒙医疗协作), or None when there is none to drop."""
    for tail in _GENERIC_TAILS:
        if name.endswith(tail) and len(name) - len(tail) >= _MIN_STEM:
            return name[: -len(tail)]
    return None
