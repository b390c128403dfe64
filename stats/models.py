"""Figures (value, unit, qualifier, measure) found in articles, grouped into Indicators so series can be drawn."""
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.core.validators import RegexValidator
from django.db import models
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from articles.models import ExtractedRecord


class IndicatorQuerySet(models.QuerySet):
    def published(self) -> "IndicatorQuerySet":
        return self.filter(is_public=True)


class Indicator(models.Model):
    SLUG_NAME_CHARS = 100  # the slug: the name slugified, cut to this, then "-" and a stable suffix

    name = models.CharField("指标名称", max_length=120, help_text="规范的计量对象，如 城镇新增就业。")
    unit = models.CharField("单位", max_length=16)
    slug = models.SlugField("永久链接", max_length=160, unique=True, allow_unicode=True)
    key = models.CharField(
        "归并键", max_length=140, unique=True, null=True, blank=True, editable=False,
        help_text="抽取时的规范计量对象与单位；改名后导入仍据此找到本指标。",
    )
    merged_keys = ArrayField(
        models.CharField(max_length=140), verbose_name="并入的归并键", default=list, blank=True, editable=False,
        help_text="合并进来的指标原有的归并键；导入遇到它们时归入本指标。",
    )
    is_public = models.BooleanField("公开", default=True)
    is_featured = models.BooleanField("首页推荐", default=False)

    objects = IndicatorQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "指标"
        verbose_name_plural = "指标"
        ordering = ["name", "unit"]
        constraints = [models.UniqueConstraint(fields=["name", "unit"], name="indicator_unique_name_unit")]
        # ingest (stats.services.indicator_for) finds a merged indicator by the keys it absorbed.
        indexes = [GinIndex(fields=["merged_keys"], name="indicator_merged_keys_gin")]

    def __str__(self) -> str:
        return f"{self.name} · {self.unit}"

    @classmethod
    def slug_for(cls, name: str, suffix: str) -> str:
        """The slug of a record named `name`: the name slugified, cut to SLUG_NAME_CHARS, then "-" and `suffix`."""
        return f"{slugify(name, allow_unicode=True)[:cls.SLUG_NAME_CHARS]}-{suffix}"


class PeriodKind(models.TextChoices):
    YEAR = "year", "年度"
    HALF = "half", "半年"
    QUARTER = "quarter", "季度"
    MONTH = "month", "月度"
    TO_DATE = "to-date", "年初至今"
    POINT = "point", "时点"


class Figure(ExtractedRecord):
    article = models.ForeignKey("articles.Article", verbose_name="文章", on_delete=models.CASCADE, related_name="figures")
    indicator = models.ForeignKey(
        Indicator, verbose_name="指标", null=True, blank=True, on_delete=models.SET_NULL, related_name="figures"
    )
    value = models.FloatField("数值", help_text="万、亿已换算，如 11.8亿元 记为 1180000000。")
    value_max = models.FloatField("上限", null=True, blank=True, help_text="区间数值（如 三四万元）的上限。")
    unit = models.CharField("单位", max_length=16, help_text="计量单位或量词，不含万/亿，如 元、人次、%、个。")
    qualifier = models.CharField("修饰", max_length=8, blank=True, help_text="余、多、超、近、约、以上、最高、平均、累计 等。")
    measure = models.CharField("计量对象", max_length=120, blank=True)
    change = models.CharField("变化", max_length=16, blank=True, help_text="同比增长、同比下降 等；不是变化量则留空。")
    period = models.CharField("时期", max_length=64, blank=True)
    region_text = models.CharField("地区", max_length=64, blank=True)
    # What the figure is about (issue 14): its own division, the period it measures, the programme it counts.
    region_code = models.CharField(
        "所指地区代码", max_length=6, blank=True, validators=[RegexValidator(r"^\d{6}$", "应为六位数字代码。")],
        help_text="数据所描述的行政区划（GB/T 2260）；000000 为全国；空为无法判断。",
    )
    region = models.ForeignKey(
        "articles.Region", verbose_name="所指地区", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="figures", help_text="所指地区代码对应的行政区划（全国无此项）。",
    )
    period_start = models.DateField("时期起", null=True, blank=True, help_text="所计量时期的第一天；时点数据留空。")
    period_end = models.DateField("时期止", null=True, blank=True, help_text="所计量时期的最后一天。")
    period_kind = models.CharField("时期类型", max_length=8, choices=PeriodKind.choices, blank=True)
    program = models.ForeignKey(
        "policies.Program", verbose_name="所属政策项目", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="figures", help_text="数据所计量、资助或产生于的政策项目。",
    )
    is_change = models.BooleanField("变化量", default=False, help_text="增长、下降等变化量为是；水平或总量为否。")
    sentence = models.TextField("所在句子", blank=True)

    class Meta(ExtractedRecord.Meta):
        verbose_name = "数据"
        verbose_name_plural = "数据"
        indexes = [
            models.Index(fields=["unit"], name="figure_unit_idx"),  # /stats/?unit= filter
            # ?region= selects a division and everything below it by code prefix (LIKE 'prefix%').
            models.Index(fields=["region_code"], name="figure_region_code_idx", opclasses=["varchar_pattern_ops"]),
            models.Index(fields=["period_kind", "is_change"], name="figure_period_change_idx"),  # ?period= &change=
        ]

    def __str__(self) -> str:
        return f"{self.text} ({self.measure or '—'})"

    def save(self, *args, **kwargs):
        # An editor corrects the code; the division it names follows (none for 000000 or an unknown code).
        if self.region_code != (self.region_id or ""):
            from articles.models import Region

            self.region_id = Region.objects.filter(code=self.region_code).values_list("code", flat=True).first()
        super().save(*args, **kwargs)

