"""Every seed page against the articles a careful editor wrote down by hand (expected_articles/*.json)."""
import json
from pathlib import Path

import pytest

from articles.parsing.page import parse_page_bytes, parse_page_text

PAGES = Path(__file__).resolve().parents[2] / "fixtures" / "pages"
EXPECTED = Path(__file__).resolve().parent / "expected_articles"
SEEDS = sorted(p.stem for p in EXPECTED.glob("*.json"))


@pytest.fixture(scope="module")
def parsed():
    return {stem: parse_page_bytes((PAGES / f"{stem}.txt").read_bytes(), stem) for stem in SEEDS}


@pytest.mark.parametrize("stem", SEEDS)
def test_it_finds_the_articles_an_editor_finds(parsed, stem):
    expected = json.loads((EXPECTED / f"{stem}.json").read_text(encoding="utf-8"))
    articles = parsed[stem].articles
    assert [a.headline for a in articles] == [e["headline"] for e in expected]
    for got, want in zip(articles, expected, strict=True):
        assert got.subheadline == want["subheadline"], got.headline
        assert got.column == want["column"], got.headline
        assert got.byline == want["byline"], got.headline
        assert got.kind == want["kind"], got.headline
        assert got.text.startswith(want["body_starts_with"]), (got.headline, got.text[:40])
        assert got.text.endswith(want["body_ends_with"]), (got.headline, got.text[-40:])


@pytest.mark.parametrize("stem", SEEDS)
def test_it_keeps_headline_and_byline_lines_out_of_the_body(parsed, stem):
    for article in parsed[stem].articles:
        assert "本报记者" not in article.text
        assert "□" not in article.text
        if article.headline:
            assert article.headline not in article.text.split("\n")


@pytest.mark.parametrize("stem", SEEDS)
def test_it_maps_every_body_character_back_to_the_page(parsed, stem):
    page = parsed[stem]
    for article in page.articles:
        assert len(article.text_offsets) == len(article.text)
        for ch, offset in zip(article.text, article.text_offsets, strict=True):
            if offset is None:
                assert ch == "\n"
            else:
                assert page.text[offset] == ch
        assert 0 <= article.source_start < article.source_end <= len(page.text)


def test_it_links_a_notice_printed_twice_without_dropping_it(parsed):
    articles = parsed["001_78bfd49b9ace732d"].articles
    notices = [i for i, a in enumerate(articles) if a.kind == "notice"]
    assert len(notices) == 4
    assert articles[notices[2]].duplicate_of == notices[0]
    assert articles[notices[3]].duplicate_of == notices[1]
    assert articles[notices[0]].duplicate_of is None


def test_it_takes_the_source_credit_out_of_the_body(parsed):
    article = parsed["001_78bfd49b9ace732d"].articles[3]
    assert article.credit == "据《内蒙古日报》"
    assert "据《内蒙古日报》" not in article.text


def test_it_keeps_subheadings_and_related_link_boxes_as_own_paragraphs(parsed):
    first = parsed["002_da13f58aa8cedb74"].articles[0].text.split("\n")
    assert "政策加力稳根基" in first and "服务下沉暖人心" in first
    linked = parsed["001_78bfd49b9ace732d"].articles[0].text.split("\n")
    assert "【相关链接】" in linked


def test_it_reads_a_headline_printed_after_its_body_with_a_byline_first():
    text = (
        "□本报记者 张三\n\n近日，某旗开展冬季送温暖活动，为困难群众送去米面油等生活物资，受到群众欢迎。"
        "活动共惠及困难家庭一百余户，发放物资价值五万余元。\n\n冬日送温暖 情暖千万家\n\n"
        "□本报记者 李四\n\n记者从市医保局获悉，今年以来全市医保基金运行平稳，参保人数稳定增长，"
        "群众看病就医负担持续减轻，门诊报销比例进一步提高。\n\n医保基金运行平稳\n"
    )
    articles = parse_page_text(text, "made-up").articles
    assert [a.headline for a in articles] == ["冬日送温暖 情暖千万家", "医保基金运行平稳"]
    assert [a.byline for a in articles] == [["张三"], ["李四"]]
    assert articles[1].text.startswith("记者从市医保局获悉")


def test_it_starts_a_brief_after_a_closing_credit_and_classifies_it():
    text = (
        "某县启动义诊\n\n近日，某县人民医院组织专家走进社区开展义诊，为居民测量血压。（王五）\n\n"
        "某市新增岗位\n\n某市人社局今年新增公益性岗位三百个，优先安置就业困难人员。\n"
    )
    articles = parse_page_text(text, "made-up").articles
    assert [a.headline for a in articles] == ["某县启动义诊", "某市新增岗位"]
    assert articles[0].byline == ["王五"]
    assert articles[1].kind == "brief"
