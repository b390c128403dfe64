"""Policy extractors' public entry points: programme mentions and their linking keys."""
from __future__ import annotations

from policies.extraction.names import canonical_program_name, program_slug_key
from policies.extraction.programs import ProgramMention, extract_programs

__all__ = ["ProgramMention", "canonical_program_name", "extract_programs", "program_slug_key"]
