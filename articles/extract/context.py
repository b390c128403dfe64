"""Context shared by the extractors: what the page around an article tells about dates and places."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class ExtractContext:
    published_on: date | None = None  # issue date, for resolving relative dates
    home_region: str | None = None  # GB/T code of the newspaper's home province (e.g. "150000"), for 我区/全区
    focus_region: str | None = None  # code of the prefecture/county the article is mostly about, for 全市/全旗
    # the programme vocabulary to find known names with (policies.extraction.vocabulary.Vocabulary; None: the file's)
    programme_vocabulary: Any = None
