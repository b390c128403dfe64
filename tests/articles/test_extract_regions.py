"""Region extraction: full, short, alias, joined, organisation and township forms, with false-hit guards."""

from pathlib import Path

import pytest

from articles.extract.context import ExtractContext
from articles.extract.regions import extract_regions, infer_focus_region, infer_home_region

IM = ExtractContext(home_region="150000")
PAGES = Path(__file__).resolve().parents[2] / "fixtures" / "pages"


def _codes(text, ctx=IM):
    return [m.code for m in extract_regions(text, ctx)]


def _by_text(text, ctx=IM):
    return {m.text: m for m in extract_regions(text, ctx)}


def test_it_reads_a_full_province_name_as_one_mention():
    mentions = extract_regions("内蒙古自治区卫生健康委发布通知。", IM)
    assert [(m.text, m.code, m.level) for m in mentions] == [("内蒙古自治区", "150000", "province")]


def test_it_gives_offsets_that_slice_the_mention_back_out():
    text = "近日，赤峰市松山区举办招聘会。"
    for mention in extract_regions(text, IM):
        assert text[mention.start : mention.end] == mention.text


def test_it_finds_a_county_after_its_prefecture_with_its_parent():
    mentions = _by_text("巴彦淖尔市乌拉特中旗新建牧区卫生室。")
    assert mentions["巴彦淖尔市"].code == "150800"
    assert mentions["乌拉特中旗"].code == "150824"
    assert mentions["乌拉特中旗"].parent_code == "150800"


def test_it_reads_short_names_and_press_abbreviations():
    mentions = _by_text("来自通辽、科右前旗和达茂旗的牧民在呼市参加培训。")
    assert mentions["通辽"].name == "通辽市"
    assert mentions["科右前旗"].code == "152221"
    assert mentions["达茂旗"].code == "150223"
    assert mentions["呼市"].code == "150100"


@pytest.mark.parametrize(
    ("text", "surface", "code"),
    [
        ("北京儿童医院专家到包头义诊。", "北京", "110000"),
        ("乌兰察布市人社局公布名单。", "乌兰察布市", "150900"),
        ("内蒙古儿童医院开设新门诊。", "内蒙古", "150000"),
        ("包头市新华书店举办读书会。", "包头市", "150200"),
        ("内蒙古大学的学生走进社区。", "内蒙古", "150000"),
    ],
)
def test_it_finds_the_region_inside_an_organisation_name(text, surface, code):
    assert _by_text(text)[surface].code == code


def test_it_splits_joined_provincial_abbreviations_before_a_cooperation_word():
    mentions = extract_regions("深化京蒙协作，沪蒙两地共建产业园。", IM)
    assert [(m.text, m.code) for m in mentions] == [
        ("京", "110000"), ("蒙", "150000"), ("沪", "310000"), ("蒙", "150000"),
    ]


def test_it_reads_a_run_of_three_abbreviations_without_home_context():
    assert _codes("京津冀地区的医院接诊。", ExtractContext()) == ["110000", "120000", "130000"]


def test_it_reads_a_run_of_first_characters_of_home_prefectures():
    assert _codes("呼包鄂乌城市群加快建设。") == ["150100", "150200", "150600", "150900"]


def test_it_does_not_read_ordinary_words_made_of_abbreviation_characters():
    assert _codes("民生工作迈上新台阶。") == []


def test_it_reads_lucheng_as_baotou_only_on_an_inner_mongolia_page():
    assert _codes("鹿城新建五所幼儿园。") == ["150200"]
    assert "150200" not in _codes("鹿城新建五所幼儿园。", ExtractContext(home_region="330000"))


def test_it_reads_the_capital_nickname_on_a_home_page():
    assert _by_text("首府市民可在家门口办理社保。")["首府"].code == "150100"


def test_it_reads_our_region_as_the_home_autonomous_region():
    mentions = _by_text("我区将在全区推广这一做法。")
    assert mentions["我区"].code == "150000"
    assert mentions["全区"].code == "150000"


def test_it_does_not_read_our_region_without_an_autonomous_home():
    assert _codes("我区将在全区推广这一做法。", ExtractContext(home_region="130000")) == []


def test_it_reads_our_province_on_a_province_page():
    assert _codes("全省新增就业岗位。", ExtractContext(home_region="130000")) == ["130000"]


@pytest.mark.parametrize("text", ["在省内县外稳定就业3个月以上", "区内医院对口帮扶", "在市内跨区就医"])
def test_within_the_province_or_city_is_not_a_mention_of_it(text):
    assert _codes(text, ExtractContext(home_region="130000", focus_region="130800")) == []


def test_it_reads_joined_abbreviations_before_migrant_work():
    assert _codes("组织农牧民赴沪苏务工4600余人次。") == ["310000", "320000"]


def test_it_reads_the_whole_banner_as_the_focus_banner():
    ctx = ExtractContext(home_region="150000", focus_region="150929")
    assert _by_text("全旗新建牧民服务站12个。", ctx)["全旗"].code == "150929"


def test_it_reads_the_whole_city_as_the_prefecture_of_a_focus_county():
    ctx = ExtractContext(home_region="150000", focus_region="150921")
    assert _by_text("全市推广卓资县的经验。", ctx)["全市"].code == "150900"


def test_it_ignores_the_whole_county_when_the_focus_is_a_banner():
    ctx = ExtractContext(home_region="150000", focus_region="150929")
    assert "全县" not in _by_text("全县推广这一做法。", ctx)


def test_it_ignores_a_level_word_inside_another_word():
    assert _codes("园区内企业和安全区设置完毕。") == []


@pytest.mark.parametrize("text", ["坚持绿水青山就是金山银山。", "东胜利村的群众很高兴。", "双方保持和平与长安。"])
def test_it_does_not_read_ambiguous_short_names_inside_ordinary_words(text):
    assert all(m.level in ("township", "village") for m in extract_regions(text, IM))


def test_it_reads_an_ambiguous_short_name_right_after_its_prefecture():
    assert _by_text("包头青山开展义诊。")["青山"].code == "150204"


def test_it_reads_an_ambiguous_district_with_its_suffix():
    assert _by_text("青山区纺织社区举办义卖。")["青山区"].code == "150204"


def test_it_counts_native_of_forms():
    assert _by_text("一名通辽籍老兵回到家乡。")["通辽"].code == "150500"


def test_it_does_not_read_a_generic_district_word_as_a_county():
    assert _codes("城区和郊区的学校同步开学。") == []


def test_it_keeps_other_provinces_county_short_names_out_without_context():
    assert _codes("山东省推进惠民工程，振兴乡村。") == ["370000"]


def test_it_finds_a_township_after_its_county_with_the_county_as_parent():
    mention = _by_text("乌兰察布市卓资县六苏木乡开展救助。")["六苏木乡"]
    assert (mention.code, mention.level, mention.parent_code) == (None, "township", "150921")


def test_it_finds_a_gacha_after_a_sumu():
    mentions = _by_text("锡林郭勒盟阿巴嘎旗别力古台镇巴彦图嘎嘎查的牧民。")
    assert mentions["别力古台镇"].parent_code == "152522"
    assert mentions["巴彦图嘎嘎查"].level == "village"
    assert mentions["巴彦图嘎嘎查"].parent_code == "152522"


def test_it_finds_a_town_named_like_its_county_as_a_township():
    mentions = _by_text("兴安盟突泉县突泉镇新生村建起大棚。")
    assert mentions["突泉镇"].level == "township"
    assert mentions["新生村"].parent_code == "152224"
    assert "突泉" not in mentions


def test_it_takes_a_street_named_after_a_league_as_a_township():
    mentions = _by_text("赤峰市松山区兴安街道举办招聘会。")
    assert mentions["兴安街道"].parent_code == "150404"
    assert all(m.code != "152200" for m in mentions.values())


def test_it_finds_a_village_without_a_county_before_it():
    mention = _by_text("家住乌兰哈达镇的老人说。")["乌兰哈达镇"]
    assert mention.parent_code is None and mention.level == "township"


@pytest.mark.parametrize("text", ["推进城乡融合和乡村振兴。", "他足不出村就能取药。", "农村和城镇居民", "走进社区开展服务"])
def test_it_does_not_read_generic_words_as_townships(text):
    assert extract_regions(text, IM) == []


def test_it_prefers_the_home_province_for_a_district_name_shared_across_provinces():
    assert _by_text("新城区开展义诊。")["新城区"].code == "150102"


def test_it_uses_the_named_city_to_pick_a_shared_district_name():
    assert _by_text("北京市朝阳区的专家来到赤峰。")["朝阳区"].code == "110105"


def test_it_infers_the_home_province_from_the_places_named():
    assert infer_home_region("包头市和赤峰市的医院与北京专家合作，通辽也在推进。") == "150000"
    assert infer_home_region("今天天气很好。") is None


def test_it_infers_a_dominant_county_as_the_focus():
    text = "兴安盟突泉县开展义诊。突泉县今年新建卫生室。"
    assert infer_focus_region(text, "150000") == "152224"


def test_it_infers_the_prefecture_when_no_county_dominates():
    text = "呼和浩特市开展义诊。呼和浩特市卫健委介绍，武川县也将推进。"
    assert infer_focus_region(text, "150000") == "150100"


def test_it_reads_the_seed_pages_as_inner_mongolia_pages_with_their_known_places():
    codes = set()
    for path in sorted(PAGES.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        assert infer_home_region(text) == "150000"
        codes |= {m.code for m in extract_regions(text, IM)}
    assert {"150122", "150929", "152222", "150921", "152224", "150721", "110109", "150726", "150430",
            "150404", "152201", "150302", "150125", "150823", "150222", "150204", "150203"} <= codes


def test_it_reads_the_press_short_forms_of_leagues():
    assert _codes("锡盟和阿盟的牧民") == ["152500", "152900"]


@pytest.mark.parametrize("text", ["新建社区嵌入式养老服务中心46个", "选定3个试点嘎查推行", "青山区依托社区服务站",
                                  "他带上同村的乡亲"])
def test_it_takes_no_township_from_a_verb_or_counter_before_the_suffix(text):
    assert [m.text for m in extract_regions(text, IM) if m.code is None] == []


def test_it_reads_a_village_whose_name_starts_with_a_function_character_after_its_township():
    found = [m.text for m in extract_regions("在河东街道和平社区试点", IM) if m.code is None]
    assert found == ["河东街道", "和平社区"]


@pytest.mark.parametrize("text", ["解决村里的难题", "不少村建起了服务站", "实现城区街道全覆盖", "打造完整社区", "实现建制村通客车"])
def test_verbs_quantifiers_and_generic_words_before_a_village_suffix_are_not_places(text):
    assert [m for m in extract_regions(text, IM) if m.code is None] == []
