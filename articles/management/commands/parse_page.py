"""`manage.py parse_page PATH [--json]`: run the pure pipeline on one page file; touches no database."""
from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles import pipeline
from articles.management.commands.ingest import _iso_date as iso_date
from articles.parsing.decode import UndecodableFile


class Command(BaseCommand):
    help = "Parse one page file and print its articles and records (no database access)."
    requires_system_checks: list = []

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--json", action="store_true", dest="as_json", help="print the parse-page contract JSON")
        parser.add_argument("--date", type=iso_date, help="issue date YYYY-MM-DD (overrides inference), as in ingest")

    def handle(self, *args, path: str, as_json: bool = False, date=None, **options):
        file = Path(path)
        try:
            raw = file.read_bytes()
        except OSError as error:
            raise CommandError(f"{path}: cannot be read ({error.strerror or error})") from None
        try:
            result = pipeline.parse_page(raw, file.name, published_on=date)
        except UndecodableFile as error:
            raise CommandError(f"{path}: {error}") from None
        contract = pipeline.to_contract(result)
        if as_json:
            self.stdout.write(_dumps(contract))
            return
        self.stdout.write(
            f"{file.name}: {contract['source']['encoding']}, issue date {contract['published_on']['date']}, "
            f"paper {contract['source'].get('paper') or '?'}"
        )
        for index, article in enumerate(contract["articles"]):
            self.stdout.write(
                f"  [{index}] {article['kind']:<10} {article['column'] or '':<4} {article['headline'] or '(no headline)'}"
                f"  — {len(article['text'])} chars, {len(article['figures'])} figures"
            )


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
