"""What the public page of a programme shows: its defining sentences, documents, regions, timeline, figures and Q&A."""
from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Count, Max, Min

from articles.models import Article, RegionMention
from articles.summaries import cached
from policies.extraction.documents import one_per_title
from policies.models import PolicyDocument, Program, ProgramCount, ProgramMention, QAPair
from policies.services import program_counts_current
from stats.models import Figure

# A programme named in thousands of articles gets a page of bounded size: the latest mentions, and the figures and
# Q&A of those articles up to a limit (the page says how many articles there are in all).
MAX_MENTIONS = 100
MAX_FIGURES = 100
MAX_QA_PAIRS = 50
MAX_DOCUMENTS = 100  # records naming its documents, newest first, listed one per title
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")
# Words that introduce what a programme is or does, strongest first.
DEFINING_CUES = ("是指", "是一项", "旨在", "主要包括", "主要内容", "聚焦", "围绕", "针对", "面向", "为了", "通过", "是")
MAX_SENTENCES = 3


def defining_sentences(names: list[str], texts: list[str], limit: int = MAX_SENTENCES) -> list[str]:
    """The sentences of `texts` that best say what the programme called `names` is: they name it (any of the names)
    and, best, use a defining cue after the name. No Django."""
    names = sorted({n for n in names if n}, key=len, reverse=True)
    scored: list[tuple[int, int, str]] = []
    seen: set[str] = set()
    for text in texts:
        for match in _SENTENCE.finditer(text):
            sentence = match.group().strip()
            name = next((n for n in names if n in sentence), None)
            if name is None or sentence in seen or len(sentence) < len(name) + 6:
                continue
            seen.add(sentence)
            after = sentence[sentence.index(name) :]
            cue = next((i for i, word in enumerate(DEFINING_CUES) if word in after), len(DEFINING_CUES))
            scored.append((cue, abs(len(sentence) - 60), sentence))
    scored.sort()
    return [sentence for _, _, sentence in scored[:limit]]


@dataclass
class ProgramProfile:
    program: Program
    description: str
    defining: list[str]
    mentions: list[ProgramMention]  # the timeline: the latest MAX_MENTIONS, oldest issue first (`public_words` masked)
    articles: list[Article]  # the articles of those mentions
    article_count: int  # every public article that mentions the programme
    regions: list[dict]
    figures: list[Figure]
    figures_in_sentence: set[int]
    qa_pairs: list[QAPair]
    documents: list[tuple[PolicyDocument, int]]  # one per title: the record stating the most, and how many name it


def program_profile(program: Program) -> ProgramProfile:
    """Everything the programme page shows, in a fixed number of queries and rows whatever the number of mentions."""
    published = ProgramMention.objects.published().originals().filter(program=program)  # a reprint counted once
    latest = (
        published.with_article(text=True)  # the texts give the defining sentences and the figures' sentences
        .prefetch_related("article__personal_data")
        .order_by("-article__issue_date", "-article_id", "-start")[:MAX_MENTIONS]
    )
    mentions = list(latest)[::-1]
    articles = list({m.article_id: m.article for m in mentions}.values())
    article_ids = [a.pk for a in articles]
    texts = {a.pk: a.public_text for a in articles}
    for mention in mentions:  # the words as shown: cut from the masked text (same offsets), never the stored span
        mention.public_words = texts[mention.article_id][mention.start:mention.end]
    names = [program.name, *(program.aliases or []), *(m.text for m in mentions)]

    def aggregates() -> tuple[list[dict], list[str]]:
        regions = list(
            RegionMention.objects.published()
            .filter(article_id__in=published.values("article_id"), region__isnull=False)  # of every article, in SQL
            .values("region__code", "region__name")
            .annotate(article_count=Count("article", distinct=True))
            .order_by("-article_count", "region__code")[:20]
        )
        return regions, [] if program.description else defining_sentences(names, list(texts.values()))

    # The region counts read every mention of every article naming the programme (~45 ms for one named in 117
    # articles at 100k), and the defining sentences scan the latest texts: both once per change of the archive (every
    # write that changes a programme, its mentions or their articles ends with `archive_changed()`).
    regions, defining = cached(f"program-aggregates-{program.pk}", aggregates)
    # The figures linked to this programme (what they count, fund or result from), newest first — not every figure
    # of the articles that mention it.
    figures = list(
        Figure.objects.published()
        .originals()
        .filter(program=program)
        .with_article()
        .select_related("indicator", "region")
        .order_by("-article__source__published_on", "article_id", "start")[:MAX_FIGURES]
    )
    sentences = {(m.article_id, _sentence_span(texts[m.article_id], m.start)) for m in mentions}
    in_sentence = {f.pk for f in figures
                   if f.article_id in texts and (f.article_id, _sentence_span(texts[f.article_id], f.start)) in sentences}
    qa_pairs = list(
        QAPair.objects.published()
        .originals()
        .filter(article_id__in=article_ids)
        .with_article()
        .order_by("article_id", "start")[:MAX_QA_PAIRS]
    )
    documents = one_per_title(list(
        PolicyDocument.objects.published()
        .originals()
        .filter(program=program)
        .with_article()
        .prefetch_related("article__personal_data")
        .order_by("-article__issue_date", "-article_id", "start")[:MAX_DOCUMENTS]
    ))
    return ProgramProfile(
        program=program,
        description=program.description,
        defining=defining,
        mentions=mentions,
        articles=articles,
        article_count=_article_count(program),
        regions=regions,
        figures=figures,
        figures_in_sentence=in_sentence,
        qa_pairs=qa_pairs,
        documents=documents,
    )


LIST_DOCUMENTS = 3  # documents named per programme in the /policies/ list


def documents_by_program(program_ids: list[int], per_program: int = LIST_DOCUMENTS) -> dict[int, list[dict]]:
    """For a page of programmes, the documents named for each (one per title, those named most first, at most
    `per_program`), each with the id of a record naming it (its permanent address leads to the sentence). One
    aggregate query returning a row per programme and title."""
    rows = (
        PolicyDocument.objects.published()
        .originals()
        .filter(program_id__in=program_ids)
        .order_by()
        .values("program_id", "title")
        .annotate(n=Count("id"), record=Min("id"), issuer=Max("issuer"), valid_to=Max("valid_to"))
        .order_by("program_id", "-n", "title")
    )
    found: dict[int, list[dict]] = {}
    for row in rows:
        listed = found.setdefault(row["program_id"], [])
        if len(listed) < per_program:
            listed.append(row)
    return found


def _article_count(program: Program) -> int:
    """Every public article that names the programme (a reprint once), from the summary table: one row by key."""
    program_counts_current()
    return ProgramCount.objects.filter(program=program).values_list("article_count", flat=True).first() or 0


def _sentence_span(text: str, offset: int) -> tuple[int, int]:
    """(start, end) of the sentence around a character offset."""
    for match in _SENTENCE.finditer(text):
        if match.start() <= offset < match.end():
            return match.span()
    return (offset, offset)
