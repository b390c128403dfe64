"""Highlighting an article's text: every record has an anchor, and its highlight is a link described by its details
panel (no tooltip)."""
from articles.highlight import Mark, anchor_id, highlight


def test_each_record_gets_an_anchor_on_its_first_piece():
    html = highlight("全区新增就业6.71万人。", [Mark(6, 12, "figure", "67,100 人", 161), Mark(0, 2, "region", "内蒙古", 9)])
    assert 'id="f-161"' in html and 'id="r-9"' in html
    assert anchor_id("qa", 3) == "q-3"


def test_details_are_a_panel_describing_a_focusable_link_not_a_title():
    html = highlight("参加“城乡居民医保”的人", [Mark(3, 9, "program", "项目/计划：城乡居民医保", 22, "/policies/x/")])
    assert "title=" not in html
    assert '<mark class="rec rec-program" id="p-22" data-records="22"><a class="rec-link" href="#p-22" aria-describedby="rec-pop-3">城乡居民医保</a></mark><span class="rec-pop" id="rec-pop-3"' in html
    assert "项目/计划：城乡居民医保" in html and 'href="/policies/x/"' in html and 'href="#p-22"' in html


def test_records_starting_together_each_keep_an_anchor_and_share_one_panel():
    html = highlight("呼和浩特市400元", [Mark(0, 5, "region", "呼和浩特市", 1), Mark(0, 9, "figure", "400 元", 2)])
    assert 'id="f-2"' in html and 'id="r-1"' in html
    assert html.count('class="rec-pop"') == 1  # the piece covering both: one panel listing both records
    panel = html.split('id="rec-pop-0"')[1]
    assert "呼和浩特市" in panel and "400 元" in panel


def test_a_piece_continuing_a_record_is_marked_but_not_a_second_link():
    html = highlight("甲乙丙", [Mark(0, 3, "figure", "x", 1), Mark(1, 2, "date", "y", 2)])
    assert html.count("<mark") == 3
    assert html.count('class="rec-link"') == 2  # where the figure starts, and where the date starts


def test_text_is_escaped():
    html = highlight("<b>5元</b>", [Mark(3, 5, "figure", "5 <元>", 1)])
    assert "<b>" not in html and "&lt;b&gt;" in html and "5 &lt;元&gt;" in html
