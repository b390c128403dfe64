"""Extractors that run on article text: regions, dates, personal data. Plain Python, no Django."""
