"""Same story across pages: link a new article to an earlier version stored from another page, and align re-parses.

Candidates come from an index lookup (MinHash/LSH band keys in `StoryBand`, see `articles.parsing.storyhash`), so
the cost of a lookup does not grow with the archive; each candidate is then verified with `similarity`.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from django.db import connection

from articles.models import Article, StoryBand
from articles.parsing.samestory import similar_pairs, similarity
from articles.parsing.storyhash import story_bands

SAME_STORY = 0.5  # similarity at or above which two texts are the same story in different versions
NEARBY_DAYS = 60  # versions of one story appear in issues close in time
MAX_CANDIDATES = 20  # per text: the stored articles sharing the most band keys with it, verified one by one


def texts_bands(texts: Sequence[str | None]) -> list[list[int]]:
    """The band keys of each text (none for None: a text not to be indexed or looked up)."""
    return [story_bands(text) if text is not None else [] for text in texts]


def same_story_links(
    texts: Sequence[str | None], bands: Sequence[list[int]], *, published_on: date | None, exclude_source: int | None
) -> list[int | None]:
    """For each text (None: not looked up), the id of the most similar stored article (not itself a repeat, not of `exclude_source`, in an
    issue within NEARBY_DAYS when the date is known) that tells the same story; None where there is none.

    One lookup statement for all texts, one to fetch the candidates' texts; then `similarity` on each candidate.
    """
    looked_up = [(i, keys) for i, keys in enumerate(bands) if texts[i] is not None]
    index = [i for i, keys in looked_up for _ in keys]
    keys = [key for _, own in looked_up for key in own]
    links: list[int | None] = [None] * len(texts)
    if not keys:
        return links
    window = ""
    params: list = [index, keys, exclude_source or 0]
    if published_on is not None:
        window = "AND s.published_on BETWEEN %s AND %s"
        params += [published_on - timedelta(days=NEARBY_DAYS), published_on + timedelta(days=NEARBY_DAYS)]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT idx, article_id FROM ("
            "  SELECT q.idx, b.article_id, row_number() OVER (PARTITION BY q.idx ORDER BY count(*) DESC, b.article_id)"
            "    AS rank"
            "  FROM unnest(%s::int[], %s::bigint[]) AS q(idx, band)"
            "  JOIN articles_storyband b ON b.band = q.band"
            "  JOIN articles_article a ON a.id = b.article_id AND a.duplicate_of_id IS NULL"
            "  JOIN articles_source s ON s.id = a.source_id"
            f" WHERE a.source_id <> %s {window}"
            "  GROUP BY q.idx, b.article_id"
            ") ranked WHERE rank <= %s",
            [*params, MAX_CANDIDATES],
        )
        candidates = cursor.fetchall()
    stored = dict(Article.objects.filter(pk__in={pk for _, pk in candidates}).values_list("pk", "text"))
    best: dict[int, tuple[float, int]] = {}
    for i, pk in candidates:
        score = similarity(texts[i], stored[pk])
        if score >= SAME_STORY and (i not in best or (-score, pk) < (-best[i][0], best[i][1])):
            best[i] = (score, pk)
    for i, (_, pk) in best.items():
        links[i] = pk
    return links


def story_bands_replace(articles: Sequence[Article], bands: Sequence[list[int]], *, stored: bool = True) -> None:
    """Store the band keys of the articles that are no repeat of another (one DELETE, one INSERT; no DELETE with
    `stored=False`, for articles created just now)."""
    if stored:
        StoryBand.objects.filter(article_id__in=[a.pk for a in articles])._raw_delete(StoryBand.objects.db)
    StoryBand.objects.bulk_create(
        StoryBand(article_id=article.pk, band=key)
        for article, keys in zip(articles, bands, strict=True)
        if article.duplicate_of_id is None
        for key in keys
    )


def align_by_similarity(old_texts: list[str], new_texts: list[str]) -> dict[int, int]:
    """Pair each new text with at most one old text (greedy, most similar first); returns {new index: old index}."""
    scored = sorted(similar_pairs(old_texts, new_texts, SAME_STORY), reverse=True)
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for score, n, o in scored:
        if score < SAME_STORY:
            break
        if n not in pairs and o not in taken:
            pairs[n] = o
            taken.add(o)
    return pairs
