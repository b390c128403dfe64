"""Find named programmes, campaigns, mechanisms and documents in article text (ProgramMention with spans)."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Any

from policies.extraction import lexicon
from policies.extraction.names import canonical_program_name, generic_tail_stem
from policies.extraction.tokens import Token, clause_end, is_line_break, is_stop, is_tail_stop, tokenize_around

# Evidence priority when spans overlap: a smaller number wins, then the longer span.
_TITLE, _QUOTED, _KNOWN, _UNQUOTED, _PROPAGATED = range(5)

_TITLE_RE = re.compile(r"《([^《》]{2,80}?)》")
# One pattern per quote style, so that ‘a name’ inside a “quoted speech” is still seen.
_QUOTE_RES = (
    re.compile(r"“([^“”]{1,40}?)”"),
    re.compile(r"‘([^‘’“”]{1,40}?)’"),
    re.compile(r"「([^「」]{1,40}?)」"),
)
_TRAILING_PARENS = re.compile(r"[（(][^（）()]*[)）]\s*$")
_SPEECH_PUNCT = re.compile(r"[，。！？!?；;：:]")
_YEAR_TOKEN = re.compile(r"^(\d{4}|年)$")

_CLOSING_MARKS = frozenset({"”", "’", "」", "》"})
_LIST_MARKS = frozenset({"、", "—", "——", "－"})

_MAX_UNQUOTED_CHARS = 22
_MAX_TAIL_CHARS = 22
_MAX_QUOTE_MODIFIER_CHARS = 6
_SHORT_QUOTE = 3
_MIN_NAME_CHARS = 3


@dataclass
class ProgramMention:
    """One mention of a named programme: the surface `text`, its canonical `name`, `kind` and span."""

    text: str
    name: str
    kind: str
    start: int
    end: int


@dataclass
class _Candidate:
    start: int
    end: int
    kind: str
    priority: int
    name: str | None = None


def extract_programs(text: str, ctx: Any = None) -> list[ProgramMention]:
    """Every programme mention in `text`, sorted by start. `ctx` is accepted for pipeline symmetry and unused."""
    quotes = _name_quotes(text)
    tokens = tokenize_around(text, _token_positions(text, quotes))
    candidates = (
        _title_candidates(text)
        + _quoted_candidates(text, tokens, quotes)
        + _known_candidates(text)
        + _unquoted_candidates(text, tokens)
    )
    kept = _resolve_overlaps(candidates)
    kept = _resolve_overlaps(kept + _propagated_candidates(text, kept))
    mentions = []
    for candidate in kept:
        surface = text[candidate.start:candidate.end]
        name = candidate.name or canonical_program_name(surface)
        if len(name) >= _MIN_NAME_CHARS and name not in lexicon.generic_programs():
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
    the quote matter only for a short tag (`_takes_modifier`).
    """
    positions = []
    for match, inner in quotes:
        if lexicon.any_suffix_re().search(text, match.end(), clause_end(text, match.end())):
            positions.append(match.end())
            if _takes_modifier(inner):
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
    """“Name”+head (“三进”行动, “助康工程”项目) and quoted names that carry their own head (“医疗倍增计划”)."""
    starts = [token.start for token in tokens]
    found = []
    for match, inner in quotes:
        tail = _quoted_tail(text, tokens, starts, match.end())
        if tail is not None and _tail_is_named(inner, text[match.end():tail[0]], tail[1]):
            start = _quoted_modifier_start(tokens, starts, match.start(), inner)
            found.append(_Candidate(start, tail[0], tail[1].kind, _QUOTED))
            continue
        suffix = lexicon.suffix_of(inner, frozenset({lexicon.STRONG, lexicon.MEDIUM, lexicon.QUOTED}))
        if suffix and len(inner) > len(suffix.text) and not lexicon.is_generic_modifier(inner[: -len(suffix.text)]):
            found.append(_Candidate(match.start(), match.end(), suffix.kind, _QUOTED, name=inner))
    return found


def _quoted_tail(text: str, tokens: list[Token], starts: list[int], position: int) -> tuple[int, lexicon.Suffix] | None:
    """Where the noun phrase after a closing quote ends on a programme head, and that head.

    The first strong or medium head wins (“12345”边疆模式, not …模式运行机制); failing one, the longest weaker head
    (“1+3+N”管理推进模式 rather than “1+3+N”管理).
    """
    index = bisect_left(starts, position)
    if index >= len(tokens) or tokens[index].start != position:
        return None
    best, chars = None, 0
    while index < len(tokens):
        token = tokens[index]
        if is_line_break(tokens, index):
            index += 1
            continue
        leading_year = chars <= 4 and _YEAR_TOKEN.match(token.word)
        if is_tail_stop(token) and not leading_year:
            break
        chars += len(token.word)
        if chars > _MAX_TAIL_CHARS:
            break
        suffix = lexicon.suffix_of(text[position:token.end])
        aligned = suffix is not None and (token.word.endswith(suffix.text) or suffix.text.endswith(token.word))
        if suffix and aligned and not _continues_head(tokens, index):
            best = (token.end, suffix)
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
    if not _takes_modifier(inner):
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


def _takes_modifier(inner: str) -> bool:
    return len(inner) <= _SHORT_QUOTE and not inner.isascii()


def _known_candidates(text: str) -> list[_Candidate]:
    found = []
    for name, kind in lexicon.known_programmes().items():
        for match in re.finditer(re.escape(name), text):
            found.append(_Candidate(match.start(), match.end(), kind, _KNOWN))
    return found


def _unquoted_candidates(text: str, tokens: list[Token]) -> list[_Candidate]:
    """Noun phrases ending in a strong head (稳岗扩岗提质工程), or a medium head after a place name (京蒙医疗协作机制)."""
    strengths = frozenset({lexicon.STRONG, lexicon.MEDIUM})
    found = []
    for index, token in enumerate(tokens):
        suffix = lexicon.suffix_of(token.word, strengths)
        if suffix is None or _continues_head(tokens, index):
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
        found.append(_Candidate(tokens[first].start, token.end, suffix.kind, _UNQUOTED))
    return found


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
        if is_stop(previous) and not (first == index and previous.word in lexicon.nominal_verbs()):
            if previous.word in _LIST_MARKS:
                return None  # one item of a coordinated list (进零售药店、进…行动): its head is shared
            break
        chars += len(previous.word)
        if chars > _MAX_UNQUOTED_CHARS:
            return None
        cursor -= 1
        first = cursor
    return first


def _continues_head(tokens: list[Token], index: int) -> bool:
    """True when the next word shows the head was only a modifier (项目库, 计划单列)."""
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return following is not None and following.word in lexicon.head_continuations()


def _propagated_candidates(text: str, kept: list[_Candidate]) -> list[_Candidate]:
    """Other occurrences of a found name or of its strong stem (京蒙医疗协作机制 → 京蒙医疗协作) in the same text."""
    found = []
    for candidate in kept:
        if candidate.kind == "document":
            continue
        name = candidate.name or canonical_program_name(text[candidate.start:candidate.end])
        for form in {name, generic_tail_stem(name)} - {None}:
            if len(form) < 4 or form in lexicon.generic_programs():
                continue
            for match in re.finditer(re.escape(form), text):
                found.append(_Candidate(match.start(), match.end(), candidate.kind, _PROPAGATED, name=form))
    return found


def _resolve_overlaps(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep non-overlapping candidates, preferring stronger evidence, then longer spans."""
    ordered = sorted(candidates, key=lambda c: (c.priority, -(c.end - c.start), c.start))
    kept: list[_Candidate] = []
    for candidate in ordered:
        if all(candidate.end <= other.start or candidate.start >= other.end for other in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)
