"""Raw page bytes to text: encoding detection by strict decoding plus a CJK-plausibility score."""
from __future__ import annotations

from functools import lru_cache

from .types import DecodedText


class UndecodableFile(ValueError):
    """The bytes are not a readable Chinese text page; `reason` says why in plain words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


_MAGIC = (
    (b"%PDF", "a PDF document, not extracted text"),
    (b"PK\x03\x04", "a ZIP archive (or Office document), not plain text"),
    (b"\x89PNG", "a PNG image, not text"),
    (b"GIF8", "a GIF image, not text"),
    (b"\xff\xd8\xff", "a JPEG image, not text"),
    (b"\x1f\x8b", "a gzip archive, not plain text"),
    (b"Rar!", "a RAR archive, not plain text"),
)
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig", "utf-8-sig"),
    (b"\xff\xfe", "utf-16", "utf-16"),
    (b"\xfe\xff", "utf-16", "utf-16"),
)
_CANDIDATES = ("gb18030", "big5", "utf-16-le", "utf-16-be")


def is_cjk(ch: str) -> bool:
    """True for a CJK unified ideograph (basic block and extension A)."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


@lru_cache(maxsize=65536)
def _is_common_char(ch: str) -> bool:
    """Level-1 GB2312 (common simplified) or Big5 常用字 (common traditional) character."""
    try:
        code = ch.encode("gb2312")
        if len(code) == 2 and 0xB0 <= code[0] <= 0xD7:
            return True
    except UnicodeEncodeError:
        pass
    try:
        code = ch.encode("big5")
        if len(code) == 2 and 0xA440 <= (code[0] << 8 | code[1]) <= 0xC67E:
            return True
    except UnicodeEncodeError:
        pass
    return False


def plausibility(text: str) -> float:
    """Share of characters that look like ordinary Chinese newspaper text (0..1)."""
    if not text:
        return 0.0
    good = 0
    for ch in text:
        if ch.isascii():
            good += ch.isprintable() or ch in "\n\r\t"
        elif is_cjk(ch):
            good += _is_common_char(ch)
        elif "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" or "\u2010" <= ch <= "\u2027":
            good += 1  # CJK and full-width punctuation, quotes, dashes
        elif ch in "□◎■●○★☆▲△◆◇×—…·αβγ℃":
            good += 1
    return good / len(text)


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; a leading BOM character is dropped."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _check_binary(raw: bytes) -> None:
    for magic, what in _MAGIC:
        if raw.startswith(magic):
            raise UndecodableFile(f"the file is {what}")


def _finish(text: str, encoding: str) -> DecodedText:
    text = normalise_newlines(text)
    if not any(is_cjk(ch) for ch in text):
        raise UndecodableFile(f"the file decodes as {encoding} but contains no Chinese text")
    return DecodedText(text=text, encoding=encoding)


def decode_bytes(raw: bytes) -> DecodedText:
    """Decode one page file; raise UndecodableFile with a human reason when it is not a text page."""
    if not raw or not raw.strip(b" \t\r\n\x00"):
        raise UndecodableFile("the file is empty")
    for bom, codec, name in _BOMS:
        if raw.startswith(bom):
            try:
                return _finish(raw.decode(codec), name)
            except UnicodeDecodeError as exc:
                raise UndecodableFile(f"the file starts with a {name} byte-order mark but is not valid {name}") from exc
    _check_binary(raw)
    has_nul = b"\x00" in raw
    if not has_nul:
        try:
            return _finish(raw.decode("utf-8"), "utf-8")
        except UnicodeDecodeError:
            pass
    best: tuple[float, str, str] | None = None
    for codec in _CANDIDATES:
        if has_nul != codec.startswith("utf-16"):
            continue  # NUL bytes only occur in UTF-16 text (newlines, ASCII), never in the multibyte codecs
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        score = plausibility(text)
        if best is None or score > best[0] + 1e-9:
            best = (score, codec, text)
    if best is None and not has_nul:
        # Pure-CJK UTF-16 without BOM has no NUL bytes: try it last.
        for codec in ("utf-16-le", "utf-16-be"):
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError:
                continue
            score = plausibility(text)
            if best is None or score > best[0]:
                best = (score, codec, text)
    if best is None:
        if has_nul:
            raise UndecodableFile("the file contains NUL bytes and is not valid UTF-16 text: it looks binary")
        raise UndecodableFile("the bytes are not valid UTF-8, GB18030, Big5 or UTF-16 text")
    score, codec, text = best
    if score < 0.8:
        raise UndecodableFile(
            f"the file looks binary, not like text: at best {score:.0%} of its characters are ordinary ({codec})"
        )
    return _finish(text, codec)
