"""Traditional-script detection and a same-length simplified "shadow" so rules run on simplified text."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .decode import is_cjk

TRADITIONAL_SHARE = 0.03  # share of CJK characters that t2s changes above which a page is traditional


@lru_cache(maxsize=1)
def _t2s():
    from opencc import OpenCC

    return OpenCC("t2s")


@lru_cache(maxsize=1)
def _s2t():
    from opencc import OpenCC

    return OpenCC("s2t")


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


def simplified_shadow(text: str) -> str:
    """Simplified version of `text` with exactly the same length (index i maps to index i)."""
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    return _char_by_char(text)


def detect_script(text: str) -> ScriptView:
    """Decide whether the page is printed in traditional script and give its simplified shadow."""
    shadow = simplified_shadow(text)
    cjk = changed = 0
    for a, b in zip(text, shadow, strict=True):
        if is_cjk(a):
            cjk += 1
            changed += a != b
    script = "traditional" if cjk and changed / cjk > TRADITIONAL_SHARE else "simplified"
    return ScriptView(script=script, shadow=shadow if script == "traditional" else text)


def to_traditional(text: str) -> str:
    """Simplified to traditional (used by tests and variants)."""
    return _s2t().convert(text)
