"""Number parsing: Arabic, full-width and Chinese numerals."""

import pytest

from stats.extraction.numerals import (
    normalize_digits,
    parse_arabic,
    parse_chinese,
    parse_chinese_range,
    parse_number,
    scaled,
)


def test_it_maps_full_width_digits_without_changing_length():
    text = "共１２３．５元"
    assert normalize_digits(text) == "共123.5元"
    assert len(normalize_digits(text)) == len(text)


def test_it_parses_arabic_numbers_with_thousands_commas_and_decimals():
    assert parse_arabic("1,234.5") == 1234.5
    assert parse_arabic("3369.38") == 3369.38


def test_it_refuses_text_that_is_not_a_number():
    with pytest.raises(ValueError):
        parse_arabic("12a")


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("三", 3),
        ("十", 10),
        ("十一", 11),
        ("二十", 20),
        ("三千二百", 3200),
        ("一万五千", 15000),
        ("两亿", 2e8),
        ("二〇二五", 2025),
    ],
)
def test_it_parses_chinese_numerals(token, value):
    assert parse_chinese(token) == value


def test_it_reads_adjacent_chinese_digits_as_a_range():
    assert parse_chinese_range("三四") == (3, 4)
    assert parse_chinese_range("七八十") == (70, 80)


@pytest.mark.parametrize(
    ("token", "expected"),
    [("十二三", (12, 13)), ("二十三四", (23, 24)), ("一万二三千", (12_000, 13_000)), ("一百二三十", (120, 130))],
)
def test_it_reads_a_digit_pair_inside_a_longer_numeral_as_a_range(token, expected):
    assert parse_chinese_range(token) == expected


def test_it_does_not_read_an_ordinary_numeral_as_a_range():
    assert parse_chinese_range("三十四") is None
    assert parse_chinese_range("三五") is None
    assert parse_chinese_range("二〇二三") is None


def test_it_parses_either_script():
    assert parse_number("１６") == 16
    assert parse_number("十六") == 16


def test_it_multiplies_magnitudes_without_binary_noise():
    assert scaled(128.42, 10_000) == 1284200
    assert scaled(3369.38, 10_000) == 33693800
