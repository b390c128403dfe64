"""App config for stats: figures quoted in articles and the indicators that group them into series."""
from django.apps import AppConfig


class StatsConfig(AppConfig):
    name = "stats"
    verbose_name = "数据"
