"""Admin of the policies app (programmes, mentions, Q&A) — see issue 5 for the editor workflow."""
