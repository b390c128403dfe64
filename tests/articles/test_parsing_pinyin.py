"""Pinyin that conversion mirrors insert after characters (創(chuàng)業(yè)) is dropped from the view extractors read."""
from articles.parsing.script import reads_simplified, without_inserted_pinyin


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
