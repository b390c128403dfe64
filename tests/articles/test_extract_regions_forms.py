"""Region forms of other papers: the 州 press form of autonomous prefectures and variant characters (陜西)."""
from articles.extract.context import ExtractContext
from articles.extract.regions import extract_regions
from articles.parsing.script import simplified_shadow


def codes(text: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.code) for m in extract_regions(text, ExtractContext())]


def test_it_reads_the_zhou_form_of_an_autonomous_prefecture():
    assert codes("楚雄州武定县和凉山州") == [("楚雄州", "532300"), ("武定县", "532329"), ("凉山州", "513400")]


def test_it_reads_a_variant_character_that_opencc_leaves_alone():
    assert simplified_shadow("陜西省") == "陕西省"
    assert codes("陜西省西安市") == [("陜西省", "610000"), ("西安市", "610100")]
