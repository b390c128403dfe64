"""Jobs of the batch commands (`ingest`, `reparse`), one page each, run in this process or in a worker process:
each takes plain values and returns a plain summary (picklable both ways)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.conf import settings

from articles.models import Source
from articles.page_files import UnreadablePage, read_page_file
from articles.services.ingest import PageRejected, source_ingest, source_reparse


@dataclass(frozen=True)
class FileIngested:
    path: str
    status: str  # "ingested", "already present" or "rejected"
    articles: int = 0
    reason: str = ""


# One page to ingest: its path, then the issue date, paper and page label to impose (None: read from the file).
PageJob = tuple[str, date | None, str | None, str | None]


def page_file_ingest(item: PageJob) -> FileIngested:
    """Ingest the page file at `path` with what the job imposes."""
    path, published_on, paper, page_label = item
    try:
        raw = read_page_file(Path(path), limit=settings.MAX_PAGE_BYTES)
        outcome = source_ingest(
            raw=raw, name=Path(path).name, published_on=published_on, paper=paper, page_label=page_label
        )
    except (PageRejected, UnreadablePage) as rejected:
        return FileIngested(path, "rejected", reason=rejected.reason)
    if outcome.created:
        return FileIngested(path, "ingested", articles=outcome.articles)
    return FileIngested(path, "already present")


@dataclass(frozen=True)
class PageReparsed:
    name: str
    created: int
    updated: int
    unchanged: int
    removed: int
    kept: int
    flagged: int
    suppressed: int


def page_reparse(source_id: int) -> PageReparsed:
    """Re-parse one stored page."""
    source = Source.objects.get(pk=source_id)
    outcome = source_reparse(source=source)
    return PageReparsed(
        source.name, outcome.created, outcome.updated, outcome.unchanged, outcome.replaced, outcome.kept,
        outcome.flagged, outcome.suppressed,
    )
