"""Ingest and re-parse: a page file becomes a Source, its Articles and their records, in one transaction."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from articles import pipeline
from articles.models import Article, DateMention, PersonalData, RecordStatus, Region, RegionMention, Source, Topic
from articles.page_files import too_large
from articles.parsing.decode import UndecodableFile
from articles.record_sync import RecordKind, SyncOutcome, page_records_sync
from articles.same_story import align_by_similarity, same_story_links, story_bands_replace, texts_bands
from articles.services.dating import articles_issue_date_sync
from articles.services.public_view import article_personal_data_sync, articles_public_refresh, personal_data_kinds
from articles.topics import classify
from policies.extract import program_slug_key
from policies.services import (
    POLICY_DOCUMENTS,
    PROGRAM_MENTIONS,
    QA_PAIRS,
    program_for,
    programme_vocabulary,
    programs_preload,
)
from stats.indicators import indicator_key
from stats.services import FIGURES, indicator_for, indicators_preload


def _date_fields(mention, article: Article, cache: dict) -> dict:
    return {
        "text": mention.text[:255],
        "start": mention.start_offset,
        "end": mention.end_offset,
        "start_date": mention.start,
        "end_date": mention.end,
    }


def _region_fields(mention, article: Article, cache: dict) -> dict:
    codes = cache["region_codes"]
    parent = getattr(mention, "parent_code", None)
    return {
        "text": mention.text[:255],
        "start": mention.start,
        "end": mention.end,
        "region_id": mention.code if mention.code in codes else None,
        "name": mention.name[:64],
        "level": mention.level or "",
        "parent_id": parent if parent in codes else None,
    }


DATES = RecordKind("dates", DateMention, _date_fields)
REGIONS = RecordKind("regions", RegionMention, _region_fields)
PERSONAL_DATA = personal_data_kinds()
# Personal data first: the public view and the search index are built from fields with personal data masked.
RECORD_KINDS = [*PERSONAL_DATA, DATES, REGIONS, FIGURES, PROGRAM_MENTIONS, POLICY_DOCUMENTS, QA_PAIRS]


class PageRejected(ValueError):
    """A page file that cannot be ingested; `reason` says why in one sentence (English: the command line, logs and
    the API), `reason_zh` says the same in Chinese (editors in the admin)."""

    def __init__(self, name: str, reason: str, reason_zh: str):
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason
        self.reason_zh = reason_zh


@dataclass
class IngestOutcome:
    source: Source
    created: bool
    articles: int


def upload_read(*, upload, name: str) -> bytes:
    """The bytes of an uploaded page file, refused from its declared size before anything is read into memory.

    Django has already spooled a large upload to a temporary file; reading at most one byte past the limit keeps a
    request's memory bounded whatever the client sent.
    """
    if upload.size is not None:
        _size_check(upload.size, name)
    upload.seek(0)
    raw = upload.read(settings.MAX_PAGE_BYTES + 1)
    _size_check(len(raw), name)
    return raw


def _size_check(size: int, name: str) -> None:
    """PageRejected, with its reason, when `size` bytes is more than a page file may be."""
    if size > settings.MAX_PAGE_BYTES:
        error = too_large(size, settings.MAX_PAGE_BYTES)
        raise PageRejected(name, error.reason, error.reason_zh)


def source_ingest(
    *, raw: bytes, name: str, published_on: date | None = None, paper: str | None = None, page_label: str | None = None,
) -> IngestOutcome:
    """Ingest one page file. A file already ingested (same bytes) is returned as is; nothing is duplicated.

    `paper` and `page_label` (given by whoever ingests) win over what the file name or the page itself says.

    Raises PageRejected for an empty, oversized, binary or undecodable file; nothing is written then.
    """
    _size_check(len(raw), name)
    sha256 = hashlib.sha256(raw).hexdigest()
    existing = Source.objects.filter(sha256=sha256).first()
    if existing is not None:
        return _unchanged(existing)
    known = programme_vocabulary()  # extraction and linking use the same vocabulary
    try:
        result = pipeline.parse_page(  # outside the transaction: no lock held
            raw, name, published_on=published_on, programme_vocabulary=known,
        )
    except UndecodableFile as error:
        raise PageRejected(name, error.reason, error.reason_zh) from error
    # The same story on another page: looked up and verified before the transaction, which then only writes.
    previous_id = Source.objects.filter(name=name).values_list("pk", flat=True).first()
    drafts = result.page.articles
    bands = texts_bands([draft.text for draft in drafts])
    links = same_story_links(
        [draft.text if draft.duplicate_of is None else None for draft in drafts],
        bands,
        published_on=result.page.published_on.date,
        exclude_source=previous_id,
    )
    with transaction.atomic():
        _page_name_lock(name)  # versions of one page name are written one at a time, whichever process writes them
        existing = Source.objects.filter(sha256=sha256).first()  # written by another process while we parsed
        if existing is not None:
            return _unchanged(existing)
        previous = Source.objects.filter(name=name).order_by("-ingested_at").first()
        try:
            with transaction.atomic():  # a savepoint: the same bytes may be arriving under another name right now
                if previous is not None:  # a changed version of a page already here: update it, keeping editors' work
                    count = _source_update(previous, raw, sha256, result, bands, paper=paper, page_label=page_label,
                                           known=known)
                    return IngestOutcome(source=previous, created=True, articles=count)
                source = _source_create(raw=raw, sha256=sha256, result=result, paper=paper, page_label=page_label)
                articles = _articles_create(source=source, result=result, links=links)
                story_bands_replace(articles, bands, stored=False)
                _records_sync(articles, result, known=known, stored=False)
        except IntegrityError:
            existing = Source.objects.filter(sha256=sha256).first()
            if existing is None:
                raise
            return _unchanged(existing)
    return IngestOutcome(source=source, created=True, articles=len(articles))


def source_reparse(*, source: Source) -> SyncOutcome:
    """Run the current pipeline again over a stored page; only auto records are replaced."""
    known = programme_vocabulary()
    result = pipeline.parse_page(
        bytes(source.raw), source.name, published_on=source.published_on, programme_vocabulary=known,
    )
    bands = texts_bands([draft.text for draft in result.page.articles])
    with transaction.atomic():
        _page_name_lock(source.name)
        articles = _articles_align(source, result)
        story_bands_replace(articles, bands)
        Source.objects.filter(pk=source.pk).update(parsed_at=timezone.now())
        return _records_sync(articles, result, known=known)


def _unchanged(source: Source) -> IngestOutcome:
    return IngestOutcome(source=source, created=False, articles=source.articles.count())


def _page_name_lock(name: str) -> None:
    """Hold PostgreSQL's transaction-scoped advisory lock for this page name until the transaction ends."""
    key = int.from_bytes(hashlib.sha256(f"minsheng.source:{name}".encode()).digest()[:8], "big", signed=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])


def _source_update(
    source: Source, raw: bytes, sha256: str, result: pipeline.PageResult, bands: list[list[int]],
    paper: str | None = None, page_label: str | None = None, known=None,
) -> int:
    """A changed version of a stored page: its bytes and text, and the paper, page label and issue date it is
    given or gives (an editor's issue date stays)."""
    fields = _source_fields(result, paper=paper or source.paper, page_label=page_label or source.page_label)
    if source.published_basis.startswith("编辑指定"):
        fields = {name: value for name, value in fields.items() if not name.startswith("published_")}
    for name, value in {**fields, "raw": raw, "sha256": sha256, "parsed_at": timezone.now()}.items():
        setattr(source, name, value)
    source.save(update_fields=[*fields, "raw", "sha256", "parsed_at"])
    articles = _articles_align(source, result)
    story_bands_replace(articles, bands)
    _records_sync(articles, result, known=known)
    return len(articles)


def _source_create(
    *, raw: bytes, sha256: str, result: pipeline.PageResult, paper: str | None = None, page_label: str | None = None,
) -> Source:
    return Source.objects.create(
        name=result.page.name, sha256=sha256, raw=raw, **_source_fields(result, paper=paper, page_label=page_label)
    )


def _source_fields(result: pipeline.PageResult, *, paper: str | None, page_label: str | None) -> dict:
    """What a parsed page says of itself; `paper` and `page_label` (given by whoever ingests) win over its own."""
    dating = result.page.published_on  # a date given at ingest is already the parse's, with basis "given"
    return {
        "paper": (paper or result.page.paper or "")[:64],
        "page_label": (page_label or result.page.page_label or "")[:32],
        "text": result.page.text,
        "encoding": result.page.encoding,
        "published_on": dating.date,
        "published_earliest": dating.earliest,
        "published_latest": dating.latest,
        "published_basis": dating.basis[:255],
    }


def _article_fields(draft) -> dict:
    """The parser's fields of an article (its link to an earlier article of the page is set by `_duplicates_link`)."""
    return {
        "headline": (draft.headline or "")[:255],
        "subheadline": (draft.subheadline or "")[:255],
        "column": (draft.column or "")[:32],
        "byline": [name[:32] for name in draft.byline],
        "kind": draft.kind,
        "text": draft.text,
        "source_start": draft.source_start,
        "source_end": draft.source_end,
    }


# What a re-parse rewrites of a stored article (the fields of `_article_fields` and the in-page link).
ARTICLE_FIELDS = ["headline", "subheadline", "column", "byline", "kind", "text", "source_start", "source_end", "duplicate_of"]


def _articles_create(*, source: Source, result: pipeline.PageResult, links: list[int | None]) -> list[Article]:
    """The page's articles in one INSERT (no history: the parser's output is the page, not an edit) and their links
    to the same story, within the page or (`links`, found before the transaction) from another page, in one UPDATE."""
    articles = [  # with the page's issue date already, so that `articles_issue_date_sync` has nothing to rewrite
        Article(source=source, position=position, issue_date=source.published_on, **_article_fields(draft))
        for position, draft in enumerate(result.page.articles)
    ]
    Article.objects.bulk_create(articles)
    linked = _duplicates_link(articles, result)
    still_there = set(Article.objects.filter(pk__in=[pk for pk in links if pk]).values_list("pk", flat=True))
    for article, earlier in zip(articles, links, strict=True):
        if article.duplicate_of_id is None and earlier in still_there:
            article.duplicate_of_id = earlier
            linked.add(article.pk)
    Article.objects.bulk_update([a for a in articles if a.pk in linked], ["duplicate_of"])
    articles_issue_date_sync(source=source)
    return articles


def _duplicates_link(articles: list[Article], result: pipeline.PageResult) -> set[int]:
    """Point each article the parser found to repeat an earlier one of the page at it (unless an editor set the
    link); returns the ids of the articles whose link changed. A link to another page's article (the same story
    found at ingest) is the parser's to keep: only links within the page are its to remove."""
    changed = set()
    on_page = {article.pk for article in articles}
    for article, draft in zip(articles, result.page.articles, strict=True):
        if "duplicate_of" in article.edited_fields:
            continue
        target = articles[draft.duplicate_of] if draft.duplicate_of is not None else None
        if target is None and article.duplicate_of_id is not None and article.duplicate_of_id not in on_page:
            continue
        if article.duplicate_of_id != (target.pk if target is not None else None):
            article.duplicate_of = target
            changed.add(article.pk)
    return changed


def _articles_align(source: Source, result: pipeline.PageResult) -> list[Article]:
    """Match re-parsed drafts to the stored articles (by content, then position) and update them in place.

    Stored articles that match no draft are kept when an editor worked on them (their records get flagged for
    review by the record sync) and deleted otherwise. One INSERT for the new articles, one UPDATE for the rest.
    """
    stored = list(source.articles.order_by("position"))
    pairs = align_by_similarity([a.text for a in stored], [d.text for d in result.page.articles])
    articles: list[Article] = []
    fresh: list[Article] = []
    used: set[int] = set()
    offset = max((a.position for a in stored), default=-1) + 1
    for index, draft in enumerate(result.page.articles):
        match = pairs.get(index)
        if match is None:
            article = Article(source=source, position=offset + index)
            fresh.append(article)
        else:
            article = stored[match]
            used.add(match)
        for field, value in _article_fields(draft).items():
            if field not in article.edited_fields:  # an editor's correction outlives every re-parse
                setattr(article, field, value)
        articles.append(article)
    Article.objects.bulk_create(fresh)
    _duplicates_link(articles, result)
    Article.objects.bulk_update(articles, ARTICLE_FIELDS)
    kept_unmatched = []
    for index, article in enumerate(stored):
        if index in used:
            continue
        if _has_editor_work(article):
            kept_unmatched.append(article)
        else:
            article.delete()
    _renumber([*articles, *kept_unmatched])
    articles_issue_date_sync(source=source)
    return articles


def _renumber(articles: list[Article]) -> None:
    """Positions 0..n-1 in reading order, in two statements (the first moves every position out of the way, so the
    unique (source, position) never collides)."""
    ids = [article.pk for article in articles]
    with connection.cursor() as cursor:
        cursor.execute("UPDATE articles_article SET position = position + 1000000 WHERE id = ANY(%s)", [ids])
        cursor.execute(
            "UPDATE articles_article AS a SET position = v.position "
            "FROM unnest(%s::bigint[], %s::int[]) AS v(id, position) WHERE a.id = v.id",
            [ids, list(range(len(ids)))],
        )
    for position, article in enumerate(articles):
        article.position = position


def _has_editor_work(article: Article) -> bool:
    return any(
        kind.model.objects.filter(article=article).exclude(status=RecordStatus.AUTO).exists() for kind in RECORD_KINDS
    )


def _records_sync(
    articles: list[Article], result: pipeline.PageResult, *, known=None, stored: bool = True,
) -> SyncOutcome:
    """Write the page's records. `known`: the programme vocabulary the page was extracted with (linking uses the
    same); `stored=False`: the articles were created just now, so none of them has records to read first."""
    outcome = SyncOutcome()
    cache: dict = {"region_codes": _region_codes(result)}
    if known is not None:
        cache["programme_vocabulary"] = known
    _shared_rows_resolve(result, cache)
    for kind in RECORD_KINDS:  # a handful of statements per kind for the whole page
        page_records_sync(
            articles=articles,
            kind=kind,
            items=[getattr(article_result, kind.name) for article_result in result.articles],
            version=pipeline.EXTRACTOR_VERSION,
            outcome=outcome,
            cache=cache,
            stored=stored,
        )
    refresh = []
    for article in articles:
        edited_shown = [name for name in article.edited_fields if name in PersonalData.Field.values]
        if edited_shown:  # an editor's headline or byline, not the parser's: personal data is looked for in it
            article_personal_data_sync(article=article, fields=edited_shown)
        else:
            refresh.append(article)
    articles_public_refresh(articles=refresh)
    _topics_set([article for article in articles if not article.topics_by_editor], cache)
    return outcome


def _region_codes(result: pipeline.PageResult) -> set[str]:
    """The division codes the page's records name that the gazetteer table holds (one query for the page)."""
    codes = set()
    for item in result.articles:
        for mention in item.regions:
            codes.update((mention.code, getattr(mention, "parent_code", None)))
        codes.update(getattr(figure, "region_code", None) for figure in item.figures)
    codes.discard(None)
    codes.discard("")
    return set(Region.objects.filter(code__in=codes).values_list("code", flat=True)) if codes else set()


def _topics_set(articles: list[Article], cache: dict) -> None:
    """The classifier's topics of articles whose topics no editor chose, in two statements for the page."""
    if not articles:
        return
    through = Article.topics.through
    rows = [
        through(article_id=article.pk, topic_id=topic.pk)
        for article in articles
        for topic in _topics(classify(article.headline, article.text), cache)
    ]
    through.objects.filter(article_id__in=[article.pk for article in articles])._raw_delete(through.objects.db)
    through.objects.bulk_create(rows)


def _shared_rows_resolve(result: pipeline.PageResult, cache: dict) -> None:
    """Find or create the indicators and programmes the page needs, in key order, before its records are written.

    Concurrent ingests of pages that share some then lock those rows in the same order, so they cannot deadlock
    (PostgreSQL would abort one of them); the record sync afterwards finds every row in the cache.
    """
    measures = {(figure.measure, figure.unit) for item in result.articles for figure in item.figures if figure.measure}
    indicators_preload(pairs=measures, cache=cache)
    for measure, unit in sorted(measures, key=lambda pair: (indicator_key(*pair), pair)):
        indicator_for(measure=measure, unit=unit, cache=cache)
    mentions = {(mention.name, mention.kind) for item in result.articles for mention in item.programs}
    mentions |= {  # the programme a figure counts (issue 14), usually one its article mentions too
        (figure.program, figure.program_kind or "program")
        for item in result.articles for figure in item.figures if getattr(figure, "program", None)
    }
    programs_preload(names={name for name, _ in mentions}, cache=cache)
    for name, kind in sorted(mentions, key=lambda pair: (program_slug_key(pair[0]), pair)):
        program_for(name=name, kind=kind, surface="", cache=cache)


def _topics(slugs: list[str], cache: dict) -> list[Topic]:
    if "topics" not in cache:
        cache["topics"] = {topic.slug: topic for topic in Topic.objects.all()}
    return [cache["topics"][slug] for slug in slugs if slug in cache["topics"]]
