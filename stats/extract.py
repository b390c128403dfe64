"""Public entry point for figure extraction: article text in, sorted Figure list out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from articles.parsing.script import reads_simplified
from stats.extraction.figures import Figure, scan_figures
from stats.extraction.measure import annotate

if TYPE_CHECKING:
    from articles.extract.context import ExtractContext

__all__ = ["Figure", "extract_figures"]

# Units whose figure usually precedes the thing counted (530余名区外专家), so the measure is read rightwards.
_COUNTER_KINDS = frozenset({"counter"})


@reads_simplified
def extract_figures(text: str, ctx: ExtractContext | None = None) -> list[Figure]:
    """Every figure in the article text, sorted by start offset, with measure, change, period and region."""
    figures = scan_figures(text)
    annotate(text, figures, _COUNTER_KINDS)
    return figures
