"""A Q&A block printed without a headline is named by its first question and is a Q&A, not an untitled brief."""
from articles.parsing.kinds import first_question, is_qa_block
from articles.parsing.page import parse_page_text

LEAD = """就业服务送到家门口

本报记者 梅刚

今年以来，我市人社部门持续开展就业服务活动，帮助群众就近就业。截至目前，已组织招聘会20场，提供岗位3000余个，达成就业意向1200人。

"""


def test_a_short_headless_qa_box_gets_its_first_question_as_headline_and_kind_qa():
    page = LEAD + "◎知道\n问：居民医保缴费标准是多少？\n答：2026年个人缴费标准不低于400元。\n"
    articles = parse_page_text(page, "t.txt").articles
    assert [(a.headline, a.kind) for a in articles] == [("就业服务送到家门口", "news"), ("居民医保缴费标准是多少？", "qa")]


def test_the_question_keeps_the_pages_own_script():
    page = (
        "就業服務送到家門口\n\n本報記者 梅剛\n\n今年以來，我市人社部門持續開展就業服務活動，幫助群眾就近就業。截至目前，"
        "已組織招聘會20場，提供崗位3000餘個，達成就業意向1200人。\n\n◎知道\n問：醫保繳費標準是多少？\n答：個人繳費標準不低於400元。\n"
    )
    articles = parse_page_text(page, "t.txt").articles
    assert articles[-1].script == "traditional"
    assert (articles[-1].headline, articles[-1].kind) == ("醫保繳費標準是多少？", "qa")


def test_a_headless_block_that_is_not_qa_stays_untitled():
    page = LEAD + "◎短评\n天气转暖，各地陆续开展春季招聘。\n"
    assert all(a.kind != "qa" for a in parse_page_text(page, "t.txt").articles)


def test_qa_block_and_first_question():
    assert is_qa_block(["问：几时截止？", "答：12月31日。"])
    assert not is_qa_block(["问：几时截止？"])  # a question alone is not an exchange
    assert not is_qa_block(["记者在现场看到，" * 20, "问：几时截止？", "答：月底。"])  # a news story quoting one pair
    assert first_question(["导语。", "Q: 怎么办理？", "A: 线上办理。"]) == "怎么办理？"
    assert first_question(["没有问题"]) is None
