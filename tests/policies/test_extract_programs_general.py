"""Programme rules that carry over to pages the rules were not written on (issue 15): classes of names, not names.

Each sentence is from a real news page (tests/data/real*, spent sets), or a plain variant of one."""
import pytest

from policies.extract import extract_programs


def names(text: str) -> list[str]:
    return [mention.name for mention in extract_programs(text)]


@pytest.mark.parametrize("text", [
    "高台县11家扶贫车间吸纳就业357人",  # a facility, like 养老机构
    "截至9月底，全市共建有养老机构169家、农村幸福院1885个。",
    "城镇新增就业4.5万人，零就业家庭继续保持动态清零。",  # the households a scheme helps
    "新疆最后10个未脱贫县经评估核查符合贫困县退出标准和条件。",  # counties leaving a designation
])
def test_a_facility_a_group_of_people_or_a_designation_is_not_a_programme(text):
    assert names(text) == []


def test_the_scheme_for_those_households_is_still_found():
    assert names("全面落实零就业家庭援助，确保动态清零。") == ["零就业家庭援助"]


def test_a_listed_name_takes_a_strategy_head_that_follows_it():
    assert "就业优先战略" in names("新疆维吾尔自治区坚持就业优先战略和积极就业政策，实现更充分就业。")
    assert names("精準扶貧精準脫貧方略在民族地區得到有效落實。") == ["精准扶贫精准脱贫方略"]


def test_a_policy_head_after_a_listed_scheme_still_does_not_join_it():
    assert names("落实创业担保贷款政策，发放贷款1.62亿元。") == ["创业担保贷款"]


def test_a_verb_the_segmenter_glued_to_the_next_word_does_not_start_the_name():
    # jieba cuts 制 / 发 / 服务…: 制发 (制定印发) introduces the plan like 印发 does.
    text = "全力助企发展稳住就业岗位。制发服务招商引资企业落地发展工作方案，对接550个招商引资企业。"
    assert names(text) == ["服务招商引资企业落地发展工作方案"]


def test_a_verb_cut_as_its_own_word_is_left_out_as_before():
    assert names("省人社厅印发稳岗扩岗提质工程实施方案。") == ["稳岗扩岗提质工程实施方案"]


@pytest.mark.parametrize("text, name", [
    ("省政府办公厅印发《甘肅省失業預警應急預案》，建立失业预警制度。", "甘肃省失业预警应急预案"),
    ("《2017年民族地区农村贫困监测情况》发布：3年安排资金逾千亿元。", "2017年民族地区农村贫困监测情况"),
    ("国家统计局发布《2023年农民工监测调查报告》。", "2023年农民工监测调查报告"),
])
def test_titles_of_contingency_plans_reports_and_bulletins_are_documents(text, name):
    assert names(text) == [name]


def test_a_newspaper_or_an_article_title_is_still_not_a_document():
    assert names("据《光明日报》刊发的《广西:抢抓时代机遇富民兴桂》一文报道。") == []


def test_a_quoted_name_ending_in_a_responsibility_system_is_a_mechanism():
    mention, = extract_programs("还要持续加大“菜篮子”市长负责制的考核，扩大设施蔬菜面积。")
    assert (mention.name, mention.kind) == ("菜篮子市长负责制", "mechanism")


def test_a_long_quoted_name_given_as_an_example_of_a_kind_of_campaign_is_a_name():
    text = "湖北省密集开展“才聚荆楚·百日千万网络招聘”等线上线下系列招聘活动，共提供岗位12万个。"
    assert names(text) == ["才聚荆楚·百日千万网络招聘"]


@pytest.mark.parametrize("text", [
    "围绕“建房、搬迁、就业、保障、配套、退出”等环节，挂上“作战图”。",  # a list of steps
    "推出“家门厂门点对点、交通运输点对点”等暖心服务。",  # a list, and no programme head
    "在“乌兰察布之夜”等特色街区设置招聘信息墙。",  # no programme head after 等
])
def test_a_quoted_list_or_a_quote_before_等_without_a_programme_head_is_not_a_name(text):
    assert names(text) == []


def test_a_count_of_parts_before_the_subject_belongs_to_the_name():
    # 七 alone would be a number that ends the name (…大产业高质量发展三年行动).
    assert "农业七大产业高质量发展三年行动" in names("我们将深入推进农业七大产业高质量发展三年行动，充分发挥龙头企业作用。")


def test_a_verb_that_only_begins_a_longer_word_is_kept():
    # 组织 is a boundary verb, but here it begins the word 组织部.
    assert names("会上，组织部人才引进工程启动。") == ["组织部人才引进工程"]
