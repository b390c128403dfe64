"""Programmes (named policies, projects, campaigns, mechanisms, documents), their mentions in articles, the policy
documents articles name, and Q&A pairs."""
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from articles.models import ExtractedRecord


class ProgramKind(models.TextChoices):
    PROGRAM = "program", "项目/计划"
    CAMPAIGN = "campaign", "行动/活动"
    MECHANISM = "mechanism", "机制/模式"
    DOCUMENT = "document", "文件"


class ProgramLevel(models.TextChoices):
    NATIONAL = "national", "国家级"
    PROVINCIAL = "provincial", "省级"
    PREFECTURE = "prefecture", "地市级"
    COUNTY = "county", "县级"


class ProgramQuerySet(models.QuerySet):
    def published(self) -> "ProgramQuerySet":
        return self.filter(is_public=True)


class Program(models.Model):
    SLUG_NAME_CHARS = 70  # the slug: the name slugified, cut to this, then "-" and a stable suffix

    slug = models.SlugField("永久链接", max_length=80, unique=True, allow_unicode=True)
    name = models.CharField("规范名称", max_length=200, help_text="不带引号或书名号的名称。")
    key = models.CharField("归并键", max_length=200, unique=True, help_text="抽取时据此把不同文章中的提及归到同一项目。")
    kind = models.CharField("类型", max_length=16, choices=ProgramKind.choices, default=ProgramKind.PROGRAM)
    aliases = models.JSONField("别名", default=list, blank=True)
    merged_keys = ArrayField(
        models.CharField(max_length=200), verbose_name="并入的归并键", default=list, blank=True, editable=False,
        help_text="合并进来的项目原有的归并键；导入遇到它们时归入本项目。",
    )
    merged_slugs = ArrayField(
        models.CharField(max_length=80), verbose_name="并入的永久链接", default=list, blank=True, editable=False,
        help_text="合并进来的项目原有的永久链接；访问它们时永久重定向到本项目。",
    )
    description = models.TextField("简介", blank=True, help_text="编辑撰写；留空时公开页面显示文中定义它的句子。")
    issuing_body = models.CharField("发布机构", max_length=200, blank=True)
    level = models.CharField("层级", max_length=16, choices=ProgramLevel.choices, blank=True,
                             help_text="发布机构的层级；抽取时据发布机构判断，编辑可改。")
    issued_on = models.DateField("发布日期", null=True, blank=True)
    region = models.ForeignKey(
        "articles.Region", verbose_name="适用地区", null=True, blank=True, on_delete=models.SET_NULL, related_name="programs"
    )
    valid_from = models.DateField("生效日期", null=True, blank=True)
    valid_to = models.DateField("截止日期", null=True, blank=True)
    is_public = models.BooleanField("公开", default=True)
    is_featured = models.BooleanField("首页推荐", default=False)
    edited_fields = ArrayField(
        models.CharField(max_length=32), verbose_name="编辑改过的字段", default=list, blank=True, editable=False,
        help_text="编辑在后台改过的发布机构、层级、日期与有效期；导入和重新解析不再填写这些字段（清空的也保持为空）。",
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    objects = ProgramQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "政策项目"
        verbose_name_plural = "政策项目"
        ordering = ["name"]
        # ingest (policies.services.program_for) finds a merged programme by the keys it absorbed.
        indexes = [
            GinIndex(fields=["merged_keys"], name="program_merged_keys_gin"),
            # /policies/<old slug>/ and /api/v1/programs/<old slug> find the survivor of a merge by the slugs it absorbed.
            GinIndex(fields=["merged_slugs"], name="program_merged_slugs_gin"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("policies:detail", args=[self.slug])

    @classmethod
    def slug_for(cls, name: str, suffix: str) -> str:
        """The slug of a record named `name`: the name slugified, cut to SLUG_NAME_CHARS, then "-" and `suffix`."""
        return f"{slugify(name, allow_unicode=True)[:cls.SLUG_NAME_CHARS]}-{suffix}"

    @classmethod
    def survivor_of(cls, slug: str) -> "Program | None":
        """The published programme a merged programme's slug now belongs to, if any."""
        return cls.objects.published().filter(merged_slugs__contains=[slug]).first()


class VocabularyLevel(models.TextChoices):
    NATIONAL = "national", "全国"
    PROVINCIAL = "provincial", "省级"
    LOCAL = "local", "地方"


class VocabularyEntry(models.Model):
    """One entry of the programme vocabulary: the canonical name of a known programme and the other names it goes by."""

    name = models.CharField("规范名称", max_length=200, unique=True, help_text="项目的通行全称，如“城乡居民基本医疗保险”。")
    aliases = models.JSONField("别名与简称", default=list, blank=True, help_text="文中可能出现的其他名称，如“居民医保”。")
    kind = models.CharField("类型", max_length=16, choices=ProgramKind.choices, default=ProgramKind.PROGRAM)
    level = models.CharField("层级", max_length=16, choices=VocabularyLevel.choices, default=VocabularyLevel.NATIONAL)
    issuing_body = models.CharField("发布机构", max_length=200, blank=True)
    first_year = models.PositiveSmallIntegerField("始于年份", null=True, blank=True, help_text="首次实施或发布的年份，不详可留空。")
    added_by_editor = models.BooleanField(
        "编辑添加", default=False, help_text="编辑在后台添加的词条；重新加载参考数据时保留，不会被覆盖。"
    )

    class Meta:
        verbose_name = "项目词表条目"
        verbose_name_plural = "项目词表"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ProgramMention(ExtractedRecord):
    article = models.ForeignKey("articles.Article", verbose_name="文章", on_delete=models.CASCADE, related_name="programs")
    program = models.ForeignKey(Program, verbose_name="政策项目", on_delete=models.PROTECT, related_name="mentions")
    name = models.CharField("抽取名称", max_length=200)
    kind = models.CharField("类型", max_length=16, choices=ProgramKind.choices, default=ProgramKind.PROGRAM)

    class Meta(ExtractedRecord.Meta):
        verbose_name = "项目提及"
        verbose_name_plural = "项目提及"

    def __str__(self) -> str:
        return f"{self.text} → {self.program_id}"


class PolicyDocument(ExtractedRecord):
    """A policy document an article names (《…》): the programme it is for, and what the text says of it. One row per
    place it is named, with the same stable identity across re-parses as every record (its 《title》 and which
    occurrence); an editor's correction or rejection survives re-parses."""

    article = models.ForeignKey("articles.Article", verbose_name="文章", on_delete=models.CASCADE, related_name="documents")
    program = models.ForeignKey(
        Program, verbose_name="所属政策项目", on_delete=models.PROTECT, related_name="documents",
        help_text="文件名称中提到的本文政策项目；没有时为文件本身对应的项目。",
    )
    title = models.CharField("文件名称", max_length=200, help_text="不带书名号。")
    issuer = models.CharField("发布机构", max_length=200, blank=True, help_text="文中写明时填写，如“自治区人社厅”。")
    level = models.CharField("层级", max_length=16, choices=ProgramLevel.choices, blank=True)
    issued_on = models.DateField("发布日期", null=True, blank=True)
    valid_from = models.DateField("生效日期", null=True, blank=True)
    valid_to = models.DateField("截止日期", null=True, blank=True, help_text="有效期的最后一天；文中未写明时留空。")

    class Meta(ExtractedRecord.Meta):
        verbose_name = "政策文件"
        verbose_name_plural = "政策文件"

    def __str__(self) -> str:
        return f"《{self.title}》"


class QAPair(ExtractedRecord):
    article = models.ForeignKey("articles.Article", verbose_name="文章", on_delete=models.CASCADE, related_name="qa_pairs")
    # Stored with personal data masked (search matches these columns); the unmasked exchange stays in the article
    # text at start–end, and articles/services/public_view.py rewrites both whenever personal-data records change.
    question = models.TextField("问题", help_text="个人信息已遮盖；原文见文章正文。")
    answer = models.TextField("回答", help_text="个人信息已遮盖；原文见文章正文。")

    class Meta(ExtractedRecord.Meta):
        verbose_name = "政策问答"
        verbose_name_plural = "政策问答"

    def __str__(self) -> str:
        return self.question[:60]


class ProgramCount(models.Model):
    """Summary row of /policies/ and the programme API: how many public articles name a programme (a reprinted story
    once) and the latest issue that does. Rewritten whole once per archive generation (`policies.services.
    program_counts_current`), so never stale after a write that calls `archive_changed()`; a programme no public
    article names has no row (its count is 0)."""

    program = models.OneToOneField(Program, primary_key=True, on_delete=models.CASCADE, related_name="counts")
    article_count = models.PositiveIntegerField("文章数", default=0)
    last_seen = models.DateField("最近提及", null=True)

    class Meta:
        verbose_name = "项目统计"
        verbose_name_plural = "项目统计"

    def __str__(self) -> str:
        return f"{self.program_id}: {self.article_count}"
