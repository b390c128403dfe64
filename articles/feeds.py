"""Atom feeds of new articles and new programmes (Django's syndication framework), optionally narrowed by region
or topic with the same filter layer as the lists (`/feeds/articles.atom?region=150100&topic=employment`)."""
from __future__ import annotations

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from articles.filters import InvalidFilter, filter_articles, parse_filters
from articles.models import Article, Region, Topic
from policies.filters import filter_programs
from policies.models import Program

FEED_ITEMS = 30
FEED_PARAMS = ("region", "topic")  # what a feed may be narrowed by


def _filters(request):
    """The feed's region/topic filters, validated as the lists validate them (InvalidFilter names a bad one)."""
    return parse_filters({name: request.GET[name] for name in FEED_PARAMS if request.GET.get(name)})


def _narrowed_title(base: str, filters) -> str:
    parts = []
    if filters.region:
        region = Region.objects.filter(code=filters.region).first()
        parts.append(region.name if region else filters.region)
    if filters.topic:
        topic = Topic.objects.filter(slug=filters.topic).first()
        parts.append(topic.name if topic else filters.topic)
    return f"{base}（{' · '.join(parts)}）" if parts else base


class FilteredFeed(Feed):
    """A feed whose object is its validated filters; a bad filter is a 400 naming it, never a 500."""

    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except InvalidFilter as error:
            return HttpResponse(f"{error.label}：{error.reader_message}", status=400, content_type="text/plain; charset=utf-8")

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return _filters(request)

    def feed_url(self, filters) -> str:
        return self.request.get_full_path() if any((filters.region, filters.topic)) else self.request.path

    def link(self, filters) -> str:
        return self.page + (f"?{self.request.GET.urlencode()}" if any((filters.region, filters.topic)) else "")


class ArticleFeed(FilteredFeed):
    page = "/articles/"
    subtitle = "地方报纸民生版的新文章：标题、作者、出版日期与摘要。"

    def title(self, filters) -> str:
        return _narrowed_title("民生 · 最新文章", filters)

    def items(self, filters):
        articles = filter_articles(Article.objects.published(), filters).with_source().defer("text")
        return articles.order_by("-source__ingested_at", "-source__published_on", "source_id", "position")[:FEED_ITEMS]

    def item_title(self, item: Article) -> str:
        return item.public_headline or "（无标题）"

    def item_description(self, item: Article) -> str:
        text = item.public_text.replace("\n", " ")
        return text[:200] + ("…" if len(text) > 200 else "")

    def item_author_name(self, item: Article) -> str:
        return "、".join(item.public_byline)

    def item_pubdate(self, item: Article) -> datetime:
        day = item.source.published_on
        return timezone.make_aware(datetime.combine(day, time(6))) if day else item.source.ingested_at

    def item_updateddate(self, item: Article) -> datetime:
        return item.source.ingested_at


class ProgramFeed(FilteredFeed):
    page = "/policies/"
    subtitle = "报道中新出现的政策、工程、行动、机制和文件。"

    def title(self, filters) -> str:
        return _narrowed_title("民生 · 新政策项目", filters)

    def items(self, filters):
        return filter_programs(Program.objects.published(), filters).order_by("-created_at", "-pk")[:FEED_ITEMS]

    def item_title(self, item: Program) -> str:
        return item.name

    def item_description(self, item: Program) -> str:
        return " · ".join(p for p in (item.get_kind_display(), item.issuing_body, item.description[:200]) if p)

    def item_pubdate(self, item: Program) -> datetime:
        return item.created_at
