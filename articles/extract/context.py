"""Context an extractor needs beyond the article text: issue date, home and focus regions."""
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ExtractContext:
    published_on: date | None = None
    home_region: str | None = None
    focus_region: str | None = None
