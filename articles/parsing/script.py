"""Traditional-script detection and a same-length simplified "shadow" so rules run on simplified text."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, wraps
from pathlib import Path
from typing import Any, TypeVar

from .decode import is_cjk

VARIANTS_CSV = Path(__file__).resolve().parent.parent / "data" / "script_variants.csv"
TRADITIONAL_SHARE = 0.03  # share of CJK characters that t2s changes above which a page is traditional


@lru_cache(maxsize=1)
def _t2s():
    from opencc import OpenCC

    return OpenCC("t2s")


@lru_cache(maxsize=1)
def _s2t():
    from opencc import OpenCC

    return OpenCC("s2t")


@lru_cache(maxsize=1)
def _t2s_changing_keys() -> tuple[dict[str, tuple[int, ...]], frozenset[str]]:
    """Where t2s can change anything: the dictionary keys whose (first) value differs from the key.

    The pure-Python OpenCC is slow (it re-scans every piece for the longest match); a piece of text
    that contains none of these keys comes out unchanged, so only the pieces that do are converted.
    Returns the keys' lengths by first character (longest first) and the keys."""
    keys = set()
    for group in _t2s()._dict_chain_data:  # (max_len, min_len, mapping) per dictionary, grouped
        for _, _, mapping in group:
            keys.update(key for key, value in mapping.items() if value.split(" ")[0] != key)
    lengths: dict[str, set[int]] = {}
    for key in keys:
        lengths.setdefault(key[0], set()).add(len(key))
    return {first: tuple(sorted(ns, reverse=True)) for first, ns in lengths.items()}, frozenset(keys)


def _may_change(piece: str) -> bool:
    """True when some t2s key that changes text occurs in ``piece``."""
    by_first, keys = _t2s_changing_keys()
    for first in by_first.keys() & set(piece):
        lengths = by_first[first]
        i = piece.find(first)
        while i >= 0:
            if any(piece[i:i + n] in keys for n in lengths):
                return True
            i = piece.find(first, i + 1)
    return False


def _convert_t2s(text: str) -> str:
    """Exactly `_t2s().convert(text)`: OpenCC converts the pieces between its separators independently (a text
    none of whose pieces can change comes out as it is)."""
    parts = _t2s().split_chars_re.split(text)
    for i in range(0, len(parts), 2):  # even items are text, odd items the separators
        parts[i] = _piece_t2s(parts[i])
    return "".join(parts)


@lru_cache(maxsize=16384)
def _piece_t2s(piece: str) -> str:
    """One piece between separators, converted. Remembered: an article's text is converted again inside its
    headline-plus-text and for the same-story check, and its pieces (clauses) recur."""
    return _t2s().convert(piece) if _may_change(piece) else piece


@dataclass
class ScriptView:
    script: str  # "simplified" or "traditional"
    shadow: str  # simplified text, same length as the original


def _char_by_char(text: str) -> str:
    conv = _t2s()
    out = []
    for ch in text:
        s = conv.convert(ch) if is_cjk(ch) else ch
        out.append(s if len(s) == 1 else ch)
    return "".join(out)


@lru_cache(maxsize=1)
def _variants() -> dict[int, str]:
    """Variant characters OpenCC leaves unchanged (陜 → 陕), one for one, from script_variants.csv."""
    rows = [line.split(",") for line in VARIANTS_CSV.read_text(encoding="utf-8").splitlines()[1:]]
    return str.maketrans({row[0]: row[1] for row in rows if len(row) == 2 and not row[0].startswith("#")})


def simplified_shadow(text: str) -> str:
    """Simplified version of `text` with exactly the same length (index i maps to index i)."""
    converted = _convert_t2s(text)
    if len(converted) != len(text):
        converted = _char_by_char(text)
    pattern = _variants_pattern()
    if pattern is None or not pattern.search(converted):
        return converted
    table = _variants()
    return pattern.sub(lambda match: table[ord(match.group())], converted)


@lru_cache(maxsize=1)
def _variants_pattern() -> re.Pattern | None:
    """The variant characters as one class: finding the few there are beats `str.translate` reading every one."""
    codes = _variants()
    return re.compile("[" + "".join(re.escape(chr(code)) for code in codes) + "]") if codes else None


def detect_script(text: str) -> ScriptView:
    """Decide whether the page is printed in traditional script and give its simplified shadow."""
    shadow = simplified_shadow(text)
    if shadow == text:
        return ScriptView(script="simplified", shadow=text)  # nothing changed: no need to count
    cjk = changed = 0
    for a, b in zip(text, shadow, strict=True):
        if is_cjk(a):
            cjk += 1
            changed += a != b
    script = "traditional" if cjk and changed / cjk > TRADITIONAL_SHARE else "simplified"
    return ScriptView(script=script, shadow=shadow if script == "traditional" else text)


# A circle printed for zero inside a number spelled in characters (二○二一年, 一○五歲; Taiwan and many mainland
# papers use U+25CB or U+25EF for 〇). Only after a numeral, so that a bullet ○ opening a line stays a bullet.
_NUMERALS = "一二三四五六七八九十〇零"
_CIRCLES = "○◯"
_CIRCLE_IN_NUMBER = re.compile(f"[{_NUMERALS}][{_NUMERALS}{_CIRCLES}]*[{_CIRCLES}][{_NUMERALS}{_CIRCLES}]*")


def numeral_zeros(text: str) -> str:
    """`text` with every circle inside a number spelled in characters read as 〇 (same length)."""
    if not any(circle in text for circle in _CIRCLES):
        return text
    return _CIRCLE_IN_NUMBER.sub(lambda match: match.group().replace("○", "〇").replace("◯", "〇"), text)


@lru_cache(maxsize=64)
def simplified_view(text: str) -> str:
    """The text extractors read: the simplified shadow of a traditional text, else the text itself; either way
    with circles printed for zero read as 〇 (same length, so offsets hold).

    Remembered because every extractor asks for the view of the same article text."""
    return numeral_zeros(detect_script(text).shadow)


# Fields that hold a record's character span, and the field that holds its surface text.
_SPAN_FIELDS = (("start", "end"), ("start_offset", "end_offset"))

Extractor = TypeVar("Extractor", bound=Callable[..., Any])


def restore_surface(record: Any, original: str) -> Any:
    """Give a record found on the shadow the surface text of the original (same offsets, same length)."""
    for start_field, end_field in _SPAN_FIELDS:
        start, end = getattr(record, start_field, None), getattr(record, end_field, None)
        if isinstance(start, int) and isinstance(end, int) and hasattr(record, "text"):
            record.text = original[start:end]
            return record
    return record


def original_of(piece: str, shadow: str, original: str, start: int) -> str:
    """The original characters of `piece`, a subsequence of `shadow` from `start` (such as lines joined).

    A character the walk cannot place (text the extractor added) is kept as it is."""
    out, position = [], start
    for ch in piece:
        found = shadow.find(ch, position)
        if found < 0:
            out.append(ch)
            continue
        out.append(original[found])
        position = found + 1
    return "".join(out)


# Pinyin that conversion mirrors insert after characters: 創(chuàng)業(yè)擔(dān)保貸款. One syllable in ASCII parentheses
# right after a CJK character: an optional initial, a final of vowels (tone marks allowed) and an optional n/ng/r.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_INSERTED_PINYIN = re.compile(
    r"(?<=[\u3400-\u9fff])\((?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouüv" + _TONED + r"]{1,4}(?:ng|n|r)?\)"
)
_MIN_TONED_FOR_PLAIN = 2  # toneless syllables (們(men)) are taken as pinyin only on a page that has toned ones


@dataclass(frozen=True)
class PinyinFree:
    """A text without the pinyin a mirror inserted, and where each of its characters stands in the source.

    `origin[i]` is the source index of `text[i]`; `origin[len(text)]` is the source's length, so a span `[a, b)`
    of `text` is `[origin[a], origin[b])` in the source — its last character's pinyin included."""

    text: str
    origin: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.origin[start], self.origin[end]


def without_inserted_pinyin(text: str) -> PinyinFree | None:
    """The text with inserted pinyin dropped (創(chuàng)業(yè) → 創業), or None when it has none.

    A parenthesised syllable with a tone mark always counts; a toneless one (們(men)) only when the text holds at
    least two toned ones, so that an ordinary bracket such as 附件(a) is left alone."""
    found = list(_INSERTED_PINYIN.finditer(text))
    toned = sum(1 for match in found if any(char in _TONED for char in match.group()))
    if toned < _MIN_TONED_FOR_PLAIN:
        found = [match for match in found if any(char in _TONED for char in match.group())]
    if not found:
        return None
    pieces, origin, position = [], [], 0
    for match in found:
        pieces.append(text[position:match.start()])
        origin.extend(range(position, match.start()))
        position = match.end()
    pieces.append(text[position:])
    origin.extend(range(position, len(text) + 1))
    return PinyinFree("".join(pieces), tuple(origin))


def _map_spans(record: Any, view: PinyinFree) -> Any:
    """Move a record found on the pinyin-free view to the offsets of the text it was cut from."""
    for start_field, end_field in _SPAN_FIELDS:
        start, end = getattr(record, start_field, None), getattr(record, end_field, None)
        if isinstance(start, int) and isinstance(end, int):
            mapped_start, mapped_end = view.span(start, end)
            setattr(record, start_field, mapped_start)
            setattr(record, end_field, mapped_end)
            return record
    return record


def reads_simplified(extract: Extractor | None = None, *, strip_pinyin: bool = False) -> Any:
    """Run `extract(text, ...)` on the simplified view of `text`; listed records keep the original surface text.

    Values, codes and canonical names stay in simplified form, which is what the rest of the system links by.
    With `strip_pinyin`, the view also loses the pinyin a mirror inserted (創(chuàng)業(yè) reads 创业); records' spans
    are mapped back and their surface is the original's, pinyin and all. Use as `@reads_simplified` or
    `@reads_simplified(strip_pinyin=True)`."""
    if extract is None:
        return lambda function: reads_simplified(function, strip_pinyin=strip_pinyin)

    @wraps(extract)
    def run(text: str, *args: Any, **kwargs: Any) -> Any:
        shadow = simplified_view(text)
        clean = without_inserted_pinyin(shadow) if strip_pinyin else None
        records = extract(clean.text if clean else shadow, *args, **kwargs)
        if (shadow == text and clean is None) or not isinstance(records, list):  # a code or name needs no mapping
            return records
        if clean is not None:
            records = [_map_spans(record, clean) for record in records]
        return [restore_surface(record, text) for record in records]

    return run


def to_traditional(text: str) -> str:
    """Simplified to traditional (used by tests and variants)."""
    return _s2t().convert(text)
