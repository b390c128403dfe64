"""Build script: turns the hand-kept programme_vocabulary_source.txt into policies/data/programme_vocabulary.csv.

Source: ``programme_vocabulary_source.txt`` next to this script, written from public knowledge of national and
provincial programmes (State Council and ministry documents, government work reports, provincial portals; the
sources are named in its header). Reproduce with::

    python policies/data/build_programme_vocabulary.py

Each entry may name its own source in a fifth field (entries added for issue 15 do); it documents the entry and is
not written to the CSV.

What the script does: reads the sections (level and issuing body) and their entries, checks that no surface form
(canonical name or alias) belongs to two entries and that kinds and years are valid, and writes the CSV sorted by
level, issuing body and name, aliases joined with ``|``. It exits with a message naming the line of any error.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent
SOURCE = DATA_DIR / "programme_vocabulary_source.txt"
TARGET = DATA_DIR / "programme_vocabulary.csv"
KINDS = frozenset({"program", "campaign", "mechanism", "document"})
LEVELS = ("national", "provincial")
COLUMNS = ["name", "aliases", "kind", "level", "issuing_body", "first_year"]


def parse(lines: list[str]) -> list[dict[str, str]]:
    """Entries of the source text; raises ValueError naming the line of the first problem."""
    entries: list[dict[str, str]] = []
    owner: dict[str, str] = {}  # surface form → canonical name, to refuse a form claimed twice
    level = body = ""
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            level, body = (part.strip() for part in line[1:].split("|"))
            if level not in LEVELS:
                raise ValueError(f"line {number}: unknown level {level!r}")
            continue
        fields = [part.strip() for part in line.split("|")]
        if len(fields) not in (4, 5) or not level:
            raise ValueError(f"line {number}: expected 'name | aliases | kind | first year [| source]' inside a section")
        name, aliases, kind, year = fields[:4]
        if kind not in KINDS:
            raise ValueError(f"line {number}: unknown kind {kind!r}")
        if year and not (year.isdigit() and 1949 <= int(year) <= 2100):
            raise ValueError(f"line {number}: bad first year {year!r}")
        forms = [name, *(alias.strip() for alias in aliases.split("、") if alias.strip())]
        for form in forms:
            if form in owner:
                raise ValueError(f"line {number}: {form!r} already belongs to {owner[form]!r}")
            owner[form] = name
        entries.append({"name": name, "aliases": "|".join(forms[1:]), "kind": kind, "level": level,
                        "issuing_body": body, "first_year": year})
    return sorted(entries, key=lambda e: (LEVELS.index(e["level"]), e["issuing_body"], e["name"]))


def main() -> int:
    try:
        entries = parse(SOURCE.read_text(encoding="utf-8").splitlines())
    except ValueError as error:
        print(f"build_programme_vocabulary: {SOURCE.name} {error}", file=sys.stderr)
        return 1
    with TARGET.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(entries)
    print(f"{TARGET.name}: {len(entries)} entries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
