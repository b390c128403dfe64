"""`ingest --queue`: one Celery task per page file on the broker (CELERY_BROKER_URL), results polled until every
page is done, so that the command reports progress and a summary as if it had ingested them itself."""
from __future__ import annotations

import time
from collections.abc import Callable
from itertools import islice
from pathlib import Path
from typing import TextIO

from django.core.management.base import CommandError
from kombu.exceptions import OperationalError as BrokerError

from articles.services.batch import FileIngested, PageJob

POLL_SECONDS = 0.5
WINDOW = 200  # results asked about per poll: workers finish roughly in queue order
QUIET_SECONDS = 30  # no result for this long: say that a worker may not be running


def queued_ingest(
    jobs: list[PageJob],
    *,
    queue_name: str,
    on_result: Callable[[tuple, FileIngested], None],
    on_failure: Callable[[tuple, str], None],
    out: TextIO,
) -> None:
    """Enqueue `articles.ingest_page` for each (path, date, paper, page label) and report each result as it arrives. Paths are sent
    absolute: a worker on another machine must see the files at the same place."""
    from articles.tasks import ingest_page
    from config.celery import app

    pending = {}
    try:
        with app.connection_for_write() as connection:
            connection.ensure_connection(max_retries=1, timeout=5)  # fail now rather than retry while enqueueing
        for job in jobs:
            path, published_on, paper, page_label = job
            args = [str(Path(path).resolve()), published_on.isoformat() if published_on else None, paper, page_label]
            pending[ingest_page.apply_async(args=args, queue=queue_name)] = job
    except BrokerError as error:
        raise CommandError(f"the Celery broker at {app.conf.broker_url} cannot be reached ({error})") from None
    last_news, warned = time.monotonic(), False
    while pending:
        for result in [result for result in islice(pending, WINDOW) if result.ready()]:  # oldest first
            job = pending.pop(result)
            last_news = time.monotonic()
            if result.failed():
                on_failure(job, f"failed in the worker ({type(result.result).__name__}: {result.result})")
            else:
                summary = result.get()
                on_result(job, FileIngested(
                    job[0], summary["status"], articles=summary.get("articles", 0) if summary["status"] == "ingested" else 0,
                    reason=summary.get("reason", ""),
                ))
            result.forget()
        if pending:
            if not warned and time.monotonic() - last_news > QUIET_SECONDS:
                out.write(f"no result for {QUIET_SECONDS} s: is a worker running? (celery -A config worker -Q {queue_name})")
                warned = True
            time.sleep(POLL_SECONDS)
