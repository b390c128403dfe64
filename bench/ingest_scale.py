"""Benchmark (run by hand): whole-ingest throughput at archive scale, against one plain jieba.cut pass.

    DATABASE_URL=postgres://USER@HOST:5432/SCRATCH_DB .venv/bin/python bench/ingest_scale.py \
        --pages 150 [--workers 2] [--fresh] [--archive-pages 0] [--offset 0] [--seed 13]

The database named in DATABASE_URL is a scratch one: with --fresh it is dropped and created again (migrated, reference
data loaded). Pages come from /work/shared/tools/make_corpus.py (the seeds' layout, contents varied; generated once
per --seed into var/bench-corpus/); --offset skips files a previous run ingested. The first --archive-pages files are ingested first, unmeasured, so that the
measured --pages go into an archive of that size. The measured run is `manage.py ingest [--workers N] DIR` in a
subprocess; printed: pages/s, articles/s, chars/s, the ratio to one `jieba.cut` pass over the same decoded text
(in this process, dictionary warm), and the peak RSS of the ingest process (the largest worker with --workers).
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAKE_CORPUS = Path("/work/shared/tools/make_corpus.py")


def corpus(pages: int, seed: int) -> list[Path]:
    folder = ROOT / "var" / "bench-corpus" / f"seed{seed}-{pages}"
    if not folder.exists() or len(list(folder.glob("*.txt"))) < pages:
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run(
            [sys.executable, str(MAKE_CORPUS), "--pages", str(pages), "--out", str(folder), "--seed", str(seed),
             "--seeds", str(ROOT / "fixtures" / "pages")],
            check=True, stdout=subprocess.DEVNULL,
        )
    return sorted(folder.glob("*.txt"))[:pages]


def manage(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    """Run a management command; with check=False a page reported as failed (exit code 2) does not stop the bench."""
    run = subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], cwd=ROOT, capture_output=True, text=True)
    if run.returncode not in ((0,) if check else (0, 2)):
        raise SystemExit(f"manage.py {' '.join(args)} failed ({run.returncode}):\n{run.stderr[-2000:]}")
    return run


def fresh_database() -> None:
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(os.environ["DATABASE_URL"])
    name = config["NAME"]
    with psycopg.connect(host=config["HOST"], port=config["PORT"] or 5432, user=config["USER"],
                         password=config["PASSWORD"] or None, dbname="postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    manage("migrate", "-v0")
    manage("load_reference_data")


def count_articles() -> int:
    out = manage("shell", "-c", "from articles.models import Article; print(Article.objects.count())").stdout
    return int(out.strip().splitlines()[-1])


def link_folder(files: list[Path], name: str) -> Path:
    folder = ROOT / "var" / "bench-corpus" / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for path in files:
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


def jieba_seconds(texts: list[str]) -> float:
    import jieba

    jieba.initialize()
    started = time.perf_counter()
    for text in texts:
        for _ in jieba.cut(text):
            pass
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, required=True, help="pages measured")
    parser.add_argument("--archive-pages", type=int, default=0, help="pages ingested first, unmeasured")
    parser.add_argument("--offset", type=int, default=0, help="skip this many corpus files first (already ingested)")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--fresh", action="store_true", help="drop and recreate the scratch database first")
    args = parser.parse_args()

    files = corpus(args.offset + args.archive_pages + args.pages, args.seed)[args.offset:]
    archive, measured = files[:args.archive_pages], files[args.archive_pages:]
    if args.fresh:
        fresh_database()
    if archive:
        manage("ingest", "--workers", str(max(args.workers, 2)), str(link_folder(archive, "archive")), check=False)
    before = count_articles()
    folder = link_folder(measured, "measured")
    command = ["ingest", *(["--workers", str(args.workers)] if args.workers > 1 else []), str(folder)]
    started = time.perf_counter()
    run = manage(*command, check=False)
    for line in run.stderr.splitlines():
        if line.startswith("skipped "):
            print(line)
    seconds = time.perf_counter() - started
    articles = count_articles() - before
    rss_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    texts = [path.read_bytes().decode("utf-8", errors="replace") for path in measured]
    chars = sum(len(text) for text in texts)
    jieba = jieba_seconds(texts)
    print(run.stdout.strip().splitlines()[-1])
    print(f"command: manage.py {' '.join(command)}  (archive before: {before} articles)")
    print(f"pages {len(measured)}  articles {articles}  chars {chars}  seconds {seconds:.1f}")
    print(f"pages/s {len(measured) / seconds:.2f}  articles/s {articles / seconds:.1f}  chars/s {chars / seconds:,.0f}")
    print(f"jieba.cut pass {jieba:.1f} s  ingest/jieba {seconds / jieba:.2f}x  (per core: {seconds * args.workers / jieba:.2f}x)")
    print(f"peak RSS {rss_mib:.0f} MiB")


if __name__ == "__main__":
    main()
