"""Admin of the articles app: page upload and re-parse, the article review page, dates, regions, personal data."""
from __future__ import annotations

from dataclasses import asdict

from django import forms
from django.contrib import admin
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.safestring import mark_safe
from simple_history.admin import SimpleHistoryAdmin

from articles.admin_records import PROVENANCE, RecordAdmin, RecordInline
from articles.highlight import highlight
from articles.models import Article, DateMention, PersonalData, Region, RegionMention, Source, Topic
from articles.record_marks import article_marks
from articles.services import UploadOutcome, source_reparse, uploads_ingest
from articles.services.dating import source_date_set_by_editor
from articles.services.editing import article_save_by_editor
from articles.services.review import record_save_by_editor
from policies.models import PolicyDocument, ProgramMention, QAPair
from stats.models import Figure


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files under one name, cleaned to a list. Each file is judged by the ingest itself (an empty or binary
    file gets its own reason), so one bad file does not refuse the others at form level."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = [upload for upload in (data if isinstance(data, (list, tuple)) else [data]) if upload]
        if not files and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return files


class UploadForm(forms.Form):
    required_css_class = "required"

    file = MultipleFileField(
        label="版面文件",
        help_text="可一次选择多个文件，逐个导入。从报纸 PDF 提取的纯文本文件（UTF-8、GB18030、UTF-16、Big5 均可），或保存的网页文章（.html）。",
        error_messages={"required": "请至少选择一个文件。"},
    )
    paper = forms.CharField(label="报纸", required=False, max_length=64, help_text="留空则从文件名、网页“来源：”或报头读出。")
    page_label = forms.CharField(label="版次", required=False, max_length=32, help_text="如 05版、A3；可留空。")
    published_on = forms.DateField(
        label="出版日期", required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="留空则从文件名、网页电头或正文推断。", error_messages={"invalid": "请输入有效的日期（年-月-日）。"},
    )


class ArticleInline(admin.TabularInline):
    model = Article
    extra = 0
    can_delete = False
    fields = ["position", "headline", "column", "kind", "is_public"]
    readonly_fields = ["position", "headline", "column", "kind"]
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).defer("text", "search_vector")  # the inline shows headlines only


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "paper", "page_label", "published_on", "encoding", "ingested_at"]
    list_filter = ["encoding", "published_on"]
    search_fields = ["name", "sha256", "paper"]
    date_hierarchy = "published_on"
    fields = [
        "name", "paper", "page_label", "published_on", "published_basis", "published_earliest", "published_latest",
        "encoding", "sha256", "ingested_at", "text",
    ]
    readonly_fields = ["name", "sha256", "encoding", "text", "published_earliest", "published_latest", "ingested_at"]
    inlines = [ArticleInline]
    actions = ["reparse_selected"]

    def get_queryset(self, request):
        # The list shows names and dates: the page file (bytes and text) is loaded only where it is shown or used.
        return super().get_queryset(request).defer("raw", "text")

    def get_urls(self):
        upload = path("upload/", self.admin_site.admin_view(self.upload_view), name="articles_source_upload")
        return [upload, *super().get_urls()]

    def add_view(self, request, form_url="", extra_context=None):
        return redirect("admin:articles_source_upload")

    def upload_view(self, request):
        """Several page files at once, each ingested separately with its own outcome. The page's script sends them
        one by one (Accept: application/json) to show progress; without it the form posts them all together."""
        if not self.has_add_permission(request):
            return redirect("admin:index")
        form = UploadForm(request.POST or None, request.FILES or None)
        wants_json = "application/json" in request.headers.get("Accept", "")
        outcomes = []
        if request.method == "POST":
            if form.is_valid():
                data = form.cleaned_data
                outcomes = uploads_ingest(
                    uploads=data["file"], published_on=data["published_on"],
                    paper=data["paper"] or None, page_label=data["page_label"] or None,
                )
            elif wants_json:
                errors = [f"{form[name].label}：{error}" for name, field_errors in form.errors.items() for error in field_errors]
                return JsonResponse({"errors": errors}, status=400)
            if wants_json:
                return JsonResponse({"outcomes": [self._upload_outcome_json(outcome) for outcome in outcomes]})
        context = {
            **self.admin_site.each_context(request), "form": form, "title": "上传版面文件", "opts": self.model._meta,
            "outcomes": [(outcome, self._upload_outcome_url(outcome)) for outcome in outcomes],
        }
        return render(request, "admin/articles/source/upload.html", context)

    @staticmethod
    def _upload_outcome_url(outcome: UploadOutcome) -> str | None:
        return reverse("admin:articles_source_change", args=[outcome.source_id]) if outcome.source_id else None

    def _upload_outcome_json(self, outcome: UploadOutcome) -> dict:
        return {**asdict(outcome), "url": self._upload_outcome_url(outcome)}

    def save_model(self, request, obj, form, change):
        source_date_set_by_editor(source=obj, user=request.user, changed_fields=form.changed_data)

    @admin.action(description="用当前解析器重新解析所选版面（保留编辑的更正）")
    def reparse_selected(self, request, queryset):
        for source in queryset:
            outcome = source_reparse(source=source)
            self.message_user(
                request,
                f"{source.name}：新建 {outcome.created} 条自动记录，保留 {outcome.kept} 条编辑记录，{outcome.flagged} 条待复核。",
            )


class FigureInline(RecordInline):
    model = Figure
    fields = [
        "text", "start", "end", "value", "value_max", "unit", "qualifier", "measure", "change", "is_change",
        "region_code", "period_start", "period_end", "period_kind", "program", "indicator", "status", "is_public",
        "needs_review",
    ]
    autocomplete_fields = ["indicator"]
    raw_id_fields = ["program"]


class DateInline(RecordInline):
    model = DateMention
    fields = ["text", "start", "end", "start_date", "end_date", "status", "is_public", "needs_review"]


class RegionMentionInline(RecordInline):
    model = RegionMention
    fields = ["text", "start", "end", "region", "name", "level", "parent", "status", "is_public", "needs_review"]
    autocomplete_fields = ["region", "parent"]


class ProgramMentionInline(RecordInline):
    model = ProgramMention
    fields = ["text", "start", "end", "program", "name", "kind", "status", "is_public", "needs_review"]
    autocomplete_fields = ["program"]


class PolicyDocumentInline(RecordInline):
    model = PolicyDocument
    fields = ["text", "start", "end", "title", "program", "issuer", "level", "issued_on", "valid_from", "valid_to",
              "status", "is_public", "needs_review"]
    autocomplete_fields = ["program"]


class QAPairInline(RecordInline):
    model = QAPair
    fields = ["text", "start", "end", "question", "answer", "status", "is_public", "needs_review"]


class PersonalDataInline(RecordInline):
    model = PersonalData
    fields = ["field", "text", "start", "end", "kind", "status", "needs_review"]


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    list_display = ["headline", "column", "kind", "source", "position", "is_public", "is_featured"]
    list_filter = ["kind", "column", "topics", "is_public", "is_featured", "source__published_on"]
    list_editable = ["is_public", "is_featured"]
    list_select_related = ["source"]
    search_fields = ["headline", "text"]
    fields = [
        "review", "headline", "subheadline", "column", "byline", "kind", "topics", "topics_by_editor",
        "is_public", "is_featured", "duplicate_of", "source", "position",
    ]
    readonly_fields = ["review", "source", "position"]
    raw_id_fields = ["duplicate_of"]
    filter_horizontal = ["topics"]
    inlines = [FigureInline, DateInline, RegionMentionInline, ProgramMentionInline, PolicyDocumentInline, QAPairInline,
               PersonalDataInline]

    object_history_template = "admin/articles/article/object_history.html"

    def get_queryset(self, request):
        return super().get_queryset(request).with_source()  # the page's name and date, not its file

    def history_view(self, request, object_id, extra_context=None):
        """The article's versions, and below them every change to its records from any page."""
        from articles.record_history import article_record_history

        extra = {**(extra_context or {}), "record_history": article_record_history(int(object_id))}
        return super().history_view(request, object_id, extra_context=extra)

    @admin.display(description="正文与抽取记录")
    def review(self, article: Article):
        legend = "".join(
            f'<span class="rec rec-{kind}">{label}</span> '
            for kind, label in [("figure", "数据"), ("date", "日期"), ("region", "地区"), ("program", "政策项目"), ("qa", "问答"), ("pii", "个人信息")]
        )
        body = highlight(article.text, article_marks(article, public=False))
        return mark_safe(f'<div class="review-legend">{legend}（点选标记或用 Tab 键移到标记上，查看规范值；选中正文中的文字，可把漏抽的内容添加为记录）</div><div class="review-text">{body}</div>')

    def save_formset(self, request, form, formset, change):
        """Every inline record goes through the review service (status, reviewer, span check)."""
        formset.save(commit=False)  # fills new_objects/changed_objects for the admin's change message
        for inline_form in formset.forms:
            if inline_form.has_changed():
                record_save_by_editor(record=inline_form.instance, user=request.user, changed_fields=inline_form.changed_data)

    def save_model(self, request, obj, form, change):
        article_save_by_editor(article=obj, user=request.user, changed_fields=form.changed_data)

    class Media:
        css = {"all": ["css/review.css"]}
        js = ["js/review-select.js"]  # select words in the text to add a missed record, offsets filled in


@admin.register(DateMention)
class DateMentionAdmin(RecordAdmin):
    anchor_kind = "date"
    list_display = ["text", "start_date", "end_date", "status", "article"]
    search_fields = ["text", "article__headline"]
    fields = ["article", "text", "start", "end", "start_date", "end_date", "status", "is_public", *PROVENANCE]


@admin.register(RegionMention)
class RegionMentionAdmin(RecordAdmin):
    anchor_kind = "region"
    list_display = ["text", "name", "region", "level", "status", "article"]
    list_filter = [*RecordAdmin.list_filter, "level", "region"]
    search_fields = ["text", "name", "region__code", "article__headline"]
    autocomplete_fields = ["region", "parent"]
    fields = ["article", "text", "start", "end", "region", "name", "level", "parent", "status", "is_public", *PROVENANCE]


@admin.register(PersonalData)
class PersonalDataAdmin(RecordAdmin):
    anchor_kind = "pii"
    list_display = ["kind", "field", "text", "status", "article"]
    list_filter = [*RecordAdmin.list_filter, "kind", "field"]
    search_fields = ["article__headline"]
    fields = ["article", "field", "text", "start", "end", "kind", "status", "is_public", *PROVENANCE]


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["code", "name"]
    list_select_related = ["parent"]
    readonly_fields = ["code", "name", "level", "parent", "short_names"]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]

# API tokens live in their own module; importing it registers their admin.
from articles import admin_tokens  # noqa: E402,F401
