"""Benchmark (run by hand): what each URL of the scale mix costs in CPU, in one process — less sensitive to a shared
machine's load than wall latencies.

    DATABASE_URL=postgres://…/minsheng_bench nice -n 10 .venv/bin/python bench/page_cpu.py [--repeat 15]
        [--only /articles/ region=150000] [--profile /articles/] [--cold]

For each URL of `bench/scale.py`'s mix (ids and codes taken from the archive), through Django's test client in this
process, cached aggregates warm (one request first), the median (and for CPU and SQL the minimum, the least disturbed
by other work on a shared machine) over --repeat requests of:
- `cpu ms`: this process's CPU time (Python: the view, the ORM, rendering) — `time.process_time()`;
- `pg cpu ms`: the CPU time the PostgreSQL backend serving this connection spent (from /proc/<backend>/schedstat: needs
  the server on this machine and permission to read its /proc; "—" otherwise);
- `sql ms`: the wall time of the statements the request ran (an execute wrapper: cursor execution, not the fetch of
  rows the ORM reads in chunks), and their number;
- `wall ms`.
`--profile URL` prints the 30 costliest functions of one request of that URL (or of the mix URL containing it;
cProfile, own time).
`--cold` first moves the archive generation on (`archive_changed()`) and times the first request of each URL — what
a reader pays after each change of the archive — with the same columns.
Prints a Markdown table and the load average.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def _backend_cpu_ms(pid: int | None) -> float | None:
    if pid is None:
        return None
    try:  # nanoseconds on a CPU (schedstat); clock ticks of utime + stime where it is missing
        return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e6
    except OSError:
        pass
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) * 1000 / CLOCK_TICKS


def _measure(client, url: str) -> dict:
    from django.db import connection

    backend = _measure.backend
    timings: list[float] = []

    def timed(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            timings.append(time.perf_counter() - started)

    pg_before = _backend_cpu_ms(backend)
    with connection.execute_wrapper(timed):
        cpu_before, wall_before = time.process_time(), time.perf_counter()
        response = client.get(url)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
        cpu, wall = time.process_time() - cpu_before, time.perf_counter() - wall_before
    pg_after = _backend_cpu_ms(backend)
    return {
        "status": response.status_code,
        "cpu": cpu * 1000,
        "wall": wall * 1000,
        "sql": sum(timings) * 1000,
        "queries": len(timings),
        "pg": None if pg_before is None or pg_after is None else pg_after - pg_before,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--only", nargs="*", help="only the URLs containing one of these strings")
    parser.add_argument("--profile", help="print a cProfile of one request of this URL")
    parser.add_argument("--cold", action="store_true", help="time the first request after archive_changed()")
    args = parser.parse_args()

    from bench.scale import _urls

    urls = [url for url, _ in _urls()]
    if args.only:
        urls = [url for url in urls if any(part in url for part in args.only)]

    import django
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings

    storage = {"staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    with override_settings(STORAGES={**django.conf.settings.STORAGES, **storage}, ALLOWED_HOSTS=["*"], DEBUG=False):
        client = Client()
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            _measure.backend = cursor.fetchone()[0]
        if args.profile:
            args.profile = next((url for url in urls if args.profile in url), args.profile)  # a part of a mix URL
            print(args.profile)
            client.get(args.profile)
            profiler = cProfile.Profile()
            profiler.enable()
            client.get(args.profile)
            profiler.disable()
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats(os.environ.get("SORT", "tottime")).print_stats(int(os.environ.get("TOP", "30")))
            print(out.getvalue())
            return
        load = os.getloadavg()
        print(f"load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; repeat {args.repeat}; "
              f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
        print("| URL | status | cpu ms median / min | pg cpu ms | sql ms median / min (queries) | wall ms |")
        print("| --- | --- | --- | --- | --- | --- |")
        for url in urls:
            if args.cold:
                from articles.summaries import archive_changed

                client.get(url)
                archive_changed()
                rows = [_measure(client, url)]
            else:
                client.get(url)  # warm: cached aggregates, this URL's first-use costs
                rows = [_measure(client, url) for _ in range(args.repeat)]

            def median(key, rows=rows):
                values = [row[key] for row in rows if row[key] is not None]
                return statistics.median(values) if values else None

            pg = median("pg")
            print(
                f"| `{url}` | {rows[0]['status']} | {median('cpu'):.1f} / {min(r['cpu'] for r in rows):.1f} | "
                f"{'—' if pg is None else f'{pg:.0f}'} | {median('sql'):.1f} / {min(r['sql'] for r in rows):.1f} "
                f"({median('queries'):.0f}) | {median('wall'):.1f} |",
                flush=True,
            )
        load = os.getloadavg()
        print(f"load average after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    main()
