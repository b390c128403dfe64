"""Programme mentions: quoted names, 《》 titles, unquoted names with a strong head, canonical names and keys."""
import pytest

from policies.extract import canonical_program_name, extract_programs, program_slug_key


def names(text: str) -> list[str]:
    return [mention.name for mention in extract_programs(text)]


def kinds(text: str) -> dict[str, str]:
    return {mention.name: mention.kind for mention in extract_programs(text)}


def test_it_finds_a_document_title_and_keeps_its_year_range():
    text = "市教育局印发《赤峰市学前教育普惠发展实施方案（2024—2027年）》，明确目标。"
    mention = extract_programs(text)[0]
    assert mention.name == "赤峰市学前教育普惠发展实施方案（2024—2027年）"
    assert mention.kind == "document"
    assert text[mention.start:mention.end] == mention.text == "《赤峰市学前教育普惠发展实施方案（2024—2027年）》"


def test_it_ignores_titles_that_are_not_policy_documents():
    assert names("据《北方新报》报道，同学们阅读了《草原上的小木屋》。") == []


def test_it_joins_a_title_split_by_a_line_break():
    assert names("按照《中华人民共和国残疾人保\n障法》规定执行。") == ["中华人民共和国残疾人保障法"]


def test_it_takes_the_head_after_a_quoted_name():
    text = "今年全盟深入实施“技能强盟”培训行动，培训农牧民3000人次。"
    assert kinds(text) == {"技能强盟培训行动": "campaign"}


def test_it_keeps_the_noun_phrase_before_a_short_quoted_tag():
    assert names("自治区卫健委开展基层医院“两提升”行动。") == ["基层医院两提升行动"]


def test_it_keeps_a_quoted_name_that_carries_its_own_head():
    found = extract_programs("我区启动“银龄助学计划”，招募退休教师。")
    assert [(m.name, m.kind, m.text) for m in found] == [("银龄助学计划", "program", "“银龄助学计划”")]


def test_it_reads_single_quotes_inside_a_quotation():
    text = "“今年我们依托‘春蕾护航’女童帮扶项目，帮助了200名女童。”负责人说。"
    assert names(text) == ["春蕾护航女童帮扶项目"]


def test_it_treats_a_quoted_name_under_management_as_a_mechanism_without_the_head():
    # annotation guide: 管理 shows the quote is a mechanism but is not part of its name
    assert kinds("将罕见病用药全部纳入“双通道”管理，保障供应。") == {"双通道": "mechanism"}


def test_it_prefers_the_first_strong_head_after_a_quote():
    assert names("不断完善“1234”社区模式运行机制。") == ["1234社区模式"]


def test_it_rejects_a_short_quoted_tag_with_only_generic_words_before_the_head():
    assert names("健全“两提升”工作长效机制。") == []


def test_it_finds_an_unquoted_name_after_an_introducing_verb():
    text = "全市深入实施乡村医生能力提升工程，并启动高校毕业生就业护航行动。"
    assert kinds(text) == {"乡村医生能力提升工程": "program", "高校毕业生就业护航行动": "campaign"}


def test_it_stops_the_name_at_a_possessive_particle():
    assert names("开展贯穿全年的农民工工资清欠行动。") == ["农民工工资清欠行动"]


def test_it_keeps_a_nominal_verb_right_before_the_head():
    assert names("今年，我区开展东西部消费协作深化行动。") == ["东西部消费协作深化行动"]


def test_it_rejects_generic_policy_phrases():
    text = "落实就业政策和医保政策，推进重点项目和民生工程，完善工作机制，开展专项行动。"
    assert names(text) == []


def test_it_needs_a_place_name_before_an_unquoted_mechanism():
    assert names("构建省内医院之间对口协作机制。") == []
    assert names("依托京津冀养老协作机制，老人异地入住。") == ["京津冀养老协作机制"]


def test_it_links_the_stem_of_a_name_with_a_generic_mechanism_head():
    text = "依托京津冀养老协作机制，老人异地入住。京津冀养老协作开展以来，成效明显。"
    found = extract_programs(text)
    assert [m.name for m in found] == ["京津冀养老协作机制", "京津冀养老协作"]
    assert len({program_slug_key(m.name) for m in found}) == 1


def test_it_skips_one_item_of_a_coordinated_list():
    assert names("推动集采药品进药店、进基层医疗机构行动。") == ["集采"]  # the guide: 集采药品 names 集采


def test_it_does_not_take_a_head_that_only_modifies_the_next_word():
    assert names("建立优质创业项目库，开展四位一体项目化培训。") == []


def test_it_recognises_well_known_programmes_without_a_suffix():
    assert kinds("当地推行以工代赈方式，吸纳群众务工。") == {"以工代赈": "program"}


def test_it_returns_mentions_sorted_with_spans_that_point_into_the_text():
    text = "开展“暖心助残”活动。印发《残疾人就业帮扶办法》。实施助残惠民工程。"
    found = extract_programs(text)
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert all(text[m.start:m.end] == m.text for m in found)
    assert [m.kind for m in found] == ["campaign", "document", "program"]


def test_the_canonical_name_drops_quotes_title_marks_and_full_width_latin_but_keeps_chinese_brackets():
    assert canonical_program_name("“技能照亮前程”培训行动") == "技能照亮前程培训行动"
    assert canonical_program_name("《某某办法（试行）》") == "某某办法（试行）"
    assert canonical_program_name("“ＡＩ＋就业”行动") == "AI+就业行动"
    assert program_slug_key("某某办法（试行）") == program_slug_key("某某办法(试行)")
    assert canonical_program_name("“助康工程”") == "助康工程"


def test_the_slug_key_links_variants_of_one_programme():
    assert program_slug_key("“助康工程”项目") == program_slug_key("助康工程")
    assert program_slug_key("京蒙医疗协作机制") == program_slug_key("京蒙医疗协作")
    assert program_slug_key("《某市就业行动方案（2025—2027年）》") == program_slug_key("某市就业行动方案")
    assert program_slug_key("“三进”行动") != program_slug_key("三进")


def test_it_finds_the_named_programmes_of_a_real_page_without_generic_phrases():
    from pathlib import Path

    page = Path(__file__).resolve().parents[2] / "fixtures" / "pages" / "002_da13f58aa8cedb74.txt"
    found = set(names(page.read_text(encoding="utf-8")))
    assert {"稳岗扩岗提质工程", "技能照亮前程培训行动", "创业内蒙古行动", "青年拎包创业计划"} <= found
    assert not found & {"就业政策", "稳就业政策", "重点项目", "专项行动"}


def test_it_keeps_the_own_head_of_a_quoted_name_before_a_kind_word():
    assert names("县里推进“暖心工程”项目，惠及群众。") == ["暖心工程"]


def test_it_keeps_only_the_quoted_name_before_a_long_description():
    assert names("市妇联发起“星光同行”留守儿童心理健康关爱帮扶项目。") == ["星光同行"]


def test_it_keeps_only_the_quoted_name_when_a_year_follows():
    assert names("举办“青春有约”2025年高校毕业生专场招聘系列活动。") == ["青春有约"]


def test_it_reads_reform_and_contest_as_kind_words_after_a_quote():
    assert names("持续推进“最多跑一次”改革。") == ["最多跑一次改革"]
    assert names("举办“乡村振兴”创新创业大赛。") == ["乡村振兴创新创业大赛"]


def test_it_reads_a_quoted_service_circle_and_an_unquoted_one():
    assert names("全面建成“10分钟养老服务圈”。") == ["10分钟养老服务圈"]
    assert names("着力打造20分钟健身圈，方便居民锻炼。") == ["20分钟健身圈"]


def test_it_drops_the_management_head_but_not_a_list_of_rules():
    assert names("将种粮补贴纳入“一卡通”管理。") == ["一卡通"]
    assert names("药店落实“先扫码、后结算”管理。") == []


def test_it_reads_each_quote_of_a_list_that_shares_a_head():
    text = "启动“金秋助学行动”“雨露助学”等专项帮扶活动。"
    assert names(text) == ["金秋助学行动", "雨露助学"]
    assert names("开展“悦读草原”暨“书香校园”活动。") == ["悦读草原", "书香校园活动"]


def test_it_leaves_a_list_of_quoted_slogans_alone():
    assert names("举办“小而精”“快而准”等线上招聘活动。") == []


def test_it_counts_a_short_quoted_name_again_where_it_is_quoted():
    text = "药品纳入“双通道”管理。对“双通道”药品加强监测。"
    assert names(text) == ["双通道", "双通道"]


def test_it_reads_a_cooperation_after_a_joined_short_form():
    assert names("全市积极参与京蒙医疗协作，成效明显。") == ["京蒙医疗协作"]
    assert names("沪蒙教育合作持续深化。") == ["沪蒙教育合作"]


def test_it_skips_a_joined_cooperation_that_only_qualifies_a_name():
    assert names("自2023年京蒙协作“健康同行计划”实施以来") == ["健康同行计划"]
    assert names("京蒙两地医疗机构合作范围扩大。") == []


def test_it_skips_a_plan_head_used_as_a_verb():
    assert names("该旗计划6月底前完成改造。") == []
    assert names("全盟计划再投入1800万元。") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("我市启动“青城暖心送岗”百日攻坚行动，提供岗位。", "青城暖心送岗百日攻坚行动"),
        ("组织开展农村寄递物流体系建设三年行动，推进快递进村。", "农村寄递物流体系建设三年行动"),
    ],
)
def test_a_span_of_time_in_chinese_numerals_is_part_of_the_name(text, name):
    assert [m.name for m in extract_programs(text)] == [name]


def test_a_verb_that_jieba_tags_as_a_place_does_not_make_a_project_a_programme():
    assert extract_programs("全县新建燕麦精深加工项目2个。") == []


def test_it_reads_a_name_through_the_pinyin_a_mirror_inserted():
    text = "雲南省“創(chuàng)業(yè)擔(dān)保貸款服務(wù)月”活動啟動儀式暨創(chuàng)業(yè)擔(dān)保貸款集中發(fā)放儀式舉行。"
    mentions = extract_programs(text)
    assert [m.name for m in mentions] == ["创业担保贷款服务月活动", "创业担保贷款"]
    assert [text[m.start:m.end] for m in mentions] == [m.text for m in mentions]
    assert mentions[1].text == "創(chuàng)業(yè)擔(dān)保貸款"


def test_a_long_list_item_with_its_own_head_is_a_name_and_the_class_after_etc_is_not():
    text = ("推动实施了乡村旅游从业人员职业技能培训、边境地区农村劳动力创业就业、"
            "农村计划生育家庭就业创业援助行动等系列培训就业工程。")
    assert names(text) == ["农村计划生育家庭就业创业援助行动"]


def test_a_short_list_item_still_shares_the_head_after_the_list():
    assert names("开展进零售药店、进医疗机构、进村卫生室行动。") == []


@pytest.mark.parametrize("text", [
    "同時，政府亦計劃根據相關機制調整租金津貼最高金額。",  # after an adverb
    "今年广西计划实现20个贫困县脱贫摘帽。",  # a lone place before, a verb after
    "全省城镇新增就业完成年度计划的98%。",  # 完成 ends the name, 年度 alone names nothing
    "社署向立法会提交调整标准金额的建议方案。",
])
def test_a_plan_word_used_as_a_verb_or_with_a_generic_modifier_is_no_name(text):
    assert names(text) == []


def test_a_plan_named_after_its_content_is_still_a_name():
    assert names("该区实施乡村振兴计划推进产业发展。") == ["乡村振兴计划"]


def test_a_law_title_in_corner_quotes_is_a_document():
    text = "行政院昨日通過農業部所擬具「老年農民福利津貼暫行條例部分條文修正草案」，將送立法院審議。"
    assert kinds(text) == {"老年农民福利津贴暂行条例部分条文修正草案": "document"}


def test_quoted_speech_that_ends_in_a_document_word_is_no_title():
    assert names("他说“这是我们的规定”，大家都要遵守。") == []


def test_a_name_in_ascii_quotes_takes_its_head():
    assert names('各地建设零工市场(驿站),创新"苏超+就业"模式,年末应届毕业生去向落实率超九成。') == ["苏超+就业模式"]


def test_a_quoted_strategy_takes_its_head():
    assert names("深入实施“藏粮于地、藏粮于技”战略，建设高标准农田。")[0] == "藏粮于地、藏粮于技战略"


def test_a_class_of_works_is_no_name():
    assert names("汛期前各种闸涵工程全部完工。") == []


def test_the_projects_of_a_listed_scheme_are_a_mention_of_the_scheme():
    assert names("今年完成贵州省新一轮易地扶贫搬迁项目建设任务。") == ["易地扶贫搬迁"]


def test_a_listed_schemes_quota_after_generic_words_is_a_mention_of_the_scheme():
    assert names("住房城乡建设部了解到：今年全國棚改計劃新開工289萬套。") == ["棚改"]


@pytest.mark.parametrize("text", [
    "50个创业项目被评为河南省农民工返乡创业示范项目。",  # a designation
    "沿黄的赵堤镇乡村旅游项目也会搭上发展的快车。",  # one local project
])
def test_designations_and_single_local_projects_are_no_programmes(text):
    assert names(text) == []
