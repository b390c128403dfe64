"""Public entry point for figure extraction: article text in, sorted Figure list out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from articles.parsing.script import reads_simplified, simplified_view
from stats.extraction.attribution import (
    attribute_figures,
    places_from_regions,
    spans_from_dates,
    spans_from_programs,
)
from stats.extraction.figures import Figure, scan_figures
from stats.extraction.measure import annotate
from stats.extraction.measure_check import checked_measure

if TYPE_CHECKING:
    from articles.extract.context import ExtractContext

__all__ = ["Figure", "attribute", "extract_figures"]

# Units whose figure usually precedes the thing counted (530余名区外专家), so the measure is read rightwards.
_COUNTER_KINDS = frozenset({"counter"})


@reads_simplified(strip_pinyin=True)
def extract_figures(text: str, ctx: ExtractContext | None = None) -> list[Figure]:
    """Every figure in the article text, sorted by start offset, with measure, change, period and region."""
    figures = scan_figures(text)
    annotate(text, figures, _COUNTER_KINDS)
    return figures


def attribute(text: str, figures: list[Figure], ctx: ExtractContext | None, *, regions: list, dates: list,
              programs: list, headline_regions: list = (), headline_dates: list = ()) -> list[Figure]:
    """Say what each figure is about (region, period, programme, change or level, sentence), in place; a measure
    that does not read as a noun phrase is dropped (empty rather than wrong).

    `regions`, `dates` and `programs` are the other extractors' mentions in the same `text`; `headline_regions`
    the regions the article's headline names (the article's focus when the text around a figure names none);
    `headline_dates` the dates it names (the article's period when it names one)."""
    view = simplified_view(text)
    headline = next((code for code in (m.code for m in headline_regions) if code), None)
    attribute_figures(
        view,
        figures,
        places=places_from_regions(regions),
        dates=spans_from_dates(dates),
        programs=spans_from_programs(programs),
        focus_region=ctx.focus_region if ctx else None,
        home_region=ctx.home_region if ctx else None,
        headline_region=headline,
        published_on=ctx.published_on if ctx else None,
        headline_dates=spans_from_dates(headline_dates),
    )
    for figure in figures:
        figure.measure = checked_measure(figure.measure, figure.sentence, figure.text, figure.unit)  # or none
        if view is not text:
            figure.sentence = _same_span(text, view, figure.sentence)  # as printed, not its simplified shadow
    return figures


def _same_span(original: str, view: str, piece: str) -> str:
    at = view.find(piece)
    return original[at : at + len(piece)] if at >= 0 else piece
