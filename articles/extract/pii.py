"""Personal data in article text — resident ID numbers and private phone numbers — and same-length masking."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

ID_CARD = "id_card"
PHONE = "phone"

# First two digits of a resident ID: the province-level division (GB/T 2260).
_PROVINCE_CODES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82".split()
)
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"

_ID18 = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
_ID15 = re.compile(r"(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<![0-9A-Za-z])(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?![0-9A-Za-z])")
_LANDLINE = re.compile(r"(?<![0-9A-Za-z])0\d{2,3}[-－—]?\d{7,8}(?![0-9A-Za-z])")
# Words before an ID-shaped number that say it is an ID even when its check digit is wrong (a typo is still personal).
_ID_CONTEXT = re.compile(r"(?:身份证|身份证号|身份证号码|公民身份号码|证件号码?)\s*[：:为是]?\s*$")
# A landline is personal only next to a person: 联系人 王某, 张先生, 本人 …; public lines are named as such.
_PERSON_CONTEXT = re.compile(r"联系人|先生|女士|同志|本人|家属|老人|户主")
_PUBLIC_CONTEXT = re.compile(r"热线|服务电话|举报电话|投诉电话|咨询电话|客服|办公室|值班|服务中心|窗口")
_CONTEXT_BEFORE = 20
_CONTEXT_AFTER = 8
_KEEP = {ID_CARD: (6, 4), PHONE: (3, 4)}


@dataclass
class PersonalData:
    """A piece of personal data found in text: its surface `text`, `kind` (id_card | phone) and span."""

    text: str
    kind: str
    start: int
    end: int


def extract_personal_data(text: str) -> list[PersonalData]:
    """Resident ID numbers and private phone numbers in `text`, sorted by start.

    An 18-character ID counts when its province code and birth date are real and its ISO 7064 MOD 11-2 check digit
    is right — or, with a wrong check digit, when the text right before it names it an ID number (身份证号码：…),
    because a mistyped ID in a public notice is still a person's ID. A 15-digit old-style ID counts when its
    province code and birth date (19YYMMDD) are real. Mobiles (1[3-9]…, 11 digits, not inside a longer digit run)
    always count; a landline with an area code counts only near a person (联系人, 先生 …) and never when the
    context calls it a hotline or an office line. Service numbers (12345, 400-…, 800-…) never match.
    """
    found: list[PersonalData] = []
    for match in _ID18.finditer(text):
        if _is_valid_id18(match.group()) or (_has_id_shape(match.group(), 18) and _named_as_id(text, match.start())):
            found.append(PersonalData(match.group(), ID_CARD, match.start(), match.end()))
    for match in _ID15.finditer(text):
        if _has_id_shape(match.group(), 15):
            found.append(PersonalData(match.group(), ID_CARD, match.start(), match.end()))
    for match in _MOBILE.finditer(text):
        found.append(PersonalData(match.group(), PHONE, match.start(), match.end()))
    for match in _LANDLINE.finditer(text):
        if _is_personal_landline(text, match.start(), match.end()):
            found.append(PersonalData(match.group(), PHONE, match.start(), match.end()))
    return _without_overlaps(found)


def mask_personal_data(text: str, items: list[PersonalData]) -> str:
    """`text` with the middle digits of each item replaced by `*`; the length, and so every offset, is unchanged.

    IDs keep their first 6 and last 4 characters (152634********6017); phones keep their first 3 and last 4 digits
    (138****5678, 0471-***4567, +86 150 **** 5678); separators stay in place.
    """
    chars = list(text)
    for item in items:
        keep_head, keep_tail = _KEEP.get(item.kind, (3, 4))
        positions = [i for i in range(item.start, item.end) if chars[i].isalnum()]
        if item.kind == PHONE and len(positions) == 13 and item.text.lstrip("+").startswith("86"):
            positions = positions[2:]  # country code 86: the mobile itself starts after it
        elif item.kind == PHONE and item.text.startswith("0"):
            keep_head = 3 if item.text[1] in "12" else 4  # the whole area code stays visible
        for position in positions[keep_head:len(positions) - keep_tail]:
            chars[position] = "*"
    return "".join(chars)


def id_check_digit(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character for the first 17 digits of a resident ID."""
    total = sum(int(digit) * weight for digit, weight in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def _is_valid_id18(number: str) -> bool:
    return _has_id_shape(number, 18) and id_check_digit(number[:17]) == number[17].upper()


def _has_id_shape(number: str, length: int) -> bool:
    """Province code and birth date are real (the date is 8 digits in new IDs, 19 + 6 digits in old ones)."""
    if number[:2] not in _PROVINCE_CODES:
        return False
    birth = number[6:14] if length == 18 else "19" + number[6:12]
    try:
        born = date(int(birth[:4]), int(birth[4:6]), int(birth[6:8]))
    except ValueError:
        return False
    return date(1890, 1, 1) <= born <= date.today()


def _named_as_id(text: str, start: int) -> bool:
    return bool(_ID_CONTEXT.search(text[max(0, start - 12):start]))


def _is_personal_landline(text: str, start: int, end: int) -> bool:
    context = text[max(0, start - _CONTEXT_BEFORE):start] + text[end:end + _CONTEXT_AFTER]
    return bool(_PERSON_CONTEXT.search(context)) and not _PUBLIC_CONTEXT.search(context)


def _without_overlaps(items: list[PersonalData]) -> list[PersonalData]:
    """IDs come first in `items`, so a mobile-shaped run inside an ID is dropped."""
    kept: list[PersonalData] = []
    for item in items:
        if all(item.end <= other.start or item.start >= other.end for other in kept):
            kept.append(item)
    return sorted(kept, key=lambda item: item.start)
