"""Publication-date estimate for a page from the dates its stories mention (pages carry no date line)."""
from __future__ import annotations

import datetime
import re
from collections import Counter

from articles.extract.date_rules.calendar import holiday_date, holiday_names

from .types import PublicationDate

YEAR_RE = re.compile(r"(?<!\d)(20\d\d)\s*年")
FULL_RE = re.compile(r"(?<!\d)(?:(20\d\d)\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日")
FORWARD_BEFORE = ("到", "至", "截至", "截止", "将于", "将在", "预计", "计划", "定于", "—", "-", "~")
FORWARD_AFTER = ("前", "截止", "之前", "将", "开班", "开始报名")
EARLY_YEAR_CUES = ("元旦后", "新年伊始", "新春伊始", "春节后", "春节过后", "开年")
# A holiday reported as past (春节后返岗, 元旦过后, 清明以来) is an event on the holiday's day in the dominant year.
HOLIDAY_PAST_RE = re.compile(
    "(" + "|".join(map(re.escape, holiday_names())) + r")(?:假期|长假|小长假|黄金周)?(?:过后|以来|刚过|结束后|后)"
)
HOLIDAY_FORWARD_AFTER = ("将", "拟", "计划", "预计", "再")
REPORT_LAG_DAYS = 1  # a story usually appears the day after the latest event it reports
WINDOW_DAYS = 21  # how long after its latest event a page may plausibly be printed


def _dominant_year(text: str) -> int | None:
    counts = Counter(int(y) for y in YEAR_RE.findall(text))
    if not counts:
        return None
    return max(counts, key=lambda y: (counts[y], y))


def _is_forward(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 3):start]
    after = text[end:end + 2]
    return before.endswith(FORWARD_BEFORE) or after.startswith(FORWARD_AFTER)


def _event_dates(text: str, year: int | None) -> list[tuple[datetime.date, bool]]:
    """Dates of reported events: (date, year_was_explicit); deadlines and range ends are skipped."""
    found = []
    for match in FULL_RE.finditer(text):
        if _is_forward(text, match.start(), match.end()):
            continue
        explicit = match.group(1) is not None
        y = int(match.group(1)) if explicit else year
        if y is None:
            continue
        try:
            found.append((datetime.date(y, int(match.group(2)), int(match.group(3))), explicit))
        except ValueError:
            continue
    return found


def _holiday_events(text: str, year: int | None) -> list[tuple[datetime.date, bool]]:
    """Holidays the page reports as past (春节后返岗): (the holiday's day in `year`, False); none without a year."""
    if year is None:
        return []
    found = []
    for match in HOLIDAY_PAST_RE.finditer(text):
        if text[max(0, match.start() - 3):match.start()].endswith(FORWARD_BEFORE):
            continue
        if text[match.end():match.end() + 2].startswith(HOLIDAY_FORWARD_AFTER):
            continue  # 春节后将启动: a plan, not a report
        day = holiday_date(match.group(1), year)
        if day is not None:
            found.append((day, False))
    return found


def estimate_publication_date(text: str) -> PublicationDate:
    """Best estimate of the issue date with a range and a short English basis."""
    year = _dominant_year(text)
    notes = []
    cues = [c for c in EARLY_YEAR_CUES if c in text]
    if year is not None and cues:
        undated = [d for d, explicit in _event_dates(text, year) if not explicit]
        dated_late = any(d.year == year and d.month > 3 for d, explicit in _event_dates(text, year) if explicit)
        if dated_late and all(d.month <= 2 for d in undated):
            notes.append(f"{cues[0]} after events of {year}")
            year += 1
    # Never before an event the page reports: full dates, month-days in the dominant year, and holidays reported as past.
    events = _event_dates(text, year) + _holiday_events(text, year)
    if year is not None:
        notes.append(f"今年={year}")
    if not events:
        if year is None:
            return PublicationDate(None, None, None, "no dates or years mentioned")
        return PublicationDate(
            None, datetime.date(year, 1, 1), datetime.date(year, 12, 31),
            "only years mentioned; " + "; ".join(notes),
        )
    latest_event, explicit = max(events)
    earliest = latest_event
    latest = latest_event + datetime.timedelta(days=WINDOW_DAYS)
    best = latest_event + datetime.timedelta(days=REPORT_LAG_DAYS)
    how = "full date" if explicit else "month-day or holiday in the dominant year"
    basis = f"latest reported event {latest_event.isoformat()} ({how}); " + "; ".join(notes)
    return PublicationDate(best, earliest, latest, basis)
