"""Loading the programme vocabulary: file entries inserted, editors' entries and additions kept; merges add aliases."""
import pytest
from django.core.management import call_command

from articles.services import programme_vocabulary_sync
from policies.extraction.vocabulary import vocabulary
from policies.models import Program, VocabularyEntry
from policies.services import program_for, program_merge

pytestmark = pytest.mark.django_db


def _csv(tmp_path, rows: str):
    path = tmp_path / "vocabulary.csv"
    path.write_text("name,aliases,kind,level,issuing_body,first_year\n" + rows, encoding="utf-8")
    return path


def test_load_reference_data_loads_every_vocabulary_entry():
    VocabularyEntry.objects.all().delete()
    call_command("load_reference_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert VocabularyEntry.objects.count() == len(vocabulary())
    entry = VocabularyEntry.objects.get(name="新型农村合作医疗")
    assert ("新农合" in entry.aliases, entry.level, entry.first_year) == (True, "national", 2003)


def test_reloading_keeps_what_an_editor_added_to_an_entry(tmp_path):
    VocabularyEntry.objects.all().delete()
    path = _csv(tmp_path, "甲工程,甲工,program,national,国务院,\n")
    programme_vocabulary_sync(csv_path=path)
    VocabularyEntry.objects.filter(name="甲工程").update(aliases=["甲工", "甲项"], issuing_body="某部")
    VocabularyEntry.objects.create(name="乙计划", aliases=["乙"], added_by_editor=True)
    path = _csv(tmp_path, "甲工程,甲工|甲程,program,national,国务院,2001\n乙计划,,campaign,provincial,省政府,\n")
    assert programme_vocabulary_sync(csv_path=path) == 2
    first = VocabularyEntry.objects.get(name="甲工程")
    assert (first.aliases, first.issuing_body, first.first_year) == (["甲工", "甲项", "甲程"], "某部", 2001)
    second = VocabularyEntry.objects.get(name="乙计划")
    assert (second.aliases, second.kind, second.issuing_body) == (["乙"], "program", "")


def test_an_entry_dropped_from_the_file_is_deleted_unless_an_editor_owns_it_or_merged_into_it(tmp_path):
    # The vocabulary file dropped names that are no schemes (兜底扶贫, 营养餐): an upgraded site must stop finding them.
    VocabularyEntry.objects.all().delete()
    programme_vocabulary_sync(csv_path=_csv(tmp_path, "兜底扶贫,,program,,,\n营养餐,,program,,,\n丁计划,,program,,,\n"))
    VocabularyEntry.objects.create(name="戊行动", aliases=["戊"], added_by_editor=True)
    Program.objects.create(name="丁计划", key="丁计划", slug="ding", merged_keys=["丁专项计划"])
    assert programme_vocabulary_sync(csv_path=_csv(tmp_path, "营养餐,,program,,,\n")) == 1
    assert sorted(VocabularyEntry.objects.values_list("name", flat=True)) == ["丁计划", "戊行动", "营养餐"]


def test_a_programme_merge_adds_the_merged_names_to_the_vocabulary_entry():
    entry = VocabularyEntry.objects.create(name="丙行动", aliases=["丙"])
    survivor = Program.objects.create(name="丙行动", key="丙行动", slug="bing")
    other = Program.objects.create(name="丙专项行动", key="丙专项行动", slug="bing-2", aliases=["丙专项"])
    program_merge(survivor=survivor, others=[other])
    entry.refresh_from_db()
    assert entry.aliases == ["丙", "丙专项行动", "丙专项"]


def test_a_mention_by_an_alias_creates_the_programme_under_its_vocabulary_name():
    program = program_for(name="棚改", kind="program", surface="棚改", cache={})
    assert program.name == "棚户区改造"
    assert program_for(name="棚户区改造", kind="program", surface="棚户区改造", cache={}) == program
