"""Topic classification from a controlled vocabulary (articles/data/topics.csv): keyword hits per topic. No Django."""
from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

TOPICS_CSV = Path(__file__).resolve().parent / "data" / "topics.csv"
MIN_HITS = 3  # keyword occurrences a topic needs (headline hits count double)
MAX_TOPICS = 3


@dataclass(frozen=True)
class TopicEntry:
    slug: str
    name: str
    keywords: tuple[str, ...]


@functools.cache
def vocabulary(path: Path = TOPICS_CSV) -> tuple[TopicEntry, ...]:
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(
            TopicEntry(row["slug"], row["name"], tuple(k for k in row["keywords"].split("|") if k))
            for row in csv.DictReader(handle)
        )


def classify(headline: str, text: str, entries: tuple[TopicEntry, ...] | None = None) -> list[str]:
    """Slugs of the topics an article is about, strongest first (at most MAX_TOPICS, at least one if any hit)."""
    scores: list[tuple[int, str]] = []
    for entry in entries or vocabulary():
        score = sum(text.count(k) + 2 * headline.count(k) for k in entry.keywords)
        if score:
            scores.append((score, entry.slug))
    scores.sort(key=lambda pair: -pair[0])
    chosen = [slug for score, slug in scores if score >= MIN_HITS][:MAX_TOPICS]
    return chosen or [slug for _, slug in scores[:1]]
