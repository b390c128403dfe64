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


def test_a_two_character_county_name_that_ends_a_word_is_not_the_county():
    from articles.extract.context import ExtractContext as Context
    from articles.extract.regions import extract_regions as regions

    in_henan = Context(home_region="410000", focus_region="410926")  # even where 范县 is the focus
    assert [r.text for r in regions("全省认定返乡创业示范县20个、示范园区10个。", in_henan)] == ["全省"]
    assert [(r.text, r.code) for r in regions("范县今年新增就业3000人。", in_henan)] == [("范县", "410926")]


def test_an_all_nationalities_autonomous_county_has_its_short_form():
    from articles.extract.context import ExtractContext as Context
    from articles.extract.regions import extract_regions as regions

    found = regions("今年隆林、西林两县新增就业2000人。", Context(home_region="450000"))
    assert ("隆林", "451031") in [(r.text, r.code) for r in found]
