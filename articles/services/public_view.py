"""The one function that writes an article's public (masked) view: after ingest, re-parse and editors' reviews."""
from __future__ import annotations

from articles.masking import field_text, public_fragment, public_view
from articles.models import Article, PersonalData, RecordStatus
from articles.record_sync import RecordKind
from articles.search import search_index_update
from policies.qa import extract_qa_pairs


def personal_data_kinds(fields) -> list[RecordKind]:
    """One record kind per shown field, so that the record sync anchors each record in the text it indexes into."""
    return [
        RecordKind(
            "pii",
            PersonalData,
            fields,
            scope=(("field", name),),
            text_of=lambda article, name=name: field_text(article, name),
            owns=lambda item, name=name: item.field == name,
        )
        for name in PersonalData.Field.values
    ]


def article_public_refresh(*, article: Article) -> None:
    """Store the article's public headline, subheadline, byline and text, its Q&A pairs' masked question and
    answer, and a search vector built from those masked fields only."""
    records = list(article.personal_data.all())
    view = public_view(article, records)
    article.public_headline, article.public_subheadline = view.headline, view.subheadline
    article.public_byline, article.public_text = view.byline, view.text
    Article.objects.filter(pk=article.pk).update(
        public_headline=view.headline, public_subheadline=view.subheadline, public_byline=view.byline, public_text=view.text
    )
    _qa_pairs_mask(article, records)
    search_index_update(article)


def _qa_pairs_mask(article: Article, records: list) -> None:
    """Each parsed Q&A pair as the extractor reads it from the public text (same offsets, so the same pairs); a
    pair an editor corrected or added keeps its words, with the article's known personal data masked in them."""
    from policies.models import QAPair

    pairs = list(QAPair.objects.filter(article=article))
    if not pairs:
        return
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
    QAPair.objects.bulk_update(changed, ["question", "answer"])
