"""Admin of the stats app: indicators (rename, merge, curate) and figures."""
from __future__ import annotations

from django.contrib import admin, messages
from simple_history.admin import SimpleHistoryAdmin

from articles.admin_records import PROVENANCE, RecordAdmin
from stats.models import Figure, Indicator
from stats.services import indicator_merge, indicator_save_by_editor


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "unit", "figure_count", "is_public", "is_featured"]
    list_filter = ["unit", "is_public", "is_featured"]
    list_editable = ["is_public", "is_featured"]
    search_fields = ["name", "unit"]
    actions = ["merge_into_first"]

    def save_model(self, request, obj, form, change):
        # with history (a baseline of what ingest made first); a hidden, featured or renamed indicator changes what
        # the cached /stats/ pages show at once
        indicator_save_by_editor(indicator=obj, user=request.user)

    @admin.display(description="数据条数")
    def figure_count(self, indicator: Indicator) -> int:
        return indicator.figures.count()

    @admin.action(description="合并所选指标（并入最早创建的一个）")
    def merge_into_first(self, request, queryset):
        indicators = list(queryset.order_by("pk"))
        if len(indicators) < 2:
            self.message_user(request, "请至少选择两个指标。", messages.WARNING)
            return
        survivor, others = indicators[0], indicators[1:]
        indicator_merge(survivor=survivor, others=others)
        self.message_user(request, f"已将 {len(others)} 个指标并入“{survivor}”。", messages.SUCCESS)


@admin.register(Figure)
class FigureAdmin(RecordAdmin):
    anchor_kind = "figure"
    list_display = ["text", "value", "unit", "qualifier", "measure", "region_code", "period_kind", "is_change",
                    "indicator", "status", "article"]
    list_filter = [*RecordAdmin.list_filter, "unit", "change", "period_kind", "is_change"]
    search_fields = ["text", "measure", "indicator__name", "article__headline", "region_code"]
    autocomplete_fields = ["indicator"]
    raw_id_fields = ["article", "program"]
    fields = [
        "article", "text", "start", "end", "value", "value_max", "unit", "qualifier", "measure", "change",
        "is_change", "region_code", "period_start", "period_end", "period_kind", "program", "sentence",
        "period", "region_text", "indicator", "status", "is_public", *PROVENANCE,
    ]
