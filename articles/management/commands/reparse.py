"""`manage.py reparse --all | --source ID`: run the current parser and extractors again over stored pages.

Only `auto` records are replaced; corrected and confirmed records stay, rejected ones are not created again, and a
record whose text is gone after a parser change is flagged for review.
"""
from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from articles.models import Source
from articles.progress import ProgressBar
from articles.services import source_reparse


class Command(BaseCommand):
    help = "Re-parse stored pages with the current pipeline, keeping every editor's correction."

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--all", action="store_true", help="every stored page")
        which.add_argument("--source", type=int, action="append", help="the id of one page (repeatable)")

    def handle(self, *args, all: bool = False, source: list[int] | None = None, **options):
        sources = Source.objects.order_by("pk")
        if not all:
            sources = sources.filter(pk__in=source)
            missing = set(source) - set(sources.values_list("pk", flat=True))
            if missing:
                raise CommandError(f"no page with id {', '.join(map(str, sorted(missing)))}")
        progress = ProgressBar(sources.count(), self.stdout)
        created = kept = flagged = suppressed = 0
        for page in sources:
            outcome = source_reparse(source=page)
            created, kept = created + outcome.created, kept + outcome.kept
            flagged, suppressed = flagged + outcome.flagged, suppressed + outcome.suppressed
            progress.step(page.name)
        self.stdout.write(
            f"re-parsed {progress.done} page(s): {created} auto record(s) written, {kept} editor record(s) kept, "
            f"{suppressed} rejected record(s) not recreated, {flagged} flagged for review"
        )
