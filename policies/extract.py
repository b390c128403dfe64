"""Policy extractors' public entry points: programme mentions and their linking keys."""
from __future__ import annotations

from articles.parsing.script import simplified_view
from policies.extraction.issuers import issued
from policies.extraction.names import canonical_program_name, program_slug_key
from policies.extraction.programs import ProgramMention, extract_programs

__all__ = ["ProgramMention", "attach_issuers", "canonical_program_name", "extract_programs", "program_slug_key"]


def attach_issuers(text: str, mentions: list[ProgramMention], *, regions: list, dates: list) -> list[ProgramMention]:
    """Fill issuer, level, issue date and date in force on the mentions the text publishes (自治区人社厅印发《…》)."""
    view = simplified_view(text)
    for mention in mentions:
        found = issued(view, mention.start, mention.end, regions=regions, dates=dates)
        if found is not None:
            issuer_at = view.rfind(found.issuer, 0, mention.start)
            mention.issuer = text[issuer_at : issuer_at + len(found.issuer)] if issuer_at >= 0 else found.issuer
            mention.level, mention.issued_on, mention.valid_from = found.level, found.issued_on, found.valid_from
    return mentions
