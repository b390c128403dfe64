"""Benchmark (run by hand): the public pages and API lists at archive scale, beside Datasette and the raw SQL.

    DATABASE_URL=postgres://…/minsheng_bench .venv/bin/python bench/scale.py build --articles 10000 --pages 120
    DATABASE_URL=postgres://…/minsheng_bench .venv/bin/python bench/scale.py run --requests 40 [--datasette /work/bench-venv/bin/datasette]

`build` makes --pages page files with ../shared/tools/make_corpus.py (the seed pages' layouts, varied), ingests them
through the real ingest, then — to reach --articles without hours of parsing — copies the ingested pages in SQL
(sources, articles, topics, region and date mentions, figures, programme mentions, Q&A pairs, personal data), each
copy moved back in time by whole weeks with its own page name and hash; search vectors and public fields are copied
with their articles. `run` starts `bin/serve` (2 workers × 2 threads, the default) on a free port, measures each URL
of the mix at concurrency 1 and 16 (p50/p95/p99 in ms, requests/s), reads the workers' RSS, and — when a Datasette
executable is given (its own venv, never a project dependency) — exports the same rows to SQLite and measures the
comparable queries there. "raw SQL" is the time of the statements the URL's view ran (captured in-process,
re-executed on one connection, cached aggregates warm): what the database alone costs. Prints a Markdown table.
"""
from __future__ import annotations

import argparse
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
MAKE_CORPUS = ROOT.parent / "shared" / "tools" / "make_corpus.py"

# Copied per page copy, parents first: (table, foreign keys to tables copied here).
COPIED = [
    ("articles_source", {}),
    ("articles_article", {"source_id": "articles_source", "duplicate_of_id": "articles_article"}),
    ("articles_article_topics", {"article_id": "articles_article"}),
    ("articles_regionmention", {"article_id": "articles_article"}),
    ("articles_datemention", {"article_id": "articles_article"}),
    ("articles_personaldata", {"article_id": "articles_article"}),
    ("stats_figure", {"article_id": "articles_article"}),
    ("policies_programmention", {"article_id": "articles_article"}),
    ("policies_qapair", {"article_id": "articles_article"}),
]


def _setup():
    import django

    django.setup()


# --- build ----------------------------------------------------------------------------------------------------------


def build(args) -> None:
    _setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from articles.models import Article

    call_command("migrate", verbosity=0)
    call_command("load_reference_data", verbosity=0)
    corpus = Path(args.corpus)
    if not corpus.exists():
        subprocess.run(
            [sys.executable, str(MAKE_CORPUS), "--pages", str(args.pages), "--out", str(corpus), "--seeds",
             str(ROOT / "fixtures" / "pages"), "--gazetteer", str(ROOT / "articles" / "data" / "gazetteer.csv")],
            check=True,
        )
    started = time.perf_counter()
    call_command("ingest", str(corpus), verbosity=0)
    base = Article.objects.exclude(source__name__contains="-copy").count()
    print(f"ingested {base} articles from {len(list(corpus.glob('*.txt')))} pages in {time.perf_counter() - started:.0f} s")
    copies = max(0, -(-args.articles // max(base, 1)) - 1)
    with transaction.atomic(), connection.cursor() as cursor:
        _unmultiply(cursor)
        _multiply(cursor, copies)
        for table, _ in COPIED:
            cursor.execute(f"ANALYZE {table}")
    print(f"{Article.objects.count()} articles after {copies} copies in SQL")
    from articles.summaries import archive_changed

    archive_changed()  # the copies were written in SQL, past the services: cached aggregates are computed afresh
    # As autovacuum would in time: the visibility map lets index-only scans skip the heap (a fresh bulk insert has none).
    with connection.cursor() as cursor:
        for table, _ in COPIED:
            cursor.execute(f"VACUUM (ANALYZE) {table}")
    print("vacuumed")


def _columns(cursor, table: str) -> list[str]:
    cursor.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = %s AND table_schema = current_schema() "
        "ORDER BY ordinal_position",
        [table],
    )
    return [row[0] for row in cursor.fetchall()]


def _unmultiply(cursor) -> None:
    """Delete the copies of an earlier build, children first, in SQL (the ORM would write a history row for each)."""
    cursor.execute("SELECT id FROM articles_source WHERE name LIKE %s", ["%-copy%"])
    sources = [row[0] for row in cursor.fetchall()]
    if not sources:
        return
    articles = "SELECT id FROM articles_article WHERE source_id = ANY(%s)"
    cursor.execute(f"UPDATE articles_article SET duplicate_of_id = NULL WHERE duplicate_of_id IN ({articles})", [sources])
    for table, _ in reversed(COPIED[1:]):
        column = "source_id" if table == "articles_article" else "article_id"
        query = f"DELETE FROM {table} WHERE source_id = ANY(%s)" if column == "source_id" else f"DELETE FROM {table} WHERE article_id IN ({articles})"
        cursor.execute(query, [sources])
    cursor.execute("DELETE FROM articles_source WHERE id = ANY(%s)", [sources])


def _multiply(cursor, copies: int) -> None:
    """Insert `copies` copies of every row of COPIED in one statement per table: ids shifted by k × (max id + 1),
    foreign keys to copied tables shifted alike, pages renamed, re-hashed and moved k weeks back."""
    if copies <= 0:
        return
    span = {}
    for table, _ in COPIED:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}")
        span[table] = cursor.fetchone()[0]
    for table, keys in COPIED:
        columns = _columns(cursor, table)
        values = []
        for column in columns:
            if column == "id":
                values.append(f"t.id + k * {span[table]}")
            elif column in keys:
                values.append(f't."{column}" + k * {span[keys[column]]}')
            elif table == "articles_source" and column == "sha256":
                values.append("substr(md5(t.sha256 || k) || md5(k || t.sha256), 1, 64)")
            elif table == "articles_source" and column == "name":
                values.append("left(t.name, 240) || '-copy' || k")
            elif column in ("published_on", "published_earliest", "published_latest", "issue_date") or (
                table == "articles_datemention" and column in ("start_date", "end_date")
            ):
                values.append(f't."{column}" - (k * 7)')
            else:
                values.append(f't."{column}"')
        names = ", ".join(f'"{column}"' for column in columns)
        cursor.execute(
            f"INSERT INTO {table} ({names}) SELECT {', '.join(values)} FROM {table} AS t "
            f"CROSS JOIN generate_series(1, %s) AS k WHERE t.id < %s",
            [copies, span[table]],
        )
        print(f"  {table}: +{cursor.rowcount}")
        cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))")


# --- run --------------------------------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait(url: str, seconds: float = 120) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5).read()
            return
        except Exception:
            time.sleep(0.5)
    raise SystemExit(f"{url} did not answer within {seconds:.0f} s")


def _get(url: str) -> float:
    url = urllib.parse.quote(url, safe=":/?=&,%+")  # the Chinese query words, percent-encoded
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as response:
        response.read()
        if response.status != 200:
            raise RuntimeError(f"{url}: {response.status}")
    return time.perf_counter() - started


def _load(url: str, requests: int, concurrency: int) -> dict:
    """`requests` GETs of url from `concurrency` threads: percentiles (ms) and requests per second."""
    times: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    remaining = [requests]

    def worker():
        while True:
            with lock:
                if remaining[0] <= 0:
                    return
                remaining[0] -= 1
            try:
                elapsed = _get(url)
            except Exception as error:  # counted, shown; a benchmark must not hide failures
                with lock:
                    errors.append(str(error)[:120])
                continue
            with lock:
                times.append(elapsed)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    if not times:
        return {"p50": None, "p95": None, "p99": None, "rps": 0, "errors": len(errors), "error": errors[:1]}
    ordered = sorted(times)

    def pct(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(round(p * (len(ordered) - 1))))] * 1000

    return {"p50": pct(0.5), "p95": pct(0.95), "p99": pct(0.99), "rps": len(times) / wall, "errors": len(errors)}


def _rss_mb(master_pid: int) -> list[float]:
    """Resident memory (MB) of the gunicorn master's children (the workers)."""
    sizes = []
    for child in Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split():
        status = Path(f"/proc/{child}/status").read_text()
        kb = int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")))
        sizes.append(kb / 1024)
    return sizes


def _urls() -> list[tuple[str, str | None]]:
    """(Minsheng URL, the comparable Datasette path or None), with ids and codes taken from the archive."""
    _setup()
    from articles.models import Article
    from policies.models import Program

    article = Article.objects.published().order_by("-id").values_list("id", flat=True)[1000]
    program = Program.objects.published().order_by("id").values_list("slug", flat=True).first()
    region_list = (
        "select a.id, a.headline, a.issue_date from articles a where exists (select 1 from region_mentions m where "
        "m.article_id = a.id and m.region_code like '15%') order by a.issue_date desc, a.id limit 20"
    )
    region_counts = (
        "select substr(region_code, 1, 2) || '0000' as code, count(distinct article_id) from region_mentions group by 1"
    )
    search = "select id, headline from articles where text like '%就业%' order by issue_date desc limit 20"
    facets = "select kind, count(*) from articles group by kind"

    def sql(query: str) -> str:
        return "/bench.json?_shape=array&sql=" + urllib.parse.quote(query)

    return [
        ("/", None),
        ("/articles/", "/bench/articles.json?_sort_desc=issue_date&_size=20&_shape=array"),
        ("/articles/?page=400", "/bench/articles.json?_sort_desc=issue_date&_size=20&_shape=array&_next=8000"),
        (f"/articles/{article}/", f"/bench/articles/{article}.json"),
        ("/regions/", sql(region_counts)),
        ("/regions/150000/", sql(region_list)),
        ("/search/?q=就业", sql(search)),
        ("/policies/", None),
        ("/qa/", None),
        (f"/policies/{program}/" if program else "/policies/", None),
        ("/stats/", None),
        ("/api/v1/articles", "/bench/articles.json?_sort_desc=issue_date&_size=20&_shape=array"),
        ("/api/v1/articles?region=150000", sql(region_list)),
        ("/api/v1/articles?facets=region,topic,year,kind", sql(facets)),
        ("/api/v1/search?q=就业", sql(search)),
        ("/api/v1/figures", None),
        ("/api/v1/qa?q=低保", None),
        (f"/api/v1/articles/{article}", f"/bench/articles/{article}.json"),
    ]


def _raw_sql_ms(path: str, repeat: int) -> float:
    """Median time (ms) of re-running the statements the view ran for `path` (cached aggregates warm)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings

    statements: list[tuple[str, object]] = []

    def record(execute, sql, params, many, context):
        statements.append((sql, params))
        return execute(sql, params, many, context)

    with override_settings(ALLOWED_HOSTS=["testserver"], DEBUG=False):
        client = Client()
        client.get(path)
        with connection.execute_wrapper(record):
            client.get(path)
    times = []
    with connection.cursor() as cursor:
        for _ in range(repeat):
            started = time.perf_counter()
            for sql, params in statements:
                cursor.execute(sql, params)
                if cursor.description:
                    cursor.fetchall()
            times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def export_sqlite(path: Path) -> None:
    """The rows Datasette serves: articles (public fields and issue date), region mentions, with the indexes the
    comparable queries need."""
    _setup()
    from django.db import connection

    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    lite = sqlite3.connect(path)
    lite.executescript(
        "CREATE TABLE articles (id INTEGER PRIMARY KEY, headline TEXT, kind TEXT, col TEXT, issue_date TEXT, text TEXT);"
        "CREATE TABLE region_mentions (id INTEGER PRIMARY KEY, article_id INTEGER, region_code TEXT);"
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, public_headline, kind, \"column\", issue_date::text, public_text FROM articles_article WHERE is_public")
        lite.executemany("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?)", cursor.fetchall())
        cursor.execute(
            "SELECT id, article_id, region_id FROM articles_regionmention WHERE region_id IS NOT NULL AND is_public "
            "AND status <> 'rejected'"
        )
        lite.executemany("INSERT INTO region_mentions VALUES (?, ?, ?)", cursor.fetchall())
    lite.executescript(
        "CREATE INDEX articles_issue ON articles (issue_date DESC, id);"
        "CREATE INDEX mentions_article ON region_mentions (article_id, region_code);"
        "CREATE INDEX mentions_code ON region_mentions (region_code, article_id);"
        "ANALYZE;"
    )
    lite.commit()
    lite.close()


def run(args) -> None:
    urls = _urls()
    from django.conf import settings

    port = _free_port()
    env = {**os.environ, "PORT": str(port), "SEED_PAGES": "", "PYTHON": sys.executable, "LOG_LEVEL": "ERROR"}
    serve = subprocess.Popen([str(ROOT / "bin" / "serve")], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    datasette = None
    try:
        base = f"http://127.0.0.1:{port}"
        _wait(base + "/api/v1/health")
        lite_base = None
        if args.datasette:
            sqlite_path = Path(args.sqlite)
            export_sqlite(sqlite_path)
            lite_port = _free_port()
            datasette = subprocess.Popen(
                [args.datasette, "serve", str(sqlite_path), "-p", str(lite_port), "--setting", "sql_time_limit_ms", "60000",
                 "--setting", "num_sql_threads", "4"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
            lite_base = f"http://127.0.0.1:{lite_port}"
            _wait(lite_base + "/-/versions.json")
        rows = []
        for path, lite_path in urls:
            if args.only and not any(part in path for part in args.only):
                continue
            _get(base + path)  # warm: the cached aggregates of this archive generation, the connection
            ours = {c: _load(base + path, args.requests, c) for c in args.concurrency}
            lite = None
            if lite_base and lite_path:
                lite = _load(lite_base + lite_path, 1, 1)  # warm (an error is counted, not raised)
                lite = _load(lite_base + lite_path, args.requests, 1) if not lite["errors"] else lite
            raw = _raw_sql_ms(path, max(3, args.requests // 8))
            rows.append((path, ours, lite, raw))
            print(_row(path, ours, lite, raw, args.concurrency), flush=True)
        rss = _rss_mb(serve.pid) if Path(f"/proc/{serve.pid}").exists() else []
        print()
        print("| URL | " + " | ".join(f"c={c} p50 / p95 / p99 ms (req/s)" for c in args.concurrency) + " | Datasette p50 ms | raw SQL ms |")
        print("| --- | " + " | ".join("---" for _ in args.concurrency) + " | --- | --- |")
        for row in rows:
            print(_row(*row, args.concurrency))
        print(f"\nworker RSS after the run: {', '.join(f'{mb:.0f} MB' for mb in rss)}; database {settings.DATABASES['default']['NAME']}")
    finally:
        serve.terminate()
        serve.wait(timeout=60)
        if datasette:
            datasette.terminate()
            datasette.wait(timeout=30)


def _fmt(result: dict | None) -> str:
    if result is None:
        return "—"
    if result["p50"] is None:
        return f"errors: {result['errors']} {result.get('error')}"
    text = f"{result['p50']:.0f} / {result['p95']:.0f} / {result['p99']:.0f} ({result['rps']:.1f})"
    return text + (f" ⚠ {result['errors']} errors" if result["errors"] else "")


def _row(path, ours, lite, raw, concurrency) -> str:
    lite_text = "—" if lite is None else (f"{lite['p50']:.0f}" if lite["p50"] is not None else f"errors {lite['errors']}")
    return f"| `{path}` | " + " | ".join(_fmt(ours[c]) for c in concurrency) + f" | {lite_text} | {raw:.1f} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    build_parser = commands.add_parser("build", help="ingest generated pages, then copy them in SQL up to --articles")
    build_parser.add_argument("--articles", type=int, required=True)
    build_parser.add_argument("--pages", type=int, default=120)
    build_parser.add_argument("--corpus", default="/tmp/minsheng-scale-corpus")
    run_parser = commands.add_parser("run", help="serve with bin/serve and measure the URL mix")
    run_parser.add_argument("--requests", type=int, default=40, help="requests per URL and concurrency")
    run_parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 16])
    run_parser.add_argument("--datasette", help="a datasette executable (its own venv), to measure beside it")
    run_parser.add_argument("--only", nargs="+", help="measure only the URLs containing one of these strings")
    run_parser.add_argument("--sqlite", default="/tmp/minsheng-scale/bench.db", help="Datasette names the database after the file")
    args = parser.parse_args()
    build(args) if args.command == "build" else run(args)


if __name__ == "__main__":
    main()
