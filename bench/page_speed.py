"""Benchmark (run by hand): server time of the public pages on the seed corpus, through Django's test client.

    .venv/bin/python bench/page_speed.py [--repeat 20]

Uses the database that `make run` uses, and first brings it to the state `make run` leaves it in (migrations, reference
data, the seed pages; all idempotent). Prints the median and worst time per URL
and the number of SQL queries. Results go in docs/performance.md.
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
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    for command, *arguments in (("migrate",), ("load_reference_data",), ("ingest", str(ROOT / "fixtures" / "pages"))):
        call_command(command, *arguments, verbosity=0, stdout=open(os.devnull, "w"))
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from articles.models import Article, Region
    from policies.models import Program

    article = Article.objects.published().order_by("pk").first()
    program = Program.objects.published().order_by("pk").first()
    region = Region.objects.get(code="150000")
    urls = [
        "/", "/articles/", f"/articles/{article.pk}/", "/policies/", f"/policies/{program.slug}/", "/qa/",
        "/stats/", "/regions/", f"/regions/{region.code}/", "/search/?q=医保", "/search/?q=就业补贴",
        "/api/v1/articles", f"/api/v1/articles/{article.pk}", "/api/v1/figures",
    ]
    client = Client()
    storage = {"staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    with override_settings(STORAGES={**django.conf.settings.STORAGES, **storage}, ALLOWED_HOSTS=["*"]):
        print(f"{'url':40s} {'median ms':>10s} {'max ms':>8s} {'queries':>8s} status")
        for url in urls:
            client.get(url)  # warm caches
            times = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - started) * 1000)
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            print(f"{url:40s} {statistics.median(times):10.1f} {max(times):8.1f} {len(queries):8d} {response.status_code}")


if __name__ == "__main__":
    main()
