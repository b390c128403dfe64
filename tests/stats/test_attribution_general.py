"""Attribution rules written from classes of errors on the spent real sets (issue 14 item 2), each checked on the
sentences that showed the class (real_reserve, real_reserve3) — pure; real extractors, no DB."""
import datetime

from articles.extract.context import ExtractContext
from articles.extract.dates import extract_dates
from articles.extract.regions import extract_regions
from articles.parsing.script import simplified_view
from policies.extract import extract_programs
from stats.extract import attribute, extract_figures


def figures_of(text, *, published_on, home=None, focus=None, headline=None):
    ctx = ExtractContext(published_on=published_on, home_region=home, focus_region=focus)
    headline_regions = extract_regions(headline, ctx) if headline else []
    headline_dates = extract_dates(headline, ctx) if headline else []
    return attribute(text, extract_figures(text, ctx), ctx, regions=extract_regions(text, ctx),
                     dates=extract_dates(text, ctx), programs=extract_programs(text, ctx),
                     headline_regions=headline_regions, headline_dates=headline_dates)


def one(text, surface, **kwargs):
    found = [f for f in figures_of(text, **kwargs) if surface in f.text]
    assert found, f"no figure {surface!r} in {[f.text for f in figures_of(text, **kwargs)]}"
    return found[0]


def period(figure):
    return (figure.period_start and figure.period_start.isoformat(),
            figure.period_end and figure.period_end.isoformat())


# Regions ------------------------------------------------------------------------------------------------------


def test_a_taiwan_county_names_taiwan():
    text = "〔記者花孟璟／花蓮報導〕花蓮縣今年重陽禮金將在九月卅日發放，富里鄉一百歲以上禮金今年漲兩倍，從五千元調高至一萬元。"
    assert one(text, "五千元", published_on=datetime.date(2025, 9, 10)).region_code == "710000"


def test_a_body_only_taiwan_has_names_taiwan():
    text = "朝野立委近期陸續提案，擬將老農津貼從現行8110元調整至1.2萬至1.5萬元不等，行政院則於15日宣布。"
    assert one(text, "8110元", published_on=datetime.date(2026, 1, 16)).region_code == "710000"


def test_china_right_before_a_count_is_the_whole_country():
    text = "至此,中国832个贫困县全部脱贫。"
    assert one(text, "832个", published_on=datetime.date(2020, 11, 28), focus="520000").region_code == "000000"


def test_a_count_of_provinces_after_a_list_of_them_is_national_and_so_is_its_clause():
    text = "截至2月底,2019年申请摘帽的贫困县中,河北、山西、黑龙江、河南、湖南、海南、重庆、四川、西藏、陕西、新疆等11个省区市165个贫困县已脱贫摘帽。"
    kwargs = {"published_on": datetime.date(2020, 3, 2), "focus": "460000"}
    assert one(text, "11个", **kwargs).region_code == "000000"
    assert one(text, "165个", **kwargs).region_code == "000000"


def test_a_count_of_provinces_governs_its_own_clause_only():
    text = ("黑龙江省举办东北三省一区大型招聘系列活动。\n"
            "黑龙江省持续推进就业服务。依托短视频平台等建立183个“直播带岗”载体。")
    assert one(text, "183个", published_on=datetime.date(2024, 4, 10)).region_code == "230000"


def test_a_count_of_provinces_that_is_the_yardstick_is_not_the_subject():
    text = "截至今年上半年,外省脱贫人口在粤务工规模达408.5万人,占东部8省市吸纳脱贫人口务工数45%。"
    assert one(text, "45%", published_on=datetime.date(2022, 10, 14), focus="440000").region_code == "440000"


def test_the_countrys_macro_regions_are_national():
    text = "據介紹,中部地區貧困縣貧困發生率降至2%以下,西部地區降至3%以下。"
    assert one(text, "2%", published_on=datetime.date(2020, 3, 2), focus="460000").region_code == "000000"


# Periods ------------------------------------------------------------------------------------------------------


def test_the_headlines_reporting_period_governs_figures_no_date_governs():
    text = ("日前从湖北省人社厅获悉,该省上半年城镇新增就业50.64万人。\n"
            "湖北省通过“扩围、提标、快办”,持续加大援企稳岗力度。全省稳岗返还资金14.97亿元,惠及企业12.92万家。")
    figure = one(text, "14.97亿元", published_on=datetime.date(2022, 7, 21), headline="湖北省上半年城镇新增就业50.64万人")
    assert period(figure) == ("2022-01-01", "2022-06-30")


def test_the_leads_reporting_period_governs_later_paragraphs():
    text = ("原标题:黑龙江省一季度城镇新增就业9.1万人\n"
            "抓关键动能,全力助企发展稳住就业岗位。制发服务招商引资企业落地发展工作方案,对接550个招商引资项目提供“全链条”人社服务。")
    assert period(one(text, "550个", published_on=datetime.date(2024, 4, 10))) == ("2024-01-01", "2024-03-31")


def test_this_year_so_far_under_a_half_year_headline_ends_with_the_half():
    text = "今年以来,湖北省全省稳岗返还资金14.97亿元。"
    figure = one(text, "14.97亿元", published_on=datetime.date(2022, 7, 21), headline="湖北省上半年城镇新增就业50.64万人")
    assert period(figure) == ("2022-01-01", "2022-06-30")


def test_a_year_opening_an_article_is_not_its_reporting_period():
    text = "2016年，凉山州实施脱贫攻坚。\n在凉山,类似的特殊困难村就有85个。"
    assert period(one(text, "85个", published_on=datetime.date(2017, 11, 1))) == (None, None)


def test_a_scheduled_payment_day_does_not_govern_the_amounts():
    text = simplified_view("花蓮縣今年重陽禮金將在九月卅日發放，公所加發九十五歲以上一萬五千元。")
    assert period(one(text, "一万五千元", published_on=datetime.date(2025, 9, 10))) == ("2025-01-01", "2025-12-31")


# Programmes ---------------------------------------------------------------------------------------------------


def test_a_strategy_is_not_the_article_programme_for_unrelated_counts():
    text = ("江西将全面推进乡村振兴,以乡村振兴统揽三农工作,乡村振兴取得新成效。\n"
            "同时,要抓好渔业生产,确保渔业产量290万吨。")
    assert one(text, "290万吨", published_on=datetime.date(2023, 1, 16)).program is None


def test_a_campaign_the_sentence_launches_links_its_counts():
    text = "启动助力民营经济发展壮大行动,组织2065名人社服务专员为1001家企业解决问题2328个。"
    figure = one(text, "2065名", published_on=datetime.date(2024, 4, 10))
    assert figure.program == "助力民营经济发展壮大行动"


def test_a_dateline_place_is_not_the_subject_of_the_figures():
    text = simplified_view("新華社拉薩4月24日電(記者陳尚才、白少波)今年41歲的旺朗,家住海拔4500米的藏北高原聶榮縣下曲鄉。")
    assert one(text, "41岁", published_on=datetime.date(2021, 4, 24)).region_code == "540623"


def test_a_scheme_inside_the_noun_for_its_money_yields_to_the_programme_opening_the_sentence():
    text = "稳岗返还政策加快落地,1至9月共返还失业保险费275亿元,惠及企业75万户、职工3993万人。"
    kwargs = {"published_on": datetime.date(2019, 10, 21)}
    assert one(text, "275亿元", **kwargs).program == "稳岗返还"
    assert one(text, "3993万人", **kwargs).program == "稳岗返还"


def test_a_scheme_inside_the_noun_for_its_money_still_links_when_no_programme_opens_the_sentence():
    text = "今年以来,全省共返还失业保险费12亿元。"
    assert one(text, "12亿元", published_on=datetime.date(2019, 10, 21)).program == "失业保险"


# Change or level ----------------------------------------------------------------------------------------------


def test_a_rise_in_two_folds_and_a_top_up_are_changes():
    text = simplified_view("富里鄉一百歲以上禮金今年漲兩倍，從五千元調高至一萬元，七十歲以上加碼三百至六百元。")
    kwargs = {"published_on": datetime.date(2025, 9, 10)}
    assert one(text, "两倍", **kwargs).is_change is True
    assert one(text, "三百至六百元", **kwargs).is_change is True
    assert one(text, "一万元", **kwargs).is_change is False  # 调高至: the new level


def test_the_gap_between_two_groups_rates_is_a_level_but_a_gap_against_last_year_is_a_change():
    text = "全省低收入农户人均可支配收入增长13.4%,增速比农村居民人均可支配收入高6.1个百分点。"
    assert one(text, "6.1个百分点", published_on=datetime.date(2024, 1, 20)).is_change is False
    text = "过去一年,全省农民收入增速高于城镇居民2.1个百分点。"
    assert one(text, "2.1个百分点", published_on=datetime.date(2024, 1, 20)).is_change is False
    text = "全省城镇登记失业率比上年高0.5个百分点。"
    assert one(text, "0.5个百分点", published_on=datetime.date(2024, 1, 20)).is_change is True


def test_a_since_clause_dates_its_own_clause_not_the_figures_after_it():
    text = simplified_view("此外由於老農津貼的排富條款自2013年實施後便未再調整，本次草案中也將個人綜合所得總額門檻，由50萬元調整至60萬元。")
    assert period(one(text, "50万元", published_on=datetime.date(2026, 1, 16))) == (None, None)


def test_an_expected_target_is_the_years():
    text = "9月份,全国城镇调查失业率为5.2%,低于5.5%的预期控制目标。"
    kwargs = {"published_on": datetime.date(2019, 10, 21)}
    assert period(one(text, "5.5%", **kwargs)) == ("2019-01-01", "2019-12-31")
    assert period(one(text, "5.2%", **kwargs)) == ("2019-09-01", "2019-09-30")
