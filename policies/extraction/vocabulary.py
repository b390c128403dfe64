"""The programme vocabulary (policies/data/programme_vocabulary.csv): canonical names, aliases and where they come from."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache, lru_cache
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


class Vocabulary:
    """A programme vocabulary as data: its entries, each form's entry, and one regex of every form (longest first).

    The extractor takes one of these: the file's (`file_vocabulary`), or the database's with what editors added
    (`policies.services.programme_vocabulary`). Building the regex is the costly part; `vocabulary_of` keeps the
    last few built, keyed by their entries, so an unchanged vocabulary is never compiled twice."""

    def __init__(self, entries: tuple[VocabularyEntry, ...]):
        self.entries = tuple(entries)
        self._by_form: dict[str, VocabularyEntry] | None = None
        self._forms_re: re.Pattern[str] | None = None

    @property
    def by_form(self) -> dict[str, VocabularyEntry]:
        """Each canonical name and alias → its entry (the first entry that lists it)."""
        if self._by_form is None:
            by_form: dict[str, VocabularyEntry] = {}
            for entry in self.entries:
                for form in entry.forms:
                    by_form.setdefault(form, entry)
            self._by_form = by_form
        return self._by_form

    @property
    def forms_re(self) -> re.Pattern[str]:
        """Every name and alias, longest first, so that 城乡居民大病保险 wins over 大病保险 at one position."""
        if self._forms_re is None:
            forms = sorted((form for form in self.by_form if form), key=lambda form: (-len(form), form))
            self._forms_re = re.compile("|".join(re.escape(form) for form in forms) or r"(?!)")
        return self._forms_re

    def canonical_name(self, form: str) -> str | None:
        """The canonical name for a name or alias (棚改 → 棚户区改造), or None when it is not listed."""
        entry = self.by_form.get(form)
        return entry.name if entry else None


@lru_cache(maxsize=4)
def vocabulary_of(entries: tuple[VocabularyEntry, ...]) -> Vocabulary:
    """The Vocabulary of these entries, built once while they stay the same."""
    return Vocabulary(entries)


@cache
def vocabulary() -> tuple[VocabularyEntry, ...]:
    return read_vocabulary()


@cache
def file_vocabulary() -> Vocabulary:
    """The vocabulary of policies/data/programme_vocabulary.csv (kept: looking its entries up in `vocabulary_of`
    hashes every entry, and extraction and linking ask for it once per programme name)."""
    return vocabulary_of(vocabulary())


def entry_by_form() -> dict[str, VocabularyEntry]:
    """Each canonical name and alias of the file vocabulary → its entry."""
    return file_vocabulary().by_form


def forms_re() -> re.Pattern[str]:
    return file_vocabulary().forms_re


def canonical_name(form: str) -> str | None:
    """The file vocabulary's canonical name for a name or alias (棚改 → 棚户区改造), or None when it is not listed."""
    return file_vocabulary().canonical_name(form)
