"""The one write path of the articles app: ingest and re-parse pages, reference data, editors' record reviews."""
from articles.services.ingest import (
    RECORD_KINDS,
    IngestOutcome,
    PageRejected,
    source_ingest,
    source_reparse,
    upload_read,
)
from articles.services.reference import programme_vocabulary_sync, regions_sync, topics_sync
from articles.services.upload import UploadOutcome, upload_one, uploads_ingest

__all__ = [
    "UploadOutcome",
    "RECORD_KINDS",
    "IngestOutcome",
    "PageRejected",
    "programme_vocabulary_sync",
    "regions_sync",
    "source_ingest",
    "source_reparse",
    "topics_sync",
    "upload_one",
    "upload_read",
    "uploads_ingest",
]
