"""The GB/T 7714 citation line and the reader's wording of an issue date's basis (no database)."""
from datetime import date

from articles.citation import authors, basis_label, citation_line, date_is_inferred


def test_an_online_newspaper_article_is_cited_as_gbt_7714_says():
    line = citation_line(
        paper="人民日报", headline="我们的科技一直在追赶", byline=["余建斌"], issue_date=date(2013, 1, 12),
        page_label="2", url="http://paper.people.com.cn/x.htm", accessed=date(2013, 3, 20),
    )
    assert line == "余建斌. 我们的科技一直在追赶[N/OL]. 人民日报, 2013-01-12(2)[2013-03-20]. http://paper.people.com.cn/x.htm."


def test_an_inferred_date_is_bracketed_and_an_unknown_paper_said_so():
    line = citation_line(paper="", headline="事关居民医保！", byline=["梅刚"], issue_date=date(2025, 12, 8), date_inferred=True)
    assert line == "梅刚. 事关居民医保！[N]. [报纸名不详], [2025-12-08]."


def test_more_than_three_authors_end_with_deng_and_roles_are_dropped():
    assert authors(["本报记者 甲", "乙", "通讯员 丙", "丁"]) == "甲, 乙, 丙, 等"
    assert authors([]) == ""
    assert citation_line(paper="北方新报", headline="", byline=[], issue_date=None).startswith("[无题][N]. 北方新报, [出版日期不详]")


def test_which_bases_are_inferences():
    assert date_is_inferred("latest reported event 2025-12-07 (full date); 今年=2025")
    assert not date_is_inferred("given")
    assert not date_is_inferred("编辑指定（admin）")
    assert not date_is_inferred("web dateline") and not date_is_inferred("file name")


def test_the_basis_is_worded_for_readers():
    label = basis_label("latest reported event 2025-12-07 (full date); 今年=2025", date(2025, 12, 7), date(2025, 12, 28))
    assert label == "按文中报道的最晚事件日期 2025-12-07 推断，应在 2025-12-07 至 2025-12-28 之间"
    assert basis_label("given") == "导入时指定"
    assert basis_label("编辑指定（admin）") == "编辑指定（admin）"
    assert basis_label("web dateline") == "取自网页的发布时间"
    assert basis_label("file name") == "取自文件名"
