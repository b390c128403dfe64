"""Benchmark (run by hand): what the region counts cost cold — read from the per-article summary (`ArticleRegion`,
kept by triggers) against counted from the mentions and figures themselves — and whether they agree, code by code.

    DATABASE_URL=postgres://…/minsheng_bench nice -n 10 .venv/bin/python bench/region_counts.py [--repeat 3] [--explain]

For each way, over --repeat runs: the median and minimum SQL wall time, the PostgreSQL backend's CPU time (from
/proc/<backend>/schedstat, as bench/page_cpu.py; "—" when it cannot be read) and this process's CPU time. Then the
number of codes on which the two differ (must be 0), and a dozen codes of each level side by side. `--explain`
prints `EXPLAIN (ANALYZE, BUFFERS)` of the summary's statement.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from page_cpu import _backend_cpu_ms

    from articles import browse
    from articles.models import ArticleRegion

    connection.ensure_connection()
    backend = connection.connection.info.backend_pid if os.path.exists("/proc") else None
    results = {}
    for name, compute in (("summary", browse._region_counts), ("mentions", browse.region_counts_from_mentions)):
        runs = []
        for _ in range(args.repeat):
            pg, cpu, wall = _backend_cpu_ms(backend), time.process_time(), time.perf_counter()
            counts = compute()
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            pg_after = _backend_cpu_ms(backend)
            runs.append((wall * 1000, None if pg is None or pg_after is None else pg_after - pg, cpu * 1000))
        results[name] = counts
        walls, pgs, cpus = zip(*runs, strict=True)
        pg_text = "—" if None in pgs else f"{statistics.median(pgs):.0f} / {min(pgs):.0f}"
        print(
            f"{name}: SQL wall ms {statistics.median(walls):.0f} / {min(walls):.0f}, PostgreSQL CPU ms {pg_text}, "
            f"Python CPU ms {statistics.median(cpus):.0f} / {min(cpus):.0f} (median / min of {args.repeat}); "
            f"{len(counts)} codes"
        )
    summary, mentions = results["summary"], results["mentions"]
    differ = sorted(code for code in summary.keys() | mentions.keys() if summary.get(code) != mentions.get(code))
    print(f"codes that differ: {len(differ)} {differ[:20]}")
    for level, keep in (
        ("province", lambda c: c.endswith("0000")),
        ("prefecture", lambda c: c.endswith("00") and not c.endswith("0000")),
        ("county", lambda c: not c.endswith("00")),
    ):
        codes = sorted((c for c in mentions if keep(c)), key=lambda c: -mentions[c][0])[:12]
        print(f"{level}: " + ", ".join(f"{c} {summary.get(c)} = {mentions[c]}" for c in codes))
    if args.explain:
        sql, params = (
            ArticleRegion.objects.order_by().values_list("code").annotate(n=browse.Count("pk"), f=browse.Sum("figures"))
        ).query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
            print("\n".join(row[0] for row in cursor.fetchall()))
    print("load average:", " ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
