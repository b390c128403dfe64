"""API schemas of the stats app: figures with their indicator, article and provenance."""
from ninja import Field, Schema

from config.api_conventions import ArticleRef, PageOut, RecordOut


class IndicatorRef(Schema):
    """The canonical indicator a figure is grouped under."""

    slug: str = Field(..., description="indicator slug (usable as `measure=`)", examples=["城镇新增就业-人"])
    name: str = Field(..., description="canonical name of what is measured", examples=["城镇新增就业"])
    unit: str = Field(..., description="canonical unit", examples=["人"])


class FigureOut(RecordOut):
    """A number reported in an article, exactly as extracted (万/亿 already multiplied out)."""

    value: float = Field(..., description="the value", examples=[1180000000])
    value_max: float | None = Field(None, description="upper bound of a range (三四万元), else null", examples=[None])
    unit: str = Field(..., description="unit or counter, without 万/亿", examples=["元"])
    qualifier: str = Field(..., description="余, 多, 超, 近, 约, 以上, 累计 … or empty", examples=["余"])
    measure: str = Field(..., description="what is counted, as written", examples=["发放创业担保贷款"])
    change: str = Field(..., description="同比增长 etc. when the value is a change, else empty", examples=[""])
    period: str = Field(..., description="time the figure refers to, as written", examples=["2025年1-10月"])
    region_text: str = Field(..., description="place the figure refers to, as written", examples=["呼和浩特市"])
    indicator: IndicatorRef | None = Field(None, description="indicator it is grouped under, if any")
    article: ArticleRef = Field(..., description="article the figure was found in")

    @staticmethod
    def resolve_indicator(obj):
        return obj.indicator if obj.indicator is not None and obj.indicator.is_public else None


class FigureListOut(PageOut):
    """A page of figures."""

    results: list[FigureOut] = Field(..., description="the figures of this page", examples=[[]])
