"""Whole-page entry points: bytes or text of one page in, ParsedPage out."""
from __future__ import annotations

import datetime
import hashlib

from .dating import estimate_publication_date
from .decode import check_language, decode_bytes, normalise_newlines
from .filename import read_file_name
from .repair import repair_blocks
from .samestory import find_duplicates
from .script import detect_script
from .segment import segment_blocks, to_article
from .types import ArticleDraft, ParsedPage, PublicationDate
from .web import html_page_text, looks_like_html, read_dateline, read_masthead


def parse_page_text(
    text: str, name: str, encoding: str = "utf-8", published_on: datetime.date | None = None,
    *, sha256: str | None = None,
) -> ParsedPage:
    """Parse the decoded text of one page into articles and a publication-date estimate.

    The issue date is the one given, else the file name's (`YYYY-MM-DD_paper_page.txt`), else a web dateline's
    (`发布时间:2015-08-28 … 来源:农民日报`), else an estimate from the dates the stories mention.
    """
    text = normalise_newlines(text)
    view = detect_script(text)
    blocks = repair_blocks(view.shadow)
    articles = [to_article(draft, text, view.script) for draft in segment_blocks(blocks)]
    for article, duplicate in zip(articles, find_duplicates([a.text for a in articles]), strict=True):
        article.duplicate_of = duplicate
    from_name = read_file_name(name)
    dateline = read_dateline(view.shadow)
    if dateline is not None and dateline.authors:
        _add_authors(articles, dateline.start, dateline.authors)
    if published_on is not None:
        date = PublicationDate(published_on, published_on, published_on, "given")
    elif from_name is not None:
        date = PublicationDate(from_name.date, from_name.date, from_name.date, "file name")
    elif dateline is not None and dateline.date is not None:
        date = PublicationDate(dateline.date, dateline.date, dateline.date, "web dateline")
    else:
        date = estimate_publication_date(view.shadow)
    paper = from_name.paper if from_name else (dateline.paper if dateline and dateline.paper else read_masthead(view.shadow))
    digest = sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
    return ParsedPage(
        name=name, sha256=digest, encoding=encoding, text=text, published_on=date, articles=articles,
        paper=paper, page_label=from_name.page_label if from_name else None,
    )


def _add_authors(articles: list[ArticleDraft], offset: int, names: list[str]) -> None:
    """The dateline's authors become the byline of the article it heads (when the article has none of its own)."""
    for article in articles:
        if article.source_start <= offset < max(article.source_end, article.source_start + 1):
            if not article.byline:
                article.byline = list(names)
            return


def parse_page_bytes(raw: bytes, name: str, published_on: datetime.date | None = None) -> ParsedPage:
    """Decode and parse one page file (plain text, or a saved web article as HTML).

    Raises UndecodableFile (NoArticleBody for HTML without an article) for files that are not text pages."""
    sha256 = hashlib.sha256(raw).hexdigest()
    if looks_like_html(raw, name):
        decoded = decode_bytes(raw, check=False)
        web = html_page_text(decoded.text)
        check_language(web.text)
        return parse_page_text(web.text, name, decoded.encoding, published_on, sha256=sha256)
    decoded = decode_bytes(raw)
    return parse_page_text(decoded.text, name, decoded.encoding, published_on, sha256=sha256)
