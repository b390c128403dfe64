"""Admin of API tokens: create one (its secret is shown once, then only its hash is kept), revoke, see last use."""
from __future__ import annotations

from django.contrib import admin, messages

from articles.models import ApiToken


@admin.action(description="吊销所选令牌")
def revoke_selected(modeladmin, request, queryset):
    count = queryset.update(is_active=False)
    modeladmin.message_user(request, f"已吊销 {count} 个令牌。", messages.SUCCESS)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "prefix", "is_active", "created_by", "created_at", "last_used_at"]
    list_filter = ["is_active"]
    search_fields = ["name", "prefix"]
    list_select_related = ["created_by"]
    actions = [revoke_selected]
    readonly_fields = ["prefix", "created_by", "created_at", "last_used_at"]

    def get_fields(self, request, obj=None):
        return ["name", "is_active"] if obj is None else ["name", "prefix", "is_active", "created_by", "created_at", "last_used_at"]

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        obj.created_by = request.user
        secret = obj.new_secret()
        super().save_model(request, obj, form, change)
        self.message_user(
            request,
            f"令牌“{obj.name}”的密钥：{secret} —— 只显示这一次，请立即复制保存；"
            "调用写入接口时放在请求头 Authorization: Bearer <密钥> 中。",
            messages.WARNING,
        )
