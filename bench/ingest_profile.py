"""Benchmark (run by hand): the whole ingest of a page, in this process after start-up, against one plain jieba.cut pass.

    DATABASE_URL=postgres://USER@HOST:5432/SCRATCH_DB .venv/bin/python bench/ingest_profile.py \
        [--pages 40] [--seed 21] [--profile 25] [--repeat 1]

The database named in DATABASE_URL is a scratch one: it is dropped and created again (migrated, reference data
loaded). Pages come from /work/shared/tools/make_corpus.py (the seeds' layout), as in bench/ingest_scale.py. One
extra page is ingested first, untimed, so that Django, the dictionaries and the caches are warm (what a long batch
pays once); then the pages are ingested one by one through `source_ingest`, as `manage.py ingest` does. Printed: the
seconds, the ratio to one `jieba.cut` pass over the same decoded texts (timed right after, warm), and with
--profile N the N costliest functions by cumulative and by own time (cProfile; its overhead inflates the seconds,
so the ratio is printed for an unprofiled pass too when --profile is given). The SQL statements and the CPU of the PostgreSQL
backend that ran them are printed beside the times (wall time is blurred by other work on a shared machine; CPU
time much less); --sql N lists the N statement shapes that took longest.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

from bench.ingest_scale import corpus, fresh_database  # noqa: E402


def jieba_seconds(texts: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one plain jieba.cut pass over the texts, dictionary loaded first."""
    import jieba

    jieba.initialize()
    started, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        for _ in jieba.cut(text):
            pass
    return time.perf_counter() - started, time.process_time() - cpu


def report(label: str, pages: int, chars: int, ingest: tuple[float, float], jieba: tuple[float, float]) -> None:
    print(f"{label}pages {pages}  chars {chars}  ingest {ingest[0]:.2f} s (CPU {ingest[1]:.2f} s)  "
          f"jieba.cut {jieba[0]:.2f} s (CPU {jieba[1]:.2f} s)  "
          f"ingest/jieba {ingest[0] / jieba[0]:.2f}x wall, {ingest[1] / jieba[1]:.2f}x CPU of this process")


def backend_cpu() -> float | None:
    """CPU seconds used so far by this connection's PostgreSQL backend process (None when it is not on this machine)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


class Statements:
    """Counts and times the SQL statements run through Django's connection, by shape (the first 90 characters)."""

    def __init__(self) -> None:
        self.count = 0
        self.by_shape: dict[str, list[float]] = {}

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            shape = self.by_shape.setdefault(sql[:90], [0, 0.0])
            shape[0] += 1
            shape[1] += time.perf_counter() - started

    def print_top(self, n: int) -> None:
        for shape, (count, seconds) in sorted(self.by_shape.items(), key=lambda item: -item[1][1])[:n]:
            print(f"  {seconds:7.3f} s {count:6d}x  {shape}")


def ingest_all(files: list[Path], sql: int = 0) -> tuple[float, float]:
    """(wall seconds, this process's CPU seconds) to ingest the files one by one; prints the statements run and the
    CPU of the PostgreSQL backend that ran them."""
    from django.db import connection

    from articles.services.ingest import source_ingest

    statements, server = Statements(), backend_cpu()
    started, cpu = time.perf_counter(), time.process_time()
    with connection.execute_wrapper(statements):
        for path in files:
            source_ingest(raw=path.read_bytes(), name=path.name)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    server_after = backend_cpu()
    server_cpu = f"{server_after - server:.2f} s" if server is not None and server_after is not None else "n/a"
    print(f"  {len(files)} page(s): {statements.count} SQL statements ({statements.count / len(files):.1f} a page), "
          f"PostgreSQL backend CPU {server_cpu}")
    statements.print_top(sql)
    return seconds, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--seed", type=int, default=21)
    parser.add_argument("--profile", type=int, default=0, help="print the N costliest functions (cProfile)")
    parser.add_argument("--sql", type=int, default=0, help="list the N statement shapes that took longest")
    parser.add_argument("--dump", help="also write the profile to this file (for pstats)")
    parser.add_argument("--no-rerun", action="store_true", help="with --profile: skip the unprofiled pass")
    args = parser.parse_args()

    files = corpus(args.pages + 1, args.seed)
    warm, measured = files[0], files[1:]
    fresh_database()
    import django

    django.setup()
    texts = [path.read_bytes().decode("utf-8", errors="replace") for path in measured]
    ingest_all([warm])
    profile = cProfile.Profile() if args.profile else None
    if profile is not None:
        profile.enable()
    seconds = ingest_all(measured, sql=args.sql)
    if profile is not None:
        profile.disable()
    chars = sum(map(len, texts))
    report("profiled: " if profile is not None else "", len(measured), chars, seconds, jieba_seconds(texts))
    if profile is not None:
        if args.dump:
            profile.dump_stats(args.dump)
        for order in ("cumulative", "tottime"):
            out = io.StringIO()
            pstats.Stats(profile, stream=out).sort_stats(order).print_stats(args.profile)
            print(out.getvalue())
        if args.no_rerun:
            return
        from django.db import connections

        connections.close_all()
        fresh_database()  # the same pages again, unprofiled
        ingest_all([warm])
        report("unprofiled: ", len(measured), chars, ingest_all(measured), jieba_seconds(texts))


if __name__ == "__main__":
    main()
