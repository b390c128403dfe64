"""fastcut cuts exactly as jieba does (same words, same order), only cheaper: checked on every real page we hold
(the seeds, the real excerpts, traditional and web pages), with both tokenizers, with and without HMM."""
from pathlib import Path

import pytest

from articles.extract import fastcut
from articles.extract.segmenter import get_plain_tokenizer, get_tokenizer, new_tokenizer

DATA = Path(__file__).resolve().parent.parent / "data"
ROOT = DATA.parent.parent
PAGES = sorted(ROOT.glob("fixtures/pages/*.txt")) + sorted((DATA / "real").glob("*.txt")) + sorted(
    (DATA / "unseen").glob("*.txt")
)


def _texts() -> list[str]:
    return [path.read_bytes().decode("utf-8", "replace") for path in PAGES]


@pytest.fixture(scope="module")
def texts():
    found = _texts()
    assert len(found) > 30
    return found


@pytest.mark.parametrize("which", ["gazetteer", "plain"])
def test_it_cuts_every_real_page_as_jieba_does(texts, which):
    tokenizer = get_tokenizer() if which == "gazetteer" else get_plain_tokenizer()
    for text in texts:
        assert fastcut.cut(tokenizer, text, hmm=True) == list(tokenizer.cut(text, HMM=True))
        assert fastcut.cut(tokenizer, text, hmm=False) == list(tokenizer.cut(text, HMM=False))


def test_its_search_cut_gives_jiebas_words_in_jiebas_order(texts):
    tokenizer = get_tokenizer()
    for text in texts:
        assert fastcut.cut_for_search(tokenizer, text) == list(tokenizer.cut_for_search(text))


def test_its_spans_are_jiebas_tokenize(texts):
    tokenizer = get_plain_tokenizer()
    for text in texts[:10]:
        assert fastcut.tokenize_spans(tokenizer, text, hmm=False) == [
            (start, end) for _, start, end in tokenizer.tokenize(text, HMM=False)
        ]


@pytest.mark.parametrize("text", [
    "", "。", "\r\n", "　\n ", "2024年GDP增长5.2%，A+B#C&D_E", "㐀㐁亇鑫淼犇", "陜西省西安市", "乾隆年間，臺灣醫療保險",
    "张三丰李四光王五六在北京市朝阳区", "abc def\tghi",
])
def test_edge_texts_cut_the_same(text):
    for tokenizer in (get_tokenizer(), get_plain_tokenizer()):
        for hmm in (True, False):
            assert fastcut.cut(tokenizer, text, hmm=hmm) == list(tokenizer.cut(text, HMM=hmm))
        assert fastcut.cut_for_search(tokenizer, text) == list(tokenizer.cut_for_search(text))


def test_a_copied_dictionary_is_jiebas_own_and_separate():
    import jieba

    loaded = jieba.Tokenizer()
    loaded.initialize()
    copy = new_tokenizer()
    assert copy.total == loaded.total and copy.FREQ == loaded.FREQ
    copy.add_word("一个新造的词语", freq=5)
    assert "一个新造的词语" not in get_plain_tokenizer().FREQ
