"""Benchmark (run by hand): parsing and the whole pipeline over the seed pages, against one plain jieba.cut pass.

    .venv/bin/python bench/pipeline_speed.py [--repeat 5]

Prints the best-of-N seconds for: parsing only, the whole pipeline (parse + every extractor), and one
`jieba.cut` pass over the same page texts, and the ratio pipeline / jieba. Results go in docs/performance.md.
Dictionaries are loaded once before timing (both sides are warm).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def best_of(repeat: int, work) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    import jieba

    from articles import pipeline
    from articles.parsing.page import parse_page_bytes

    pages = [(path.name, path.read_bytes()) for path in sorted((ROOT / "fixtures" / "pages").glob("*.txt"))]
    texts = [raw.decode("utf-8") for _, raw in pages]
    chars = sum(len(t) for t in texts)

    jieba.setLogLevel(60)
    list(jieba.cut("预热词典"))
    for name, raw in pages:  # warm every dictionary and cache
        pipeline.parse_page(raw, name)

    parse = best_of(args.repeat, lambda: [parse_page_bytes(raw, name) for name, raw in pages])
    whole = best_of(args.repeat, lambda: [pipeline.parse_page(raw, name) for name, raw in pages])
    cut = best_of(args.repeat, lambda: [list(jieba.cut(text)) for text in texts])
    print(f"seed pages: {len(pages)}, {chars} characters, best of {args.repeat}")
    print(f"parse only       {parse * 1000:8.1f} ms")
    print(f"whole pipeline   {whole * 1000:8.1f} ms")
    print(f"jieba.cut pass   {cut * 1000:8.1f} ms")
    print(f"pipeline / jieba {whole / cut:8.2f}x  (budget: 3.00x)")


if __name__ == "__main__":
    main()
