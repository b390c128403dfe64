"""Personal data in shown text — resident IDs, phones, bank cards, e-mail addresses, private persons' names in
notices — in every written form (spaced, dashed, full-width, prefixed), and same-length masking."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from articles.extract.pii_names import find_names, is_notice, surname_length

ID_CARD = "id_card"
PHONE = "phone"
BANK_CARD = "bank_card"
EMAIL = "email"
NAME = "name"

# First two digits of a resident ID: the province-level division (GB/T 2260).
_PROVINCE_CODES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82".split()
)
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"

# Full-width digits, letters, plus and dashes are read as their ASCII twins (one character each, so offsets hold).
_HALF_WIDTH = str.maketrans(
    "０１２３４５６７８９ＸｘＴＥＬｔｅｌ＋－—‐　",
    "0123456789XxTELtel+--- ",
)
_SEP = r"[ \-]?"  # one optional space or dash between digits: 1526 3419 …, 152634-19900101-6017, 138-1234-5678
_NOT_DIGIT_BEFORE = r"(?<![0-9])"
_NOT_DIGIT_AFTER = r"(?![0-9])"
_NOT_CODE_BEFORE = r"(?<![0-9A-Za-z])"  # an ID or card number is never the tail of a code (统一代码A1501…)
# Candidates are found with a lookahead so that overlapping starts are all tried (a number next to a date or count).
_ID18 = re.compile(rf"{_NOT_CODE_BEFORE}(?=(\d(?:{_SEP}\d){{16}}{_SEP}[\dXx])(?![0-9A-Za-z]))")
_ID15 = re.compile(rf"{_NOT_CODE_BEFORE}(?=(\d(?:{_SEP}\d){{14}}){_NOT_DIGIT_AFTER})")
_MOBILE = re.compile(rf"{_NOT_DIGIT_BEFORE}(?=((?:\+?86{_SEP})?1[3-9](?:{_SEP}\d){{9}}){_NOT_DIGIT_AFTER})")
_LANDLINE = re.compile(rf"{_NOT_DIGIT_BEFORE}(0\d{{2,3}}(?:[-－—]|\s)?\d{{7,8}}){_NOT_DIGIT_AFTER}")
_CARD = re.compile(rf"{_NOT_DIGIT_BEFORE}(?=(\d(?:{_SEP}\d){{15,18}}){_NOT_DIGIT_AFTER})")
_EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# Letters right before a number are a phone prefix (Tel13712345678) or part of a code (AB1381234…) that is not personal.
_PHONE_PREFIX = re.compile(r"(?:tel|phone|mobile|mob|cell|tell|t|m)\.?$", re.IGNORECASE)
# Words before an ID-shaped number that say it is an ID even when its check digit is wrong (a typo is still personal).
_ID_CONTEXT = re.compile(r"(?:身份证|身份证号|身份证号码|公民身份号码|证件号码?)\s*[：:为是]?\s*$")
_CARD_CONTEXT = re.compile(r"卡号|银行|账号|帐号|储蓄卡|借记卡|信用卡|社保卡|开户")
# A landline is personal only next to a person: 联系人 王某, 张先生, 本人 …; public lines are named as such.
_PERSON_CONTEXT = re.compile(r"联系人|先生|女士|同志|本人|家属|老人|户主|失主|亲属|手机|家人")
_PUBLIC_CONTEXT = re.compile(r"热线|服务电话|举报电话|投诉电话|咨询电话|客服|办公室|值班|服务中心|窗口|投稿|官方|邮箱：?[a-z]*@?$")
_CONTEXT_BEFORE = 20
_CONTEXT_AFTER = 8
_KEEP = {ID_CARD: (6, 4), PHONE: (3, 4), BANK_CARD: (4, 4)}


@dataclass
class PersonalData:
    """A piece of personal data found in text: its surface `text`, `kind` and span (offsets into the text), and
    which shown `field` of an article that text is (text, headline, subheadline or byline)."""

    text: str
    kind: str
    start: int
    end: int
    field: str = "text"


def half_width(text: str) -> str:
    """`text` with full-width digits, X, TEL, plus and dashes made ASCII; same length, so offsets hold."""
    return text.translate(_HALF_WIDTH)


def extract_personal_data(text: str, *, notice: bool | None = None, names: bool = True) -> list[PersonalData]:
    """Personal data in `text`, sorted by start, never overlapping.

    An 18-character ID counts when its province code and birth date are real and its ISO 7064 MOD 11-2 check digit
    is right — or, with a wrong check digit, when the text right before it names it an ID number (身份证号码：…).
    A 15-digit old-style ID counts when its province code and birth date (19YYMMDD) are real. Digits may be
    full-width or grouped by spaces or dashes. Mobiles (1[3-9]…, 11 digits, +86 allowed) always count, also right
    after a letter prefix (Tel13712345678); a landline counts only near a person and never when the context calls it
    a hotline or an office line. A bank card is 16–19 digits passing the Luhn check, next to 卡号/银行 … or a
    UnionPay number (62…). E-mail addresses count unless the context is public (投稿, 举报 …). Names of private
    persons count after a label (户主：, 失主 …) and, in a notice (`notice`, else guessed from `text`), before a
    (男/女/年生) description; `names=False` skips them (bylines name reporters, who are public).
    """
    shadow = half_width(text)
    found: list[PersonalData] = []

    def add(kind: str, start: int, end: int) -> None:
        found.append(PersonalData(text[start:end], kind, start, end))

    for match in _ID18.finditer(shadow):
        start, end = match.start(1), match.end(1)
        digits = _digits(shadow[start:end])
        if _is_valid_id18(digits) or (_has_id_shape(digits, 18) and _named_as_id(shadow, start)):
            add(ID_CARD, start, end)
    for match in _ID15.finditer(shadow):
        if _has_id_shape(_digits(match.group(1)), 15):
            add(ID_CARD, match.start(1), match.end(1))
    for match in _CARD.finditer(shadow):
        digits = _digits(match.group(1))
        if _luhn_ok(digits) and (digits.startswith("62") or _CARD_CONTEXT.search(_before(shadow, match.start(1), 14))):
            add(BANK_CARD, match.start(1), match.end(1))
    for match in _MOBILE.finditer(shadow):
        if _phone_prefix_ok(shadow, match.start(1)):
            add(PHONE, match.start(1), match.end(1))
    for match in _LANDLINE.finditer(shadow):
        if _phone_prefix_ok(shadow, match.start(1)) and _is_personal_landline(shadow, match.start(1), match.end(1)):
            add(PHONE, match.start(1), match.end(1))
    for match in _EMAIL.finditer(shadow):
        if not _PUBLIC_CONTEXT.search(_before(shadow, match.start(), 12)):
            add(EMAIL, match.start(), match.end())
    if names:
        for start, end in find_names(text, notice=is_notice(text) if notice is None else notice):
            add(NAME, start, end)
    return _without_overlaps(found)


def mask_personal_data(text: str, items: list[PersonalData]) -> str:
    """`text` with the identifying part of each item replaced by `*`; the length, and so every offset, is unchanged.

    IDs keep their first 6 and last 4 characters (152634********6017); phones their first 3 and last 4 digits
    (138****5678, 0471-***4567, +86 150 **** 5678); bank cards their first and last 4 digits; e-mail addresses
    their first character and domain (z******@example.com); names their surname (张**); separators stay.
    """
    chars = list(text)
    for item in items:
        if not (0 <= item.start < item.end <= len(chars)):
            continue
        for position in _masked_positions(item, half_width(text[item.start:item.end])):
            chars[item.start + position] = "*"
    return "".join(chars)


def mask_fragment(fragment: str, items: list[PersonalData]) -> str:
    """A piece of text cut from elsewhere (a Q&A answer joined from lines) or rewritten from it (a programme's name
    made half-width, its spaces and line breaks folded) with each item masked wherever it occurs in it: as written,
    and a number also in any width and grouping (a mobile with or without its +86)."""
    numbers = _numbers_in(fragment)  # where a number item could be: most fragments have no run that long
    for item in items:
        text = item.text
        if not text:
            continue
        if text in fragment:
            fragment = fragment.replace(text, _masked_alone(text, item.kind))
        if numbers and item.kind in _KEEP:
            for number in _numbers_of(text, item.kind):
                if number in numbers:
                    surfaces = {match.group() for match in _number_pattern(number).finditer(fragment)}
                    for surface in sorted(surfaces, key=len, reverse=True):
                        fragment = fragment.replace(surface, _masked_alone(surface, item.kind))
    return fragment


def _masked_alone(surface: str, kind: str) -> str:
    return mask_personal_data(surface, [PersonalData(surface, kind, 0, len(surface))])


_FRAGMENT_SEP = r"[\s\-－—‐+＋]*"  # what may stand between a number's digits once cut or rewritten
_DIGIT_RUN = re.compile(rf"[0-9０-９Xx](?:{_FRAGMENT_SEP}[0-9０-９Xx])*")
_NUMBER_DIGITS = (7, 19)  # shortest (a landline's own digits) and longest (a bank card) number


def _numbers_in(fragment: str) -> str:
    """The fragment's runs of digits long enough to hold a number item (any width, separators dropped), joined by
    "|": a number item can only be in the fragment if its digits are in this."""
    runs = (digits_of(run) for run in _DIGIT_RUN.findall(fragment))
    return "|".join(digits for digits in runs if len(digits) >= _NUMBER_DIGITS[0])


@lru_cache(maxsize=8192)
def _numbers_of(text: str, kind: str) -> tuple[str, ...]:
    """The digits of a number as written (a page's items are looked for in each of its many derived fields)."""
    digits = digits_of(text)
    if kind == PHONE and len(digits) == 13 and digits.startswith("86"):
        return (digits, digits[2:])  # +86 150-1234-5678 may be written 15012345678 elsewhere
    return (digits,)


@lru_cache(maxsize=8192)
def _number_pattern(number: str) -> re.Pattern[str]:
    """These digits in any width, any separators between them, not inside a longer number."""
    chars = [f"[{d}{chr(ord(d) + 0xFEE0)}{'x' if d == 'X' else ''}]" for d in number]
    return re.compile(r"(?<![0-9０-９])" + _FRAGMENT_SEP.join(chars) + r"(?![0-9０-９Xx])")


def extract_personal_data_by_field(
    fields: dict[str, str], *, notice: bool | None, byline: str = "byline"
) -> list[PersonalData]:
    """Personal data in each shown field of an article (field name → text), each item carrying its field. Names
    are not looked for in the byline, which names reporters."""
    found = []
    for name, text in fields.items():
        for item in extract_personal_data(text, notice=notice, names=name != byline):
            item.field = name
            found.append(item)
    return found


def id_check_digit(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character for the first 17 digits of a resident ID."""
    total = sum(int(digit) * weight for digit, weight in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def digits_of(text: str) -> str:
    """The digits (and X) of a number as written, full-width or grouped: what an audit compares."""
    return _digits(half_width(text))


def _masked_positions(item: PersonalData, surface: str) -> list[int]:
    if item.kind == NAME:
        return list(range(surname_length(item.text), len(surface)))
    if item.kind == EMAIL:
        return list(range(1, surface.index("@")))
    positions = [i for i, char in enumerate(surface) if char.isalnum()]
    keep_head, keep_tail = _KEEP.get(item.kind, (3, 4))
    digits = _digits(surface)
    if item.kind == PHONE and len(positions) == 13 and digits.startswith("86"):
        positions = positions[2:]  # country code 86: the mobile itself starts after it
    elif item.kind == PHONE and digits.startswith("0"):
        keep_head = 3 if digits[1] in "12" else 4  # the whole area code stays visible
    return positions[keep_head : len(positions) - keep_tail]


def _digits(text: str) -> str:
    return "".join(char for char in text if char.isdigit() or char in "Xx").upper()


def _before(text: str, start: int, width: int) -> str:
    return text[max(0, start - width) : start]


def _phone_prefix_ok(text: str, start: int) -> bool:
    """No letter before the number, or letters that say phone (Tel, M.)."""
    head = _before(text, start, 8).rstrip(":： ")
    return not head[-1:].isascii() or not head[-1:].isalpha() or bool(_PHONE_PREFIX.search(head))


def _luhn_ok(digits: str) -> bool:
    if not digits.isdigit():
        return False
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _is_valid_id18(number: str) -> bool:
    return len(number) == 18 and _has_id_shape(number, 18) and id_check_digit(number[:17]) == number[17]


def _has_id_shape(number: str, length: int) -> bool:
    """Province code and birth date are real (the date is 8 digits in new IDs, 19 + 6 digits in old ones)."""
    if len(number) != length or number[:2] not in _PROVINCE_CODES or not number[:17].isdigit():
        return False
    birth = number[6:14] if length == 18 else "19" + number[6:12]
    try:
        born = date(int(birth[:4]), int(birth[4:6]), int(birth[6:8]))
    except ValueError:
        return False
    return date(1890, 1, 1) <= born <= date.today()


def _named_as_id(text: str, start: int) -> bool:
    return bool(_ID_CONTEXT.search(_before(text, start, 12)))


def _is_personal_landline(text: str, start: int, end: int) -> bool:
    context = _before(text, start, _CONTEXT_BEFORE) + text[end : end + _CONTEXT_AFTER]
    return bool(_PERSON_CONTEXT.search(context) or is_notice(context)) and not _PUBLIC_CONTEXT.search(context)


def _without_overlaps(items: list[PersonalData]) -> list[PersonalData]:
    """The longest of overlapping candidates wins (a card over an ID-shaped run inside it, an ID over a mobile-shaped
    run); on equal length the earlier kind in `items` (IDs, cards, phones, e-mail, names)."""
    kept: list[PersonalData] = []
    for item in sorted(items, key=lambda item: item.start - item.end):  # stable: kind order breaks ties
        if all(item.end <= other.start or item.start >= other.end for other in kept):
            kept.append(item)
    return sorted(kept, key=lambda item: item.start)
