"""Topic: one entry of the controlled vocabulary readers browse by (loaded from articles/data/topics.csv)."""
from django.db import models


class Topic(models.Model):
    slug = models.SlugField("代码", max_length=32, unique=True)
    name = models.CharField("名称", max_length=32, unique=True)
    keywords = models.JSONField("关键词", default=list, blank=True, help_text="自动归类时使用的关键词。")

    class Meta:
        verbose_name = "主题"
        verbose_name_plural = "主题"
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name
