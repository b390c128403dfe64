"""API schemas of the articles app: articles with their records, dates, regions, sources, search and ingest."""
from datetime import date, datetime

from ninja import Field, Schema

from articles.masking import public_text
from config.api_conventions import ArticleRef, PageOut, RecordOut, Selectable
from policies.schemas import ProgramMentionOut, ProgramOut, QAOut, RegionRef
from stats.schemas import FigureOut


class SourceRef(Schema):
    """The page file an article was cut from."""

    id: int = Field(..., description="source (page file) id", examples=[1])
    name: str = Field(..., description="page file name", examples=["000_f0101c1e4c2d4782.txt"])
    published_on: date | None = Field(None, description="issue date (inferred or set by an editor)", examples=["2025-11-24"])


class ArticleOut(Selectable):
    """A story cut from a page."""

    id: int = Field(..., description="article id", examples=[1])
    headline: str = Field(..., description="headline", examples=["京医至，看病更近了！"])
    subheadline: str = Field(..., description="kicker or subheadline", examples=[""])
    column: str = Field(..., description="section label such as 民声 暖闻 知道", examples=["民声"])
    byline: list[str] = Field(..., description="author names", examples=[["王坤"]])
    kind: str = Field(..., description="news, qa, commentary, photo, notice or brief", examples=["news"])
    topics: list[str] = Field(..., description="topic slugs", examples=[["medical"]])
    source: SourceRef = Field(..., description="page file it comes from")
    url: str = Field(..., description="public page of the article", examples=["/articles/1/"])

    @staticmethod
    def resolve_topics(obj) -> list[str]:
        return [topic.slug for topic in obj.topics.all()]

    @staticmethod
    def resolve_url(obj) -> str:
        return obj.get_absolute_url()


class DateOut(RecordOut):
    """A date or period named in an article, normalised to a range."""

    start_date: date | None = Field(None, description="first day (null: open)", examples=["2026-01-01"])
    end_date: date | None = Field(None, description="last day, inclusive (null: open)", examples=["2026-12-31"])
    article: ArticleRef = Field(..., description="article naming it")


class RegionMentionOut(RecordOut):
    """A place named in an article, matched to the gazetteer when it can be."""

    code: str | None = Field(None, description="division code, null for places below counties", examples=["150100"])
    name: str = Field(..., description="canonical name", examples=["呼和浩特市"])
    level: str = Field(..., description="province, prefecture, county, township or village", examples=["prefecture"])

    @staticmethod
    def resolve_code(obj) -> str | None:
        return obj.region_id


class ArticleRecordsOut(Schema):
    """What was extracted from the article (published records only; personal data never)."""

    figures: list[FigureOut] = Field(..., description="figures", examples=[[]])
    dates: list[DateOut] = Field(..., description="dates", examples=[[]])
    regions: list[RegionMentionOut] = Field(..., description="places", examples=[[]])
    programs: list[ProgramMentionOut] = Field(..., description="programmes named (each once)", examples=[[]])
    qa_pairs: list[QAOut] = Field(..., description="questions and answers", examples=[[]])


class ArticleDetailOut(ArticleOut):
    """An article with its text (personal data masked) and its records."""

    text: str = Field(..., description="repaired text, personal data masked; record spans index into it", examples=["……"])
    duplicate_of: int | None = Field(None, description="id of the earlier text of the same story", examples=[None])
    records: ArticleRecordsOut = Field(..., description="records extracted from the text")

    @staticmethod
    def resolve_text(obj) -> str:
        return public_text(obj)


class ArticleListOut(PageOut):
    """A page of articles."""

    results: list[ArticleOut] = Field(..., description="the articles of this page", examples=[[]])


class DateListOut(PageOut):
    """A page of date mentions."""

    results: list[DateOut] = Field(..., description="the date mentions of this page", examples=[[]])


class RegionOut(Selectable):
    """A division named in the articles (or above one that is), with counts."""

    code: str = Field(..., description="six-digit GB/T 2260 code", examples=["150000"])
    name: str = Field(..., description="name", examples=["内蒙古自治区"])
    level: str = Field(..., description="province, prefecture or county", examples=["province"])
    parent: str | None = Field(None, description="code of the division above", examples=[None])
    article_count: int = Field(..., description="public articles naming it or a division below it", examples=[40])
    figure_count: int = Field(..., description="figures in those articles", examples=[300])


class RegionListOut(PageOut):
    """A page of divisions."""

    results: list[RegionOut] = Field(..., description="the divisions of this page", examples=[[]])


class RegionDetailOut(RegionOut):
    """A division with the divisions above and below it and links to what concerns it."""

    ancestors: list[RegionRef] = Field(..., description="divisions above it, from the province down", examples=[[]])
    children: list[RegionOut] = Field(..., description="divisions below it that are named", examples=[[]])
    links: dict[str, str] = Field(..., description="API lists filtered to this division", examples=[{"articles": "/api/v1/articles?region=150000"}])


class SourceOut(Selectable):
    """An ingested page file (its verbatim text is not served: it may hold personal data)."""

    id: int = Field(..., description="source id", examples=[1])
    name: str = Field(..., description="file name", examples=["000_f0101c1e4c2d4782.txt"])
    sha256: str = Field(..., description="SHA-256 of the raw bytes", examples=["f0101c1e" + "0" * 56])
    encoding: str = Field(..., description="detected encoding", examples=["utf-8"])
    published_on: date | None = Field(None, description="issue date", examples=["2025-11-24"])
    published_earliest: date | None = Field(None, description="earliest possible issue date", examples=["2025-11-20"])
    published_latest: date | None = Field(None, description="latest possible issue date", examples=["2025-11-28"])
    published_basis: str = Field(..., description="how the date was found", examples=["正文日期"])
    ingested_at: datetime = Field(..., description="when it was ingested", examples=["2025-11-25T08:00:00+08:00"])
    article_count: int = Field(..., description="public articles cut from it", examples=[6])


class SourceListOut(PageOut):
    """A page of sources."""

    results: list[SourceOut] = Field(..., description="the sources of this page", examples=[[]])


class IngestOut(Schema):
    """What an upload did."""

    created: bool = Field(..., description="false when the same bytes were already ingested (nothing changed)", examples=[True])
    articles: int = Field(..., description="articles cut from the page", examples=[6])
    source: SourceOut = Field(..., description="the stored source")


class SearchArticleOut(ArticleOut):
    """An article matching a search."""

    snippet: str = Field(..., description="HTML: the text around the first match, query words in <mark>", examples=["…<mark>医保</mark>缴费…"])


class SearchArticleListOut(PageOut):
    """A page of matching articles, best first."""

    results: list[SearchArticleOut] = Field(..., description="the articles of this page", examples=[[]])


class SearchOut(Schema):
    """Articles (ranked, paged), programmes and Q&A pairs matching a query."""

    query: str = Field(..., description="the query", examples=["医保"])
    articles: SearchArticleListOut = Field(..., description="matching articles, best first, each with a snippet")
    programs: list[ProgramOut] = Field(..., description="best matching programmes (up to 10)", examples=[[]])
    qa_pairs: list[QAOut] = Field(..., description="best matching Q&A pairs (up to 10)", examples=[[]])
