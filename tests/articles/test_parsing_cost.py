"""Parsing cost grows linearly with the page: doubling a hostile page at most about doubles the work (counted in
Python function calls, which are deterministic, not in seconds)."""
import cProfile
import random

import pytest

from articles.pipeline import parse_page
from bench.hostile_pages import many_articles_page, many_qa_page, nested_brackets_page, single_line_page

# Linear work doubles (2.0); a little slack for per-page constants and jieba's caches. Quadratic work quadruples.
MAX_GROWTH = 2.4


def _calls(raw: bytes) -> int:
    profiler = cProfile.Profile()
    profiler.runcall(parse_page, raw, "cost.txt")
    return sum(entry.callcount for entry in profiler.getstats())


@pytest.mark.parametrize(
    ("make", "size"),
    [(single_line_page, 30_000), (many_articles_page, 300), (many_qa_page, 200), (nested_brackets_page, 200)],
    ids=["one-line page", "many tiny articles", "many Q&A pairs", "nested brackets"],
)
def test_doubling_a_hostile_page_at_most_doubles_the_parsing_work(make, size):
    _calls(make(size // 4))  # warm every lazily built dictionary and cache
    once, twice = _calls(make(size)), _calls(make(size * 2))
    assert twice / once <= MAX_GROWTH, f"{once} calls, then {twice} for twice the page"


def test_a_300_kb_single_line_page_parses_into_its_figures():
    result = parse_page(single_line_page(300_000), "one-line.txt")
    assert sum(len(article.figures) for article in result.articles) > 3_000


def test_same_story_detection_work_grows_linearly_with_the_article_count():
    from articles.parsing.samestory import find_duplicates

    def texts(count: int) -> list[str]:  # distinct stories: none is the same story as another
        rng = random.Random(11)
        return ["".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(40)) for _ in range(count)]

    def calls(count: int) -> int:
        profiler = cProfile.Profile()
        profiler.runcall(find_duplicates, texts(count))
        return sum(entry.callcount for entry in profiler.getstats())

    calls(50)
    once, twice = calls(300), calls(600)
    assert twice / once <= MAX_GROWTH, f"{once} calls, then {twice} for twice the articles"
