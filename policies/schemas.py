"""API schemas of the policies app: programmes, their mentions, and Q&A pairs (personal data masked)."""
from datetime import date

from ninja import Field, Schema

from config.api_conventions import ArticleRef, PageOut, RecordOut, Selectable, masked
from stats.schemas import FigureOut


class RegionRef(Schema):
    """A division of the GB/T 2260 gazetteer."""

    code: str = Field(..., description="six-digit division code", examples=["150100"])
    name: str = Field(..., description="name", examples=["呼和浩特市"])


class ProgramOut(Selectable):
    """A named policy, project, campaign, mechanism or document."""

    slug: str = Field(..., description="permanent id (used in URLs and as `program=`)", examples=["助康工程-1a2b3c"])
    name: str = Field(..., description="canonical name, without quotes", examples=["助康工程"])
    kind: str = Field(..., description="program, campaign, mechanism or document", examples=["program"])
    aliases: list[str] = Field(..., description="other names it goes by", examples=[["助康"]])
    description: str = Field(..., description="editors' description (may be empty)", examples=[""])
    issuing_body: str = Field(..., description="who issued it, when known", examples=["自治区残联"])
    region: RegionRef | None = Field(None, description="division it applies to, when known")
    valid_from: date | None = Field(None, description="in force from", examples=["2025-01-01"])
    valid_to: date | None = Field(None, description="in force until", examples=[None])
    article_count: int = Field(..., description="public articles that mention it", examples=[3])
    last_seen: date | None = Field(None, description="issue date of the latest article mentioning it", examples=["2025-11-24"])
    url: str = Field(..., description="public page of the programme", examples=["/policies/助康工程-1a2b3c/"])

    @staticmethod
    def resolve_url(obj) -> str:
        return obj.get_absolute_url()


class ProgramMentionOut(RecordOut):
    """One place an article names the programme."""

    name: str = Field(..., description="name as extracted", examples=["助康工程"])
    article: ArticleRef = Field(..., description="article naming it")


class QAOut(RecordOut):
    """A question and its answer from a Q&A article (personal data masked)."""

    question: str = Field(..., description="the question", examples=["城乡居民医保缴费标准是多少？"])
    answer: str = Field(..., description="the answer", examples=["2026年度个人缴费标准为每人每年400元。"])
    article: ArticleRef = Field(..., description="article it comes from")

    @staticmethod
    def resolve_question(obj) -> str:
        return masked(obj.question, obj.article)

    @staticmethod
    def resolve_answer(obj) -> str:
        return masked(obj.answer, obj.article)


class RegionCountOut(Schema):
    """A division and how many articles about the programme name it."""

    code: str = Field(..., description="division code", examples=["150100"])
    name: str = Field(..., description="name", examples=["呼和浩特市"])
    article_count: int = Field(..., description="articles naming it", examples=[2])


class ProgramDetailOut(ProgramOut):
    """A programme with what the articles say about it."""

    defining: list[str] = Field(..., description="sentences of the articles that say what it is (when no description)", examples=[[]])
    mentions: list[ProgramMentionOut] = Field(..., description="its mentions, oldest issue first", examples=[[]])
    regions: list[RegionCountOut] = Field(..., description="divisions named by the articles about it", examples=[[]])
    figures: list[FigureOut] = Field(..., description="figures of those articles, those in a sentence naming it first", examples=[[]])
    qa_pairs: list[QAOut] = Field(..., description="Q&A pairs of those articles", examples=[[]])


class ProgramListOut(PageOut):
    """A page of programmes."""

    results: list[ProgramOut] = Field(..., description="the programmes of this page", examples=[[]])


class QAListOut(PageOut):
    """A page of Q&A pairs."""

    results: list[QAOut] = Field(..., description="the Q&A pairs of this page", examples=[[]])
