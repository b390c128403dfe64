"""Keeps a figure's measure only when it reads as a noun phrase: whole words, not a verb, a clause or a pronoun.

A measure becomes an indicator's name, so an empty one is better than a wrong one ("孩子妈妈难掩激动", "给予",
"原则上", "我公司", or "都仑区…" cut out of 昆都仑区). Pure: jieba's own dictionary and part-of-speech tags."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import pairwise

from articles.extract import fastcut

# Parts of speech (jieba's ICTCLAS-style tags) a measure may not end on: adverbs, prepositions, conjunctions,
# particles, pronouns, interjections, modal words, numerals, measure words, adjectives; a verb only as a word of
# two characters or more after a noun (城镇新增就业, 人均可支配收入), never alone or as one character (领取满).
BAD_LAST = ("vd", "d", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "r", "e", "y", "m", "q", "a", "ad", "l", "f")
# (…and no locative: 学生中, 脱贫摘帽县区中, 缓解城市内部 — where something is, not what.)
# Tags no measure holds anywhere: adverbs (已建成, 难掩), idioms (岌岌可危), pronouns (我公司, 他们), aspect
# particles (搬到了: a clause).
BAD_ANYWHERE = ("d", "i", "r", "rr", "rz", "ul", "uz", "ug", "p", "m", "t")
# Words jieba tags as nouns that still make a clause of a measure (贫困县全部摘帽), or that open a comparison
# rather than name a thing (低于国家, 超过全国).
CLAUSE_WORDS = frozenset({"全部", "全都", "均", "都", "已", "已经", "将", "正在", "仍", "尚"})
# Verbs that make a statement of a phrase wherever they stand (县纳入国家连片特困地区, 村位于石漠化严重地区,
# 县退出贫困县序列, 县增幅高于全省平均水平, 有关调整惠及, 老农受惠政院拍板, 旅游投资落地): a predicate, not a name.
PREDICATES = frozenset({"纳入", "位于", "退出", "高于", "低于", "受惠", "惠及", "拍板", "落地", "来自", "处于", "达到",
                        "超过", "不用", "不足", "成为", "属于", "列入", "摘帽", "出列"})
# Division names a measure may open with (江苏城镇新增就业, 山东全省城镇新增就业): the figure's region says where, so
# the measure is what is counted (the same indicator in every province).
PROVINCES = ("北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江", "安徽", "福建",
             "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州", "云南", "西藏",
             "陕西", "甘肃", "青海", "宁夏", "新疆", "香港", "澳门", "台湾")
LEADING_PLACE = re.compile(rf"^(?:(?:{'|'.join(PROVINCES)})(?:省|市|(?:壮族|回族|维吾尔)?自治区|特别行政区)?"
                           r"|全国|全省|全市|全区|全县|全州|全盟|全旗|我省|我市|我区|我县)")
DIVISION_WORD = re.compile(r"^[\u4e00-\u9fff]{2,4}(?:省|市)$")
COMPARISON_OPENERS = frozenset({"低于", "高于", "超过", "超出", "少于", "多于", "相当于", "达到", "占"})
# Tags a measure may not start on: adverbs, prepositions (比年目标任务), conjunctions, particles, modal words,
# interjections; nor may it start on a one-character verb (占总量, 占全国…总人数: a share is stated, not named).
BAD_FIRST = ("d", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "y", "e")
NOUN_LIKE = ("n", "nr", "ns", "nt", "nz", "ng", "vn", "an", "j", "eng", "nrt", "nrfg", "s", "f")
SHARE_UNITS = frozenset({"%", "成", "‰"})
ASPECT = frozenset("了着过")
LOCATIVE_PREPOSITIONS = frozenset("在于")
ATTRIBUTIVES = frozenset({"省定", "市定", "县定", "区定", "国定", "年度", "全年"})
MAX_EDGE_REPAIR = 2  # characters a measure may be widened by to reach a word boundary in its sentence
# What a widening may not take in: the figure's own number and counter (7个盟市 is not "个盟市").
NUMBER_PART = re.compile(r"[\d.%一二三四五六七八九十百千万亿两个名位家所项次元户人套座条间只台份万]")


@cache
def _pos_tokenizer():
    from articles.extract.segmenter import get_plain_tokenizer, pos_tokenizer

    return pos_tokenizer(get_plain_tokenizer())  # jieba's dictionary, shared: this tokenizer adds no words


@lru_cache(maxsize=4096)
def _tags(phrase: str) -> tuple[tuple[str, str], ...]:
    return tuple((pair.word, pair.flag) for pair in _pos_tokenizer().cut(phrase))


@lru_cache(maxsize=256)
def _word_bounds(sentence: str) -> frozenset[int]:
    """Where words start and end in the sentence (jieba's dictionary words, no HMM guessing: this runs for every
    figure, and the sentences of one article repeat)."""
    bounds, position = {0}, 0
    for word in fastcut.cut(_pos_tokenizer().tokenizer, sentence, hmm=False):
        position += len(word)
        bounds.add(position)
    return frozenset(bounds)


def whole_words(measure: str, sentence: str, near: str = "") -> str | None:
    """The measure widened to the words it cuts in its sentence (by at most MAX_EDGE_REPAIR characters a side);
    None when it cannot be. `near` is the figure's text: of several places the measure is written at, the one
    nearest the figure is the one read (带动1251人就业 is not the 就业 of 市就业局 earlier in the sentence)."""
    at = _nearest(sentence, measure, sentence.find(near) if near else -1)
    if at < 0:
        return measure
    bounds = _word_bounds(sentence)
    start, end = at, at + len(measure)
    left = max((b for b in bounds if b <= start), default=0)
    right = min((b for b in bounds if b >= end), default=len(sentence))
    if start - left > MAX_EDGE_REPAIR or right - end > MAX_EDGE_REPAIR:
        return None
    if NUMBER_PART.search(sentence[left:start] + sentence[end:right]):
        return measure
    return sentence[left:right]


def _nearest(sentence: str, measure: str, figure_at: int) -> int:
    found = [m.start() for m in re.finditer(re.escape(measure), sentence)]
    if not found:
        return -1
    if figure_at < 0:
        return found[0]
    return min(found, key=lambda at: min(abs(at + len(measure) - figure_at), abs(at - figure_at)))


def without_place(measure: str) -> str:
    """The measure without the divisions it opens with (山东全省城镇新增就业 → 城镇新增就业), when a phrase of two
    characters or more is left."""
    while True:
        found = LEADING_PLACE.match(measure)
        if not found:
            words = _tags(measure)
            first = words[0][0] if words else ""
            if not (len(words) > 1 and DIVISION_WORD.match(first) and words[0][1] in ("ns", "n", "nr")):
                return measure
            cut = len(first)
        else:
            cut = found.end()
        if len(measure) - cut < 2:
            return measure
        measure = measure[cut:]


def is_noun_phrase(measure: str) -> bool:
    """True when the phrase ends on a noun-like word, starts on no adverb/conjunction/particle and names no
    pronoun (我公司, 他们): what can be counted, not a statement about it."""
    tags = _tags(measure)
    if not tags:
        return False
    first, (last_word, last) = tags[0][1], tags[-1]
    if any(flag in BAD_ANYWHERE for _, flag in tags):
        return False
    if first in BAD_FIRST or last in BAD_LAST:
        return False
    if first.startswith("v") and first != "vn" and len(tags[0][0]) == 1:
        return False
    if tags[0][0] in COMPARISON_OPENERS or any(word in CLAUSE_WORDS or word in PREDICATES for word, _ in tags):
        return False
    if tags[0][1] == "j" and len(tags[0][0]) == 1 and len(tags) > 1:
        return False  # 粤务工规模 (cut out of 在粤务工规模: the abbreviation is a place, not the head)
    if all(flag in ("ns", "nr", "nrt", "nrfg") for _, flag in tags):
        return False  # 宁明 (a place or a name alone: where or who, not what)
    if any(flag.startswith("v") and flag != "vn" and next_flag == "uj" for (_, flag), (_, next_flag) in pairwise(tags)):
        return False  # 居住的城镇棚户区 (a relative clause: 约1亿人居住的…)
    if not any(flag.startswith(NOUN_LIKE) for _, flag in tags):
        return False  # 覆盖, 打造, 给予: a verb alone
    if last.startswith("v") and last != "vn":
        # 城镇新增就业 (verbs in a row name an activity); 贫困村退出, 项目分布 (a noun, then its verb) is a clause.
        before = tags[-2][1] if len(tags) >= 2 else ""
        return len(last_word) >= 2 and len(tags) >= 2 and not (before.startswith("n") or before in ("j", "s", "f"))
    return True


def checked_measure(measure: str | None, sentence: str, figure_text: str = "", unit: str = "") -> str | None:
    """The measure repaired to whole words and without the divisions it opens with when it is a noun phrase; None
    otherwise, and None for a share read across 的 (完成目标任务的87.1%, 91.2%的贫困人口: the measure names the
    whole the share is of, not the share)."""
    if not measure:
        return None
    repaired = whole_words(measure, sentence, figure_text) if sentence else measure
    if repaired is None or not is_noun_phrase(repaired):
        return None
    if unit in SHARE_UNITS and figure_text and (f"{repaired}的{figure_text}" in sentence or (
            f"{figure_text}的{repaired}" in sentence) or re.search(f"占[^，,。；;]{{0,12}}{re.escape(repaired)}"
                                                                f"{re.escape(figure_text)}", sentence)):
        return None  # …占东部8省市吸纳脱贫人口务工数45%: the whole again
    at = sentence.find(repaired)
    following = sentence[at + len(repaired) : at + len(repaired) + 1] if at >= 0 else ""
    if following in ASPECT or (following in LOCATIVE_PREPOSITIONS and len(_tags(repaired)) == 1):
        return None  # 约2亿困难群众圆了“安居梦”, 623万人生活在贫困线以下: it is the verb of its clause
    if repaired in ATTRIBUTIVES:
        return None  # 完成省定2亿元目标任务: who set the target, not what it counts
    return without_place(repaired)
