"""The view extractors read: pinyin that conversion mirrors insert after characters (創(chuàng)業(yè)) is dropped, and a
circle printed for zero inside a number (二○二一年) reads as 〇."""
from datetime import date

from articles.parsing.script import numeral_zeros, reads_simplified, simplified_view, without_inserted_pinyin


def test_it_drops_toned_pinyin_after_characters_and_keeps_where_each_character_came_from():
    text = "云南省創(chuàng)業(yè)擔(dān)保貸款集中發(fā)放"
    view = without_inserted_pinyin(text)
    assert view.text == "云南省創業擔保貸款集中發放"
    start = view.text.index("創業")
    assert text[slice(*view.span(start, start + 2))] == "創(chuàng)業(yè)"


def test_it_leaves_ordinary_brackets_alone():
    assert without_inserted_pinyin("按附件(a)填报,项目(PPP)和条例(试行)") is None


def test_it_drops_toneless_pinyin_only_on_a_page_that_has_toned_pinyin():
    assert without_inserted_pinyin("他們(men)說") is None
    assert without_inserted_pinyin("他們(men)說(shuō)要轉(zhuǎn)移").text == "他們說要轉移"


def test_an_extractor_that_strips_pinyin_reads_simplified_names_and_gives_original_spans():
    seen = []

    class Record:
        def __init__(self, start, end):
            self.text, self.start, self.end = "", start, end

    @reads_simplified(strip_pinyin=True)
    def find(text):
        seen.append(text)
        at = text.index("创业担保贷款")
        return [Record(at, at + len("创业担保贷款"))]

    original = "個人創(chuàng)業(yè)擔(dān)保貸款和小微企業(yè)貸款"
    record = find(original)[0]
    assert seen == ["个人创业担保贷款和小微企业贷款"]
    assert record.text == original[record.start:record.end] == "創(chuàng)業(yè)擔(dān)保貸款"


def test_figures_and_dates_read_through_a_mirror_s_pinyin_too():
    from articles.extract.context import ExtractContext
    from articles.extract.dates import extract_dates
    from stats.extract import extract_figures

    text = "全省城鎮登記失業(yè)率為3.1%，同比降低0.3個(gè)百分點(diǎn)。截至6月(yuè)底發(fā)放貸款1.2億元。"
    figures = extract_figures(text)
    assert [(f.value, f.unit) for f in figures] == [(3.1, "%"), (0.3, "个百分点"), (120000000, "元")]
    assert figures[1].text.endswith("0.3個(gè)百分點(diǎn)") and all(text[f.start:f.end] == f.text for f in figures)
    (deadline,) = extract_dates(text, ExtractContext(published_on=date(2012, 8, 4)))
    assert (deadline.text, deadline.start, deadline.end) == ("截至6月(yuè)底", None, date(2012, 6, 30))
    assert text[deadline.start_offset:deadline.end_offset] == deadline.text


def test_a_circle_printed_for_zero_inside_a_number_reads_as_zero():
    assert numeral_zeros("二○二一年，一○五歲以上") == "二〇二一年，一〇五歲以上"
    assert numeral_zeros("二◯二五年") == "二〇二五年"
    assert numeral_zeros("○ 第一條 ○五一") == "○ 第一條 ○五一"  # a bullet, not a digit
    assert simplified_view("自從二○二一年以後") == "自从二〇二一年以后"
