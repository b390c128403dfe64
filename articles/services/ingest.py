"""The one write path for pages: ingest a page file (Source, Articles and their records) in one transaction."""
from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import transaction

from articles import pipeline
from articles.models import Article, Region, Source
from articles.parsing.types import UndecodableFile

GAZETTEER_CSV = Path(__file__).resolve().parent / "data" / "gazetteer.csv"


class PageRejected(ValueError):
    """A page file that cannot be ingested; `reason` says why in one sentence."""

    def __init__(self, name: str, reason: str):
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


@dataclass
class IngestOutcome:
    source: Source
    created: bool
    articles: int


def source_ingest(*, raw: bytes, name: str, published_on: date | None = None) -> IngestOutcome:
    """Ingest one page file. A file already ingested (same bytes) is returned as is; nothing is duplicated.

    Raises PageRejected for an empty, oversized, binary or undecodable file; nothing is written then.
    """
    if len(raw) > settings.MAX_PAGE_BYTES:
        raise PageRejected(name, f"the file is {len(raw)} bytes, more than the {settings.MAX_PAGE_BYTES} allowed for a page")
    sha256 = hashlib.sha256(raw).hexdigest()
    existing = Source.objects.filter(sha256=sha256).first()
    if existing is not None:
        return IngestOutcome(source=existing, created=False, articles=existing.articles.count())
    try:
        result = pipeline.parse_page(raw, name, published_on=published_on)
    except UndecodableFile as error:
        raise PageRejected(name, str(error)) from error
    with transaction.atomic():
        source = _source_create(raw=raw, sha256=sha256, result=result, published_on=published_on)
        articles = _articles_create(source=source, result=result)
    return IngestOutcome(source=source, created=True, articles=len(articles))


def _source_create(*, raw: bytes, sha256: str, result: pipeline.PageResult, published_on: date | None) -> Source:
    dating = result.page.published_on
    return Source.objects.create(
        name=result.page.name,
        sha256=sha256,
        raw=raw,
        text=result.page.text,
        encoding=result.page.encoding,
        published_on=dating.date,
        published_earliest=dating.earliest,
        published_latest=dating.latest,
        published_basis=dating.basis[:255],
    )


def _articles_create(*, source: Source, result: pipeline.PageResult) -> list[Article]:
    articles: list[Article] = []
    for position, draft in enumerate(result.page.articles):
        articles.append(
            Article.objects.create(
                source=source,
                position=position,
                headline=(draft.headline or "")[:255],
                subheadline=(draft.subheadline or "")[:255],
                column=(draft.column or "")[:32],
                byline=[name[:32] for name in draft.byline],
                kind=draft.kind,
                text=draft.text,
                source_start=draft.source_start,
                source_end=draft.source_end,
                duplicate_of=articles[draft.duplicate_of] if draft.duplicate_of is not None else None,
            )
        )
    return articles


def regions_sync(*, csv_path: Path = GAZETTEER_CSV) -> int:
    """Load the gazetteer CSV into Region (insert or update by code); returns the number of divisions."""
    with csv_path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    known = set(Region.objects.values_list("code", flat=True))
    by_level = {"province": 0, "prefecture": 1, "county": 2}
    rows.sort(key=lambda row: by_level.get(row["level"], 3))  # parents before children
    with transaction.atomic():
        for row in rows:
            values = {
                "name": row["name"],
                "level": row["level"],
                "parent_id": row["parent_code"] or None,
                "short_names": [name for name in row.get("short_names", "").split("|") if name],
            }
            if row["code"] in known:
                Region.objects.filter(code=row["code"]).update(**values)
            else:
                Region.objects.create(code=row["code"], **values)
    return len(rows)
