"""Pages the parser has never seen, derived from the seeds: other wraps, encodings, script and article order."""
import re
from functools import cache
from pathlib import Path

import pytest
from opencc import OpenCC

from articles.parsing.lines import undouble
from articles.parsing.page import parse_page_bytes, parse_page_text
from articles.parsing.script import simplified_shadow

PAGES = Path(__file__).resolve().parents[2] / "fixtures" / "pages"
SEEDS = sorted(p.stem for p in PAGES.glob("*.txt"))


def _seed(stem):
    return (PAGES / f"{stem}.txt").read_text(encoding="utf-8")


@cache
def _reference(stem):
    return parse_page_text(_seed(stem), stem)


def _summary(page, *, simplify=False, joined=False):
    def norm(text):
        if text is None:
            return None
        text = simplified_shadow(text).replace("著", "着") if simplify else text
        return re.sub(r"\s", "", text) if joined else text
    return [(norm(a.headline), a.byline, a.kind, norm(a.text)) for a in page.articles]


def _rewrap(text, width):
    """Hard-wrap every long line at `width` characters, as a narrower or wider column would.

    The first line of a paragraph is two characters shorter (the print indent); a doubled bold headline
    glued to the end of a line stays in one piece."""
    out = []
    for line in text.split("\n"):
        head, _, tail = line.rpartition(" ")
        glued = " " + tail if head and undouble(tail) else ""
        line = head if glued else line
        if len(line) > 30:
            chunks = [line[:width - 2]]
            chunks.extend(line[i:i + width] for i in range(width - 2, len(line), width))
            out.extend(chunks[:-1] + [chunks[-1] + glued])
        else:
            out.append(line + glued)
    return "\n".join(out)


@pytest.mark.parametrize("width", [16, 28])
@pytest.mark.parametrize("stem", SEEDS)
def test_it_finds_the_same_articles_at_another_wrap_width(stem, width):
    page = parse_page_text(_rewrap(_seed(stem), width), stem)
    assert _summary(page, joined=True) == _summary(_reference(stem), joined=True)


@pytest.mark.parametrize("codec", ["gb18030", "utf-16", "utf-16-le", "utf-8-sig"])
@pytest.mark.parametrize("stem", SEEDS)
def test_it_finds_the_same_articles_in_another_encoding(stem, codec):
    page = parse_page_bytes(_seed(stem).encode(codec), stem)
    assert _summary(page) == _summary(_reference(stem))


@pytest.mark.parametrize("stem", SEEDS)
def test_it_finds_the_same_articles_in_traditional_script_and_big5(stem):
    traditional = OpenCC("s2tw").convert(_seed(stem))
    traditional = "".join(ch for ch in traditional if ch.encode("big5", errors="ignore"))
    page = parse_page_bytes(traditional.encode("big5"), stem)
    assert page.encoding == "big5"
    assert {a.script for a in page.articles} == {"traditional"}
    expected = _summary(parse_page_text(_seed(stem).replace("嗪", ""), stem), simplify=True)
    assert _summary(page, simplify=True) == expected


@pytest.mark.parametrize("stem", ["001_78bfd49b9ace732d", "002_da13f58aa8cedb74", "003_e4e255c84d616493",
                                  "004_8095f7ff40ec04af"])
def test_it_finds_the_same_articles_in_another_order(stem):
    # the page-final photo caption of 003 belongs to no contiguous span, so it is left out of both pages
    source = _seed(stem).rstrip().rsplit("\n", 1)[0] if stem.startswith("003") else _seed(stem)
    reference = parse_page_text(source, stem)
    pieces = [source[a.source_start:a.source_end] for a in reference.articles]
    # the first article keeps its place: a caption printed above the first headline has no other owner
    shuffled = pieces[:1] + pieces[2::2] + pieces[1::2]
    page = parse_page_text("\n\n".join(shuffled), stem)
    got = sorted((a.headline or "", a.text) for a in page.articles)
    assert got == sorted((a.headline or "", a.text) for a in reference.articles)


def test_it_ignores_windows_line_endings():
    stem = SEEDS[0]
    page = parse_page_bytes(_seed(stem).replace("\n", "\r\n").encode("utf-8"), stem)
    assert _summary(page) == _summary(_reference(stem))


def test_it_is_deterministic():
    stem = SEEDS[3]
    assert _summary(parse_page_text(_seed(stem), stem)) == _summary(parse_page_text(_seed(stem), stem))
    assert not re.search(r"\s\n|\n\s", _reference(stem).articles[0].text)
