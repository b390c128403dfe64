"""Date forms of Hong Kong, Macau and Taiwan pages and of features: 迄今, 今起, a fiscal year across two years,
第三季 without 度, 年底 alone, N年前 counted back from the sentence's own year (real reserve 4, NOTES 2–4)."""
from datetime import date

from articles.extract.context import ExtractContext
from articles.extract.dates import extract_dates


def spans(text: str, issued: date) -> list[tuple[str, str | None, str | None]]:
    return [(m.text, m.start and m.start.isoformat(), m.end and m.end.isoformat())
            for m in extract_dates(text, ExtractContext(published_on=issued))]


def test_a_year_followed_by_qijin_is_open_from_that_year():
    assert spans("根據中國人社部今天公布,2021年迄今為了「穩就業」,累計支出", date(2025, 9, 26)) == [
        ("2021年迄今", "2021-01-01", None)]


def test_jin_qi_and_today_with_its_date_in_brackets_start_on_the_issue_day():
    issued = date(2024, 6, 4)
    assert spans("綜援、生果金、長生津今起獲發額外半糧", issued) == [("今起", "2024-06-04", None)]
    assert spans("上述受助人可於由今日(4日)起會陸續獲發有關款項", issued) == [
        ("今日", "2024-06-04", "2024-06-04"), ("4日)起", "2024-06-04", None)]
    assert spans("今日的香港", issued) == []


def test_a_financial_year_written_across_two_years_runs_april_to_march():
    assert spans("政府在2024至25年度《財政預算案》公布", date(2024, 6, 4)) == [
        ("2024至25年度", "2024-04-01", "2025-03-31")]
    assert spans("2024至26年度", date(2024, 6, 4)) == []


def test_a_quarter_written_without_du_is_the_quarter():
    assert spans("截至2024年第三季,領取養老金的人數", date(2025, 1, 15)) == [("截至2024年第三季", None, "2024-09-30")]


def test_year_end_alone_is_the_end_of_the_issue_year():
    assert spans("垦区危房改造6月底前开工建设、年底全部完成", date(2011, 5, 30)) == [
        ("6月底前", None, "2011-06-30"), ("年底", "2011-12-31", "2011-12-31")]


def test_n_years_ago_counts_back_from_the_sentences_year_or_the_issue_year():
    issued = date(2018, 7, 19)
    assert spans("谢兴昌的命运,在22年前出现转折。", issued) == [("22年前", "1996-01-01", "1996-12-31")]
    assert spans("2016年7月19日,座谈会召开之前,谢兴昌最终见到了20年前在奠基仪式上就想看到的人。", issued)[-1] == (
        "20年前", "1996-01-01", "1996-12-31")
    assert spans("八年前的什进村还是茅草房", date(2018, 4, 24)) == [("八年前", "2010-01-01", "2010-12-31")]
    assert spans("提前1年完成,10年前后", issued) == []


def test_the_first_years_of_a_plan_period_count_from_the_plan_named_before():
    text = "說明「十四五」時期(第14個五年規劃,2021至2025年)就業和社會保障工作。城鎮調查失業率前4年均值為5.3%"
    assert spans(text, date(2025, 9, 26))[-1] == ("前4年", "2021-01-01", "2024-12-31")
    assert spans("前两年还是荒地,提前4年完成", date(2025, 9, 26)) == []
