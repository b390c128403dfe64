"""Segmentation keeps place names whole."""

from articles.extract.segmenter import cut, get_tokenizer


def test_it_keeps_a_press_abbreviation_of_a_banner_whole():
    assert "科右中旗" in cut("科右中旗推进牧区养老服务")


def test_it_keeps_a_prefecture_name_whole():
    assert "乌兰察布市" in cut("乌兰察布市人社局发布招聘公告")


def test_it_keeps_a_county_name_whole_after_its_prefecture():
    words = cut("兴安盟突泉县开展义诊活动")
    assert "兴安盟" in words and "突泉县" in words


def test_the_tokenizer_is_built_once():
    assert get_tokenizer() is get_tokenizer()


def test_it_returns_the_whole_text():
    text = "包头市昆区新建三所幼儿园。"
    assert "".join(cut(text)) == text
