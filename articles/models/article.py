"""Article: one story cut from a page, with its headline, column, byline, kind and repaired text."""
import functools

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from simple_history.models import HistoricalRecords

# Article fields the parser writes and an editor may correct; a corrected one is never rewritten by a re-parse.
EDITABLE_BY_PARSER = ("headline", "subheadline", "column", "byline", "kind", "duplicate_of")

# What no page shows of an article row: its page file (the source's verbatim bytes and decoded text, up to the size
# of a whole page each) and its search vector. Lists that join the source must leave these out, or every row
# carries the whole page.
PAGE_FILE = ("source__raw", "source__text")
NEVER_SHOWN = (*PAGE_FILE, "search_vector")

# The issue date as the lists sort it: an undated article sorts last both newest-first and oldest-first. The same
# expressions are indexed (Meta.indexes), so a list's ORDER BY ... LIMIT reads the index instead of sorting.
EARLIEST, LATEST = "0001-01-01", "9999-12-31"


def newest_key():
    return Coalesce("issue_date", models.Value(EARLIEST, output_field=models.DateField()))


def oldest_key():
    return Coalesce("issue_date", models.Value(LATEST, output_field=models.DateField()))


# The orders of the article lists (site and API): each is served by one of the partial indexes below.
ARTICLE_ORDERS = {
    "newest": (newest_key().desc(), "source_id", "position"),
    "oldest": (oldest_key().asc(), "source_id", "position"),
    "headline": ("public_headline", "id"),  # the masked headline: order must not reveal hidden digits
}


class ArticleQuerySet(models.QuerySet):
    def published(self) -> "ArticleQuerySet":
        """What the public may see: articles an editor has not hidden."""
        return self.filter(is_public=True)

    def with_source(self) -> "ArticleQuerySet":
        """Articles with their page's name and date joined in, never the page file nor the search vector."""
        return self.select_related("source").defer(*NEVER_SHOWN)

    def headlines(self) -> "ArticleQuerySet":
        """What a list of headlines needs: `with_source()` without the article's own text (nor its masked copy)."""
        return self.with_source().defer("text", "public_text")

    def featured(self) -> "ArticleQuerySet":
        return self.published().filter(is_featured=True)


class Article(models.Model):
    class Kind(models.TextChoices):
        NEWS = "news", "消息"
        QA = "qa", "问答"
        COMMENTARY = "commentary", "评论"
        PHOTO = "photo", "图片"
        NOTICE = "notice", "公告"
        BRIEF = "brief", "简讯"

    source = models.ForeignKey("articles.Source", verbose_name="来源版面", on_delete=models.CASCADE, related_name="articles")
    position = models.PositiveIntegerField("版面顺序", help_text="文章在版面上的顺序，从 0 开始。")
    headline = models.CharField("标题", max_length=255, blank=True)
    subheadline = models.CharField("副题/引题", max_length=255, blank=True)
    column = models.CharField("栏目", max_length=32, blank=True, help_text="如 民声、暖闻、知道、镜鉴、民情、短评。")
    byline = ArrayField(models.CharField(max_length=32), verbose_name="作者", default=list, blank=True)
    kind = models.CharField("体裁", max_length=16, choices=Kind.choices, default=Kind.NEWS)
    text = models.TextField("正文", help_text="修复后的正文；抽取记录的字符位置都指向这段文字。")
    source_start = models.PositiveIntegerField("原文起点", default=0)
    source_end = models.PositiveIntegerField("原文终点", default=0)
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name="同一报道",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
        help_text="本版或其他版面上同一报道的较早文本。",
    )
    topics = models.ManyToManyField("articles.Topic", verbose_name="主题", blank=True, related_name="articles")
    topics_by_editor = models.BooleanField(
        "主题由编辑指定", default=False, help_text="勾选后重新解析不再自动改动主题。"
    )
    is_public = models.BooleanField("公开", default=True, help_text="取消勾选即对公众隐藏，但不删除。")
    is_featured = models.BooleanField("首页推荐", default=False, help_text="勾选后在首页“编辑推荐”中展示。")
    issue_date = models.DateField(
        "出版日期", null=True, blank=True, editable=False, db_index=False,
        help_text="所在版面的出版日期（随版面日期自动更新），供列表排序和按日期筛选。",
    )
    search_vector = SearchVectorField("检索向量", null=True, editable=False)
    edited_fields = ArrayField(
        models.CharField(max_length=32), verbose_name="编辑改过的字段", default=list, blank=True, editable=False,
        help_text="编辑更正过的字段（标题、作者、栏目、体裁等）；重新解析和导入新版本时保留编辑的值。",
    )
    # The public view: the fields above with personal data masked (articles/services/public_view.py writes them
    # whenever personal-data records change). Every public surface reads these; the admin shows the originals.
    public_headline = models.CharField("公开标题", max_length=255, blank=True, editable=False)
    public_subheadline = models.CharField("公开副题", max_length=255, blank=True, editable=False)
    public_byline = ArrayField(
        models.CharField(max_length=32), verbose_name="公开作者", default=list, blank=True, editable=False
    )
    public_text = models.TextField("公开正文", blank=True, editable=False, help_text="个人信息已遮盖，与正文等长。")

    objects = ArticleQuerySet.as_manager()
    # Editors' changes are kept; ingest and re-parse save without history rows (see articles/services/ingest.py).
    # The text is the parser's alone and the search vector derived: neither is copied into every history row.
    # The body and the derived copies (masked view, search vector) stay out of history: large, and rebuilt from the rest.
    history = HistoricalRecords(
        excluded_fields=["text", "search_vector", "issue_date", "public_headline", "public_subheadline", "public_byline", "public_text"]
    )

    class Meta:
        verbose_name = "文章"
        verbose_name_plural = "文章"
        ordering = [newest_key().desc(), "source_id", "position"]
        constraints = [models.UniqueConstraint(fields=["source", "position"], name="article_unique_position")]
        indexes = [
            # /search/ and /api/v1/search: full-text match over jieba-segmented text.
            GinIndex(fields=["search_vector"], name="article_search_gin"),
            # /articles/?kind= and ?column= list filters.
            models.Index(fields=["kind"], name="article_kind_idx"),
            models.Index(fields=["column"], name="article_column_idx"),
            # The article lists' sorts (ARTICLE_ORDERS: /articles/, /api/v1/articles, the home page's latest) and
            # their keyset cursors, over published articles only.
            models.Index(newest_key().desc(), "source_id", "position", name="article_newest_idx", condition=Q(is_public=True)),
            models.Index(oldest_key().asc(), "source_id", "position", name="article_oldest_idx", condition=Q(is_public=True)),
            models.Index("public_headline", "id", name="article_headline_idx", condition=Q(is_public=True)),
            # The home page's 编辑推荐 (featured, newest first): a handful of rows, found without walking the archive.
            models.Index(
                newest_key().desc(), "source_id", "position", name="article_featured_idx", condition=Q(is_public=True, is_featured=True)
            ),
            # date_from / date_to filters and the year facet.
            models.Index(fields=["issue_date"], name="article_issue_date_idx"),
        ]

    def __str__(self) -> str:
        return self.headline or f"{self.source.name} #{self.position}"

    def get_absolute_url(self) -> str:
        return article_path(self.pk)


def article_path(pk: int) -> str:
    """An article page's URL (/articles/4/), as `reverse("articles:detail", args=[pk])` — reversed once per script
    prefix: pages link hundreds of articles and records (~1,800 on /stats/), and a `reverse()` each cost more than
    their queries."""
    before, after = article_path_parts()
    return f"{before}{int(pk)}{after}"


def article_path_parts() -> tuple[str, str]:
    """An article page's URL before and after its id, under the current script prefix."""
    from django.urls import get_script_prefix

    return _article_path_parts(get_script_prefix())


@functools.lru_cache(maxsize=16)
def _article_path_parts(script_prefix: str) -> tuple[str, str]:
    marker = "987654321"
    before, after = reverse("articles:detail", args=[marker]).split(marker)
    return before, after
