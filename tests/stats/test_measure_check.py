"""A figure's measure is kept only as a noun phrase of whole words (pure, jieba's dictionary)."""
import pytest

from stats.extraction.measure_check import checked_measure


@pytest.mark.parametrize("measure, sentence", [
    ("一名患儿腹腔里长着", "一名患儿腹腔里长着16×10cm的肾母细胞瘤"),
    ("孩子妈妈难掩激动", "两个孩子妈妈难掩激动。"),
    ("原则上", ""),
    ("给予", ""),
    ("我公司", ""),
    ("市民可领取满", "市民可领取满100元减50元"),
    ("都仑区家门口就业服务站已建成", "昆都仑区家门口就业服务站已建成12个"),
    ("贫困村退出", "全面完成最后2个贫困村退出"),
    ("比年目标任务", "比年目标任务4%低0.63个百分点"),
])
def test_a_verb_a_clause_a_pronoun_or_a_fragment_is_dropped(measure, sentence):
    assert checked_measure(measure, sentence) is None


@pytest.mark.parametrize("measure, sentence, kept", [
    ("城镇新增就业", "全省城镇新增就业98万人", "城镇新增就业"),
    ("发放创业担保贷款", "全市发放创业担保贷款1.62亿元", "发放创业担保贷款"),
    ("城镇登记失业率", "城镇登记失业率为3.3%", "城镇登记失业率"),
    ("都仑区家门口就业服务站", "昆都仑区家门口就业服务站12个", "昆都仑区家门口就业服务站"),
    ("盟市", "23天覆盖7个盟市", "盟市"),
])
def test_a_noun_phrase_is_kept_and_a_cut_word_made_whole(measure, sentence, kept):
    assert checked_measure(measure, sentence) == kept


@pytest.mark.parametrize("measure, sentence", [
    ("县纳入国家连片特困地区", "楚雄州有8个县纳入国家连片特困地区"),
    ("村位于石漠化严重地区", "1600多个村位于石漠化严重地区"),
    ("有关调整惠及", "有关调整惠及约150万人"),
    ("学生中", "在校2900余名学生中，近2000名孩子是搬迁来的"),
    ("宁明", "龙胜、大新、宁明9个县为重点县"),
    ("居住的城镇棚户区", "兑现改造约1亿人居住的城镇棚户区的承诺"),
    ("粤务工规模", "外省脱贫人口在粤务工规模达408.5万人"),
])
def test_a_predicate_a_place_a_locative_or_a_relative_clause_is_dropped(measure, sentence):
    assert checked_measure(measure, sentence) is None


def test_a_share_read_across_的_names_the_whole_not_the_share():
    assert checked_measure("目标任务", "完成目标任务的87.1%", "87.1%", "%") is None
    assert checked_measure("贫困人口", "全省91.2%的贫困人口均处于集中连片特困地区", "91.2%", "%") is None
    assert checked_measure("脱贫人口务工数", "占东部8省市吸纳脱贫人口务工数45%", "45%", "%") is None
    assert checked_measure("城镇登记失业率", "城镇登记失业率为3.3%", "3.3%", "%") == "城镇登记失业率"


def test_a_measure_ending_on_a_verb_with_its_aspect_particle_is_dropped():
    assert checked_measure("困难群众圆", "约2亿困难群众圆了“安居梦”", "2亿", "") is None


def test_the_measure_is_read_where_the_figure_stands():
    sentence = "记者从市就业局获悉，全市扶持368人创业，带动1251人就业"
    assert checked_measure("就业", sentence, "1251人", "人") is None  # not 就业局: 就业 alone is a verb


@pytest.mark.parametrize("measure, sentence, kept", [
    ("山东全省城镇新增就业", "截至9月底，山东全省城镇新增就业98万人", "城镇新增就业"),
    ("河南省新增农民工返乡创业", "1至2月河南省新增农民工返乡创业1.07万人", "新增农民工返乡创业"),
    ("江苏城镇新增就业", "江苏城镇新增就业超690万人", "城镇新增就业"),
])
def test_the_divisions_a_measure_opens_with_are_left_to_the_region(measure, sentence, kept):
    assert checked_measure(measure, sentence) == kept


def test_a_lone_verb_before_在_or_an_attributive_alone_is_dropped():
    assert checked_measure("生活", "截至目前仍有623万人生活在贫困线以下", "623万人", "人") is None
    assert checked_measure("省定", "完成省定2亿元目标任务的81.11%", "2亿元", "元") is None
    assert checked_measure("城镇登记失业率", "城镇登记失业率控制在4%以内", "4%以内", "%") == "城镇登记失业率"
