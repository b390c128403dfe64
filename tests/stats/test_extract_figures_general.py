"""Figures on pages from other papers (issue 15): counters of divisions, round magnitudes, fractions, numerals inside
fixed names, cohorts and sessions. Sentences from real news pages (tests/data/real*, spent sets)."""
import pytest

from stats.extract import extract_figures


def figures(text: str) -> list[tuple[str, float, str]]:
    return [(f.text, f.value, f.unit) for f in extract_figures(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("海南、重慶、西藏、陜西等9省區市內貧困縣實現了全部摘帽", ("9省區市", 9, "省区市")),
    ("安宁河流域6县市贫困村全部摘帽", ("6县市", 6, "县市")),
    ("就在去年，勒尔小学装了 3 部电话", ("3 部", 3, "部")),
    ("由 800 米悬崖峭壁和 218 道破旧藤梯组成", ("218 道", 218, "道")),
])
def test_it_reads_counters_of_divisions_telephones_and_steps(text, expected):
    assert expected in figures(text)


@pytest.mark.parametrize("text", [
    "部分地区", "上下山的道路修好了", "三道坎街道的家长李女士说",
])
def test_bu_and_dao_inside_words_and_place_names_are_not_counters(text):
    assert figures(text) == []


def test_a_count_of_levels_after_a_list_of_three_or_more_levels_is_a_figure():
    assert figures("省、市、县三级线上线下同步推进") == [("三级", 3, "级")]
    assert figures("中央、省、州(市)、縣四級財政累計貼息資金") == [("四級", 4, "级")]


@pytest.mark.parametrize("text", [
    "先后与北京6家三级医院建立协作",  # a grade of hospital (the 6家 is a figure)
    "母亲智力三级残疾，享受每月补贴",
    "呼和浩特市、县两级侨联及相关部门参加",  # a pair of levels naming a body
])
def test_a_grade_or_a_pair_of_levels_is_not_a_count_of_levels(text):
    assert [unit for _, _, unit in figures(text)] in ([], ["家"])


@pytest.mark.parametrize(("text", "expected"), [
    ("成為全國第三個貸款總量超過千億元的省份", 100_000_000_000),
    ("小額擔保貸款發放總量目前已突破百億元", 10_000_000_000),
    ("在校医学生逾千名。", 1000),
])
def test_a_round_hundred_or_thousand_with_its_magnitude_or_a_qualifier_is_a_figure(text, expected):
    assert [value for _, value, _ in figures(text)] == [expected]


@pytest.mark.parametrize("text", ["惠及千家万户", "平均每千人拥有执业医师3人"])
def test_a_vague_or_a_rate_base_thousand_is_not_a_figure(text):
    assert all(value != 1000 for _, value, _ in figures(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("1782个贫困村未摘帽、70余万贫困人口未脱贫", ("70余万", 700_000, "")),
    ("西藏人口從100多萬人增加到350多萬。", ("350多萬", 3_500_000, "")),
    ("棚改累計開工4522萬套，1億多居民實現“出棚進樓”", ("1億多", 100_000_000, "")),
])
def test_a_bare_magnitude_with_yu_or_duo_is_a_figure_without_unit(text, expected):
    assert expected in figures(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("农民工总量占全国比重超1/10，城镇调查失业率4.9%", 0.1),
    ("佔全鎮公益性崗位的1/20，是靈活就業的補充", 0.05),
    ("佔農村公益性崗位的近1/5；扶持創業", 0.2),
])
def test_a_written_fraction_is_a_figure_without_unit(text, expected):
    assert (expected, "") in [(value, unit) for _, value, unit in figures(text)]


@pytest.mark.parametrize("text", ["发布时间:2020/05/29 来源:农民日报", "提供24/7服务"])
def test_a_slashed_date_or_a_larger_numerator_is_not_a_fraction(text):
    assert figures(text) == []


@pytest.mark.parametrize("text", [
    "举办东北三省一区大型招聘系列活动",  # fixed names of groups of divisions
    "2017年，民族八省區農村貧困人口減少",
    "全省公务员、事业单位、“三支一扶”招录",  # a programme's name
    "缓解城市内部二元矛盾",
    "在云南省腾冲市清水乡三家村中寨",  # a village
    "人社部正提前安排2024屆畢業生招錄工作",  # a cohort, named by its year
    "参加十二届全国人大三次会议广西代表团审议",  # a session: ordinals
])
def test_numerals_inside_names_cohorts_and_sessions_are_not_figures(text):
    assert figures(text) == []
