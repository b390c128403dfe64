"""Region extractor: finds every naming of an administrative division in article text (gazetteer lookup)."""

from __future__ import annotations

import operator
from collections import Counter
from dataclasses import dataclass

from articles.extract import gazetteer as gz
from articles.extract.context import ExtractContext
from articles.extract.segmenter import BlockWords, PlainTokens
from articles.extract.townships import find_townships
from articles.parsing.script import reads_simplified

# Words after a short name that show it is part of a street or township name (兴安街道, 北京路).
NOT_DIVISION_FOLLOWERS = ("街道", "大街", "路", "街", "小区", "门", "桥", "苏木", "嘎查", "乡", "镇", "村", "社区")
NATIVE_OF = "籍"
# A joined form right before one of these is the name of a township or village (闽宁镇, 闽宁村).
PLACE_NAMED_AFTER_PAIR = ("村", "镇", "乡")


@dataclass
class RegionMention:
    text: str
    name: str
    code: str | None
    level: str | None
    start: int
    end: int
    parent_code: str | None = None


@dataclass
class _Scan:
    """What one pass over a text knows: the context and the divisions the text names anywhere."""

    text: str
    ctx: ExtractContext
    provinces: frozenset[str]  # provinces whose county short names may be used
    named: frozenset[str]  # codes the text names by an unambiguous form
    candidates: list[tuple[int, tuple[str, ...]]]  # see _candidates
    tokens: PlainTokens  # jieba's plain words, segmented only where asked
    lone: bool = False  # the text names no other division: a two-character county name (陇县, 礼县) counts


@reads_simplified
def extract_regions(text: str, ctx: ExtractContext, *, words: BlockWords | None = None) -> list[RegionMention]:
    """Every naming of a division in ``text``, sorted by start.

    ``words`` lets the calls for one page share their word segmentation (the pipeline passes one)."""
    candidates, tokens = _candidates(text), PlainTokens(text, words)
    first = _scan_names(_Scan(text, ctx, frozenset(_home(ctx)), frozenset(), candidates, tokens), light=True)
    if not first and not ctx.home_region:  # a county's own page (陇县…全县): its one-character name is all it gives
        first = _scan_names(_Scan(text, ctx, frozenset(), frozenset(), candidates, tokens, lone=True), light=True)
    named = frozenset(m.code for m in first if m.code)
    provinces = frozenset(_home(ctx)) | {code[:2] + "0000" for code in named}  # for short generic full names
    scan = _Scan(text, ctx, provinces, named, candidates, tokens)
    mentions = _scan_names(scan, light=False)
    mentions += _joined_forms(scan, _occupied(mentions, len(text)))
    mentions.sort(key=lambda m: m.start)
    mentions += [RegionMention(t.text, t.text, None, t.level, t.start, t.end, t.parent_code)
                 for t in find_townships(text, mentions)]
    return sorted(mentions, key=lambda m: (m.start, m.end))


@reads_simplified
def infer_home_region(text: str, *, words: BlockWords | None = None) -> str | None:
    """The province a page is about: the one named most, counting its prefectures and counties."""
    counts = Counter(m.code[:2] + "0000" for m in extract_regions(text, ExtractContext(), words=words) if m.code)
    return counts.most_common(1)[0][0] if counts else None


@reads_simplified
def infer_focus_region(text: str, home_region: str | None, *, words: BlockWords | None = None) -> str | None:
    """The prefecture, or county when it clearly dominates, that an article is mostly about."""
    mentions = [
        m for m in extract_regions(text, ExtractContext(home_region=home_region), words=words)
        if m.code and m.level in ("prefecture", "county")
        and (home_region is None or gz.is_within(m.code, home_region))
    ]
    prefecture_counts: Counter[str] = Counter()
    county_counts: Counter[str] = Counter()
    for mention in mentions:
        prefecture_counts[_prefecture_of(mention.code)] += 1
        if mention.level == "county":
            county_counts[mention.code] += 1
    if not prefecture_counts:
        return None
    prefecture, score = prefecture_counts.most_common(1)[0]  # ties: first named wins
    inside = [(code, n) for code, n in county_counts.most_common() if _prefecture_of(code) == prefecture]
    if inside and inside[0][1] >= 2 and inside[0][1] * 2 >= score:
        return inside[0][0]
    return prefecture


def _home(ctx: ExtractContext) -> list[str]:
    return [ctx.home_region] if ctx.home_region else []


def _prefecture_of(code: str) -> str:
    division = gz.get_division(code)
    if division is not None and division.level == "county" and division.parent_code:
        return division.parent_code
    return code


def _occupied(mentions: list[RegionMention], size: int) -> list[bool]:
    taken = [False] * size
    for mention in mentions:
        for i in range(mention.start, mention.end):
            taken[i] = True
    return taken


def _scan_names(scan: _Scan, light: bool) -> list[RegionMention]:
    """Greedy longest match of names, aliases and level words, left to right."""
    found: list[RegionMention] = []
    i = 0
    for start, surfaces in scan.candidates:
        if start < i:
            continue  # inside the last match
        for surface in surfaces:
            mention = _resolve(scan, surface, start, found, light)
            if mention is not None:
                found.append(mention)
                i = start + len(surface)
                break
    return found


def _candidates(text: str) -> list[tuple[int, tuple[str, ...]]]:
    """Every place where a surface (of two characters or more) starts, with those surfaces, longest first.

    Only these places can start a match, so the scans visit them alone. They are found through the
    text's distinct character pairs: few of them begin any surface, and `str.find` locates those."""
    by_pair, surfaces = gz.surface_lengths_by_pair(), gz.surfaces()
    pairs = set(map(operator.add, text, text[1:])) & by_pair.keys()
    found: list[tuple[int, tuple[str, ...]]] = []
    for pair in pairs:
        lengths = by_pair[pair]
        start = text.find(pair)
        while start >= 0:
            here = tuple(text[start:start + n] for n in lengths if text[start:start + n] in surfaces)
            if here:
                found.append((start, tuple(dict.fromkeys(here))))  # near the end two lengths give one string
            start = text.find(pair, start + 1)
    if text[-1:] in surfaces:  # the last character alone: the scan used to try it (no such surface today)
        found.append((len(text) - 1, (text[-1],)))
    found.sort()
    return found


def _resolve(scan: _Scan, surface: str, start: int, found: list[RegionMention], light: bool) -> RegionMention | None:
    end = start + len(surface)
    entries = [e for e in gz.name_index().get(surface, ()) if _entry_usable(scan, e, start, found)]
    if light:
        entries = [e for e in entries if surface not in gz.ambiguous_names()
                   and (e.kind == "full" or gz.divisions()[e.code].level != "county")]
        return _mention(surface, start, [e.code for e in entries], scan) if entries else None
    if entries and (surface not in gz.ambiguous_names() or _strong_context(scan, start, end, entries, found)):
        if all(e.kind == "full" for e in entries) and not _cuts_word(scan, surface, start, end) \
                or _short_form_ok(scan, surface, start, end):
            return _mention(surface, start, [e.code for e in entries], scan)
    code = _level_word_target(scan, surface, "focus")
    alias = gz.region_aliases().get(surface)
    if code is None and alias is not None and alias.requires_home in (None, scan.ctx.home_region):
        candidates = [c for c in alias.codes if gz.get_division(c)]
        if candidates:
            mention = _mention(surface, start, candidates, scan)
            code = mention.code
    if code is None:
        code = _level_word_target(scan, surface, "home")
    if code is not None and not _inside_word(scan, start, end):
        return _mention(surface, start, [code], scan)
    return None


def _entry_usable(scan: _Scan, entry: gz.NameEntry, start: int, found: list[RegionMention]) -> bool:
    """Full names count anywhere (short generic ones only in scope); a county's short form counts in the
    home province, elsewhere only right after its province or prefecture or when its full name is used too."""
    division = gz.divisions()[entry.code]
    if division.level != "county":
        return True
    in_home = division.province_code in scan.provinces
    if entry.kind == "full" and division.name in gz.common_noun_names():
        return in_home  # 平房区 (bungalow areas) names Harbin's district only where Heilongjiang is in scope
    if entry.kind == "full":
        return len(division.name) > 2 or in_home or (scan.lone and division.name.endswith("县"))
    if scan.ctx.home_region and division.province_code == scan.ctx.home_region:
        return True
    after_parent = bool(found) and found[-1].end == start and found[-1].code in gz.ancestors(division.code)
    return after_parent or division.name in scan.text


def _short_form_ok(scan: _Scan, surface: str, start: int, end: int) -> bool:
    """A short form or press alias counts unless the words around it say it is something else."""
    text = scan.text
    if len(surface) == 2 and any(text.startswith(f, end) for f in NOT_DIVISION_FOLLOWERS):
        if not any(text.startswith(g, end) for g in gz.township_generic_words()):
            return False
    if (len(surface) <= 2 or surface in gz.ambiguous_names()) and _inside_word(scan, start, end):
        return False
    return True


def _cuts_word(scan: _Scan, surface: str, start: int, end: int) -> bool:
    """A two-character full name (范县, 沛县) that cuts an ordinary word (示范县 → 示范/县) is that word's tail."""
    return len(surface) <= 2 and _inside_word(scan, start, end)


def _strong_context(scan: _Scan, start: int, end: int,
                    entries: list[gz.NameEntry], found: list[RegionMention]) -> bool:
    codes = {e.code for e in entries}
    if scan.text.startswith(NATIVE_OF, end):
        return True
    if found and found[-1].end == start and found[-1].code:
        if any(found[-1].code in gz.ancestors(code) for code in codes):
            return True
    return any(gz.divisions()[code].name in scan.text for code in codes)


def _inside_word(scan: _Scan, start: int, end: int) -> bool:
    """True when [start, end) cuts an ordinary word of jieba's dictionary (绿水青山, 东胜利, 安全区).

    A word that merely begins with the name (内蒙古大学, 北京烤鸭) is fine when the rest is a word too.
    """
    for token_start, token_end in scan.tokens.overlapping(start, end):
        if token_start >= end:
            break
        if token_end <= start:
            continue
        if token_start < start or (token_end > end and token_start > start):
            return True
        if token_start == start and token_end > end and token_end - end < 2:
            return True
    return False


def _level_word_target(scan: _Scan, surface: str, target: str) -> str | None:
    """全市/我区 …: the focus or home division the word stands for, when its name has the right ending."""
    ctx = scan.ctx
    for word in gz.level_words().get(surface, ()):
        if word.target != target:
            continue
        code = ctx.focus_region if target == "focus" else ctx.home_region
        division = gz.get_division(code)
        if division is None:
            continue
        if division.name.endswith(word.suffix) and (target == "home" or division.level != "province"):
            return division.code
        if target == "focus" and division.level == "prefecture" and word.suffix == "县":
            inside = [c for c in scan.named if c != code and gz.is_within(c, code)
                      and gz.divisions()[c].level == "county" and gz.divisions()[c].name.endswith(word.suffix)]
            if len(inside) == 1:  # 全县 on a page about the one county of the focus prefecture it names
                return inside[0]
        parent = gz.get_division(division.parent_code)
        if target == "focus" and parent is not None and parent.level == "prefecture" and parent.name.endswith(word.suffix):
            return parent.code
    return None


def _mention(surface: str, start: int, candidates: list[str], scan: _Scan) -> RegionMention:
    code = _choose(list(dict.fromkeys(candidates)), scan)
    division = gz.get_division(code)
    if division is not None:
        return RegionMention(surface, division.name, code, division.level, start, start + len(surface),
                             division.parent_code)
    options = [gz.divisions()[c] for c in candidates]
    names = {d.name for d in options}
    levels = {d.level for d in options}
    return RegionMention(surface, names.pop() if len(names) == 1 else surface, None,
                         levels.pop() if len(levels) == 1 else None, start, start + len(surface))


def _choose(candidates: list[str], scan: _Scan) -> str | None:
    """One code for a form several divisions share: by what else the text names, then home, then level."""
    if len(candidates) == 1:
        return candidates[0]
    for keep in (
        lambda c: any(a in scan.named for a in gz.ancestors(c)),
        lambda c: scan.ctx.home_region is not None and gz.is_within(c, scan.ctx.home_region),
    ):
        narrowed = [c for c in candidates if keep(c)]
        if len(narrowed) == 1:
            return narrowed[0]
        if narrowed:
            candidates = narrowed
    top = min(gz.LEVEL_RANK[gz.divisions()[c].level] for c in candidates)
    best = [c for c in candidates if gz.LEVEL_RANK[gz.divisions()[c].level] == top]
    return best[0] if len(best) == 1 else None


def _joined_forms(scan: _Scan, taken: list[bool]) -> list[RegionMention]:
    """Runs of one-character abbreviations: 京蒙 (provinces), 呼包鄂乌 (prefectures of the home province)."""
    text, home = scan.text, scan.ctx.home_region
    provinces = gz.province_abbreviations()
    home_prefectures = gz.home_prefecture_abbreviations(home)
    mentions: list[RegionMention] = []
    for match in gz.abbreviation_run(home).finditer(text):
        a = match.start()
        while a < match.end():  # the run's stretches not covered by a name found before
            while a < match.end() and taken[a]:
                a += 1
            b = a
            while b < match.end() and not taken[b]:
                b += 1
            if b - a >= 2:
                mentions += _joined_run(scan, a, b, provinces, home_prefectures)
            a = b
    return mentions


def _joined_run(scan: _Scan, i: int, j: int, provinces: dict[str, str],
                home_prefectures: dict[str, str]) -> list[RegionMention]:
    text, home = scan.text, scan.ctx.home_region
    followed = any(text.startswith(f, j) for f in gz.joined_form_followers())
    if text[j:j + 1] in PLACE_NAMED_AFTER_PAIR:
        return []  # 闽宁村, 闽宁镇: a place named after the pairing, not the two provinces
    run = text[i:j]
    for table, needs_home in ((home_prefectures, False), (provinces, True)):
        codes = [table.get(ch) for ch in run]
        if None in codes or len(set(codes)) != len(codes):
            continue
        home_abbr = needs_home and home in codes
        if len(run) >= 3 or followed or home_abbr:
            return [_mention(ch, i + k, [code], scan) for k, (ch, code) in enumerate(zip(run, codes, strict=False))]
    return []
