"""Decoding page bytes: encodings detected, binary and empty files refused with a reason."""
import pytest

from articles.parsing.decode import UndecodableFile, decode_bytes
from articles.parsing.script import detect_script, to_traditional

SAMPLE = "京医至，看病更近了！\r\n□本报记者 王坤\r\n11月21日，内蒙古自治区妇幼保健院手术室灯火通明。\n"
EXPECTED = SAMPLE.replace("\r\n", "\n")


@pytest.mark.parametrize("codec,name", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("utf-16-le", "utf-16-le"),
    ("utf-16-be", "utf-16-be"), ("gb18030", "gb18030"), ("gbk", "gb18030"),
])
def test_it_detects_the_encoding(codec, name):
    decoded = decode_bytes(SAMPLE.encode(codec))
    assert (decoded.text, decoded.encoding) == (EXPECTED, name)


def test_it_detects_big5_traditional_text():
    traditional = to_traditional(EXPECTED)
    decoded = decode_bytes(traditional.encode("big5"))
    assert (decoded.text, decoded.encoding) == (traditional, "big5")


@pytest.mark.parametrize("raw,reason", [
    (b"", "empty"), (b"  \n\n", "empty"), (b"%PDF-1.7\n...", "PDF"), (b"PK\x03\x04rest", "ZIP"),
    (b"\x89PNG\r\n\x1a\n", "PNG"), (b"\x00\x01\x02\x03\xff\xfe\x00" * 50, "binary"),
    (b"just some english text\n", "no Chinese"),
])
def test_it_refuses_files_that_are_not_text_pages(raw, reason):
    with pytest.raises(UndecodableFile) as caught:
        decode_bytes(raw)
    assert reason.lower() in caught.value.reason.lower()
    assert isinstance(caught.value, ValueError)


def test_it_gives_a_same_length_simplified_shadow_of_traditional_text():
    traditional = to_traditional(EXPECTED)
    view = detect_script(traditional)
    assert view.script == "traditional"
    assert len(view.shadow) == len(traditional)
    assert "本报记者" in view.shadow


def test_it_leaves_simplified_text_as_it_is():
    view = detect_script(EXPECTED)
    assert (view.script, view.shadow) == ("simplified", EXPECTED)


def test_it_refuses_latin_1_text_as_an_unsupported_encoding_not_as_binary():
    with pytest.raises(UndecodableFile) as caught:
        decode_bytes(b"caf\xe9 na\xefve r\xe9sum\xe9\n" * 50)
    assert caught.value.reason == "the file is text, but not Chinese text in a supported encoding (UTF-8, GB18030, UTF-16 or Big5)"


@pytest.mark.parametrize(
    ("raw", "reason_zh"),
    [
        (b"", "文件是空的"),
        (b"%PDF-1.7\n...", "文件是PDF 文档，不是提取出的文本"),
        (b"\x00\x01\x02\x03\xff" * 51, "文件含有 NUL 字节，又不是有效的 UTF-16 文本：看起来是二进制文件"),
        (b"just some english text\n", "文件按 utf-8 解码后没有中文内容"),
        ("Ελληνικά κείμενα\n".encode("iso-8859-7") * 20, "文件是文本，但不是受支持编码（UTF-8、GB18030、UTF-16 或 Big5）的中文文本"),
    ],
)
def test_every_reason_is_also_given_in_chinese_for_editors(raw, reason_zh):
    with pytest.raises(UndecodableFile) as caught:
        decode_bytes(raw)
    assert caught.value.reason_zh == reason_zh
    assert caught.value.reason.isascii()
