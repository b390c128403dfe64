"""Which programme a figure counts (stats/extraction/attribution.py: figure_program, article_programme). Pure: real
extractors on real-style sentences, and plain spans for the rules on names, no database."""
import datetime

from articles.extract.context import ExtractContext
from articles.extract.dates import extract_dates
from articles.extract.regions import extract_regions
from policies.extract import extract_programs
from stats.extract import attribute, extract_figures
from stats.extraction.attribution import ProgramSpan, article_programme, linkable

ISSUE = datetime.date(2019, 8, 6)


def programme(text: str, surface: str) -> str | None:
    ctx = ExtractContext(published_on=ISSUE, home_region="320000")
    figures = attribute(text, extract_figures(text, ctx), ctx, regions=extract_regions(text, ctx),
                        dates=extract_dates(text, ctx), programs=extract_programs(text, ctx))
    found = [f for f in figures if f.text == surface] or [f for f in figures if surface in f.text]
    assert found, f"no figure {surface!r} in {[f.text for f in figures]}"
    return found[0].program


def test_a_figure_whose_sentence_names_no_programme_counts_under_the_articles_programme():
    text = ("2018年，全省共发放创业担保贷款21.24亿元，同比增长21.37%。\n"
            "为300多家小微企业发放贷款2亿多元，引导企业吸纳5000多名就业困难人员。\n"
            "创业担保贷款贴息资金已全部拨付。")
    assert programme(text, "2亿多元") == "创业担保贷款"


def test_an_article_of_several_programmes_has_none_of_its_own():
    text = ("全省发放创业担保贷款21亿元。\n全省实施以工代赈项目30个，以工代赈带动务工群众2000人。\n"
            "创业担保贷款贴息资金已拨付。\n全市城镇登记失业率为3.1%。")
    assert programme(text, "3.1%") is None


def test_a_register_qualifies_its_own_clause_not_the_sentences_other_counts():
    text = "2018年，广西实现116万建档立卡贫困人口脱贫、1452个贫困村出列。"
    assert programme(text, "116万") == "建档立卡"
    assert programme(text, "1452个") is None
    text = "春节以来全省人社部门共举办“春风行动”招聘会、洽谈会1394场。"
    assert programme(text, "1394场") == "春风行动"


def test_a_figure_counting_a_list_of_programmes_counts_none_of_them():
    text = "综援计划的标准金额、公共福利金计划下的高龄津贴、长者生活津贴和伤残津贴金额划一调高3.3%。"
    assert programme(text, "3.3%") is None
    assert programme("社署：综援、长生津及生果金等拟2月起上调2.2%", "2.2%") is None


def test_a_division_and_a_bare_plan_is_not_a_programme():
    text = "广西计划今年完成105万建档立卡贫困人口脱贫，实现1150个贫困村出列。"
    assert programme(text, "1150个") is None


def test_phrases_with_a_verb_or_a_cut_designation_are_not_linkable():
    def span(name):
        return ProgramSpan(name, 0, len(name))

    assert not linkable(span("山东全省城镇新增就业完成年度计划"))
    assert not linkable(span("政府亦计划"))
    assert not linkable(span("河南省农民工返乡创业示范"))
    assert linkable(span("河南省农民工返乡创业示范项目"))
    assert linkable(span("雨露计划"))


def test_the_articles_programme_must_dominate():
    def spans(*names, kind="program"):
        return [ProgramSpan(name, i * 10, i * 10 + len(name), kind) for i, name in enumerate(names)]

    assert article_programme(spans("创业担保贷款", "创业担保贷款", "创业担保贷款", "公益性岗位")).name == "创业担保贷款"
    assert article_programme(spans("创业担保贷款", "创业担保贷款", "公益性岗位")) is None
    assert article_programme(spans("创业担保贷款")) is None
    assert article_programme(spans("建档立卡", "建档立卡", kind="mechanism")) is None
