"""Admin of API tokens: create one (its secret is shown once, then only its hash is kept), revoke, see last use."""
from __future__ import annotations

from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

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
        request.new_api_token_secret = secret  # for response_add, in this request only

    def response_add(self, request: HttpRequest, obj: ApiToken, post_url_continue=None) -> HttpResponse:
        """The secret is shown in the very response that creates the token: not put in a message, whose cookie
        (signed, not encrypted) would carry it to the browser and back, nor in the session. The admin's views are
        never cached, so the page is not kept either."""
        secret = getattr(request, "new_api_token_secret", None)
        if secret is None:
            return super().response_add(request, obj, post_url_continue)
        context = {
            **self.admin_site.each_context(request),
            "title": f"令牌“{obj.name}”已创建",
            "opts": self.opts,
            "token": obj,
            "secret": secret,
        }
        return TemplateResponse(request, "admin/articles/apitoken/created.html", context)
