"""Admin of the articles app: page sources, articles with their extracted records, regions."""
from django.contrib import admin

from articles.models import Article, DateMention, PersonalData, Region, RegionMention, Source


class ArticleInline(admin.TabularInline):
    model = Article
    extra = 0
    fields = ["position", "headline", "column", "kind", "is_public"]
    readonly_fields = ["position"]
    show_change_link = True


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "published_on", "encoding", "ingested_at"]
    list_filter = ["encoding", "published_on"]
    search_fields = ["name", "sha256"]
    date_hierarchy = "published_on"
    readonly_fields = ["name", "sha256", "encoding", "text", "published_earliest", "published_latest", "ingested_at"]
    exclude = ["raw"]
    inlines = [ArticleInline]


class RecordInline(admin.TabularInline):
    extra = 0
    readonly_fields = ["text", "start", "end", "extractor_version"]


class DateInline(RecordInline):
    model = DateMention
    fields = ["text", "start", "end", "start_date", "end_date", "status", "is_public"]


class RegionMentionInline(RecordInline):
    model = RegionMention
    fields = ["text", "start", "end", "region", "name", "level", "status", "is_public"]
    autocomplete_fields = ["region", "parent"]


class PersonalDataInline(RecordInline):
    model = PersonalData
    fields = ["text", "start", "end", "kind", "status"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["headline", "column", "kind", "source", "position", "is_public"]
    list_filter = ["kind", "column", "is_public", "source__published_on"]
    list_select_related = ["source"]
    search_fields = ["headline", "text", "byline"]
    readonly_fields = ["source", "position", "source_start", "source_end"]
    raw_id_fields = ["duplicate_of"]
    inlines = [DateInline, RegionMentionInline, PersonalDataInline]


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["code", "name"]
    list_select_related = ["parent"]
