"""The one function that writes an article's public (masked) view: after ingest, re-parse and editors' reviews."""
from __future__ import annotations

from collections.abc import Iterable

from articles import pipeline
from articles.extract.pii import extract_personal_data_by_field, mask_fragment
from articles.extract.pii_names import is_notice
from articles.masking import field_text, public_fragment, public_view, shown_items
from articles.models import Article, PersonalData, RecordStatus
from articles.record_sync import RecordKind, SyncOutcome, records_sync
from articles.search import search_index_update_many
from articles.summaries import archive_changed
from policies.qa import extract_qa_pairs


def _personal_data_fields(item, article: Article, cache: dict) -> dict:
    return {"text": item.text[:255], "start": item.start, "end": item.end, "kind": item.kind, "field": item.field}


def personal_data_kinds() -> list[RecordKind]:
    """One record kind per shown field, so that the record sync anchors each record in the text it indexes into."""
    return [
        RecordKind(
            "pii",
            PersonalData,
            _personal_data_fields,
            scope=(("field", name),),
            text_of=lambda article, name=name: field_text(article, name),
            owns=lambda item, name=name: item.field == name,
        )
        for name in PersonalData.Field.values
    ]


def article_personal_data_sync(*, article: Article, fields: Iterable[str]) -> None:
    """After an editor changed shown fields (headline, subheadline, byline): personal data is looked for again in
    them, editors' decisions on its records are kept by the record sync, and the public view is refreshed."""
    texts = {name: field_text(article, name) for name in fields if name in PersonalData.Field.values}
    if texts:
        heads = f"{article.headline}\n{article.subheadline}"
        notice = True if article.kind == Article.Kind.NOTICE or is_notice(heads) else None
        items = extract_personal_data_by_field(texts, notice=notice)
        outcome, version = SyncOutcome(), pipeline.EXTRACTOR_VERSION
        for kind in personal_data_kinds():
            if dict(kind.scope)["field"] in texts:
                records_sync(article=article, kind=kind, items=items, version=version, outcome=outcome, cache={})
    article_public_refresh(article=article)


def article_public_refresh(*, article: Article) -> None:
    """Store the article's public headline, subheadline, byline and text, its Q&A pairs' masked question and
    answer, and a search vector built from those masked fields only."""
    articles_public_refresh(articles=[article])


def articles_public_refresh(*, articles: list[Article]) -> None:
    """`article_public_refresh` for many articles (a page's) in a fixed number of statements."""
    from policies.models import QAPair

    if not articles:
        return
    ids = [article.pk for article in articles]
    records: dict[int, list] = {pk: [] for pk in ids}
    for record in PersonalData.objects.filter(article_id__in=ids):
        records[record.article_id].append(record)
    for article in articles:
        view = public_view(article, records[article.pk])
        article.public_headline, article.public_subheadline = view.headline, view.subheadline
        article.public_byline, article.public_text = view.byline, view.text
    pairs: dict[int, list] = {}
    for pair in QAPair.objects.filter(article_id__in=ids):
        pairs.setdefault(pair.article_id, []).append(pair)
    changed = [
        pair for article in articles for pair in _qa_pairs_mask(article, pairs.get(article.pk, []), records[article.pk])
    ]
    QAPair.objects.bulk_update(changed, ["question", "answer"])
    # Ingest masked the names built from the text with the personal data it found; an editor's records (a name
    # they marked) mask them too. Articles without one — every newly ingested article — cost no query here.
    edited = [pk for pk in ids if any(record.status != RecordStatus.AUTO for record in records[pk])]
    if edited:
        _derived_names_mask({pk: records[pk] for pk in edited})
    search_index_update_many(articles, public_fields=True)  # the public fields and the search vector: one UPDATE
    archive_changed()  # counts and choices the public pages cache may have changed with these articles' records


def _qa_pairs_mask(article: Article, pairs: list, records: list) -> list:
    """Each parsed Q&A pair as the extractor reads it from the public text (same offsets, so the same pairs); a
    pair an editor corrected or added keeps its words, with the article's known personal data masked in them.
    Returns the pairs whose stored words change."""
    if not pairs:
        return []
    originals = {(p.question_start, p.answer_end): p for p in extract_qa_pairs(article.text)}
    public = {(p.question_start, p.answer_end): p for p in extract_qa_pairs(article.public_text)}
    changed = []
    for pair in pairs:
        key = (pair.start, pair.end)
        if pair.status == RecordStatus.AUTO and key in originals and key in public:
            question, answer = public[key].question, public[key].answer
        else:
            question, answer = public_fragment(pair.question, records), public_fragment(pair.answer, records)
        if (question, answer) != (pair.question, pair.answer):
            pair.question, pair.answer = question, answer
            changed.append(pair)
    return changed


def _derived_names_mask(records: dict[int, list]) -> None:
    """The fields of these articles' records written from the words around them rather than cut at their span (a
    figure's measure and sentence, a document's title, a programme mention's name) and the names of the indicators
    and programmes they link to, with each article's non-rejected personal data masked in them. What is masked stays
    masked when an editor later rejects the item: the unmasked words are no longer stored."""
    from policies.models import PolicyDocument, Program, ProgramMention
    from stats.models import Figure, Indicator

    items = {pk: [item for found in shown_items(rows).values() for item in found] for pk, rows in records.items()}
    figures = list(Figure.objects.filter(article_id__in=list(items)).select_related("indicator"))
    mentions = list(ProgramMention.objects.filter(article_id__in=list(items)).select_related("program"))
    documents = list(PolicyDocument.objects.filter(article_id__in=list(items)).select_related("program"))
    _masked_update(Figure, [(f, items[f.article_id]) for f in figures], pipeline.DERIVED_FIGURE_FIELDS)
    _masked_update(ProgramMention, [(m, items[m.article_id]) for m in mentions], ("name",))
    _masked_update(PolicyDocument, [(d, items[d.article_id]) for d in documents], ("title", "issuer"))
    indicators = {f.indicator_id: (f.indicator, items[f.article_id]) for f in figures if f.indicator_id}
    programs = {r.program_id: (r.program, items[r.article_id]) for r in [*mentions, *documents] if r.program_id}
    _names_mask(Indicator, list(indicators.values()))
    _names_mask(Program, list(programs.values()))


def _masked_update(model, rows: list[tuple], fields: tuple[str, ...]) -> None:
    """Mask each row's fields with its items; one UPDATE for the rows that change."""
    changed = []
    for row, items in rows:
        masked = {name: mask_fragment(value, items) for name in fields if (value := getattr(row, name))}
        if any(getattr(row, name) != value for name, value in masked.items()):
            for name, value in masked.items():
                setattr(row, name, value)
            changed.append(row)
    if changed:
        model.objects.bulk_update(changed, list(fields))


def _names_mask(model, rows: list[tuple]) -> None:
    """Mask the names (and a programme's aliases) of indicators or programmes with their items; a changed name gets
    the slug it would have been created with (same suffix). A programme keeps its old slug among its merged ones,
    so that old links answer 301 to the new address."""
    changed, programmes = [], hasattr(model, "merged_slugs")
    for row, items in rows:
        name = mask_fragment(row.name, items)
        aliases = [mask_fragment(alias, items) for alias in row.aliases] if programmes else None
        if name == row.name and aliases == (row.aliases if programmes else None):
            continue
        base, _, suffix = row.slug.rpartition("-")
        slug = model.slug_for(name, suffix) if base and name != row.name else row.slug
        if programmes:
            row.aliases = aliases
            if slug != row.slug:
                row.merged_slugs = [*row.merged_slugs, row.slug]
        row.name, row.slug = name, slug
        changed.append(row)
    if changed:
        model.objects.bulk_update(changed, ["name", "slug", *(["aliases", "merged_slugs"] if programmes else [])])
