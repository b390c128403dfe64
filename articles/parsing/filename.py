"""What a page file's name says, when it follows the documented pattern `YYYY-MM-DD_paper_page.ext`.

`2025-11-24_内蒙古日报_05版.txt` → issue date 2025-11-24, paper 内蒙古日报, page label 05版. The page part may be
left out (`2025-11-24_内蒙古日报.txt`); any other name says nothing.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

_NAME_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})_([^_/\\]{2,64}?)(?:_([^_./\\]{1,32}))?(?:\.[A-Za-z0-9]{1,6})?$")


@dataclass(frozen=True)
class FileNameFacts:
    date: datetime.date
    paper: str
    page_label: str | None


def read_file_name(name: str) -> FileNameFacts | None:
    """Issue date, paper and page label from a name of the form `YYYY-MM-DD_paper_page.ext`, else None."""
    match = _NAME_RE.match(name.strip())
    if not match:
        return None
    year, month, day, paper, page = match.groups()
    try:
        date = datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None
    return FileNameFacts(date=date, paper=paper.strip(), page_label=(page or "").strip() or None)
