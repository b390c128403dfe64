"""Policy documents an article names (《…》), each with the programme it is for and what the text says of it: issuer,
level, issue date, days in force (自治区人社厅印发《…》，自…起施行).

Pure: the article's programme mentions (issuers and validity attached by policies.extract.attach_issuers) in;
one DocumentStatement per 《title》 mention out."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_QUOTES = re.compile(r"[“”‘’「」\"'《》]")


@dataclass
class DocumentStatement:
    """A 《title》 in the text: its span, title, the programme it is for, and what the text says of it."""

    text: str  # the span as in the article, with its 《》
    title: str  # the document's name, without 《》
    start: int
    end: int
    program: str  # the name of the programme the document is for (a mention of the article, else its own name)
    program_kind: str
    issuer: str | None = None
    level: str | None = None
    issued_on: date | None = None
    valid_from: date | None = None
    valid_to: date | None = None


def documents_of(programs: list) -> list[DocumentStatement]:
    """The article's 《title》 mentions as documents. A document is for the programme its title names: the longest
    other (non-title) programme mention of the article whose name the title contains (《关于做好城乡居民基本医疗保险
    工作的通知》 → 城乡居民基本医疗保险; 《集采药品耗材“三进”行动实施方案》 → 集采药品“三进”行动, a qualifier of at most
    MAX_INSERTED characters put inside the name), else the programme its own title is."""
    titles = [m for m in programs if m.text.startswith("《")]
    named = sorted({(m.name, m.kind) for m in programs if not m.text.startswith("《") and len(_bare(m.name)) >= 3},
                   key=lambda pair: -len(pair[0]))
    documents = []
    for mention in titles:
        title = _bare(mention.name)
        subject = next(((name, kind) for name, kind in named if _bare(name) != title and _names(title, _bare(name))),
                       (mention.name, mention.kind))
        documents.append(DocumentStatement(
            text=mention.text, title=mention.name, start=mention.start, end=mention.end,
            program=subject[0], program_kind=subject[1],
            issuer=mention.issuer, level=mention.level, issued_on=mention.issued_on,
            valid_from=mention.valid_from, valid_to=mention.valid_to,
        ))
    return documents


MAX_INSERTED = 3
MIN_SPLIT_NAME = 5  # a shorter name must stand whole in the title


def _names(title: str, name: str) -> bool:
    """Whether the title names the programme: the name whole, or cut once by a short qualifier (集采药品|耗材|三进行动)."""
    if name in title:
        return True
    if len(name) < MIN_SPLIT_NAME:
        return False
    return any(re.search(f"{re.escape(name[:i])}[^，。、]{{1,{MAX_INSERTED}}}{re.escape(name[i:])}", title)
               for i in range(2, len(name) - 1))


def _bare(name: str) -> str:
    return _QUOTES.sub("", name or "")


def _stated(record) -> int:
    return sum(1 for name in ("issuer", "issued_on", "valid_from", "valid_to") if getattr(record, name, None))


def one_per_title(records: list) -> list[tuple]:
    """Records naming documents, one per title (records with `title`, `issued_on`… in any order): for each title the
    record that states the most of it (issuer, issue date, days in force), the first of equals, and how many records
    name that title. In the order of the records first naming each title."""
    groups: dict[str, list] = {}
    for record in records:
        groups.setdefault(_bare(record.title), []).append(record)
    return [(max(group, key=_stated), len(group)) for group in groups.values()]
