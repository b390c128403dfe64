"""Admin of the policies app: programmes (rename, describe, merge), their mentions, and Q&A pairs."""
from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.db.models import Count
from django.shortcuts import redirect, render
from simple_history.admin import SimpleHistoryAdmin

from articles.admin_records import PROVENANCE, RecordAdmin
from policies.models import PolicyDocument, Program, ProgramMention, QAPair, VocabularyEntry
from policies.services import program_merge, program_save_by_editor


class MentionInline(admin.TabularInline):
    model = ProgramMention
    extra = 0
    can_delete = False
    fields = ["text", "article", "status"]
    readonly_fields = ["text", "article", "status"]
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).with_article()  # each row names its article: one join, no page file


class MergeForm(forms.Form):
    survivor = forms.ModelChoiceField(queryset=Program.objects.none(), label="保留的项目", help_text="其余项目的提及和别名并入此项目。")


@admin.register(Program)
class ProgramAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "issuing_body", "level", "valid_from", "valid_to", "region", "mention_count", "is_public",
                    "is_featured"]
    list_filter = ["kind", "is_public", "is_featured"]
    list_editable = ["is_public", "is_featured"]
    search_fields = ["name", "aliases", "description"]
    autocomplete_fields = ["region"]
    readonly_fields = ["key", "created_at"]
    fields = [
        "name", "slug", "kind", "aliases", "description", "issuing_body", "level", "issued_on", "region", "valid_from",
        "valid_to", "is_public", "is_featured", "key", "created_at",
    ]
    inlines = [MentionInline]
    actions = ["merge_selected"]

    def save_model(self, request, obj, form, change):
        program_save_by_editor(program=obj, user=request.user, changed_fields=form.changed_data)

    @admin.display(description="提及次数")
    def mention_count(self, program: Program) -> int:
        return program.mentions.count()

    @admin.action(description="合并所选项目")
    def merge_selected(self, request, queryset):
        if queryset.count() < 2:
            self.message_user(request, "请至少选择两个项目。", messages.WARNING)
            return None
        # The programme with the most mentions is offered as the one to keep.
        most = queryset.annotate(n=Count("mentions")).order_by("-n", "pk").first()
        form = MergeForm(request.POST if "survivor" in request.POST else None, initial={"survivor": most})
        form.fields["survivor"].queryset = queryset
        if form.is_valid():
            survivor = form.cleaned_data["survivor"]
            merged = program_merge(survivor=survivor, others=list(queryset.exclude(pk=survivor.pk)), user=request.user)
            self.message_user(request, f"已将 {merged} 个项目并入“{survivor.name}”。", messages.SUCCESS)
            return redirect("admin:policies_program_change", survivor.pk)
        context = {**self.admin_site.each_context(request), "form": form, "programs": queryset, "title": "合并政策项目", "opts": self.model._meta}
        return render(request, "admin/policies/program/merge.html", context)


@admin.register(ProgramMention)
class ProgramMentionAdmin(RecordAdmin):
    anchor_kind = "program"
    list_display = ["text", "program", "kind", "status", "article"]
    list_filter = [*RecordAdmin.list_filter, "kind", "program"]
    search_fields = ["text", "name", "program__name", "article__headline"]
    autocomplete_fields = ["program"]
    fields = ["article", "text", "start", "end", "program", "name", "kind", "status", "is_public", *PROVENANCE]


@admin.register(PolicyDocument)
class PolicyDocumentAdmin(RecordAdmin):
    anchor_kind = "document"
    list_display = ["title", "program", "issuer", "issued_on", "valid_from", "valid_to", "status", "article"]
    list_filter = [*RecordAdmin.list_filter, "level"]
    search_fields = ["title", "issuer", "program__name", "article__headline"]
    autocomplete_fields = ["program"]
    fields = ["article", "text", "start", "end", "title", "program", "issuer", "level", "issued_on", "valid_from",
              "valid_to", "status", "is_public", *PROVENANCE]


@admin.register(QAPair)
class QAPairAdmin(RecordAdmin):
    anchor_kind = "qa"
    list_display = ["question", "status", "article"]
    search_fields = ["question", "answer", "article__headline"]
    fields = ["article", "text", "start", "end", "question", "answer", "status", "is_public", *PROVENANCE]


@admin.register(VocabularyEntry)
class VocabularyEntryAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "level", "issuing_body", "first_year", "added_by_editor"]
    list_filter = ["kind", "level", "added_by_editor"]
    search_fields = ["name", "aliases", "issuing_body"]
    fields = ["name", "aliases", "kind", "level", "issuing_body", "first_year", "added_by_editor"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.added_by_editor = True  # the loader then leaves it as the editor wrote it
        super().save_model(request, obj, form, change)
