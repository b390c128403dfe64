"""Paging shared by the site and the API: counts exact up to a cap, and keyset cursors over the article orders.

Counting every row of a selection costs as much as the selection is large; a reader needs the exact number only
while it is small. `capped_count` counts at most COUNT_CAP + 1 rows (`SELECT COUNT(*) FROM (... LIMIT n)`), and the
pages say "10,000+" beyond it. Deep pages are reached by a cursor — the sort key of the last row shown — so that a
page 50,000 rows in costs what the first does (the sort's index is read from the cursor on), where OFFSET would
read and drop every row before it.
"""
from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import date

from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.utils.functional import cached_property

from articles.models.article import EARLIEST, LATEST, newest_key, oldest_key

COUNT_CAP = 10_000


def capped_count(rows: QuerySet | list, cap: int | None = None, known: int | None = None) -> tuple[int, bool]:
    """(count, exact): the number of rows when at most `cap` (COUNT_CAP), else (cap, False) — never counting past
    cap + 1. `known`: the number of rows, already counted elsewhere (a summary kept current with the archive)."""
    cap = COUNT_CAP if cap is None else cap
    if known is not None:
        return (known, True) if known <= cap else (cap, False)
    if not isinstance(rows, QuerySet):
        return (len(rows), True) if len(rows) <= cap else (cap, False)
    counted = rows.order_by()[: cap + 1].count()
    return (counted, True) if counted <= cap else (cap, False)


def count_label(count: int, exact: bool) -> str:
    """How the site shows a count: 1,234 or 10,000+."""
    return f"{count:,}" if exact else f"{count:,}+"


class CappedPaginator(Paginator):
    """Django's paginator over a capped count: page numbers reach COUNT_CAP rows; the rows after the last
    numbered page are reached by cursor (`cursor_after`). `known_count`: the rows' number when a summary has it."""

    def __init__(self, object_list, per_page, *args, known_count: int | None = None, **kwargs):
        super().__init__(object_list, per_page, *args, **kwargs)
        self.known_count = known_count

    @cached_property
    def _capped(self) -> tuple[int, bool]:
        return capped_count(self.object_list, known=self.known_count)

    @cached_property
    def count(self) -> int:
        return self._capped[0]

    @property
    def count_is_exact(self) -> bool:
        return self._capped[1]

    @property
    def count_label(self) -> str:
        return count_label(*self._capped)


# --- Keyset cursors over the article orders (articles.models.article.ARTICLE_ORDERS) -----------------------------


class BadCursor(ValueError):
    """A cursor that this list did not hand out (malformed, or of another order)."""


@dataclass(frozen=True)
class Keyset:
    """Rows after a cursor in one of the article orders; the predicate starts a range scan of that order's index
    (`key <= d AND (key < d OR (source, position) after the cursor)`) so the rows before it are never read."""

    sort: str

    def cursor_of(self, article) -> str:
        if self.sort == "headline":
            values = [article.public_headline, article.pk]
        else:
            empty = EARLIEST if self.sort == "newest" else LATEST
            day = article.issue_date.isoformat() if article.issue_date else empty
            values = [day, article.source_id, article.position]
        return base64.urlsafe_b64encode(json.dumps([self.sort, *values], ensure_ascii=False).encode()).decode().rstrip("=")

    def _decode(self, cursor: str) -> list:
        try:
            padded = cursor + "=" * (-len(cursor) % 4)
            values = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")).decode("utf-8"))
        except (ValueError, UnicodeError):
            raise BadCursor("not a cursor this list handed out") from None
        if not isinstance(values, list) or not values or values[0] != self.sort:
            raise BadCursor(f"not a cursor of the {self.sort!r} order; take `next` from the answer of this order")
        return values[1:]

    def after(self, rows: QuerySet, cursor: str) -> QuerySet:
        values = self._decode(cursor)
        try:
            if self.sort == "headline":
                headline, pk = values
                if not isinstance(headline, str) or not isinstance(pk, int):
                    raise TypeError
                return rows.filter(Q(public_headline__gte=headline), Q(public_headline__gt=headline) | Q(pk__gt=pk))
            day, source_id, position = values
            day = date.fromisoformat(day)
            if not isinstance(source_id, int) or not isinstance(position, int):
                raise TypeError
        except (TypeError, ValueError):
            raise BadCursor("not a cursor this list handed out") from None
        later_on_day = Q(source_id__gt=source_id) | Q(source_id=source_id, position__gt=position)
        if self.sort == "newest":
            rows = rows.alias(sort_day=newest_key())
            return rows.filter(Q(sort_day__lte=day), Q(sort_day__lt=day) | later_on_day)
        rows = rows.alias(sort_day=oldest_key())
        return rows.filter(Q(sort_day__gte=day), Q(sort_day__gt=day) | later_on_day)


KEYSETS = {sort: Keyset(sort) for sort in ("newest", "oldest", "headline")}


def cursor_page(rows: QuerySet, keyset: Keyset, cursor: str | None, per_page: int) -> tuple[list, str | None]:
    """The `per_page` rows after `cursor` (from the first row without one) and the cursor of the page after them,
    None on the last page. Raises BadCursor."""
    if cursor:
        rows = keyset.after(rows, cursor)
    page = list(rows[: per_page + 1])
    if len(page) > per_page:
        return page[:per_page], keyset.cursor_of(page[per_page - 1])
    return page, None
