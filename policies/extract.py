"""Policy extractors' public entry points: programme mentions and their linking keys."""
from __future__ import annotations

from datetime import date

from articles.parsing.script import simplified_view
from policies.extraction.issuers import issued
from policies.extraction.names import canonical_program_name, program_slug_key
from policies.extraction.programs import ProgramMention, extract_programs
from policies.extraction.validity import validity

__all__ = ["ProgramMention", "attach_issuers", "canonical_program_name", "extract_programs", "program_slug_key"]


def attach_issuers(text: str, mentions: list[ProgramMention], *, regions: list, dates: list,
                   published_on: date | None = None) -> list[ProgramMention]:
    """Fill issuer, level and issue date on the mentions the text publishes (自治区人社厅印发《…》), and the days in
    force wherever the text states them (自…起施行，有效期至… / 有效期5年 / 《…（2024—2026年）》), relative
    expressions resolved against the issue date `published_on`."""
    view = simplified_view(text)
    for mention in mentions:
        found = issued(view, mention.start, mention.end, regions=regions, dates=dates)
        if found is not None:
            issuer_at = view.rfind(found.issuer, 0, mention.start)
            mention.issuer = text[issuer_at : issuer_at + len(found.issuer)] if issuer_at >= 0 else found.issuer
            mention.level, mention.issued_on = found.level, found.issued_on
        days = validity(view, mention.start, mention.end, dates=dates, issued_on=mention.issued_on,
                        published_on=published_on)
        if days is not None:
            mention.valid_from, mention.valid_to = days.valid_from, days.valid_to
    return mentions
