"""Number parsing: full-width digits, Arabic numbers with 万/亿, and Chinese numerals."""

from __future__ import annotations

import re
from decimal import Decimal

# Full-width digits and signs map one code point to one code point, so offsets survive normalisation.
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，％－～", "0123456789.,%-~")

CHINESE_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CHINESE_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
MAGNITUDES = {"万": 10_000, "亿": 100_000_000, "千万": 10_000_000, "百万": 1_000_000, "万亿": 1_000_000_000_000,
              "兆": 1_000_000_000_000}

_ARABIC = re.compile(r"^(?:\d+(?:,\d{3})*(?:\.\d+)?|\d{1,3}(?: \d{3})+)$")
_WAN_AND_REST = re.compile(r"^(\d{1,4})万(\d,\d{3}|\d{4})$")


def normalize_digits(text: str) -> str:
    """Replace full-width digits and number signs by ASCII ones, keeping every offset."""
    return text.translate(_FULLWIDTH)


def magnitude_factor(magnitude: str | None) -> int:
    """Multiplier for a magnitude word such as 万 or 亿 (1 when there is none)."""
    return MAGNITUDES.get(magnitude or "", 1)


def parse_arabic(token: str) -> float:
    """Parse an Arabic number with optional thousands commas and decimals ("1,234.5")."""
    token = normalize_digits(token).strip()
    if not _ARABIC.match(token):
        raise ValueError(f"not an Arabic number: {token!r}")
    return float(token.replace(",", "").replace(" ", ""))


def scaled(value: float, factor: int) -> float:
    """value × factor without binary noise (128.42 × 万 is 1284200, not 1284199.9999999998)."""
    return float(Decimal(repr(value)) * factor)


def _parse_chinese_below_10000(token: str) -> int:
    total, digit = 0, None
    for char in token:
        if char in CHINESE_DIGITS:
            digit = CHINESE_DIGITS[char]
        elif char in CHINESE_SMALL_UNITS:
            total += (1 if digit is None else digit) * CHINESE_SMALL_UNITS[char]
            digit = None
        else:
            raise ValueError(f"not a Chinese numeral: {token!r}")
    if digit is not None:
        total += digit
    return total


def parse_chinese(token: str) -> float:
    """Parse a Chinese numeral ("三千二百", "十一", "一万五千", "两亿") to a number."""
    if not token:
        raise ValueError("empty numeral")
    if all(char in CHINESE_DIGITS for char in token) and len(token) > 1:
        # Digit-by-digit spelling such as 二〇二五.
        return float("".join(str(CHINESE_DIGITS[char]) for char in token))
    total = 0.0
    rest = token
    for word, factor in (("亿", 100_000_000), ("万", 10_000)):
        if word in rest:
            head, rest = rest.split(word, 1)
            total += (_parse_chinese_below_10000(head) if head else 1) * factor
    if rest:
        total += _parse_chinese_below_10000(rest)
    return total


def parse_number(token: str) -> float:
    """Parse an Arabic or a Chinese numeral."""
    token = normalize_digits(token).strip()
    if token == "半":
        return 0.5  # 半个月
    mixed = _WAN_AND_REST.match(token)
    if mixed:  # 1万9,761 → 19761
        return float(int(mixed.group(1)) * 10_000 + int(mixed.group(2).replace(",", "")))
    if token and token[0].isdigit():
        return parse_arabic(token)
    return parse_chinese(token)


def parse_chinese_range(token: str) -> tuple[float, float] | None:
    """Two adjacent consecutive Chinese digits read as an approximate range, else None.

    The pair may close the numeral or stand before its place word: 三四 (3..4), 七八十 (70..80),
    十二三 (12..13), 二十三四 (23..24), 一万二三千 (12000..13000). 三十四 is a number, 三五 is not a range.
    """
    if len(token) > 2 and all(char in CHINESE_DIGITS for char in token):
        return None  # 二〇二五: spelled digit by digit
    pairs = [
        i
        for i in range(len(token) - 1)
        if token[i] in CHINESE_DIGITS
        and token[i + 1] in CHINESE_DIGITS
        and token[i] not in "零〇"
        and CHINESE_DIGITS[token[i + 1]] == CHINESE_DIGITS[token[i]] + 1
    ]
    if len(pairs) != 1:
        return None
    i = pairs[0]
    rest = token[i + 2 :]
    if rest and rest[0] not in CHINESE_SMALL_UNITS and rest[0] not in "万亿":
        return None
    return parse_chinese(token[: i + 1] + rest), parse_chinese(token[:i] + token[i + 1 :])
