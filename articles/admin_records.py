"""Admin building blocks shared by every record type: review actions, editor saves, no deletes."""
from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.safestring import mark_safe
from simple_history.admin import SimpleHistoryAdmin

from articles.highlight import anchor_id, in_context_html
from articles.masking import field_text
from articles.models import RecordStatus
from articles.services.review import record_save_by_editor, records_review

PROVENANCE = ["extractor_version", "reviewed_by", "reviewed_at", "needs_review"]


@admin.action(description="确认所选记录")
def confirm_selected(modeladmin, request, queryset):
    count = records_review(records=queryset, user=request.user, status=RecordStatus.CONFIRMED)
    modeladmin.message_user(request, f"已确认 {count} 条记录。", messages.SUCCESS)


@admin.action(description="驳回所选记录（不删除）")
def reject_selected(modeladmin, request, queryset):
    count = records_review(records=queryset, user=request.user, status=RecordStatus.REJECTED)
    modeladmin.message_user(request, f"已驳回 {count} 条记录。", messages.SUCCESS)


class RecordForm(forms.ModelForm):
    """Checks an editor's span against the article text and fills the record's text from it when left empty."""

    def clean(self):
        data = super().clean()
        article = data.get("article") or (self.instance.article if self.instance.article_id else None)
        start, end = data.get("start"), data.get("end")
        if article is None or start is None or end is None:
            return data
        text = field_text(article, data.get("field") or getattr(self.instance, "field", "text"))
        if not (0 <= start < end <= len(text)):
            raise ValidationError(f"位置 {start}–{end} 超出正文范围（0–{len(text)}）。")
        if not data.get("text"):
            data["text"] = text[start:end][:255]
            self.instance.text = data["text"]
        elif not text.startswith(data["text"], start):
            raise ValidationError(f"正文第 {start} 个字符起是“{text[start:end]}”，与原文片段“{data['text']}”不符。")
        return data


class RecordAdmin(SimpleHistoryAdmin):
    """Base admin of a record model: filters by status, bulk confirm/reject, edits go through the review service."""

    form = RecordForm
    list_filter = ["status", "needs_review", "is_public"]
    list_select_related = ["article", "article__source"]
    readonly_fields = [*PROVENANCE, "in_context"]
    raw_id_fields = ["article"]
    actions = [confirm_selected, reject_selected]
    anchor_kind = ""  # the record kind naming its anchor and highlight (articles.highlight.ANCHOR_PREFIX)

    class Media:
        css = {"all": ["css/review.css"]}

    def get_fields(self, request, obj=None):
        fields = [f for f in super().get_fields(request, obj) if f != "in_context"]
        return ["in_context", *fields] if obj is not None else fields

    @admin.display(description="原文语境")
    def in_context(self, obj) -> str:
        """The record's span marked in its sentence and the sentences around it, with links to its places."""
        if obj is None or not obj.article_id:
            return "—"
        kind = self.anchor_kind or "figure"
        text = field_text(obj.article, getattr(obj, "field", "text"))
        links = [f'<a href="{reverse("admin:articles_article_change", args=[obj.article_id])}#{anchor_id(kind, obj.pk)}">在文章审核页中查看</a>']
        if obj.article.is_public and obj.is_public and obj.status != RecordStatus.REJECTED and kind != "pii":
            links.append(f'<a href="{reverse("articles:detail", args=[obj.article_id])}#{anchor_id(kind, obj.pk)}">公开页面上的这句</a>')
        body = in_context_html(text, obj.start, obj.end, kind)
        return mark_safe(f'<div class="review-text in-context">{body}</div><p>{" · ".join(links)}</p>')  # noqa: S308 (escaped)

    def get_queryset(self, request):
        # A record lists as its article (headline, page): never load the page file or the article text per row.
        return super().get_queryset(request).with_article()

    def has_delete_permission(self, request, obj=None):
        return False  # reject instead of delete: a rejected record is never created again by a re-parse

    def save_model(self, request, obj, form, change):
        record_save_by_editor(record=obj, user=request.user, changed_fields=form.changed_data)


class RecordInline(admin.TabularInline):
    """Inline of one record type on the article review page; saved through the review service by ArticleAdmin."""

    form = RecordForm
    extra = 0
    can_delete = False
    readonly_fields = ["extractor_version", "needs_review"]
    show_change_link = True

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        for name in ("text",):
            if name in formset.form.base_fields:
                formset.form.base_fields[name].required = False
        return formset
