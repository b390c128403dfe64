"""Whole-page entry points: bytes or text of one page in, ParsedPage out."""
from __future__ import annotations

import datetime
import hashlib

from .dating import estimate_publication_date
from .decode import decode_bytes, normalise_newlines
from .repair import repair_blocks
from .samestory import find_duplicates
from .script import detect_script
from .segment import segment_blocks, to_article
from .types import ParsedPage, PublicationDate


def parse_page_text(
    text: str, name: str, encoding: str = "utf-8", published_on: datetime.date | None = None,
    *, sha256: str | None = None,
) -> ParsedPage:
    """Parse the decoded text of one page into articles and a publication-date estimate."""
    text = normalise_newlines(text)
    view = detect_script(text)
    blocks = repair_blocks(view.shadow)
    articles = [to_article(draft, text, view.script) for draft in segment_blocks(blocks)]
    for article, duplicate in zip(articles, find_duplicates([a.text for a in articles]), strict=True):
        article.duplicate_of = duplicate
    if published_on is not None:
        date = PublicationDate(published_on, published_on, published_on, "given")
    else:
        date = estimate_publication_date(view.shadow)
    digest = sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
    return ParsedPage(name=name, sha256=digest, encoding=encoding, text=text, published_on=date, articles=articles)


def parse_page_bytes(raw: bytes, name: str, published_on: datetime.date | None = None) -> ParsedPage:
    """Decode and parse one page file; raises UndecodableFile for files that are not text pages."""
    decoded = decode_bytes(raw)
    return parse_page_text(decoded.text, name, decoded.encoding, published_on,
                           sha256=hashlib.sha256(raw).hexdigest())
