"""Units and counters from the unit vocabulary (stats/data/units.csv) and approximate infixes (来, 个多)."""
import pytest

from stats.extract import extract_figures


def figures(text: str) -> list[tuple[str, float, str, str | None]]:
    return [(f.text, f.value, f.unit, f.qualifier) for f in extract_figures(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("铺设管网1200延长米", ("1200延长米", 1200, "延长米", None)),
    ("打机井35眼", ("35眼", 35, "眼", None)),
    ("购置农机具120台套", ("120台套", 120, "台套", None)),
    ("出栏牲畜3000头只", ("3000头只", 3000, "头只", None)),
    ("覆盖8省市", ("8省市", 8, "省市", None)),
    ("每月2200港元", ("2200港元", 2200, "港元", None)),
    ("七成受访者表示满意", ("七成", 7, "成", None)),
])
def test_it_reads_counters_and_units_of_the_vocabulary(text, expected):
    assert figures(text) == [expected]


def test_it_reads_lai_and_ge_duo_as_approximate_infixes():
    assert figures("流转土地500来亩，投入3个多亿元") == [
        ("500来亩", 500, "亩", "约"), ("3个多亿元", 300_000_000, "元", "多"),
    ]


def test_it_reads_traditional_amounts_in_hong_kong_dollars():
    assert figures("發放2300萬港元") == [("2300萬港元", 23_000_000, "港元", None)]


def test_a_counter_that_begins_a_longer_word_is_not_a_counter():
    assert figures("零成本创业，3成员组成") == []
