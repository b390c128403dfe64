"""Quoted programme names: “name”+kind phrase, quotes that carry their own head, and lists of quotes sharing one."""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from policies.extraction import lexicon
from policies.extraction.names import canonical_program_name
from policies.extraction.tokens import Token, is_line_break, is_stop, is_tail_stop

_YEAR_TOKEN = re.compile(r"^(\d{4}|年)$")
_CLEAR_HEADS = frozenset({lexicon.STRONG, lexicon.MEDIUM})
_OWN_HEADS = _CLEAR_HEADS | {lexicon.QUOTED}
_MAX_TAIL_CHARS = 22  # how far the walk looks for a head after a quote
# A longer kind phrase (…孤独症儿童关爱帮扶项目) describes the quoted name and is no part of it. The guide says
# "about six characters"; the annotated pages take phrases of up to nine (…文化惠民购书活动), so nine it is.
_MAX_KIND_PHRASE = 9
_MAX_QUOTE_MODIFIER_CHARS = 6
_SHORT_QUOTE = 3
_ETC = "等"
# Document heads that name a law or plan even in quotes rather than 《》 (the Taiwan and Hong Kong press quote titles
# in 「」); softer ones such as 决定, 意见, 措施 also end quoted speech, so they need 《》.
_QUOTED_TITLE_HEADS = ("条例", "办法", "规定", "细则", "草案", "纲要", "规划")
_MIN_QUOTED_TITLE = 6
_SPEAKERS = ("这", "那", "我", "你", "他", "她", "咱")  # “这是我们的规定” is speech  # “春风行动”“春暖农民工”等专项服务活动
_MIN_EXAMPLE = 6  # “春风行动”等 needs no rule (its own head); a short tag before 等 is a slogan (“小而美”等招聘活动)
_EVENT_JOINER = "暨"  # joins named events only: “书香满包头”暨“…”活动


class QuotedSpan(NamedTuple):
    start: int
    end: int
    kind: str
    name: str | None  # None: the canonical form of the surface


class _Tail(NamedTuple):
    end: int
    suffix: lexicon.Suffix
    chars: int  # characters from the quote to the head's end, a leading 的 not counted
    has_year: bool


def quoted_spans(text: str, tokens: list[Token], quotes: list[tuple[re.Match[str], str]]) -> list[QuotedSpan]:
    """Every quoted name the rules accept, with its span and canonical name when that differs from the surface."""
    starts = [token.start for token in tokens]
    listed = _listed_quotes(text, tokens, starts, quotes)
    found = []
    for match, inner in quotes:
        own = _own_suffix(inner, _CLEAR_HEADS)
        if own is not None:  # “助康工程”项目 → 助康工程: a name that ends in a head keeps its own end
            found.append(QuotedSpan(match.start(), match.end(), own.kind, inner))
            continue
        if _is_quoted_title(inner):  # 「老年農民福利津貼暫行條例」: a law's title in quotes (Taiwan, Hong Kong)
            found.append(QuotedSpan(match.start(), match.end(), "document", inner))
            continue
        if match.start() in listed:
            found.append(QuotedSpan(match.start(), match.end(), listed[match.start()], inner))
            continue
        example = _example_of_kind(text, tokens, starts, match.end(), inner)
        if example is not None:  # “才聚荆楚·百日千万网络招聘”等…系列招聘活动: one named instance of a kind
            found.append(QuotedSpan(match.start(), match.end(), example, inner))
            continue
        tail = _quoted_tail(text, tokens, starts, match.end())
        if tail is None or not _tail_is_named(inner, text[match.end():tail.end], tail.suffix):
            own = _own_suffix(inner, _OWN_HEADS)  # “京蒙劳务协作月”: a weaker head of its own, nothing after
            if own is not None:
                found.append(QuotedSpan(match.start(), match.end(), own.kind, inner))
            continue
        if tail.suffix.strength == lexicon.MARKER:
            if "、" not in inner:  # “应采尽采、依码结算”管理: a list of rules, not a name
                found.append(QuotedSpan(match.start(), match.end(), tail.suffix.kind, inner))
        elif tail.chars > _MAX_KIND_PHRASE or tail.has_year:
            found.append(QuotedSpan(match.start(), match.end(), tail.suffix.kind, inner))
        else:
            start = _quoted_modifier_start(tokens, starts, match.start(), inner)
            found.append(QuotedSpan(start, tail.end, tail.suffix.kind, None))
    return found


def _example_of_kind(text: str, tokens: list[Token], starts: list[int], position: int, inner: str) -> str | None:
    """The kind of programme a long quoted name is given as an example of (“…”等线上线下系列招聘活动), or None.

    Only a name of at least _MIN_EXAMPLE characters that is not itself a list (“建房、搬迁、…”等环节), followed by 等 and
    a phrase ending on a programme head; the name is the quoted part alone, as after any long kind phrase."""
    if len(inner) < _MIN_EXAMPLE or "、" in inner or not text.startswith(_ETC, position):
        return None
    tail = _quoted_tail(text, tokens, starts, position + len(_ETC))
    if tail is None or tail.suffix.strength == lexicon.MARKER:
        return None
    return tail.suffix.kind


def _is_quoted_title(inner: str) -> bool:
    """A quoted title of a law or plan: long enough and ending in one of the heads that only name documents."""
    return len(inner) >= _MIN_QUOTED_TITLE and inner.endswith(_QUOTED_TITLE_HEADS) \
        and not lexicon.is_generic_modifier(inner[: -2]) and not inner.startswith(_SPEAKERS)


def _own_suffix(inner: str, strengths: frozenset[str]) -> lexicon.Suffix | None:
    suffix = lexicon.suffix_of(inner, strengths)
    if suffix and len(inner) > len(suffix.text) and not lexicon.is_generic_modifier(inner[: -len(suffix.text)]):
        return suffix
    return None


def _listed_quotes(text: str, tokens: list[Token], starts: list[int],
                   quotes: list[tuple[re.Match[str], str]]) -> dict[int, str]:
    """Quotes in a list whose shared head follows the last one: start → kind. The last one joins only after 等.

    Quoted slogans also come in lists (“小而美”“专而精”等招聘活动), so a list counts only when one member is a
    programme by its own head (“春风行动”“春暖农民工”等…活动) or the members are joined by 暨.
    """
    ordered = sorted((match for match, _ in quotes), key=lambda match: match.start())
    groups: list[list[re.Match[str]]] = []
    for match in ordered:
        previous = groups[-1][-1] if groups else None
        if previous is not None and previous.end() <= match.start() \
                and text[previous.end():match.start()].strip() in lexicon.quote_joiners():
            groups[-1].append(match)
        else:
            groups.append([match])
    listed: dict[int, str] = {}
    for group in (group for group in groups if len(group) > 1):
        position = group[-1].end()
        etc = text.startswith(_ETC, position)
        named = any(_own_suffix(canonical_program_name(match.group(1)), _OWN_HEADS) for match in group)
        joined = any(_EVENT_JOINER in text[a.end():b.start()] for a, b in zip(group, group[1:], strict=False))
        tail = _quoted_tail(text, tokens, starts, position + len(_ETC) if etc else position)
        if tail is None or tail.suffix.strength == lexicon.MARKER or not (named or joined):
            continue
        for match in group if etc else group[:-1]:
            listed[match.start()] = tail.suffix.kind
    return listed


def _quoted_tail(text: str, tokens: list[Token], starts: list[int], position: int) -> _Tail | None:
    """Where the noun phrase after a closing quote ends on a programme head, and that head.

    The first strong or medium head wins (“12345”边疆模式, not …模式运行机制); failing one, the longest weaker head
    (“1+3+N”管理推进模式 rather than “1+3+N”管理). A leading 的 is passed over.
    """
    index = bisect_left(starts, position)
    if index >= len(tokens) or tokens[index].start != position:
        return None
    best, chars, has_year = None, 0, False
    while index < len(tokens):
        token = tokens[index]
        if is_line_break(tokens, index):
            index += 1
            continue
        leading_year = chars <= 4 and _YEAR_TOKEN.match(token.word)
        if is_tail_stop(token) and not leading_year:
            break
        has_year = has_year or bool(leading_year)
        chars += len(token.word)
        if chars > _MAX_TAIL_CHARS:
            break
        suffix = lexicon.suffix_of(text[position:token.end])
        if suffix is not None and suffix.strength == lexicon.JOINED:
            suffix = None
        aligned = suffix is not None and (token.word.endswith(suffix.text) or suffix.text.endswith(token.word))
        if suffix and aligned and not continues_head(tokens, index):
            best = _Tail(token.end, suffix, chars, has_year)
            if suffix.strength in (lexicon.STRONG, lexicon.MEDIUM):
                return best
        index += 1
    return best


def _tail_is_named(inner: str, tail: str, suffix: lexicon.Suffix) -> bool:
    """Reject “三进”工作长效机制: a short quoted tag plus only generic words before the head."""
    stem = tail[: -len(suffix.text)]
    return not (stem and len(inner) <= _SHORT_QUOTE and lexicon.is_generic_modifier(stem))


def _quoted_modifier_start(tokens: list[Token], starts: list[int], quote_start: int, inner: str) -> int:
    """For a short quoted tag (“三进”), take the noun phrase right before it (集采药品“三进”行动)."""
    if not takes_modifier(inner):
        return quote_start
    index = bisect_left(starts, quote_start) - 1
    start, chars = quote_start, 0
    while index >= 0 and not is_stop(tokens[index]):
        chars += len(tokens[index].word)
        if chars > _MAX_QUOTE_MODIFIER_CHARS:
            break
        start = tokens[index].start
        index -= 1
    first = bisect_left(starts, start)
    if start == quote_start or not tokens[bisect_left(starts, quote_start) - 1].flag.startswith("n"):
        return quote_start
    return tokens[first].start


def takes_modifier(inner: str) -> bool:
    return len(inner) <= _SHORT_QUOTE and not inner.isascii()


def continues_head(tokens: list[Token], index: int) -> bool:
    """True when the next word shows the head was only a modifier (项目库, 计划单列)."""
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return following is not None and following.word in lexicon.head_continuations()
