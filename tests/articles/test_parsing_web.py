"""Saved web articles: dateline lines, file names, HTML bodies (trafilatura), and pages that are not Chinese."""
import datetime
from pathlib import Path

import pytest

from articles.parsing.decode import UndecodableFile, check_language
from articles.parsing.filename import read_file_name
from articles.parsing.page import parse_page_bytes, parse_page_text
from articles.parsing.web import NoArticleBody, author_names, looks_like_html, read_dateline, read_masthead

WEB = Path(__file__).resolve().parent.parent / "data" / "web"


@pytest.mark.parametrize(
    ("line", "date", "paper", "authors"),
    [
        ("发布时间:2015-08-28 02:31:23 来源:农民日报 责任编辑:王小明", datetime.date(2015, 8, 28), "农民日报", []),
        ("时间：2020年05月29日 09:12  来源：某某晚报  作者：李四 王 五", datetime.date(2020, 5, 29), "某某晚报", ["李四", "王五"]),
        ("2019/03/02 16:03 来源: 新华社 记者：赵六", datetime.date(2019, 3, 2), "新华社", ["赵六"]),
        ("来源：某某日报 | 编辑：钱七", None, "某某日报", []),
        ("日期:2018.7.9 文/孙八 通讯员 周九", datetime.date(2018, 7, 9), None, ["孙八", "周九"]),
    ],
)
def test_a_dateline_gives_date_paper_and_authors_but_not_the_editor(line, date, paper, authors):
    found = read_dateline(f"某地新闻标题\n\n{line}\n\n正文第一段，今年新增就业3000人。")
    assert found is not None
    assert (found.date, found.paper, found.authors) == (date, paper, authors)


@pytest.mark.parametrize(
    "text",
    [
        "某县今年新增就业3000人，来源于各乡镇的统计。\n时间过得很快。",  # 来源 and 时间 as words, not labels
        "民声\n\n新政策出台\n\n□本报记者 张三\n\n全区发放补贴2000万元。",  # a printed page's byline
    ],
)
def test_ordinary_sentences_are_not_datelines(text):
    assert read_dateline(text) is None


def test_names_printed_with_a_space_are_joined():
    assert author_names("张春晓 范 粟") == ["张春晓", "范粟"]
    assert author_names("王 一、李二二") == ["王一", "李二二"]


def test_the_file_name_pattern_gives_date_paper_and_page():
    facts = read_file_name("2025-11-24_某某日报_05版.txt")
    assert (facts.date, facts.paper, facts.page_label) == (datetime.date(2025, 11, 24), "某某日报", "05版")
    assert read_file_name("2025-11-24_某某日报.html").page_label is None
    assert read_file_name("2025-13-40_某某日报_05版.txt") is None
    assert read_file_name("page_2025-11-24.txt") is None


def test_a_masthead_names_the_paper():
    assert read_masthead("某某日报\n\n新闻标题\n\n正文") == "某某日报"
    assert read_masthead("《某某晚报》 2025年11月24日\n正文") == "某某晚报"
    assert read_masthead("新闻标题在这里\n正文") is None


def test_a_web_text_page_gets_issue_date_paper_and_byline_from_its_dateline():
    text = "某县就业再创新高\n\n时间:2021-03-05 10:50来源:某某日报 作者:张 三\n\n本报讯 3月4日，某县新增就业3000人，同比增长12%。"
    page = parse_page_text(text, "article.txt")
    assert (page.published_on.date, page.published_on.basis, page.paper) == (datetime.date(2021, 3, 5), "web dateline", "某某日报")
    article = page.articles[0]
    assert article.headline == "某县就业再创新高"
    assert article.byline == ["张三"]
    assert "时间:2021-03-05" in article.text.split("\n")[0]  # kept as its own paragraph: it is part of the page


def test_a_given_date_wins_over_the_file_name_which_wins_over_the_dateline():
    text = "标题\n\n发布时间:2021-03-05 来源:某某日报\n\n正文里说，今年新增就业3000人。"
    by_name = parse_page_text(text, "2021-03-06_某某晚报_A2.txt")
    assert (by_name.published_on.date, by_name.paper, by_name.page_label) == (datetime.date(2021, 3, 6), "某某晚报", "A2")
    given = parse_page_text(text, "2021-03-06_某某晚报_A2.txt", published_on=datetime.date(2021, 3, 7))
    assert given.published_on.date == datetime.date(2021, 3, 7)


def test_html_is_recognised_by_name_or_content():
    assert looks_like_html(b"anything", "page.HTML")
    assert looks_like_html(b"\n<!DOCTYPE html><html>", "page.txt")
    assert looks_like_html(b"<html lang='zh'>", "saved")
    assert not looks_like_html("某县今年新增就业3000人。".encode(), "page.txt")


@pytest.mark.parametrize(
    ("name", "headline", "date", "paper", "byline", "body_starts", "script"),
    [
        ("dzrb_jobs_2014.html", "山东城乡就业连续10年双过百万", datetime.date(2014, 1, 15), "大众日报",
         ["张春晓", "范粟"], "本报济南1月14日讯", "simplified"),
        ("xianghe_farmland_trad.html", "香河縣全面啟動高標準農田項目建設", datetime.date(2014, 9, 20), "农民日报",
         [], "本報訊近日", "traditional"),
        ("gov_guangxi_counties_gbk.html", "广西已实现25个贫困县脱贫摘帽", datetime.date(2019, 5, 11), "新华社",
         ["何伟"], "新华社南宁5月11日电", "simplified"),
    ],
)
def test_a_saved_web_article_is_read_without_its_site_furniture(name, headline, date, paper, byline, body_starts, script):
    page = parse_page_bytes((WEB / name).read_bytes(), name)
    assert len(page.articles) == 1
    article = page.articles[0]
    assert article.headline == headline
    assert (page.published_on.date, page.paper, article.byline, article.script) == (date, paper, byline, script)
    paragraphs = article.text.split("\n")
    assert paragraphs[1].startswith(body_starts)
    for furniture in ("首页", "相关新闻", "版权所有", "_hmt", "网站地图"):
        assert furniture not in page.text


def test_an_html_page_without_an_article_says_so():
    with pytest.raises(NoArticleBody) as caught:
        parse_page_bytes((WEB / "no_article_index.html").read_bytes(), "no_article_index.html")
    assert "no article body" in caught.value.reason and "正文" in caught.value.reason_zh


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("東京都は今年、子育て支援のために新しい補助金を始めました。対象は約三千世帯です。", "Japanese kana"),
        ("서울시는 올해 청년 일자리 3000개를 새로 만들었다고 밝혔다. 市", "Korean Hangul"),
        ("Правительство области выделило 20 млн рублей на ремонт школ. 中", "Cyrillic"),
        ("The county added 3,000 jobs this year, the labour bureau said on Monday. 县", "Latin"),
    ],
)
def test_a_page_in_another_language_is_refused_with_the_script_named(text, script):
    with pytest.raises(UndecodableFile) as caught:
        parse_page_bytes(text.encode("utf-8"), "page.txt")
    assert "not in Chinese" in caught.value.reason and script in caught.value.reason
    assert "不是中文" in caught.value.reason_zh


def test_chinese_pages_with_some_latin_pass_the_language_check():
    check_language("某县开通5G基站300个，APP“i某某”上线，网址 www.example.gov.cn，CPI同比上涨2%。" * 3)


@pytest.mark.parametrize(
    "line",
    [
        "时间：2025年12月1日上午9时 地点：市民中心三楼",  # a notice's time line
        "来源：市人社局",  # a credit under a table names an office, not an outlet
    ],
)
def test_notice_lines_and_office_credits_are_not_datelines(line):
    assert read_dateline(f"招聘会通知\n\n{line}\n\n欢迎广大求职者参加。") is None


def test_a_date_with_its_time_of_day_is_a_dateline_and_may_follow_the_source_line():
    found = read_dateline("某县新建高标准农田\n\n某某日报 2019-10-31 04:10\n\n正文。")
    assert (found.date, found.paper) == (datetime.date(2019, 10, 31), "某某日报")
    found = read_dateline("某县新建高标准农田\n\n来源: 某某网   作者: \n2019-11-04 14:10:21\n\n正文。")
    assert (found.date, found.paper) == (datetime.date(2019, 11, 4), "某某网")
    assert read_dateline("标题\n\n(来源:某某日报) □ 本报记者 李某 正文很长很长。").paper == "某某日报"
    assert read_dateline("标题\n\n26.07.2017  14:44\n\n正文。").date == datetime.date(2017, 7, 26)
    assert read_dateline("标题\n\n会议于2019-10-31 09:00在市民中心召开，全市各部门负责人和各县区代表参加了会议并发言。") is None


def test_a_paper_named_on_a_line_after_the_date_line_is_found():
    found = read_dateline("标题\nXin Lang Cai Jing·2026-02-08 22:43\n\n(来源:某某日报) 正文。")
    assert (found.date, found.paper) == (datetime.date(2026, 2, 8), "某某日报")


def test_a_wire_lead_names_the_reporters_and_stays_in_the_text():
    page = parse_page_text("某县就业再创新高\n\n新华社某地3月4日电（记者 张三 李四）某县今年新增就业3000人，同比增长12%。", "wire.txt")
    article = page.articles[0]
    assert article.byline == ["张三", "李四"]
    assert article.text.startswith("新华社某地3月4日电（记者 张三 李四）")
