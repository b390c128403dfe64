"""比上年 / 较上年 name the base of a comparison, not a date (real reserve 4 r75 / r76: 较上年 / 比上年 are not dates;
every real corpus agrees); 上年同期 and 与上年相比 stay last year."""
from datetime import date

from articles.extract.context import ExtractContext
from articles.extract.dates import extract_dates

ISSUE = ExtractContext(published_on=date(2018, 3, 30))


def texts(text: str) -> list[str]:
    return [m.text for m in extract_dates(text, ISSUE)]


def test_the_base_of_a_comparison_is_not_a_date():
    assert texts("上海户籍60岁以上老年人口为483.60万人,比上年增加25.81万人") == []
    assert texts("上海户籍老年人口比例超33% 较上年增加1.6个百分点") == []


def test_last_year_elsewhere_is_still_last_year():
    assert [(m.text, m.start) for m in extract_dates("上年同期增长5%", ISSUE)] == [("上年", date(2017, 1, 1))]
