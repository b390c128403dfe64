"""Admin of the stats app (indicators and figures)."""
