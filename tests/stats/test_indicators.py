"""Indicator keys: figures that measure the same thing share one canonical (name, unit)."""

import pytest

from stats.indicators import canonical_unit, indicator_key


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("全区城镇新增就业", "人"), ("城镇新增就业", "人")),
        (("2025年1—10月城镇新增就业人数", "人"), ("城镇新增就业", "人")),
        (("新增城镇就业", "名"), ("城镇新增就业", "人")),
        (("今年开展职业技能培训", "人次"), ("职业技能培训", "人次")),
        (("累计发放创业担保贷款", "元"), ("创业担保贷款", "元")),
        (("已覆盖的定点医药机构", "家"), ("定点医药机构", "家")),
        (("我市提供就业岗位", "个"), ("就业岗位", "个")),
    ],
)
def test_it_groups_measures_that_say_the_same_thing(first, second):
    assert indicator_key(*first) == indicator_key(*second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("城镇新增就业", "人"), ("城镇新增就业", "元")),
        (("创业培训", "人"), ("职业技能培训", "人")),
        (("城镇新增就业", "人"), ("失业人员再就业", "人")),
        (("定点零售药店", "家"), ("定点医疗机构", "家")),
        (("创业担保贷款", "元"), ("稳岗返还资金", "元")),
    ],
)
def test_it_keeps_different_measures_apart(first, second):
    assert indicator_key(*first) != indicator_key(*second)


def test_it_keeps_a_verb_that_starts_the_measure():
    assert indicator_key("累计达成就业意向", "人") == ("达成就业意向", "人")


def test_it_counts_people_the_same_whatever_the_counter():
    assert canonical_unit("名") == canonical_unit("位") == "人"
    assert canonical_unit("人次") == "人次"


def test_it_is_deterministic():
    assert indicator_key("全区城镇新增就业", "人") == indicator_key("全区城镇新增就业", "人")
