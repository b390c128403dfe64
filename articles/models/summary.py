"""The per-article summary behind the region counts: which divisions each public article names (with the divisions
above them) and how many public figures it has. Kept by PostgreSQL triggers on the rows it is read from (migration
`articles 0011_articleregion`), so every write — ingest, re-parse, an editor's review or correction, a merge, a bench's
SQL copy — updates it in its own transaction: never stale, and a change recounts only the articles it touched."""
from django.db import models


class ArticleRegion(models.Model):
    """One row per (public article, division a published region mention of it names, or a division above that one):
    the pairs `browse.region_counts` groups by code. `figures` is the article's count of published figures (the same on
    each of its rows). Written only by the triggers; never edited by hand."""

    article = models.ForeignKey(
        "articles.Article",
        verbose_name="文章",
        on_delete=models.DO_NOTHING,
        db_constraint=False,  # the triggers delete an article's rows after the article itself (see the migration)
        db_index=False,  # the unique (article, code) index serves the triggers' deletes
        related_name="+",
    )
    code = models.CharField("区划代码", max_length=6)
    figures = models.PositiveIntegerField("数据条数", default=0)

    class Meta:
        verbose_name = "文章区划摘要"
        verbose_name_plural = "文章区划摘要"
        constraints = [models.UniqueConstraint(fields=["article", "code"], name="articleregion_article_code")]

    def __str__(self) -> str:
        return f"{self.article_id}:{self.code}"
