"""Hand-run review aid: print a reproducible random sample of extracted figures with their `measure`.

Issue 14 asks that a figure's `measure` be "a noun phrase naming what is counted, never a verb, a fragment or a
cut word (empty rather than wrong)", and that measure phrases be "judged acceptable >= 0.90 on a sample". This
script draws that sample; the judging is done by a person reading the sentences (docs/measure-judgement-*.md).

Usage (from the project root):
    .venv/bin/python bench/measure_sample.py [--corpus reserve4] [--n 80] [--seed 1] [--headlines] [--tsv]

It runs the same extraction as bench/extraction_quality.py (its `predict_page`, bodies only as the pipeline does
unless --headlines) on every page of the chosen corpus, pools the figures in page order, draws N of them with
random.Random(seed).sample, and prints for each: page, figure text, unit, measure, and the figure's sentence with
the figure marked 【…】. The issue date of each page is the annotated `published_on` (only that field of the
annotation is read). No database is needed.

Judging rules (written before any measure was looked at; a reviewer applies them to each printed item):

acceptable
  A  a noun phrase that names what the number counts in that sentence; it may be short (就业人数, 补贴资金,
     保障性住房) and may be a head noun with modifiers; the unit itself is not required in it (套, 万元 excluded).
     A phrase naming the counted thing at a coarser but still correct level (资金 for 补贴资金) is acceptable.
  E  empty, where no noun phrase in the sentence names what the number counts (e.g. a bare "3年" duration, an
     age, a rank, a date-like number, a number whose counted thing is only the unit itself).

unacceptable (reason classes)
  verb      a verb phrase or a phrase ending in / made of a verb or predicate (完成, 建设…任务 as an action,
            增长, 给予, 难掩激动)
  fragment  starts or ends mid-word, or strings together words across a phrase boundary so it is not a phrase
            (都仑区家门口就业服务站已建成 lost a character; 速度品质双提升人民)
  other     a well-formed noun phrase that names something other than what this number counts (the subject of the
            sentence rather than the counted thing, a neighbouring figure's measure, the programme name, a headline)
  place     a place or a date/period only (沈阳, 今年, 一季度)
  miss      empty, where the sentence clearly names what is counted
  extra     (recorded only as a note) a noun phrase that is right but carries clutter (a leading place/date or a
            trailing particle); judged acceptable if the counted thing is still clearly and only named, else
            'fragment'

Empty measures are reported both ways: share acceptable counting class E as acceptable, and the share over the
non-empty measures only (empty set aside), plus how many empties were misses.
"""
from __future__ import annotations

import argparse
import datetime
import json
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.extraction_quality import CORPORA, load_entry_points, predict_page  # noqa: E402

# reserve5 is kept aside unread; this script refuses it so it cannot be opened by accident.
REFUSED = {"reserve5"}


def pooled_figures(corpus: str, headlines: bool) -> list[tuple[str, Any]]:
    """Every figure the extraction finds on the corpus's pages, in page order then position: (page stem, figure)."""
    pages_dir, notes_dir, _ = CORPORA[corpus]
    api = load_entry_points()
    pooled: list[tuple[str, Any]] = []
    for page in sorted(pages_dir.glob("*.txt")):
        note = notes_dir / f"{page.stem}.json"
        published_on = datetime.date.fromisoformat(json.loads(note.read_text(encoding="utf-8"))["published_on"])
        figures = predict_page(page.read_bytes(), page.name, published_on, api, body_only=not headlines)["figures"]
        pooled += [(page.stem, figure) for figure in figures]
    return pooled


def marked_sentence(figure: Any) -> str:
    """The figure's sentence with its first occurrence of the figure text marked 【…】 (whitespace collapsed)."""
    sentence = " ".join((figure.sentence or "").split())
    at = sentence.find(figure.text)
    if at < 0:
        return sentence
    return f"{sentence[:at]}【{figure.text}】{sentence[at + len(figure.text):]}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default="reserve4", choices=sorted(set(CORPORA) - REFUSED))
    parser.add_argument("--n", type=int, default=80, help="figures to sample (all if larger than the pool)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--headlines", action="store_true", help="scan headlines too (default: bodies only)")
    parser.add_argument("--tsv", action="store_true", help="one tab-separated line per figure")
    args = parser.parse_args(argv)

    pool = pooled_figures(args.corpus, args.headlines)
    chosen = sorted(random.Random(args.seed).sample(range(len(pool)), min(args.n, len(pool))))
    print(f"# {len(chosen)} of {len(pool)} figures, corpus {args.corpus}, seed {args.seed}, "
          f"{'headlines + bodies' if args.headlines else 'bodies only'}")
    for number, index in enumerate(chosen, 1):
        page, figure = pool[index]
        if args.tsv:
            print("\t".join([str(number), page, figure.text, figure.unit or "", figure.measure or "",
                             marked_sentence(figure)]))
            continue
        print(f"\n[{number}] {page} #{index}  figure={figure.text!r} unit={figure.unit or ''!r}")
        print(f"    measure: {figure.measure or '(empty)'}")
        print(f"    sentence: {marked_sentence(figure)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
