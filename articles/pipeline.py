"""The pure page pipeline: raw bytes → parsed articles → extracted records. No database; its JSON is the contract."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from articles.extract.context import ExtractContext
from articles.extract.dates import extract_dates
from articles.extract.pii import extract_personal_data_by_field, mask_fragment
from articles.extract.pii_names import is_notice
from articles.extract.regions import extract_regions, infer_focus_region, infer_home_region
from articles.extract.segmenter import BlockWords
from articles.parsing.page import parse_page_bytes
from articles.parsing.types import ArticleDraft, ParsedPage
from policies.extract import attach_issuers, extract_programs
from policies.extraction.documents import documents_of
from policies.qa import extract_qa_pairs
from stats.extract import attribute, extract_figures

CONTRACT_PII_KINDS = ("id_card", "phone")  # the kinds shared/contracts/parse-page.schema.json allows under `pii`
EXTRACTOR_VERSION = "0.1"


@dataclass
class ArticleResult:
    """One article and every record extracted from its text (offsets point into `draft.text`)."""

    draft: ArticleDraft
    figures: list = field(default_factory=list)
    dates: list = field(default_factory=list)
    regions: list = field(default_factory=list)
    programs: list = field(default_factory=list)
    documents: list = field(default_factory=list)  # policy documents named (《…》), from the programme mentions
    qa_pairs: list = field(default_factory=list)
    pii: list = field(default_factory=list)


@dataclass
class PageResult:
    page: ParsedPage
    articles: list[ArticleResult]


def parse_page(
    raw: bytes, name: str, published_on: date | None = None, *, programme_vocabulary: Any = None,
) -> PageResult:
    """Parse one page file and run every extractor over each of its articles.

    `programme_vocabulary` (policies.extraction.vocabulary.Vocabulary) is the list of known programmes to look for;
    ingest passes the database's, with the entries editors added; None is the file vocabulary."""
    page = parse_page_bytes(raw, name, published_on=published_on)
    words = BlockWords()  # the region passes over one page share their word segmentation
    home = infer_home_region(page.text, words=words)
    return PageResult(
        page=page, articles=[_extract(draft, page, home, words, programme_vocabulary) for draft in page.articles],
    )


def _extract(
    draft: ArticleDraft, page: ParsedPage, home: str | None, words: BlockWords, programme_vocabulary: Any = None,
) -> ArticleResult:
    text = draft.text
    context = ExtractContext(
        published_on=page.published_on.date,
        home_region=home,
        focus_region=infer_focus_region(f"{draft.headline or ''}\n{text}", home, words=words),
        programme_vocabulary=programme_vocabulary,
    )
    pii = _personal_data(draft)
    dates = extract_dates(text, context)
    regions = extract_regions(text, context, words=words)
    programs = attach_issuers(text, extract_programs(text, context), regions=regions, dates=dates,
                              published_on=context.published_on)
    programs = _derived_masked(programs, pii, ("name", "issuer"))
    headline_regions = extract_regions(draft.headline, context, words=words) if draft.headline else []
    headline_dates = extract_dates(draft.headline, context) if draft.headline else []
    figures = attribute(text, extract_figures(text, context), context, regions=regions, dates=dates,
                        programs=programs, headline_regions=headline_regions, headline_dates=headline_dates)
    return ArticleResult(
        draft=draft,
        figures=_derived_masked(figures, pii, DERIVED_FIGURE_FIELDS),
        dates=dates,
        regions=regions,
        programs=programs,
        documents=documents_of(programs),
        qa_pairs=extract_qa_pairs(text),
        pii=pii,
    )


# Record fields written from the text around a record rather than cut at its span (a figure's measure, a
# programme's canonical name): they become public as they are (indicator and programme names), so personal data
# in them is masked here, once. Spans (`text`) stay verbatim: they anchor records in the article text.
DERIVED_FIGURE_FIELDS = ("measure", "change", "qualifier", "period", "region_text", "sentence")


def _derived_masked(records: list, pii: list, fields: tuple[str, ...]) -> list:
    body = pii  # found in any shown field: a name the headline labels (失主房秋实) is masked where the body repeats it
    if not body:
        return records
    for record in records:
        for name in fields:
            value = getattr(record, name, None)
            if value:
                setattr(record, name, mask_fragment(value, body))
    return records


def _personal_data(draft: ArticleDraft) -> list:
    """Personal data in every shown field; names of private persons count in notices (by kind or by wording)."""
    headline, subheadline = draft.headline or "", draft.subheadline or ""
    notice = True if draft.kind == "notice" or is_notice(f"{headline}\n{subheadline}") else None  # None: each field says
    fields = {"headline": headline, "subheadline": subheadline, "byline": "\n".join(draft.byline), "text": draft.text}
    return extract_personal_data_by_field(fields, notice=notice)


def to_contract(result: PageResult) -> dict[str, Any]:
    """The page as `shared/contracts/parse-page.schema.json` describes it."""
    page = result.page
    dating = page.published_on
    return {
        "source": {
            "name": page.name, "sha256": page.sha256, "encoding": page.encoding, "chars": len(page.text),
            "paper": page.paper,
        },
        "published_on": {
            "date": _iso(dating.date),
            "earliest": _iso(dating.earliest),
            "latest": _iso(dating.latest),
            "basis": dating.basis,
        },
        "articles": [_article_contract(article) for article in result.articles],
    }


def _article_contract(article: ArticleResult) -> dict[str, Any]:
    draft = article.draft
    return {
        "headline": draft.headline,
        "subheadline": draft.subheadline,
        "column": draft.column,
        "byline": list(draft.byline),
        "kind": draft.kind,
        "text": draft.text,
        "duplicate_of": draft.duplicate_of,
        "figures": [_jsonable(asdict(item)) for item in article.figures],
        "dates": [_jsonable(asdict(item)) for item in article.dates],
        "regions": [_jsonable(asdict(item)) for item in article.regions],
        "programs": [_jsonable(asdict(item)) for item in article.programs],
        "documents": [_jsonable(asdict(item)) for item in article.documents],
        "qa_pairs": [_jsonable(asdict(item)) for item in article.qa_pairs],
        # The contract's `pii` names ID and phone numbers only; `personal_data` carries every kind (bank cards,
        # e-mail, private names) and the field each is in, so the contract holds while it lags behind.
        "pii": [_jsonable(asdict(item)) for item in article.pii if item.kind in CONTRACT_PII_KINDS],
        "personal_data": [_jsonable(asdict(item)) for item in article.pii],
    }


def _jsonable(record: dict[str, Any]) -> dict[str, Any]:
    return {key: _iso(value) if isinstance(value, date) else value for key, value in record.items()}


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
