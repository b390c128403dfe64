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
