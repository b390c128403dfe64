"""App config for articles: page sources, articles, and the records every app's extractors attach to them."""
from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "文章与来源"
