"""API schemas of the articles app."""
from datetime import date

from ninja import Field, Schema


class SourceRef(Schema):
    id: int = Field(..., description="Source (page file) id", examples=[1])
    name: str = Field(..., description="page file name", examples=["000_f0101c1e4c2d4782.txt"])
    published_on: date | None = Field(None, description="issue date (inferred or set by an editor)", examples=["2025-11-24"])


class ArticleOut(Schema):
    id: int = Field(..., examples=[1])
    headline: str = Field(..., description="headline", examples=["京医至，看病更近了！"])
    subheadline: str = Field("", description="kicker or subheadline")
    column: str = Field("", description="section label such as 民声 暖闻 知道", examples=["民声"])
    byline: list[str] = Field(default_factory=list, description="author names", examples=[["王坤"]])
    kind: str = Field(..., description="news | qa | commentary | photo | notice | brief", examples=["news"])
    source: SourceRef
    url: str = Field(..., description="public page of the article", examples=["/articles/1/"])


class ArticleDetailOut(ArticleOut):
    text: str = Field(..., description="repaired article text (personal data masked)")


class ArticleListOut(Schema):
    count: int = Field(..., description="total number of matching articles", examples=[42])
    limit: int = Field(..., examples=[20])
    offset: int = Field(..., examples=[0])
    next: str | None = Field(None, description="URL of the next page, or null on the last page")
    results: list[ArticleOut]
