"""Several uploaded page files, each ingested on its own through `source_ingest`: one outcome per file, and a file
that fails (refused, or an unexpected error) never stops or undoes the others."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from articles.services.ingest import PageRejected, source_ingest, upload_read

log = logging.getLogger(__name__)

INGESTED, PRESENT, REJECTED = "ingested", "present", "rejected"


@dataclass(frozen=True)
class UploadOutcome:
    """What happened to one uploaded file: `status` is ingested / present / rejected; `message` is for editors."""

    name: str
    status: str
    message: str
    source_id: int | None = None
    articles: int = 0


def upload_one(
    *, upload, published_on: date | None = None, paper: str | None = None, page_label: str | None = None,
) -> UploadOutcome:
    """Read and ingest one uploaded file; its outcome, never an exception."""
    name = upload.name
    try:
        raw = upload_read(upload=upload, name=name)
        outcome = source_ingest(raw=raw, name=name, published_on=published_on, paper=paper, page_label=page_label)
    except PageRejected as rejected:
        return UploadOutcome(name, REJECTED, f"无法导入：{rejected.reason_zh}。")
    except Exception:  # one file's unexpected failure is reported and logged; the other files still go in
        log.exception("upload of %s failed", name)
        return UploadOutcome(name, REJECTED, "无法导入：处理这个文件时服务器出错（已记入日志），其他文件不受影响。")
    if outcome.created:
        return UploadOutcome(name, INGESTED, f"已导入（{outcome.articles} 篇文章）。", outcome.source.pk, outcome.articles)
    return UploadOutcome(name, PRESENT, f"该文件此前已导入（{outcome.source.name}），未重复导入。", outcome.source.pk, outcome.articles)


def uploads_ingest(
    *, uploads, published_on: date | None = None, paper: str | None = None, page_label: str | None = None,
) -> list[UploadOutcome]:
    """Each file ingested separately, in the order given; one outcome per file."""
    return [upload_one(upload=upload, published_on=published_on, paper=paper, page_label=page_label) for upload in uploads]
