"""Same story across pages: link a new article to an earlier version stored from another page, and align re-parses."""
from __future__ import annotations

from datetime import timedelta

from articles.models import Article
from articles.parsing.samestory import similar_pairs, similarity

SAME_STORY = 0.5  # similarity at or above which two texts are the same story in different versions
NEARBY_DAYS = 60  # versions of one story appear in issues close in time
MAX_CANDIDATES = 2000


def same_story_candidate(article: Article) -> Article | None:
    """The most similar earlier-stored article from another page, if it is the same story."""
    candidates = Article.objects.exclude(source_id=article.source_id).filter(duplicate_of__isnull=True)
    published = article.source.published_on
    if published is not None:
        window = timedelta(days=NEARBY_DAYS)
        candidates = candidates.filter(issue_date__range=(published - window, published + window))
    best, best_score = None, SAME_STORY
    for other in candidates.only("id", "text").order_by("id")[:MAX_CANDIDATES]:
        score = similarity(article.text, other.text)
        if score >= best_score:
            best, best_score = other, score
    return best


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
