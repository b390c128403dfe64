"""Ingest finds the indicators and programmes a page needs in a few statements: what the preload does not find is
created without a lookup of its own, and anything found by a merged key or an alias is still linked, not created."""
import pytest

from policies.extraction.names import program_slug_key
from policies.models import Program
from policies.services import program_for, programs_preload
from stats.indicators import indicator_key
from stats.models import Indicator
from stats.services import indicator_for, indicators_preload

pytestmark = pytest.mark.django_db


def _indicator_key(measure: str, unit: str) -> str:
    name, canonical = indicator_key(measure, unit)
    return f"{name[:120]}|{canonical[:16]}"


def test_it_marks_only_programmes_no_key_merged_key_or_alias_holds():
    before = Program.objects.count()  # the reference vocabulary's programmes
    Program.objects.create(key=program_slug_key("甲乙医保行动"), name="甲乙医保行动", slug="a-1")
    Program.objects.create(key="旧键", name="丙丁帮扶行动", slug="b-1", merged_keys=[program_slug_key("戊己帮扶行动")])
    Program.objects.create(key="别名键", name="庚辛就业计划", slug="c-1", aliases=["壬癸就业计划"])
    cache: dict = {}
    names = ["甲乙医保行动", "戊己帮扶行动", "壬癸就业计划", "子丑养老工程"]
    programs_preload(names=names, cache=cache)
    absent = {key[1] for key in cache if key[0] == "program_absent"}
    assert absent == {program_slug_key("子丑养老工程")}
    linked = {name: program_for(name=name, kind="program", surface=name, cache=cache).name for name in names}
    assert linked == {
        "甲乙医保行动": "甲乙医保行动", "戊己帮扶行动": "丙丁帮扶行动", "壬癸就业计划": "庚辛就业计划",
        "子丑养老工程": "子丑养老工程",
    }
    assert Program.objects.count() == before + 4


def test_a_programme_marked_absent_but_created_meanwhile_is_found_not_duplicated():
    before = Program.objects.count()
    cache: dict = {}
    programs_preload(names=["寅卯助学行动"], cache=cache)
    Program.objects.create(key=program_slug_key("寅卯助学行动"), name="寅卯助学行动", slug="d-1")  # another ingest
    assert program_for(name="寅卯助学行动", kind="program", surface="寅卯助学行动", cache=cache).slug == "d-1"
    assert Program.objects.count() == before + 1


def test_it_marks_only_indicators_no_key_or_merged_key_holds():
    before = Indicator.objects.count()
    merged = _indicator_key("新建充电桩数量", "个")
    Indicator.objects.create(key="旧指标|个", name="充电桩", unit="个", slug="e-1", merged_keys=[merged])
    cache: dict = {}
    pairs = [("新建充电桩数量", "个"), ("新建口袋公园数量", "个")]
    indicators_preload(pairs=pairs, cache=cache)
    assert {key[1] for key in cache if key[0] == "indicator_absent"} == {_indicator_key("新建口袋公园数量", "个")}
    assert indicator_for(measure="新建充电桩数量", unit="个", cache=cache).slug == "e-1"
    assert indicator_for(measure="新建口袋公园数量", unit="个", cache=cache).key == _indicator_key("新建口袋公园数量", "个")
    assert Indicator.objects.count() == before + 2


def test_indicators_made_before_keys_were_stored_keep_the_one_by_one_lookup():
    before = Indicator.objects.count()
    name, unit = indicator_key("新建口袋公园数量", "个")
    Indicator.objects.create(key=None, name=name, unit=unit, slug="f-1")
    cache: dict = {}
    indicators_preload(pairs=[("新建口袋公园数量", "个")], cache=cache)
    assert not [key for key in cache if key[0] == "indicator_absent"]
    assert indicator_for(measure="新建口袋公园数量", unit="个", cache=cache).slug == "f-1"
    assert Indicator.objects.count() == before + 1
