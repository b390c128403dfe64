"""API schemas of the policies app: programmes, their mentions, policy documents and Q&A pairs (personal data masked)."""
from datetime import date

from ninja import Field, Schema

from config.api_conventions import (
    ArticleRef,
    FacetedPageOut,
    ProvenanceOut,
    RecordOut,
    Selectable,
    example,
    provenance,
)
from stats.schemas import EMPLOYMENT_ARTICLE, FigureOut


class RegionRef(Schema):
    """A division of the GB/T 2260 gazetteer."""

    code: str = Field(..., description="six-digit division code", examples=["150900"])
    name: str = Field(..., description="name", examples=["乌兰察布市"])


class ProgramOut(Selectable):
    """A named policy, project, campaign, mechanism or document."""

    slug: str = Field(..., description="permanent id (used in URLs and as `program=`)", examples=["乌兰察布市农牧民职业技能等级评价实施办法-6d7fa8"])
    name: str = Field(..., description="canonical name, without quotes", examples=["乌兰察布市农牧民职业技能等级评价实施办法"])
    kind: str = Field(..., description="program, campaign, mechanism or document", examples=["document"])
    aliases: list[str] = Field(..., description="other names it goes by", examples=[["农牧民职业技能等级评价办法"]])
    description: str = Field(
        ..., description="editors' description (may be empty)", examples=["乌兰察布市为农牧民开展职业技能等级评价的办法，评价合格者获得技能等级证书。"]
    )
    issuing_body: str = Field(..., description="who issued it, when known (may be empty)", examples=["乌兰察布市人力资源和社会保障局"])
    level: str = Field(..., description="level of the issuer: national, provincial, prefecture, county, or empty",
                       examples=["prefecture"])
    issued_on: date | None = Field(None, description="date it was issued, when the text says", examples=["2025-11-03"])
    region: RegionRef | None = Field(None, description="division it applies to, when known", examples=[example(RegionRef)])
    valid_from: date | None = Field(None, description="in force from", examples=["2025-01-01"])
    valid_to: date | None = Field(None, description="in force until (null: no end known)", examples=["2027-12-31"])
    article_count: int = Field(..., description="public articles that mention it", examples=[2])
    last_seen: date | None = Field(None, description="issue date of the latest article mentioning it", examples=["2026-04-09"])
    url: str = Field(..., description="public page of the programme (absolute)", examples=["https://minsheng.example.cn/policies/乌兰察布市农牧民职业技能等级评价实施办法-6d7fa8/"])

    @staticmethod
    def resolve_url(obj) -> str:
        return obj.get_absolute_url()


class ProgramMentionOut(RecordOut):
    """One place an article names the programme."""

    provenance: ProvenanceOut = provenance("《乌兰察布市农牧民职业技能等级评价实施办法》", 1046, article_id=4)
    name: str = Field(..., description="name as extracted", examples=["乌兰察布市农牧民职业技能等级评价实施办法"])
    article: ArticleRef = Field(..., description="article naming it", examples=[EMPLOYMENT_ARTICLE])


class ProgramRef(Schema):
    """The programme a record belongs to."""

    slug: str = Field(..., description="programme slug", examples=["集采药品三进行动-5c1d2e"])
    name: str = Field(..., description="programme name", examples=["集采药品“三进”行动"])


class DocumentOut(RecordOut):
    """A policy document an article names (《…》), with what the text says of it."""

    provenance: ProvenanceOut = provenance("《集采药品耗材“三进”行动实施方案》", 402, article_id=6)
    title: str = Field(..., description="title, without 《》", examples=["集采药品耗材“三进”行动实施方案"])
    program: ProgramRef = Field(..., description="the programme it is for (named in its title, else its own entry)",
                                examples=[example(ProgramRef)])
    issuer: str = Field(..., description="who issued it, when the text says (may be empty)", examples=["内蒙古自治区医疗保障局"])
    level: str = Field(..., description="level of the issuer: national, provincial, prefecture, county, or empty",
                       examples=["provincial"])
    issued_on: date | None = Field(None, description="day it was issued, when the text says", examples=["2023-05-10"])
    valid_from: date | None = Field(None, description="first day in force, when the text says", examples=["2024-01-01"])
    valid_to: date | None = Field(None, description="last day in force, when the text says", examples=["2026-12-31"])
    article: ArticleRef = Field(..., description="article naming it", examples=[example(ArticleRef)])


class DocumentListOut(FacetedPageOut):
    """A page of policy documents named in articles."""

    results: list[DocumentOut] = Field(..., description="the documents of this page", examples=[[example(DocumentOut)]])


class QAOut(RecordOut):
    """A question and its answer from a Q&A article (personal data masked)."""

    provenance: ProvenanceOut = provenance("2026年居民医保缴费什么时候截止？", 75)
    question: str = Field(..., description="the question (stored with personal data masked)", examples=["2026年居民医保缴费什么时候截止？不在缴费期缴费有什么影响？"])
    answer: str = Field(..., description="the answer", examples=["集中征缴期从2025年9月到2025年12月31日。咨询电话138****5678。"])
    article: ArticleRef = Field(..., description="article it comes from", examples=[example(ArticleRef)])



class RegionCountOut(Schema):
    """A division and how many articles about the programme name it."""

    code: str = Field(..., description="division code", examples=["150900"])
    name: str = Field(..., description="name", examples=["乌兰察布市"])
    article_count: int = Field(..., description="articles naming it", examples=[2])


class ProgramDetailOut(ProgramOut):
    """A programme with what the articles say about it."""

    defining: list[str] = Field(
        ...,
        description="sentences of the articles that say what it is (when no description)",
        examples=[["此外，率先在全区出台《乌兰察布市农牧民职业技能等级评价实施办法》，已完成259名农牧民技能评价，直接带动农牧户实现增收。"]],
    )
    mentions: list[ProgramMentionOut] = Field(..., description="its mentions, oldest issue first", examples=[[example(ProgramMentionOut)]])
    regions: list[RegionCountOut] = Field(..., description="divisions named by the articles about it", examples=[[example(RegionCountOut)]])
    figures: list[FigureOut] = Field(
        ..., description="figures of those articles, those in a sentence naming it first", examples=[[example(FigureOut)]]
    )
    qa_pairs: list[QAOut] = Field(..., description="Q&A pairs of those articles", examples=[[example(QAOut)]])
    documents: list[DocumentOut] = Field(
        ..., description="policy documents the articles name for it, one per title (the mention stating the most)",
        examples=[[example(DocumentOut)]],
    )


class ProgramListOut(FacetedPageOut):
    """A page of programmes."""

    results: list[ProgramOut] = Field(..., description="the programmes of this page", examples=[[example(ProgramOut)]])


class QAListOut(FacetedPageOut):
    """A page of Q&A pairs."""

    results: list[QAOut] = Field(..., description="the Q&A pairs of this page", examples=[[example(QAOut)]])
