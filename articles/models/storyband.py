"""StoryBand: one MinHash/LSH band key of an article's text, so that the same story is found by an index lookup."""
from django.db import models


class StoryBand(models.Model):
    """Stored for articles that are no repeat of another (a repeat's story is already indexed by its original)."""

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="+")
    band = models.BigIntegerField("分段键")

    class Meta:
        verbose_name = "同稿索引"
        verbose_name_plural = "同稿索引"
        ordering = ["article_id", "band"]
        indexes = [models.Index(fields=["band"], name="storyband_band_idx")]  # the same-story lookup

    def __str__(self) -> str:
        return f"{self.article_id}:{self.band}"
