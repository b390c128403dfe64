"""Find named programmes, campaigns, mechanisms and documents in article text (ProgramMention with spans)."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from articles.parsing.script import reads_simplified
from policies.extraction import lexicon, vocabulary
from policies.extraction.names import canonical_program_name, generic_tail_stem
from policies.extraction.quoted import continues_head, quoted_spans, takes_modifier
from policies.extraction.tokens import Token, clause_end, is_line_break, is_stop, tokenize_around

# Evidence priority when spans overlap: a smaller number wins, then the longer span.
# A vocabulary name loses to a longer name around it (稳岗扩岗提质工程 inside …工程实施方案).
_TITLE, _QUOTED, _KNOWN, _UNQUOTED, _VOCABULARY, _PROPAGATED = range(6)

_TITLE_RE = re.compile(r"《([^《》]{2,80}?)》")
# One pattern per quote style, so that ‘a name’ inside a “quoted speech” is still seen.
_QUOTE_RES = (
    re.compile(r"“([^“”]{1,40}?)”"),
    re.compile(r"‘([^‘’“”]{1,40}?)’"),
    re.compile(r"「([^「」]{1,40}?)」"),
    re.compile(r'"([^"\n]{1,40}?)"'),  # web pages type ASCII quotes: 创新"苏超+就业"模式
)
_TRAILING_PARENS = re.compile(r"[（(][^（）()]*[)）]\s*$")
_SPEECH_PUNCT = re.compile(r"[，,。！？!?；;：:]")  # canonical names have half-width commas

_CLOSING_MARKS = frozenset({"”", "’", "」", "》", '"'})
_LIST_MARKS = frozenset({"、", "—", "——", "－"})

_MAX_UNQUOTED_CHARS = 22
_MIN_LISTED_NAME_CHARS = 10  # a list item this long with its own head is a name of its own (…就业创业援助行动)
_SUBJECTS = frozenset({"政府", "我们", "我省", "我市", "我区", "我县", "全省", "全市", "全区", "全县", "今年"})
_ETC = "等"
_AND = "及"
_PROJECT = "项目"
_QUOTA = "计划"
_VERB_FLAGS = frozenset({"v", "l"})  # l: jieba's set phrases, verbal after a head used as a verb (沈阳市计划超额完成)
_CLASS_WORDS = frozenset({"各种", "各类", "各项", "多种", "多项", "一些", "有关"})  # …援助行动等系列培训就业工程: the phrase after 等 is the class of the listed items, not a name
_MIN_NAME_CHARS = 3
_MAX_JOINED_FIELD = 4  # 京蒙平安校园共建: at most this between the joined form and its head
_QUOTE_PAIRS = (("“", "”"), ("‘", "’"), ("「", "」"), ('"', '"'))
_OPENING_MARKS = ("“", "‘", "「", "《")


@dataclass
class ProgramMention:
    """One mention of a named programme: the surface `text`, its canonical `name`, `kind` and span."""

    text: str
    name: str
    kind: str
    start: int
    end: int
    # Who issued it, at what level, when, and from when it is in force — when the text says so around the mention
    # (policies.extract.attach_issuers fills these).
    issuer: str | None = None
    level: str | None = None
    issued_on: date | None = None
    valid_from: date | None = None
    valid_to: date | None = None  # the last day in force (policies.extraction.validity)


@dataclass
class _Candidate:
    start: int
    end: int
    kind: str
    priority: int
    name: str | None = None


@reads_simplified(strip_pinyin=True)
def extract_programs(text: str, ctx: Any = None) -> list[ProgramMention]:
    """Every programme mention in `text`, sorted by start.

    Names listed in `ctx.programme_vocabulary` (a `vocabulary.Vocabulary`: the database's, with editors' entries)
    are found as known names; without one, the file vocabulary is used."""
    known = getattr(ctx, "programme_vocabulary", None) or vocabulary.file_vocabulary()
    quotes = _name_quotes(text)
    tokens = tokenize_around(text, _token_positions(text, quotes))
    listed = _known_candidates(text, known)
    unquoted = _scheme_projects(text, listed, _unquoted_candidates(text, tokens))
    candidates = (
        _title_candidates(text)
        + _quoted_candidates(text, tokens, quotes)
        + _complete_names(listed, unquoted)
        + _pattern_candidates(text)
        + unquoted
    )
    kept = _resolve_overlaps(candidates)
    kept = _resolve_overlaps(kept + _propagated_candidates(text, kept))
    mentions = []
    for candidate in kept:
        surface = text[candidate.start:candidate.end]
        name = candidate.name or canonical_program_name(surface)
        short_ok = candidate.priority in (_KNOWN, _VOCABULARY)  # 棚改, 综援: listed names may be two characters
        if (len(name) >= _MIN_NAME_CHARS or short_ok) and name not in lexicon.generic_programs():
            mentions.append(ProgramMention(surface, name, candidate.kind, candidate.start, candidate.end))
    return sorted(mentions, key=lambda mention: (mention.start, mention.end))


def _name_quotes(text: str) -> list[tuple[re.Match[str], str]]:
    """Quoted spans that may be a name, with their canonical inner text: quoted speech (with ，。 …) is left out."""
    found = []
    for match in (match for pattern in _QUOTE_RES for match in pattern.finditer(text)):
        inner = canonical_program_name(match.group(1))
        if inner and not _SPEECH_PUNCT.search(inner):
            found.append((match, inner))
    return found


def _token_positions(text: str, quotes: list[tuple[re.Match[str], str]]) -> list[int]:
    """The places whose words the rules read: each strong or medium head, and the quotes that a head follows.

    A quote's tail can only end on a head inside its clause, so a clause without one is never cut; the words before
    the quote matter only for a short tag (`takes_modifier`).
    """
    positions = []
    for match, inner in quotes:
        if lexicon.any_suffix_re().search(text, match.end(), clause_end(text, match.end())):
            positions.append(match.end())
            if takes_modifier(inner):
                positions.append(match.start())
    positions.extend(match.start() for match in lexicon.unquoted_heads_re().finditer(text))
    return positions


def _title_candidates(text: str) -> list[_Candidate]:
    """《…》 titles whose last word is a programme or document head (方案, 办法, 法, 清单, 计划 …)."""
    found = []
    for match in _TITLE_RE.finditer(text):
        inner = canonical_program_name(match.group(1))
        core = _TRAILING_PARENS.sub("", inner).strip()
        if lexicon.suffix_of(core) is not None:
            found.append(_Candidate(match.start(), match.end(), "document", _TITLE))
    return found


def _quoted_candidates(text: str, tokens: list[Token], quotes: list[tuple[re.Match[str], str]]) -> list[_Candidate]:
    """“Name”+head (“三进”行动), quoted names that carry their own head (“医疗倍增计划”), lists sharing a head."""
    return [_Candidate(span.start, span.end, span.kind, _QUOTED, name=span.name)
            for span in quoted_spans(text, tokens, quotes)]


def _known_candidates(text: str, known: vocabulary.Vocabulary) -> list[_Candidate]:
    """Names and aliases from the programme vocabulary (大病保险, 棚改), kept as written; linking maps aliases.

    One followed by an office's head names the office (乡村振兴局) and is left out; one followed by a mechanism
    head (防止返贫监测帮扶机制), a strategy head (就业优先战略) or 试点 (农村危房改造试点) takes it in."""
    by_form = known.by_form
    found = []
    for match in known.forms_re.finditer(text):
        if lexicon.starts_institution(text, match.end()):
            continue
        end, kind = match.end(), by_form[match.group()].kind
        head = next((head for head in lexicon.mechanism_heads() if text.startswith(head, end)), None)
        strategy = next((head for head in lexicon.strategy_heads() if text.startswith(head, end)), None)
        if head is not None and not match.group().endswith(head):
            end, kind = end + len(head), "mechanism"
        elif strategy is not None and not match.group().endswith(strategy):
            end = end + len(strategy)
        found.append(_Candidate(match.start(), end, kind, _VOCABULARY))
    return found


def _complete_names(listed: list[_Candidate], unquoted: list[_Candidate]) -> list[_Candidate]:
    """A listed name that ends a longer unquoted phrase is the whole name: what precedes it is a verb or a
    modifier (处理长者生活津贴计划, 实施易地扶贫搬迁工程 are not names); one that ends earlier stays weaker than the
    phrase (稳岗扩岗提质工程 inside 稳岗扩岗提质工程实施方案)."""
    for candidate in listed:
        around = [other for other in unquoted if other.start < candidate.end and other.end > candidate.start]
        if any(other.end == candidate.end for other in around) and all(other.end <= candidate.end for other in around):
            candidate.priority = _KNOWN
    return listed


def _scheme_projects(text: str, listed: list[_Candidate], unquoted: list[_Candidate]) -> list[_Candidate]:
    """Drop an unquoted phrase that is a listed scheme plus 项目 (贵州省新一轮易地扶贫搬迁项目, 老旧小区改造项目), or
    plus 计划 after only generic words (全国棚改计划新开工289万套: the year's quota): the mention is the scheme (the
    listed name then ends the phrase it is left in). 乡村振兴计划 on its own stays a name."""
    projects = {candidate.end + len(_PROJECT) for candidate in listed if text.startswith(_PROJECT, candidate.end)}
    quotas = {candidate.end + len(_QUOTA): candidate.start for candidate in listed
              if text.startswith(_QUOTA, candidate.end)}
    kept = []
    for candidate in unquoted:
        if candidate.end in projects and text.endswith(_PROJECT, candidate.start, candidate.end):
            continue
        scheme_start = quotas.get(candidate.end)
        if scheme_start is not None and scheme_start > candidate.start \
                and lexicon.is_generic_modifier(text[candidate.start:scheme_start]):
            continue
        kept.append(candidate)
    return kept


def _pattern_candidates(text: str) -> list[_Candidate]:
    """Names of a fixed shape from `programme_patterns.txt` (15分钟就业服务圈)."""
    return [_Candidate(match.start(), match.end(), "program", _KNOWN)
            for pattern in lexicon.programme_patterns() for match in pattern.finditer(text)]


def _unquoted_candidates(text: str, tokens: list[Token]) -> list[_Candidate]:
    """Noun phrases ending in a strong head (稳岗扩岗提质工程), or a medium head after a place name (京蒙医疗协作机制)."""
    strengths = frozenset({lexicon.STRONG, lexicon.MEDIUM, lexicon.JOINED})
    found = []
    for index, token in enumerate(tokens):
        suffix = lexicon.suffix_of(token.word, strengths)
        if suffix is None or continues_head(tokens, index) or _used_as_verb(tokens, index):
            continue
        first = _left_edge(tokens, index)
        if first is None:
            continue
        phrase = text[tokens[first].start:token.end]
        modifier = phrase[: -len(suffix.text)]
        if len(modifier) < 2 or lexicon.is_generic_modifier(modifier):
            continue
        if any(phrase.endswith(head) for head in lexicon.generic_heads()):
            continue
        if suffix.strength == lexicon.MEDIUM and not lexicon.is_place_word(tokens[first].word, tokens[first].flag):
            continue
        if suffix.strength == lexicon.JOINED:
            first = _joined_start(text, tokens, first, index)
            if first is None:
                continue
        start = _after_leading_verb(text, tokens, first, token.end - len(suffix.text))
        found.append(_Candidate(start, token.end, suffix.kind, _UNQUOTED))
    return found


def _after_leading_verb(text: str, tokens: list[Token], first: int, head_start: int) -> int:
    """Where a phrase starts once a boundary verb that the segmenter cut into pieces is passed over (制发服务招商引资
    企业落地发展工作方案, cut 制 / 发 / 服务…, names 服务招商引资企业落地发展工作方案). The verb must end where a word
    ends, so that a longer word it begins (组织部) is left whole."""
    start = tokens[first].start
    ends = {token.end for token in tokens[first:first + 4]}
    for word in lexicon.leading_verbs():
        end = start + len(word)
        if text.startswith(word, start) and end in ends and head_start - end >= 2:
            return end
    return start


def _used_as_verb(tokens: list[Token], index: int) -> bool:
    """A head that is also a verb: followed by an adverb, a time word or a number (该区计划6月底前…), after an
    adverb (政府亦计划根据…), or after a lone place or subject and before a verb (今年广西计划实现…, 沈阳市计划超额完成)."""
    if tokens[index].word not in lexicon.verb_heads():
        return False
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    previous = tokens[index - 1] if index > 0 else None
    if following is not None and (following.flag[:1] in ("d", "t") or following.word[:1].isdigit()):
        return True
    if previous is not None and previous.flag[:1] == "d":
        return True
    before = tokens[index - 2] if index > 1 else None
    lone_subject = (previous is not None and (previous.flag in ("ns", "r") or previous.word in _SUBJECTS)
                    and (before is None or is_stop(before) or before.flag[:1] == "t" or before.word in _SUBJECTS))
    return lone_subject and following is not None and following.flag in _VERB_FLAGS


def _joined_start(text: str, tokens: list[Token], first: int, index: int) -> int | None:
    """Where a joined-form name (京蒙医疗协作) starts: the nearest joined form before the head, or None.

    京蒙协作“医疗倍增计划” only says whose the quoted programme is, and in 京蒙两地医疗机构合作 the words between
    place and head make it a description.
    """
    if text.startswith(_OPENING_MARKS, tokens[index].end):
        return None
    abbreviations = lexicon.place_abbreviations()
    for cursor in range(index - 1, first - 1, -1):
        run = cursor  # jieba may cut 沪蒙 into 沪 / 蒙: a run of one-character abbreviations counts too
        while run > first and tokens[run].word in abbreviations and tokens[run - 1].word in abbreviations:
            run -= 1
        if lexicon.is_joined_form(text[tokens[run].start:tokens[cursor].end]):
            field = tokens[index].start - tokens[cursor].end
            return run if field <= _MAX_JOINED_FIELD else None
    return None


def _left_edge(tokens: list[Token], index: int) -> int | None:
    """Index of the first word of the tight noun phrase ending at `index`, or None when it has no clear edge."""
    first, cursor, chars = index, index, len(tokens[index].word)
    while cursor > 0:
        previous = tokens[cursor - 1]
        if is_line_break(tokens, cursor - 1):
            cursor -= 1
            continue
        if previous.word in _CLOSING_MARKS:
            return None  # a quoted name or a title: the other rules own it
        if previous.word in _CLASS_WORDS:
            return None  # 各种闸涵工程: a class of works, not one named programme
        if _counts_parts(previous, tokens[cursor]):
            pass  # 农业七大产业高质量发展三年行动: 七大 counts the parts of the name's subject
        elif _joins_nouns(tokens, cursor - 1):
            pass  # 老旧小区及平房区综合改造工程: 及 joins two nouns of one name's subject
        elif is_stop(previous) and not (first == index and previous.word in lexicon.nominal_verbs()):
            if previous.word in _LIST_MARKS and chars < _MIN_LISTED_NAME_CHARS:
                return None  # one item of a coordinated list (进零售药店、进…行动): its head is shared
            if previous.word == _ETC:
                return None
            break
        chars += len(previous.word)
        if chars > _MAX_UNQUOTED_CHARS:
            return None
        cursor -= 1
        first = cursor
    return first


def _joins_nouns(tokens: list[Token], index: int) -> bool:
    """True when tokens[index] is 及 between two nouns (小区 及 平房区): the phrase names one object of two parts."""
    if tokens[index].word != _AND or index == 0 or index + 1 >= len(tokens):
        return False
    before, after = tokens[index - 1], tokens[index + 1]
    return before.flag[:1] == "n" and after.flag[:1] == "n" and not is_stop(before)


_PARTS_NUMERAL = re.compile(r"^[一二三四五六七八九十两]+大?$")


def _counts_parts(numeral: Token, following: Token) -> bool:
    """A Chinese numeral before 大 (七大产业, 三大攻坚战, 十大工程) counts the parts a name is about; it is a word of
    the name, not a number that ends it."""
    if not _PARTS_NUMERAL.match(numeral.word):
        return False
    return numeral.word.endswith("大") or (following.word.startswith("大") and following.start == numeral.end)


def _propagated_candidates(text: str, kept: list[_Candidate]) -> list[_Candidate]:
    """Other occurrences of a found name or of its strong stem (京蒙医疗协作机制 → 京蒙医疗协作) in the same text."""
    found = []
    scanned: set[tuple[str, str]] = set()  # each name is looked for once, however often it was found (linear cost)
    for candidate in kept:
        if candidate.kind == "document":
            continue
        name = candidate.name or canonical_program_name(text[candidate.start:candidate.end])
        for form in {name, generic_tail_stem(name)} - {None}:
            if len(form) < _MIN_NAME_CHARS or form in lexicon.generic_programs() or (form, candidate.kind) in scanned:
                continue
            scanned.add((form, candidate.kind))
            if len(form) < 4:  # a short name (双通道) only where it is quoted again
                pattern = "|".join(re.escape(a + form + b) for a, b in _QUOTE_PAIRS)
            else:
                pattern = re.escape(form)
            for match in re.finditer(pattern, text):
                if lexicon.starts_institution(text, match.end()):
                    continue  # 乡村振兴局 names an office
                found.append(_Candidate(match.start(), match.end(), candidate.kind, _PROPAGATED, name=form))
    return found


def _resolve_overlaps(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep non-overlapping candidates, preferring stronger evidence, then longer spans."""
    ordered = sorted(candidates, key=lambda c: (c.priority, -(c.end - c.start), c.start))
    # Kept spans never overlap, so sorted by start their ends are sorted too: only the two neighbours of a new
    # candidate can overlap it (a bisection, not a scan of everything kept — pages with thousands of mentions).
    kept: list[_Candidate] = []
    starts: list[int] = []
    for candidate in ordered:
        index = bisect.bisect_right(starts, candidate.start)
        before = kept[index - 1] if index > 0 else None
        after = kept[index] if index < len(kept) else None
        if before is not None and not (candidate.end <= before.start or candidate.start >= before.end):
            continue
        if after is not None and not (candidate.end <= after.start or candidate.start >= after.end):
            continue
        kept.insert(index, candidate)
        starts.insert(index, candidate.start)
    return kept
