"""An article's history as editors need it: besides the article's own versions, every change to its records made from
any page (the review page's inlines, a record's own page, bulk confirm/reject), newest first."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from itertools import groupby

from articles.models import DateMention, PersonalData, RegionMention
from policies.models import ProgramMention, QAPair
from stats.models import Figure

RECORD_MODELS = [(Figure, "数据"), (ProgramMention, "政策提及"), (QAPair, "问答"), (DateMention, "日期"), (RegionMention, "地区"), (PersonalData, "个人信息")]
MAX_ROWS = 300  # per record type: the page stays bounded whatever an article's past
ACTIONS = {"+": "新增", "~": "修改", "-": "删除"}


@dataclass
class RecordChange:
    when: datetime
    kind: str
    record: str
    record_id: int
    action: str
    user: str
    reason: str
    changes: list[tuple[str, object, object]] = field(default_factory=list)  # (field label, old, new)


def article_record_history(article_id: int) -> list[RecordChange]:
    """Every historical version of the article's records, newest first, each with what changed from the version
    before it (compared in memory: one query per record type)."""
    rows: list[RecordChange] = []
    for model, label in RECORD_MODELS:
        versions = list(
            model.history.filter(article_id=article_id).select_related("history_user").order_by("id", "history_date")[:MAX_ROWS]
        )
        for _, group in groupby(versions, key=lambda version: version.id):
            previous = None
            for version in group:
                changes = []
                if previous is not None:
                    delta = version.diff_against(previous)
                    for change in delta.changes:
                        model_field = model._meta.get_field(change.field)
                        labels = dict(model_field.choices or ())  # 自动 → 已确认, not auto → confirmed
                        changes.append((str(model_field.verbose_name), labels.get(change.old, change.old), labels.get(change.new, change.new)))
                rows.append(
                    RecordChange(
                        when=version.history_date, kind=label, record=str(version.instance), record_id=version.id,
                        action=ACTIONS.get(version.history_type, version.history_type),
                        user=version.history_user.get_username() if version.history_user else "系统（导入或重新解析）",
                        reason=version.history_change_reason or "", changes=changes,
                    )
                )
                previous = version
    rows.sort(key=lambda row: row.when, reverse=True)
    return rows
