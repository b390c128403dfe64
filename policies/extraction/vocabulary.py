"""The programme vocabulary (policies/data/programme_vocabulary.csv): canonical names, aliases and where they come from."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

VOCABULARY_CSV = Path(__file__).resolve().parent.parent / "data" / "programme_vocabulary.csv"


@dataclass(frozen=True)
class VocabularyEntry:
    """One national or provincial programme, campaign or mechanism with its aliases and abbreviations."""

    name: str
    aliases: tuple[str, ...]
    kind: str
    level: str
    issuing_body: str
    first_year: int | None

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def read_vocabulary(path: Path = VOCABULARY_CSV) -> tuple[VocabularyEntry, ...]:
    """Every entry of a vocabulary CSV (columns: name, aliases joined by |, kind, level, issuing_body, first_year)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(
            VocabularyEntry(
                name=row["name"],
                aliases=tuple(alias for alias in row["aliases"].split("|") if alias),
                kind=row["kind"],
                level=row["level"],
                issuing_body=row["issuing_body"],
                first_year=int(row["first_year"]) if row["first_year"] else None,
            )
            for row in csv.DictReader(handle)
        )


@cache
def vocabulary() -> tuple[VocabularyEntry, ...]:
    return read_vocabulary()


@cache
def entry_by_form() -> dict[str, VocabularyEntry]:
    """Each canonical name and alias → its entry."""
    return {form: entry for entry in vocabulary() for form in entry.forms}


@cache
def forms_re() -> re.Pattern[str]:
    """Every name and alias, longest first, so that 城乡居民大病保险 wins over 大病保险 at one position."""
    forms = sorted(entry_by_form(), key=lambda form: (-len(form), form))
    return re.compile("|".join(re.escape(form) for form in forms))


def canonical_name(form: str) -> str | None:
    """The vocabulary's canonical name for a name or alias (棚改 → 棚户区改造), or None when it is not listed."""
    entry = entry_by_form().get(form)
    return entry.name if entry else None
