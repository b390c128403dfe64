"""Celery tasks of the articles app: ingest one page file through the one write path, `source_ingest`."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from django.conf import settings

from articles.page_files import UnreadablePage, read_page_file
from articles.services import PageRejected, source_ingest
from config.celery import app


@app.task(name="articles.ingest_page")
def ingest_page(path: str, published_on: str | None = None, paper: str | None = None, page_label: str | None = None) -> dict:
    """Ingest the page file at `path` (as the worker's machine sees it); `published_on` is YYYY-MM-DD or None;
    `paper` and `page_label` as `manage.py ingest --paper/--page`.

    Returns a small summary. A file that cannot be read or is rejected (empty, oversized, binary) is a reported
    failure, `{"status": "rejected", "reason": ...}`, not a task error: retrying would not change the answer.
    """
    name = Path(path).name
    try:
        issue_date = date.fromisoformat(published_on) if published_on else None
    except ValueError:
        return {"path": path, "status": "rejected", "reason": f"published_on {published_on!r} is not a date YYYY-MM-DD"}
    try:
        raw = read_page_file(Path(path), limit=settings.MAX_PAGE_BYTES)  # refused from its size, never read whole
        outcome = source_ingest(raw=raw, name=name, published_on=issue_date, paper=paper, page_label=page_label)
    except (PageRejected, UnreadablePage) as rejected:
        return {"path": path, "status": "rejected", "reason": rejected.reason}
    except OSError as error:
        return {"path": path, "status": "rejected", "reason": f"cannot be read ({error.strerror or error})"}
    return {
        "path": path,
        "status": "ingested" if outcome.created else "already present",
        "source": outcome.source.pk,
        "articles": outcome.articles,
    }
