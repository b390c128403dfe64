"""Figure extraction: quantities with units, qualifiers, changes, ranges and the things that are not figures."""

from pathlib import Path

import pytest

from stats.extract import Figure, extract_figures

PAGES = Path(__file__).resolve().parents[2] / "fixtures" / "pages"


def only(text: str) -> Figure:
    figures = extract_figures(text)
    assert len(figures) == 1, figures
    return figures[0]


def test_it_reads_a_counter_with_a_qualifier_and_the_measure_after_it():
    figure = only("目前已覆盖全区三级医院，每周530余名区外专家在内蒙古各地出诊。")
    assert (figure.text, figure.value, figure.unit, figure.qualifier) == ("530余名", 530, "名", "余")
    assert figure.measure.startswith("区外专家")


def test_it_multiplies_out_wan_and_yi():
    assert only("让11.8亿元政策红利直达快享").value == 1_180_000_000
    assert only("整合企业1.6万个岗位").value == 16_000
    figure = only("综合负担较调价前下降3369.38万元")
    assert (figure.value, figure.unit, figure.change) == (33_693_800, "元", "下降")


def test_it_keeps_offsets_that_point_at_the_text():
    text = "全区城镇新增就业6.71万人，就业形势稳定。"
    figure = only(text)
    assert text[figure.start : figure.end] == figure.text == "6.71万人"
    assert figure.measure == "城镇新增就业"


def test_it_reads_a_change_with_its_change_word_in_the_text():
    figures = extract_figures("稳定开展诊疗服务人数达1870余人，同比增长23%；")
    assert [f.text for f in figures] == ["达1870余人", "同比增长23%"]
    assert (figures[1].value, figures[1].unit, figures[1].change) == (23, "%", "同比增长")
    assert figures[1].measure == figures[0].measure


@pytest.mark.parametrize(
    ("text", "surface", "qualifier"),
    [
        ("提供就业岗位超4.7万个", "超4.7万个", "超"),
        ("收到简历超过7.8万份", "超过7.8万份", "超"),
        ("惠及逾2000户家庭", "逾2000户", "超"),
        ("单株产量可达30斤左右", "达30斤左右", "约"),
        ("个人最高30万元的贷款", "最高30万元", "最高"),
        ("缴费标准不低于400元", "不低于400元", "不低于"),
        ("激活率达98%以上", "达98%以上", "以上"),
        ("每年49万多元的治疗费用", "49万多元", "多"),
        ("输送近300人返岗务工", "近300人", "近"),
    ],
)
def test_it_normalises_qualifiers(text, surface, qualifier):
    figure = only(text)
    assert (figure.text, figure.qualifier) == (surface, qualifier)


def test_it_joins_a_number_split_by_a_stray_space_or_a_line_break():
    assert only("一支 5608 元").value == 5608
    assert only("一支5608\n元").text == "5608\n元"
    assert only("培训学员2000 余人").qualifier == "余"
    assert only("费用下降 3369.38 万元").value == 33_693_800


def test_it_reads_full_width_digits():
    figure = only("发放补贴１２３．５万元")
    assert (figure.value, figure.unit, figure.text) == (1_235_000, "元", "１２３．５万元")


@pytest.mark.parametrize(
    ("text", "value", "value_max", "unit"),
    [
        ("之前每个月花费三四万元", 30_000, 40_000, "元"),
        ("冷藏食品需在2-8℃保存", 2, 8, "℃"),
        ("每户补贴3000至5000元", 3000, 5000, "元"),
    ],
)
def test_it_reads_ranges(text, value, value_max, unit):
    figure = only(text)
    assert (figure.value, figure.value_max, figure.unit) == (value, value_max, unit)


def test_it_reads_a_negative_temperature():
    figure = only("冷冻食品应低于-18℃")
    assert (figure.value, figure.qualifier) == (-18, "以下")


def test_it_splits_an_increase_into_two_figures():
    figures = extract_figures("我们已经将9种产品增至24种产品")
    assert [(f.value, f.unit, f.change) for f in figures] == [(9, "种", None), (24, "种", None)]


def test_it_splits_a_dimension_into_one_figure_per_side():
    figures = extract_figures("腹腔里长着16×10cm的肿瘤")
    assert [(f.text, f.value, f.unit) for f in figures] == [("16", 16, "cm"), ("10cm", 10, "cm")]


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("现在是一万多元", 10_000, "元", "多"),
        ("开设十余个培训班", 10, "个", "余"),
        ("这两台高难度手术", 2, "台", None),
        ("出台三项措施", 3, "项", None),
        ("一个月就能省3万多块钱", 30_000, "元", "多"),
        ("缴纳社会保险一年以上的", 1, "年", "以上"),
    ],
)
def test_it_reads_chinese_numerals_with_a_counter(text, value, unit, qualifier):
    figure = only(text)
    assert (figure.value, figure.unit, figure.qualifier) == (value, unit, qualifier)


@pytest.mark.parametrize(
    "text",
    [
        "2025年城市联合招聘进校园",
        "11月21日，手术室灯火通明",
        "2026年4月2日是第十九个世界孤独症日",
        "紧扣“1571”工作部署",
        "构建“1+3+N”管理推进模式",
        "拨打12345热线",
        "推广5G网络",
        "提供一站式管家服务",
        "有了一技之长",
        "集采药品三进行动",
        "规划十大中心",
        "推行四位一体培训模式",
        "印发《实施方案(2025—2028年)》",
        "身份证号150102199001011234",
        "联系电话0471-6666666",
        "第一步是办理参保登记",
        "他四处求医",
        "一名患儿腹腔里",
        "近两年，他还推广新模式",
        "前3个月城镇调查失业率持平",
        "六部门联合出台",
    ],
)
def test_it_does_not_read_names_dates_ordinals_or_idioms_as_figures(text):
    assert extract_figures(text) == []


def test_it_reads_durations_and_ages():
    assert [(f.value, f.unit) for f in extract_figures("设置等待期3个月")] == [(3, "个月")]
    assert [(f.value, f.unit) for f in extract_figures("30年间，他四处求医")] == [(30, "年")]
    figure = only("当43岁的刘军首次睁开右眼")
    assert (figure.value, figure.unit, figure.measure) == (43, "岁", "年龄")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("每人每月发放护理补贴200元至500元", ("200元至500元", 200, 500, "元")),
        ("月薪在4500元—6000元之间", ("4500元—6000元", 4500, 6000, "元")),
        ("可申请8000元到2万元的救助", ("8000元到2万元", 8000, 20_000, "元")),
        ("招收18岁至35岁的学员", ("18岁至35岁", 18, 35, "岁")),
    ],
)
def test_it_joins_two_figures_with_a_range_mark_into_one_range(text, expected):
    figure = only(text)
    assert (figure.text, figure.value, figure.value_max, figure.unit) == expected


def test_it_keeps_a_change_from_one_value_to_another_as_two_figures():
    figures = extract_figures("标准由每人每月600元到650元，由860元提高到900元")
    assert [(f.value, f.value_max) for f in figures] == [(600, None), (650, None), (860, None), (900, None)]


@pytest.mark.parametrize(
    ("text", "value", "value_max", "unit"),
    [
        ("全村存栏十二三万羊单位", 120_000, 130_000, "羊单位"),
        ("预计提供岗位一万二三千个", 12_000, 13_000, "个"),
        ("每年能多挣两三千块钱", 2000, 3000, "元"),
        ("一年要跑七八趟", 7, 8, "趟"),
    ],
)
def test_it_reads_chinese_numeral_ranges_before_any_place_word(text, value, value_max, unit):
    figure = only(text)
    assert (figure.value, figure.value_max, figure.unit) == (value, value_max, unit)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("全年开展义诊46场次", 46, "场次"),
        ("累计完成筛查1.3万例", 13_000, "例"),
        ("上门服务820例次", 820, "例次"),
        ("储备检测试剂5000人份", 5000, "人份"),
        ("接种疫苗3200剂次", 3200, "剂次"),
        ("须在5个工作日内办结", 5, "个工作日"),
        ("全国12省份参加联盟采购", 12, "省份"),
    ],
)
def test_it_reads_compound_counters_whole(text, value, unit):
    figure = only(text)
    assert (figure.value, figure.unit) == (value, unit)


def test_it_reads_a_bare_wan_number_before_a_noun_with_an_empty_unit():
    figure = only("全市48.6万城乡居民参加体检")
    assert (figure.text, figure.value, figure.unit) == ("48.6万", 486_000, "")


def test_it_reads_round_hundreds_and_thousands_after_shang():
    figure = only("吸引上百名志愿者")
    assert (figure.text, figure.value, figure.unit) == ("上百名", 100, "名")


def test_it_reads_a_chinese_numeral_duration_with_nei():
    assert [(f.value, f.unit) for f in extract_figures("对成立两年内的小微企业")] == [(2, "年")]


@pytest.mark.parametrize(
    "text",
    [
        "打造“10分钟健康服务圈”",
        "推行“三个清单”工作法",
        "在六户镇举办培训",
        "例如，3例如下",
    ],
)
def test_it_skips_numbers_inside_quoted_names_and_place_names(text):
    assert [f.text for f in extract_figures(text) if f.unit != "例"] == []


def test_it_keeps_figures_in_quoted_speech_and_quoted_offers():
    assert [f.value for f in extract_figures("“一碗面只要12块钱！”")] == [12]
    assert [f.value for f in extract_figures("推出“满300元减30元”活动")] == [300, 30]


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("全年城镇登记失业率控制在4.5%以内", "城镇登记失业率"),
        ("月工资保持在6000元左右", "月工资"),
        ("困难群众救助标准由每人每月700元提高到760元", "困难群众救助标准"),
        ("参保人数从12万人增至15万人", "参保人数"),
    ],
)
def test_it_trims_dangling_verbs_and_prepositions_from_the_measure(text, measure):
    assert extract_figures(text)[0].measure == measure


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("通过免申即享等方式让2.6亿元救助资金“应发尽发”", "救助资金"),
        ("各地将1500万元奖补资金拨付到村", "奖补资金"),
    ],
)
def test_after_a_causative_the_measure_is_what_follows_the_figure(text, measure):
    assert extract_figures(text)[0].measure == measure


def test_it_names_period_and_region_when_the_sentence_says():
    figure = only("2025年1—10月，全区城镇新增就业6.71万人")
    assert (figure.period, figure.region_text) == ("2025年1—10月", "全区")


def test_it_returns_figures_sorted_by_start():
    figures = extract_figures("提供岗位560个，举办招聘活动131场，8537名毕业生落实去向。")
    assert [f.start for f in figures] == sorted(f.start for f in figures)
    assert [f.measure for f in figures] == ["岗位", "招聘活动", "毕业生"]


def test_it_handles_the_seed_pages_quickly():
    import time

    texts = [path.read_text(encoding="utf-8") for path in sorted(PAGES.glob("*.txt"))]
    began = time.perf_counter()
    counts = [len(extract_figures(text)) for text in texts]
    assert time.perf_counter() - began < 1.0
    assert all(count >= 20 for count in counts)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("历时5个多月", 5, "个月"),
        ("走二十多里山路", 20, "里"),
        ("办理18单业务", 18, "单"),
        ("每2小时巡查一次", 2, "小时"),
    ],
)
def test_it_reads_more_counters_and_frequencies(text, value, unit):
    figure = only(text)
    assert (figure.value, figure.unit) == (value, unit)


@pytest.mark.parametrize("text", ["全市40家单位参加", "在里程碑上"])
def test_unit_characters_inside_words_are_not_units(text):
    assert all(f.unit not in ("单", "里") for f in extract_figures(text))
