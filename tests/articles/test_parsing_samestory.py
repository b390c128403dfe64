"""Same-story detection across versions and duplicate notices."""
from pathlib import Path

from articles.parsing.page import parse_page_bytes
from articles.parsing.samestory import find_duplicates, similarity

PAGES = Path(__file__).resolve().parents[2] / "fixtures" / "pages"


def _articles(stem):
    path = next(PAGES.glob(f"{stem}_*.txt"))
    return parse_page_bytes(path.read_bytes(), path.stem).articles


def test_it_recognises_the_same_story_in_two_edited_versions_on_two_pages():
    first, second = _articles("000"), _articles("001")
    assert similarity(first[0].text, second[0].text) > 0.6  # 京医至 / 京医来了
    assert similarity(first[4].text, second[3].text) > 0.6  # the 居民医保 Q&A
    assert similarity(first[1].text, second[0].text) < 0.1


def test_it_ignores_punctuation_width_and_script_differences():
    assert similarity("事关居民医保，这些政策请知晓！", "事關居民醫保,這些政策請知曉!") == 1.0


def test_it_links_each_repeat_to_its_first_printing():
    notice = "王金厚不慎将《宅基地不动产权证书》遗失，现申请挂失并补办证书。"
    other = "赵忠山不慎将草场确权证丢失，冬季证号070264，特此声明。"
    story = "近日，某县人民医院组织专家走进社区开展义诊，为居民测量血压。"
    assert find_duplicates([notice, other, story, notice, other]) == [None, None, None, 0, 1]


def test_it_does_not_link_different_stories_on_the_same_topic():
    a = "今年乌兰察布市人社局开展入企拓岗活动61期，单场直播吸引超2000人次观看。"
    b = "一季度，全市城镇新增就业1572人，完成年度任务的32.08%，实现开门红。"
    assert find_duplicates([a, b]) == [None, None]
