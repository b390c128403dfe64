"""Hostile page shapes that once made parsing quadratic, generated at any size, and a bench that times them.

`python -m bench.hostile_pages [--scale 1.0] [--profile NAME]` parses each shape at two sizes and prints the time and
the ratio; a linear parser shows ratios near 2 when the size doubles.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from collections.abc import Callable

SENTENCE = "今年全区新增就业岗位3000个，同比增长12%，呼和浩特市发放补贴1.2亿元，惠及3万余人。"
QA_PAIR = "问：低保申请需要什么材料？\n答：申请人持身份证到社区提交申请，经审核后按月发放低保金500元。\n"


def single_line_page(size_bytes: int) -> bytes:
    """One line of body text, no line breaks at all (a PDF extraction that lost every newline)."""
    unit = SENTENCE.encode("utf-8")
    return (unit * (size_bytes // len(unit) + 1))[:size_bytes].decode("utf-8", "ignore").encode("utf-8")


def many_articles_page(count: int) -> bytes:
    """`count` tiny articles, each a headline and a two-sentence body, separated by blank lines."""
    parts = [f"民声\n\n第{index}条消息标题\n\n{SENTENCE}{SENTENCE}\n" for index in range(count)]
    return "\n".join(parts).encode("utf-8")


def many_qa_page(count: int) -> bytes:
    """One Q&A article with `count` question/answer pairs."""
    return ("知道\n\n低保政策问答\n\n" + QA_PAIR * count).encode("utf-8")


def nested_brackets_page(depth: int) -> bytes:
    """Deeply nested brackets and quotes around a programme name."""
    return ("民声\n\n标题\n\n" + "（“《" * depth + "乡村振兴计划" + "》”）" * depth + "。\n").encode("utf-8")


SHAPES: dict[str, tuple[Callable[[int], bytes], int]] = {
    "single_line": (single_line_page, 100_000),
    "many_articles": (many_articles_page, 500),
    "many_qa": (many_qa_page, 500),
    "nested_brackets": (nested_brackets_page, 500),
}


def _time(raw: bytes) -> float:
    from articles.pipeline import parse_page

    start = time.perf_counter()
    parse_page(raw, "bench.txt")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every base size")
    parser.add_argument("--profile", choices=sorted(SHAPES), help="profile one shape at its base size instead")
    args = parser.parse_args()
    for make, size in SHAPES.values():  # warm the dictionaries every extractor loads on first use
        _time(make(max(size // 50, 2)))
    if args.profile:
        make, size = SHAPES[args.profile]
        raw = make(int(size * args.scale))
        profiler = cProfile.Profile()
        profiler.runcall(_time, raw)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)
        return
    print(f"{'shape':<16} {'size':>9} {'bytes':>10} {'seconds':>8} {'2x seconds':>10} {'ratio':>6}")
    for name, (make, size) in SHAPES.items():
        size = int(size * args.scale)
        small, large = make(size), make(size * 2)
        one, two = _time(small), _time(large)
        print(f"{name:<16} {size:>9} {len(small):>10} {one:>8.2f} {two:>10.2f} {two / one:>6.2f}")


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    main()
