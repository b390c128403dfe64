"""Extracted records: the shared provenance/status base, and the date, region and personal-data records of articles."""
from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class RecordStatus(models.TextChoices):
    AUTO = "auto", "自动"
    CORRECTED = "corrected", "已更正"
    CONFIRMED = "confirmed", "已确认"
    REJECTED = "rejected", "已驳回"


class RecordQuerySet(models.QuerySet):
    def published(self) -> "RecordQuerySet":
        """What the public may see: not rejected, not hidden, in a public article."""
        return self.filter(is_public=True, article__is_public=True).exclude(status=RecordStatus.REJECTED)

    def originals(self) -> "RecordQuerySet":
        """Records of one version of each story: an article that repeats another (`duplicate_of`, a reprint on another
        page or day) is left out, unless the version it repeats is hidden — then the reprint stands in for it."""
        return self.filter(models.Q(article__duplicate_of__isnull=True) | models.Q(article__duplicate_of__is_public=False))

    def with_article(self, *, text: bool = False) -> "RecordQuerySet":
        """Records with their article's headline and page name/date joined in — never the page file nor the search
        vector, and the article's text only when `text` (to quote or mask it): a page's records would otherwise each
        carry the whole page."""
        deferred = ["article__source__raw", "article__source__text", "article__search_vector"]
        if not text:
            deferred += ["article__text", "article__public_text"]
        return self.select_related("article__source").defer(*deferred)


class ExtractedRecord(models.Model):
    """Provenance every record carries: its article, the span it came from, who made it and how it was reviewed."""

    article = models.ForeignKey("articles.Article", verbose_name="文章", on_delete=models.CASCADE, related_name="+")
    start = models.PositiveIntegerField("起点", help_text="在文章正文中的字符位置（从 0 开始）。")
    end = models.PositiveIntegerField("终点", help_text="不含终点。")
    text = models.CharField("原文片段", max_length=255)
    status = models.CharField("状态", max_length=16, choices=RecordStatus.choices, default=RecordStatus.AUTO)
    extractor_version = models.CharField("抽取器版本", max_length=32, blank=True)
    needs_review = models.BooleanField("待复核", default=False, help_text="重新解析后原文片段找不到时标记。")
    is_public = models.BooleanField("公开", default=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="审核人", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField("审核时间", null=True, blank=True)

    objects = RecordQuerySet.as_manager()
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True
        ordering = ["article_id", "start"]


class DateMention(ExtractedRecord):
    article = models.ForeignKey("articles.Article", verbose_name="文章", on_delete=models.CASCADE, related_name="dates")
    start_date = models.DateField("开始日期", null=True, blank=True)
    end_date = models.DateField("结束日期", null=True, blank=True, help_text="含当日；开放区间留空。")

    class Meta(ExtractedRecord.Meta):
        verbose_name = "日期"
        verbose_name_plural = "日期"
        indexes = [models.Index(fields=["start_date", "end_date"], name="date_range_idx")]  # date_from/date_to filters

    def __str__(self) -> str:
        return f"{self.text} → {self.start_date or '…'}–{self.end_date or '…'}"


class RegionMention(ExtractedRecord):
    article = models.ForeignKey("articles.Article", verbose_name="文章", on_delete=models.CASCADE, related_name="regions")
    region = models.ForeignKey(
        "articles.Region", verbose_name="行政区划", null=True, blank=True, on_delete=models.PROTECT, related_name="mentions"
    )
    name = models.CharField("规范名称", max_length=64)
    level = models.CharField("级别", max_length=16, blank=True)
    parent = models.ForeignKey(
        "articles.Region", verbose_name="所属区划", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="乡镇、苏木、嘎查、村所属的旗县或盟市。",
    )

    class Meta(ExtractedRecord.Meta):
        verbose_name = "地区"
        verbose_name_plural = "地区"

    def __str__(self) -> str:
        return f"{self.text} → {self.name}"


class PersonalData(ExtractedRecord):
    class Kind(models.TextChoices):
        ID_CARD = "id_card", "身份证号"
        PHONE = "phone", "电话号码"
        BANK_CARD = "bank_card", "银行卡号"
        EMAIL = "email", "电子邮箱"
        NAME = "name", "个人姓名"

    class Field(models.TextChoices):
        TEXT = "text", "正文"
        HEADLINE = "headline", "标题"
        SUBHEADLINE = "subheadline", "副题/引题"
        BYLINE = "byline", "作者"

    article = models.ForeignKey("articles.Article", verbose_name="文章", on_delete=models.CASCADE, related_name="personal_data")
    kind = models.CharField("类型", max_length=16, choices=Kind.choices)
    field = models.CharField(
        "所在字段", max_length=16, choices=Field.choices, default=Field.TEXT,
        help_text="起点、终点指向这一字段的文字；作者字段按各作者之间换行连接后计。",
    )

    class Meta(ExtractedRecord.Meta):
        verbose_name = "个人信息"
        verbose_name_plural = "个人信息"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} @ {self.get_field_display()} {self.start}"
