"""Dataclasses passed between the page-parsing steps and returned to callers."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class DecodedText:
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030", "big5"


@dataclass
class PublicationDate:
    date: date | None
    earliest: date | None
    latest: date | None
    basis: str


@dataclass
class ArticleDraft:
    headline: str | None
    subheadline: str | None
    column: str | None
    byline: list[str]
    kind: str  # news | qa | commentary | photo | notice | brief
    text: str  # repaired body, paragraphs separated by "\n"
    source_start: int  # span of the article in the decoded verbatim page text
    source_end: int
    duplicate_of: int | None = None
    script: str = "simplified"  # or "traditional"
    credit: str | None = None  # closing source credit such as "据《内蒙古日报》"
    text_offsets: list[int | None] = field(default_factory=list, repr=False)
    # text_offsets[i] is the verbatim page offset of text[i] (None for inserted separators).


@dataclass
class ParsedPage:
    name: str
    sha256: str
    encoding: str
    text: str  # decoded verbatim page text (newlines normalised to "\n")
    published_on: PublicationDate
    articles: list[ArticleDraft]
    paper: str | None = None  # the newspaper or site, from the file name, a web dateline (来源:…) or a masthead
    page_label: str | None = None  # edition/page as the file name gives it (05版, A3)
