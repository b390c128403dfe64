"""Reference data from data files: the GB/T 2260 gazetteer into Region, topics into Topic, programmes into VocabularyEntry."""
from __future__ import annotations

import csv
from pathlib import Path

from django.db import transaction

from articles.models import Region, Topic
from articles.topics import vocabulary
from policies.extraction.vocabulary import VOCABULARY_CSV, read_vocabulary
from policies.models import Program, VocabularyEntry

GAZETTEER_CSV = Path(__file__).resolve().parent.parent / "data" / "gazetteer.csv"


def topics_sync() -> int:
    """Load the topic vocabulary (articles/data/topics.csv) into Topic (insert or update by slug)."""
    entries = vocabulary()
    for entry in entries:
        Topic.objects.update_or_create(slug=entry.slug, defaults={"name": entry.name, "keywords": list(entry.keywords)})
    return len(entries)


def regions_sync(*, csv_path: Path = GAZETTEER_CSV) -> int:
    """Load the gazetteer CSV into Region (insert or update by code); returns the number of divisions."""
    with csv_path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    known = set(Region.objects.values_list("code", flat=True))
    by_level = {"province": 0, "prefecture": 1, "county": 2}
    rows.sort(key=lambda row: by_level.get(row["level"], 3))  # parents before children
    with transaction.atomic():
        for row in rows:
            values = {
                "name": row["name"],
                "level": row["level"],
                "parent_id": row["parent_code"] or None,
                "short_names": [name for name in row.get("short_names", "").split("|") if name],
            }
            if row["code"] in known:
                Region.objects.filter(code=row["code"]).update(**values)
            else:
                Region.objects.create(code=row["code"], **values)
    return len(rows)


def programme_vocabulary_sync(*, csv_path: Path = VOCABULARY_CSV) -> int:
    """Load the programme vocabulary CSV into VocabularyEntry (by name); returns the number of file entries.

    Nothing an editor wrote is lost: aliases are only added, a field is filled from the file only while it is
    empty, and entries an editor added (or changed in the admin) keep exactly what the editor wrote. An entry the
    file no longer holds is deleted when it came from the file alone — not an editor's, and not the entry of a
    programme that editors merged others into (the merge added their names to it) — so that a name dropped from
    the vocabulary as no scheme (兜底扶贫, 营养餐 …) stops being found at the next ingest or re-parse."""
    entries = read_vocabulary(csv_path)
    existing = {entry.name: entry for entry in VocabularyEntry.objects.all()}
    in_file = {row.name for row in entries}
    merge_survivors = set(Program.objects.exclude(merged_keys=[]).values_list("name", flat=True))
    dropped = [
        entry.pk for name, entry in existing.items()
        if name not in in_file and not entry.added_by_editor and name not in merge_survivors
    ]
    with transaction.atomic():
        VocabularyEntry.objects.filter(pk__in=dropped).delete()
        for row in entries:
            entry = existing.get(row.name)
            if entry is None:
                VocabularyEntry.objects.create(
                    name=row.name, aliases=list(row.aliases), kind=row.kind, level=row.level,
                    issuing_body=row.issuing_body, first_year=row.first_year,
                )
                continue
            if entry.added_by_editor:
                continue
            entry.aliases = [*entry.aliases, *(a for a in row.aliases if a not in entry.aliases)]
            entry.issuing_body = entry.issuing_body or row.issuing_body
            entry.first_year = entry.first_year or row.first_year
            entry.save(update_fields=["aliases", "issuing_body", "first_year"])
    return len(entries)
