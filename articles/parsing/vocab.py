"""Loads the parser's knowledge lists (column labels, byline roles, box labels, notice phrases) from articles/data."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def _lines(name: str) -> list[str]:
    rows = []
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            rows.append(line)
    return rows


@dataclass(frozen=True)
class ColumnLabel:
    label: str
    kind: str | None


@lru_cache(maxsize=1)
def column_labels() -> dict[str, ColumnLabel]:
    """Printed form (label or alias) -> canonical label with its kind hint."""
    table: dict[str, ColumnLabel] = {}
    for row in _lines("column_labels.txt"):
        label, *opts = row.split()
        kind = None
        aliases: list[str] = []
        for opt in opts:
            key, _, value = opt.partition("=")
            if key == "kind":
                kind = value
            elif key == "aliases":
                aliases = [a for a in value.split(",") if a]
        entry = ColumnLabel(label, kind)
        for form in [label, *aliases]:
            table[form] = entry
    return table


@lru_cache(maxsize=1)
def byline_roles() -> tuple[str, ...]:
    """Role words, longest first so that 本报记者 is removed before 记者."""
    return tuple(sorted(set(_lines("byline_roles.txt")), key=len, reverse=True))


@lru_cache(maxsize=1)
def box_labels() -> frozenset[str]:
    return frozenset(_lines("box_labels.txt"))


@lru_cache(maxsize=1)
def notice_phrases() -> tuple[str, ...]:
    return tuple(_lines("notice_phrases.txt"))


@lru_cache(maxsize=1)
def notice_headings() -> frozenset[str]:
    return frozenset(_lines("notice_headings.txt"))
