"""App config for policies: named programmes and policies, their mentions, and policy Q&A pairs."""
from django.apps import AppConfig


class PoliciesConfig(AppConfig):
    name = "policies"
    verbose_name = "政策与项目"
