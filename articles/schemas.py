"""API schemas of the articles app: articles with their records, dates, regions, sources, search and ingest."""
from datetime import date, datetime

from ninja import Field, Schema

from articles.citation import basis_label, date_is_inferred
from config.api_conventions import (
    ArticleRef,
    FacetedPageOut,
    PageOut,
    ProvenanceOut,
    RecordOut,
    Selectable,
    example,
    provenance,
)
from policies.schemas import ProgramMentionOut, ProgramOut, QAOut, RegionRef
from stats.schemas import FigureOut


class SourceRef(Schema):
    """The page file an article was cut from."""

    id: int = Field(..., description="source (page file) id", examples=[1])
    name: str = Field(..., description="page file name", examples=["000_f0101c1e4c2d4782.txt"])
    published_on: date | None = Field(None, description="issue date (inferred or set by an editor)", examples=["2025-12-08"])
    published_inferred: bool = Field(..., description="whether the issue date was estimated from the text (推断)", examples=[True])
    published_basis: str = Field(
        ..., description="how the issue date was found, in words for readers", examples=["按文中报道的最晚事件日期 2025-12-07 推断，应在 2025-12-07 至 2025-12-28 之间"]
    )

    @staticmethod
    def resolve_published_inferred(obj) -> bool:
        return obj.published_on is not None and date_is_inferred(obj.published_basis)

    @staticmethod
    def resolve_published_basis(obj) -> str:
        return basis_label(obj.published_basis, obj.published_earliest, obj.published_latest)


class ArticleOut(Selectable):
    """A story cut from a page."""

    id: int = Field(..., description="article id", examples=[5])
    headline: str = Field(..., description="headline", examples=["事关居民医保！这些政策请知晓"])
    subheadline: str = Field(..., description="kicker or subheadline (may be empty)", examples=["2026年度居民医保集中征缴期至12月31日"])
    column: str = Field(..., description="section label such as 民声 暖闻 知道", examples=["知道"])
    byline: list[str] = Field(..., description="author names", examples=[["梅刚"]])
    kind: str = Field(..., description="news, qa, commentary, photo, notice or brief", examples=["qa"])
    topics: list[str] = Field(..., description="topic slugs", examples=[["health", "insurance"]])
    source: SourceRef = Field(..., description="page file it comes from", examples=[example(SourceRef)])
    url: str = Field(..., description="public page of the article (absolute)", examples=["https://minsheng.example.cn/articles/5/"])

    @staticmethod
    def resolve_headline(obj) -> str:
        return obj.public_headline  # personal data masked, like every public field

    @staticmethod
    def resolve_subheadline(obj) -> str:
        return obj.public_subheadline

    @staticmethod
    def resolve_byline(obj) -> list[str]:
        return obj.public_byline

    @staticmethod
    def resolve_topics(obj) -> list[str]:
        return [topic.slug for topic in obj.topics.all()]

    @staticmethod
    def resolve_url(obj) -> str:
        return obj.get_absolute_url()


class DateOut(RecordOut):
    """A date or period named in an article, normalised to a range."""

    provenance: ProvenanceOut = provenance("2026年", 0)
    start_date: date | None = Field(None, description="first day (null: open)", examples=["2026-01-01"])
    end_date: date | None = Field(None, description="last day, inclusive (null: open)", examples=["2026-12-31"])
    article: ArticleRef = Field(..., description="article naming it", examples=[example(ArticleRef)])


class RegionMentionOut(RecordOut):
    """A place named in an article, matched to the gazetteer when it can be."""

    provenance: ProvenanceOut = provenance("自治区", 48)
    code: str | None = Field(None, description="division code, null for places below counties", examples=["150000"])
    name: str = Field(..., description="canonical name", examples=["内蒙古自治区"])
    level: str = Field(..., description="province, prefecture, county, township or village", examples=["province"])

    @staticmethod
    def resolve_code(obj) -> str | None:
        return obj.region_id


class ArticleRecordsOut(Schema):
    """What was extracted from the article (published records only; personal data never)."""

    figures: list[FigureOut] = Field(..., description="figures", examples=[[example(FigureOut)]])
    dates: list[DateOut] = Field(..., description="dates", examples=[[example(DateOut)]])
    regions: list[RegionMentionOut] = Field(..., description="places", examples=[[example(RegionMentionOut)]])
    programs: list[ProgramMentionOut] = Field(..., description="programmes named (each once)", examples=[[example(ProgramMentionOut)]])
    qa_pairs: list[QAOut] = Field(..., description="questions and answers", examples=[[example(QAOut)]])


class ArticleDetailOut(ArticleOut):
    """An article with its text (personal data masked) and its records."""

    text: str = Field(
        ...,
        description="repaired text, personal data masked; record spans index into it",
        examples=["2026年城乡居民医保（下称居民医保）参保缴费开始后，针对一些参保群众提出的疑问，近日，记者采访自治区医疗保障局待遇保障处工作人员进行解答。"],
    )
    duplicate_of: int | None = Field(None, description="id of the earlier text of the same story (a published article), else null", examples=[5])
    records: ArticleRecordsOut = Field(..., description="records extracted from the text", examples=[example(ArticleRecordsOut)])
    citation: str = Field(
        ...,
        description="the article's reference line (GB/T 7714-2015, [N/OL]; an inferred issue date in square brackets), as its page shows it",
        examples=["梅刚. 事关居民医保！这些政策请知晓[N/OL]. [报纸名不详], [2025-12-08][2026-01-05]. https://minsheng.example.cn/articles/5/."],
    )

    @staticmethod
    def resolve_text(obj) -> str:
        return obj.public_text

    @staticmethod
    def resolve_duplicate_of(obj) -> int | None:
        original = obj.duplicate_of  # selected with the article: no query
        return original.pk if original is not None and original.is_public else None


class ArticleListOut(FacetedPageOut):
    """A page of articles."""

    results: list[ArticleOut] = Field(..., description="the articles of this page", examples=[[example(ArticleOut)]])


class DateListOut(FacetedPageOut):
    """A page of date mentions."""

    results: list[DateOut] = Field(..., description="the date mentions of this page", examples=[[example(DateOut)]])


class RegionOut(Selectable):
    """A division named in the articles (or above one that is), with counts."""

    code: str = Field(..., description="six-digit GB/T 2260 code", examples=["150100"])
    name: str = Field(..., description="name", examples=["呼和浩特市"])
    level: str = Field(..., description="province, prefecture or county", examples=["prefecture"])
    parent: str | None = Field(None, description="code of the division above (null for a province)", examples=["150000"])
    article_count: int = Field(..., description="public articles naming it or a division below it", examples=[13])
    figure_count: int = Field(..., description="figures in those articles", examples=[211])


class RegionListOut(PageOut):
    """A page of divisions."""

    results: list[RegionOut] = Field(..., description="the divisions of this page", examples=[[example(RegionOut)]])


class RegionDetailOut(RegionOut):
    """A division with the divisions above and below it and links to what concerns it."""

    ancestors: list[RegionRef] = Field(
        ..., description="divisions above it, from the province down", examples=[[{"code": "150000", "name": "内蒙古自治区"}]]
    )
    children: list[RegionOut] = Field(
        ...,
        description="divisions below it that are named",
        examples=[[example(RegionOut, code="150122", name="托克托县", level="county", parent="150100", article_count=3, figure_count=44)]],
    )
    links: dict[str, str] = Field(
        ...,
        description="API lists filtered to this division",
        examples=[{name: f"/api/v1/{name}?region=150100" for name in ("articles", "figures", "programs", "qa", "dates")}],
    )


class SourceOut(Selectable):
    """An ingested page file (its verbatim text is not served: it may hold personal data)."""

    id: int = Field(..., description="source id", examples=[1])
    name: str = Field(..., description="file name", examples=["000_f0101c1e4c2d4782.txt"])
    sha256: str = Field(..., description="SHA-256 of the raw bytes", examples=["29d1e2338e532833e49c3b4b8f64d974dcf8d433a20129b2600c5ca842d82c0d"])
    encoding: str = Field(..., description="detected encoding", examples=["utf-8"])
    paper: str = Field("", description="newspaper or site the page comes from (empty when unknown)", examples=["内蒙古日报"])
    page_label: str = Field("", description="edition/page label (empty when unknown)", examples=["05版"])
    published_on: date | None = Field(None, description="issue date", examples=["2025-12-08"])
    published_earliest: date | None = Field(None, description="earliest possible issue date", examples=["2025-12-01"])
    published_latest: date | None = Field(None, description="latest possible issue date", examples=["2025-12-08"])
    published_basis: str = Field(..., description="how the date was found", examples=["latest reported event 2025-12-01; 今年=2025"])
    ingested_at: datetime = Field(..., description="when it was ingested", examples=["2025-12-09T08:00:00+08:00"])
    article_count: int = Field(..., description="public articles cut from it", examples=[6])


class SourceListOut(PageOut):
    """A page of sources."""

    results: list[SourceOut] = Field(..., description="the sources of this page", examples=[[example(SourceOut)]])


class IngestOut(Schema):
    """What an upload did."""

    created: bool = Field(..., description="false when the same bytes were already ingested (nothing changed)", examples=[True])
    articles: int = Field(..., description="articles cut from the page", examples=[6])
    source: SourceOut = Field(..., description="the stored source", examples=[example(SourceOut)])


class SearchArticleOut(ArticleOut):
    """An article matching a search."""

    snippet: str = Field(..., description="HTML: the text around the first match, query words in <mark>", examples=["…<mark>医保</mark>缴费…"])


class SearchArticleListOut(FacetedPageOut):
    """A page of matching articles, best first."""

    results: list[SearchArticleOut] = Field(..., description="the articles of this page", examples=[[example(SearchArticleOut)]])


class SearchOut(Schema):
    """Articles (ranked, paged), programmes and Q&A pairs matching a query."""

    query: str = Field(..., description="the query", examples=["医保缴费"])
    articles: SearchArticleListOut = Field(
        ...,
        description="matching articles, best first, each with a snippet",
        examples=[example(SearchArticleListOut, count=3, next="https://minsheng.example.cn/api/v1/search?q=医保缴费&limit=1&offset=1")],
    )
    programs: list[ProgramOut] = Field(
        ..., description="best matching programmes, best first (at most 10; see programs_count)", examples=[[example(ProgramOut)]]
    )
    programs_count: int = Field(..., description="number of programmes matching the query (all of them, not only those listed)", examples=[12])
    qa_pairs: list[QAOut] = Field(..., description="best matching Q&A pairs, best first (at most 10; see qa_count)", examples=[[example(QAOut)]])
    qa_count: int = Field(..., description="number of Q&A pairs matching the query (all of them, not only those listed)", examples=[8])
