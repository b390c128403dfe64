"""Record writes at scale: a page's records in a bounded number of statements, ids kept across re-parse and
re-ingest while span and text are unchanged, and no history rows for what only the parser wrote."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import DateMention, PersonalData, RegionMention
from articles.services import source_ingest, source_reparse
from articles.services.review import record_save_by_editor
from policies.models import ProgramMention, QAPair
from stats.models import Figure

pytestmark = pytest.mark.django_db

KINDS = {
    "figures": Figure,
    "dates": DateMention,
    "regions": RegionMention,
    "programs": ProgramMention,
    "qa": QAPair,
    "personal data": PersonalData,
}


def _page(n: int, seed: int, *, changed: int | None = None) -> bytes:
    """One article of `n` paragraphs, each with a date, regions, figures, a programme, personal data and a Q&A pair;
    `changed` rewrites the figures of that one paragraph (a new version of the page)."""
    paragraphs = []
    for i in range(n):
        jobs = f"{seed}{i}" if i != changed else f"{seed + 1}{i}"  # same length: later spans stay
        paragraphs.append(
            f"2024年{i % 12 + 1}月{i % 28 + 1}日，包头市城镇新增就业{jobs}人，同比增长{i % 9 + 1}%。"
            f"自治区实施“乡村振兴带头人培育计划”，惠及{i + 3}万余人。联系人王先生，手机13912{i:06d}。"
        )
        paragraphs.append(f"问：第{i}项补贴怎么申请？\n答：到社区服务站申请第{i}项补贴。")
    body = "\n\n".join(paragraphs)
    return f"民声\n\n就业形势稳中向好（{seed}）\n\n□本报记者 张三\n\n{body}\n".encode()


def _ids(source) -> dict[str, set[tuple[int, int, int, str]]]:
    return {
        name: set(model.objects.filter(article__source=source).values_list("pk", "start", "end", "text"))
        for name, model in KINDS.items()
    }


def test_the_test_page_has_every_kind_of_record():
    outcome = source_ingest(raw=_page(4, 1), name="kinds.txt")
    assert all(_ids(outcome.source).values()), {name: len(rows) for name, rows in _ids(outcome.source).items()}


def test_statements_per_page_do_not_grow_with_its_records():
    source_ingest(raw=_page(3, 1), name="warm-up.txt")  # the indicators and the programme exist from here on
    counts = {}
    for n in (10, 30):
        with CaptureQueriesContext(connection) as ingest:
            outcome = source_ingest(raw=_page(n, n), name=f"records-{n}.txt")
        with CaptureQueriesContext(connection) as reparse:
            source_reparse(source=outcome.source)
        records = sum(len(rows) for rows in _ids(outcome.source).values())
        counts[n] = (len(ingest.captured_queries), len(reparse.captured_queries), records)
    assert counts[30][2] >= 3 * counts[10][2] - 10  # three times the records …
    assert counts[30][0] == counts[10][0]  # … in as many statements
    assert counts[30][1] == counts[10][1]
    assert counts[10][0] <= 60, counts


def test_every_record_keeps_its_id_across_a_reparse():
    outcome = source_ingest(raw=_page(5, 2), name="stable.txt")
    before = _ids(outcome.source)
    source_reparse(source=outcome.source)
    assert _ids(outcome.source) == before


def test_a_new_version_of_a_page_keeps_the_ids_of_unchanged_records_and_replaces_the_changed_ones():
    first = source_ingest(raw=_page(5, 3), name="versioned.txt")
    before = _ids(first.source)
    second = source_ingest(raw=_page(5, 3, changed=2), name="versioned.txt")
    assert second.source.pk == first.source.pk
    after = _ids(second.source)
    for name in KINDS:
        if name != "figures":
            assert after[name] == before[name], name
    gone, new = before["figures"] - after["figures"], after["figures"] - before["figures"]
    assert gone and new  # the changed paragraph's job figure: a new record for the new span …
    assert {pk for pk, *_ in gone}.isdisjoint(pk for pk, *_ in new)
    assert not Figure.objects.filter(pk__in=[pk for pk, *_ in gone]).exists()  # … and the old one gone
    kept = before["figures"] & after["figures"]
    assert len(kept) >= len(before["figures"]) - 2


def test_the_parser_writes_no_history_but_an_editors_first_change_shows_old_and_new(django_user_model):
    editor = django_user_model.objects.create_user("editor13", password="a-long-test-password", is_staff=True)
    before = Figure.history.count()
    outcome = source_ingest(raw=_page(4, 4), name="history.txt")
    source_reparse(source=outcome.source)
    assert Figure.history.count() == before
    figure = Figure.objects.filter(article__source=outcome.source).order_by("start").first()
    old = figure.value
    figure.value = old + 1
    record_save_by_editor(record=figure, user=editor, changed_fields=["value"])
    latest = figure.history.first()
    changes = {change.field: (change.old, change.new) for change in latest.diff_against(latest.prev_record).changes}
    assert changes["value"] == (old, old + 1)
    source_reparse(source=outcome.source)  # the editor's record keeps its id, its value and its history
    figure.refresh_from_db()
    assert figure.value == old + 1
    assert figure.history.count() == 2


def test_a_reparse_moves_the_apis_data_version():
    from config.api_http import data_last_modified

    outcome = source_ingest(raw=_page(2, 5), name="version.txt")
    before = data_last_modified()
    source_reparse(source=outcome.source)
    assert data_last_modified() > before


def test_programmes_and_indicators_that_ingest_makes_have_no_history_until_an_editor_changes_them(django_user_model):
    from policies.models import Program
    from policies.services import program_merge, program_save_by_editor
    from stats.models import Indicator
    from stats.services import indicator_save_by_editor

    editor = django_user_model.objects.create_user("editor13b", password="a-long-test-password", is_staff=True)
    programs, indicators = Program.history.count(), Indicator.history.count()
    outcome = source_ingest(raw=_page(3, 6), name="made-by-ingest.txt")
    source_reparse(source=outcome.source)
    made = Program.objects.filter(mentions__article__source=outcome.source).distinct()
    assert made.exists() and Indicator.objects.filter(figures__article__source=outcome.source).exists()
    assert (Program.history.count(), Indicator.history.count()) == (programs, indicators)

    program = made.first()
    old_name = program.name
    program.name = old_name + "（编辑改名）"
    program_save_by_editor(program=program, user=editor, changed_fields=["name"])
    latest = program.history.first()
    assert latest.history_user == editor and latest.prev_record.history_user is None  # the baseline, by no user
    assert {c.field: (c.old, c.new) for c in latest.diff_against(latest.prev_record).changes}["name"] == (
        old_name, old_name + "（编辑改名）")

    indicator = Indicator.objects.filter(figures__article__source=outcome.source).first()
    indicator.is_featured = not indicator.is_featured
    indicator_save_by_editor(indicator=indicator, user=editor)
    assert [version.history_user for version in indicator.history.all()] == [editor, None]

    other = Program.objects.exclude(pk=program.pk).filter(mentions__isnull=False).first()
    other_id = other.pk
    program_merge(survivor=program, others=[other], user=editor)  # the merged one: its baseline, then its deletion
    assert list(Program.history.filter(id=other_id).order_by("history_id").values_list("history_type", flat=True)) == ["+", "-"]
