"""Who issued a programme's document, at what level of government, and when (自治区人社厅印发《…》).

Pure: the article text and its programme, region and date mentions in; per mention the issuer, level and issue
date, when the text says so right before the mention (the days in force: policies.extraction.validity)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

# The verbs that publish a document, between its issuer and its 《title》.
ISSUING_VERB = r"(?:联合)?(?:印发|发布|出台|制定|下发|颁布|公布|出台了|印发了|发布了)"
# An issuer: a run of Chinese ending in an organ's suffix, right before the verb (no punctuation inside).
ORGAN = r"[\u4e00-\u9fff]{1,24}?(?:人民政府|政府|办公厅|办公室|委员会|常委会|人大|厅|局|委|部|院|署|办|中心|政协)"
ISSUED_BEFORE = re.compile(rf"(?P<issuer>{ORGAN}(?:、{ORGAN})*)\s*{ISSUING_VERB}\s*$")
# Words a clause may open with that are not part of the issuer (近日，自治区人社厅印发… / 日前记者获悉…).
LEADING_NOISE = re.compile(r"^(?:近日|日前|近期|目前|今年|去年|记者|据悉|据了解|同时|此外|另外|并|已|由|经|从)+")
NATIONAL = re.compile(r"^(?:国务院|国家|中共中央|党中央|中央|全国|财政部|教育部|民政部|人力资源社会保障部|人社部|住房和城乡建设部|"
                      r"住建部|农业农村部|国家卫健委|[\u4e00-\u9fff]{1,8}部$)")
ANAPHORA = ("该", "本", "此", "其", "各")
LEVELS_BY_REGION = {"province": "provincial", "prefecture": "prefecture", "county": "county"}
LEVEL_WORDS = (("自治区", "provincial"), ("省", "provincial"), ("市", "prefecture"), ("州", "prefecture"),
               ("盟", "prefecture"), ("县", "county"), ("旗", "county"))


@dataclass(frozen=True)
class Issued:
    """What the text says of one programme mention's document: issuer, level, issue date."""

    issuer: str
    level: str | None
    issued_on: date | None


def issued(text: str, start: int, end: int, *, regions: list, dates: list) -> Issued | None:
    """The issuer of the mention at text[start:end] (a 《title》 or its name) when one publishes it right before it;
    the level from the issuer (national organs, else the division it names); the issue date from a date in the
    same clause."""
    opening = text.rfind("《", max(0, start - 1), start + 1)
    head = opening if opening >= 0 else start
    clause_start = max(text.rfind(mark, 0, head) for mark in "，。；！？\n,;") + 1
    found = ISSUED_BEFORE.search(text, clause_start, head)
    if not found:
        return None
    issuer = LEADING_NOISE.sub("", found.group("issuer"))
    if len(issuer) < 2 or issuer.startswith(ANAPHORA):
        return None  # 该局, 本委: who it is stands elsewhere
    issuer_start = found.start("issuer") + len(found.group("issuer")) - len(issuer)
    return Issued(
        issuer=issuer,
        level=_level(issuer, issuer_start, regions),
        issued_on=_day_before(clause_start, issuer_start, dates),
    )


def _level(issuer: str, at: int, regions: list) -> str | None:
    if NATIONAL.match(issuer):
        return "national"
    named = [r for r in regions if at <= _get(r, "start") < at + len(issuer) and _get(r, "level") in LEVELS_BY_REGION]
    if named:
        return LEVELS_BY_REGION[_get(named[0], "level")]
    for word, level in LEVEL_WORDS:
        if issuer.startswith(word) or issuer.startswith(f"全{word}"):
            return level
    return None


def _day_before(clause_start: int, issuer_start: int, dates: list) -> date | None:
    for mention in dates:
        begin, finish = _get(mention, "start_offset"), _get(mention, "end_offset")
        if clause_start - 12 <= begin and finish <= issuer_start and _get(mention, "start") == _get(mention, "end"):
            return _get(mention, "start")
    return None


def _get(record, name: str):
    return record.get(name) if isinstance(record, dict) else getattr(record, name, None)
