"""API schemas of the stats app: figures with their indicator, article and provenance."""
from datetime import date

from ninja import Field, Schema

from config.api_conventions import ArticleRef, FacetedPageOut, ProvenanceOut, RecordOut, example, masked, provenance

EMPLOYMENT_ARTICLE = example(ArticleRef, id=4, headline="“零距离”就业服务托起百姓稳稳的幸福", url="https://minsheng.example.cn/articles/4/")


class IndicatorRef(Schema):
    """The canonical indicator a figure is grouped under."""

    slug: str = Field(..., description="indicator slug (usable as `measure=`)", examples=["城镇新增就业人数增幅-5b1c2e"])
    name: str = Field(..., description="canonical name of what is measured", examples=["城镇新增就业人数增幅"])
    unit: str = Field(..., description="canonical unit", examples=["%"])


class RegionRef(Schema):
    """A division of the GB/T 2260 gazetteer."""

    code: str = Field(..., description="six-digit GB/T 2260 code", examples=["150100"])
    name: str = Field(..., description="official name", examples=["呼和浩特市"])


class ProgramRef(Schema):
    """The programme a figure counts, funds or results from."""

    slug: str = Field(..., description="programme slug (usable as `program=`)", examples=["创业担保贷款-1a2b3c"])
    name: str = Field(..., description="canonical name", examples=["创业担保贷款"])


class FigureOut(RecordOut):
    """A number reported in an article, exactly as extracted (万/亿 already multiplied out)."""

    provenance: ProvenanceOut = provenance("同比增长约15%至20%", 312, article_id=4)
    value: float = Field(..., description="the value (of a range: its lower bound)", examples=[15])
    value_max: float | None = Field(None, description="upper bound of a range (三四万元, 15%至20%), else null", examples=[20])
    unit: str = Field(..., description="unit or counter, without 万/亿", examples=["%"])
    qualifier: str = Field(..., description="余, 多, 超, 近, 约, 以上, 累计 … or empty", examples=["约"])
    measure: str = Field(..., description="what is counted, as written", examples=["城镇新增就业人数"])
    change: str = Field(..., description="同比增长, 提高, 降幅 … when the value is a change, else empty", examples=["同比增长"])
    period: str = Field(..., description="time the figure refers to, as written (may be empty)", examples=["2025年1-10月"])
    region_text: str = Field(..., description="place the figure refers to, as written (may be empty)", examples=["呼和浩特市"])
    region_code: str = Field(
        ..., description="GB/T 2260 code of the division the figure describes (000000: the whole country; empty: "
        "cannot be told)", examples=["150100"])
    region: RegionRef | None = Field(None, description="that division (null for the whole country or none)",
                                     examples=[example(RegionRef)])
    period_start: date | None = Field(None, description="first day of the period measured (null for a point in time "
                                      "or none stated)", examples=["2025-01-01"])
    period_end: date | None = Field(None, description="last day of the period measured (null when none or open)",
                                    examples=["2025-10-31"])
    period_kind: str = Field(..., description="year, half, quarter, month, to-date, point, or empty",
                             examples=["to-date"])
    program: ProgramRef | None = Field(None, description="programme the figure counts, funds or results from",
                                       examples=[example(ProgramRef)])
    is_change: bool = Field(..., description="true for a change (增长, 下降 …), false for a level", examples=[True])
    sentence: str = Field(..., description="the sentence the figure stands in (personal data masked)",
                          examples=["今年1-10月，全市城镇新增就业人数同比增长约15%至20%。"])
    indicator: IndicatorRef | None = Field(None, description="indicator it is grouped under, if any", examples=[example(IndicatorRef)])
    article: ArticleRef = Field(..., description="article the figure was found in", examples=[EMPLOYMENT_ARTICLE])

    @staticmethod
    def resolve_indicator(obj):
        return obj.indicator if obj.indicator is not None and obj.indicator.is_public else None

    @staticmethod
    def resolve_sentence(obj):
        return masked(obj.sentence, obj.article)

    @staticmethod
    def resolve_program(obj):
        return obj.program if obj.program is not None and obj.program.is_public else None


class FigureListOut(FacetedPageOut):
    """A page of figures."""

    results: list[FigureOut] = Field(..., description="the figures of this page", examples=[[example(FigureOut)]])
