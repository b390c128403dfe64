"""Raw page bytes to text: encoding detection by strict decoding plus a CJK-plausibility score."""
from __future__ import annotations

import re
from functools import lru_cache

from .types import DecodedText


class UndecodableFile(ValueError):
    """The bytes are not a readable Chinese text page; `reason` says why in plain words (English, for the command
    line, logs and the API) and `reason_zh` says the same in Chinese (for editors in the admin)."""

    def __init__(self, reason: str, reason_zh: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.reason_zh = reason_zh


SUPPORTED = "UTF-8, GB18030, UTF-16 or Big5"
_MAGIC = (
    (b"%PDF", "a PDF document, not extracted text", "PDF 文档，不是提取出的文本"),
    (b"PK\x03\x04", "a ZIP archive (or Office document), not plain text", "ZIP 压缩包（或 Office 文档），不是纯文本"),
    (b"\x89PNG", "a PNG image, not text", "PNG 图片，不是文本"),
    (b"GIF8", "a GIF image, not text", "GIF 图片，不是文本"),
    (b"\xff\xd8\xff", "a JPEG image, not text", "JPEG 图片，不是文本"),
    (b"\x1f\x8b", "a gzip archive, not plain text", "gzip 压缩包，不是纯文本"),
    (b"Rar!", "a RAR archive, not plain text", "RAR 压缩包，不是纯文本"),
)
# Bytes below 0x20 that text files carry (tab, line feed, form feed, carriage return); binary data is full of others.
_TEXT_CONTROLS = frozenset(b"\t\n\x0c\r")
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
    for magic, what, what_zh in _MAGIC:
        if raw.startswith(magic):
            raise UndecodableFile(f"the file is {what}", f"文件是{what_zh}")


def _looks_like_text(raw: bytes) -> bool:
    """Bytes of some text encoding (Latin-1, Windows-1252, …): no NUL and almost no other control bytes."""
    controls = sum(1 for byte in raw if byte < 0x20 and byte not in _TEXT_CONTROLS)
    return b"\x00" not in raw and controls <= len(raw) // 100


def _unsupported_encoding() -> UndecodableFile:
    return UndecodableFile(
        f"the file is text, but not Chinese text in a supported encoding ({SUPPORTED})",
        "文件是文本，但不是受支持编码（UTF-8、GB18030、UTF-16 或 Big5）的中文文本",
    )


def _finish(text: str, encoding: str, check: bool = True) -> DecodedText:
    text = normalise_newlines(text)
    if not any(is_cjk(ch) for ch in text):
        raise UndecodableFile(
            f"the file decodes as {encoding} but contains no Chinese text", f"文件按 {encoding} 解码后没有中文内容"
        )
    if check:
        check_language(text)
    return DecodedText(text=text, encoding=encoding)


# Letters of other scripts, by name, for the reason given when a page is not Chinese.
_SCRIPTS = (
    (re.compile("[\u3040-\u30ff]"), "Japanese kana", "日文假名", True),
    (re.compile("[\uac00-\ud7af\u1100-\u11ff]"), "Korean Hangul", "韩文", True),
    (re.compile("[\u0400-\u04ff]"), "Cyrillic", "西里尔字母", False),
    (re.compile("[\u0600-\u06ff]"), "Arabic", "阿拉伯字母", False),
    (re.compile("[\u0f00-\u0fff]"), "Tibetan", "藏文", False),
    (re.compile("[\u1800-\u18af]"), "Mongolian", "蒙古文", False),
)
_FOREIGN_RE = re.compile("[\u3040-\u30ff\uac00-\ud7af\u1100-\u11ff\u0400-\u04ff\u0600-\u06ff\u0f00-\u0fff\u1800-\u18af]")
_HAN_RE = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]")
_LATIN_RE = re.compile("[A-Za-z]")
FOREIGN_KANA_SHARE = 0.15  # kana or Hangul this common next to Han characters: Japanese or Korean, not Chinese
FOREIGN_LETTER_SHARE = 0.5  # more letters of one other script than this share of all letters: not a Chinese page
FEW_HAN = 20  # fewer Han characters than this next to mostly Latin letters: an English (French, …) page


def check_language(text: str) -> None:
    """UndecodableFile when the text is not Chinese: Japanese or Korean (kana/Hangul among the Han characters), or
    mostly letters of another script (Cyrillic, Arabic, Tibetan, Mongolian, Latin) with a few Han characters."""
    han = len(_HAN_RE.findall(text))
    latin = len(_LATIN_RE.findall(text))
    counts = [
        (len(pattern.findall(text)), name, name_zh, kana_like) for pattern, name, name_zh, kana_like in _SCRIPTS
    ] if _FOREIGN_RE.search(text) else []
    letters = han + latin + sum(count for count, *_ in counts)
    for count, name, name_zh, kana_like in counts:
        if count and (kana_like and count > FOREIGN_KANA_SHARE * han or count > FOREIGN_LETTER_SHARE * letters):
            raise UndecodableFile(
                f"the page is not in Chinese: {count} of its letters are {name}",
                f"这个版面不是中文：其中 {count} 个字符是{name_zh}",
            )
    few_han = han < FEW_HAN and latin > 5 * han or han * 100 < latin  # a stray 县 in English, not a run of Latin junk
    if latin > FOREIGN_LETTER_SHARE * letters and few_han:
        raise UndecodableFile(
            f"the page is not in Chinese: {latin} Latin letters and only {han} Chinese characters",
            f"这个版面不是中文：有 {latin} 个拉丁字母，只有 {han} 个汉字",
        )


def decode_bytes(raw: bytes, check: bool = True) -> DecodedText:
    """Decode one page file; raise UndecodableFile with a human reason when it is not a text page.

    `check=False` skips the language check (for HTML, whose markup is Latin letters)."""
    if not raw or not raw.strip(b" \t\r\n\x00"):
        raise UndecodableFile("the file is empty", "文件是空的")
    for bom, codec, name in _BOMS:
        if raw.startswith(bom):
            try:
                return _finish(raw.decode(codec), name, check)
            except UnicodeDecodeError as exc:
                raise UndecodableFile(
                    f"the file starts with a {name} byte-order mark but is not valid {name}",
                    f"文件以 {name} 字节顺序标记开头，但内容不是有效的 {name} 文本",
                ) from exc
    _check_binary(raw)
    has_nul = b"\x00" in raw
    if not has_nul:
        try:
            return _finish(raw.decode("utf-8"), "utf-8", check)
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
    if best is None and has_nul:
        raise UndecodableFile(
            "the file contains NUL bytes and is not valid UTF-16 text: it looks binary",
            "文件含有 NUL 字节，又不是有效的 UTF-16 文本：看起来是二进制文件",
        )
    if best is None or best[0] < 0.8:
        if _looks_like_text(raw):  # e.g. Latin-1: it only decodes (as UTF-16) by accident, into nonsense
            raise _unsupported_encoding()
        if best is None:
            raise UndecodableFile(
                f"the bytes are not valid {SUPPORTED} text", "文件内容不是有效的 UTF-8、GB18030、UTF-16 或 Big5 文本"
            )
        score, codec, _ = best
        raise UndecodableFile(
            f"the file looks binary, not like text: at best {score:.0%} of its characters are ordinary ({codec})",
            f"文件看起来是二进制数据，不是文本：按 {codec} 解码时最多只有 {score:.0%} 的字符是常见字符",
        )
    score, codec, text = best
    return _finish(text, codec, check)
