"""`manage.py reparse --all | --source ID`: run the current parser and extractors again over stored pages.

Only `auto` records are replaced; corrected and confirmed records stay, rejected ones are not created again, and a
record whose text is gone after a parser change is flagged for review. `--workers N` re-parses in N processes.
"""
from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from articles.management.commands.ingest import _workers
from articles.models import Source
from articles.parallel import run_jobs
from articles.progress import ProgressBar
from articles.services.batch import PageReparsed, page_reparse


class Command(BaseCommand):
    help = "Re-parse stored pages with the current pipeline, keeping every editor's correction."

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--all", action="store_true", help="every stored page")
        which.add_argument("--source", type=int, action="append", help="the id of one page (repeatable)")
        parser.add_argument("--workers", type=_workers, default=1, help="worker processes on this machine (default 1)")

    def handle(self, *args, all: bool = False, source: list[int] | None = None, workers: int = 1, **options):
        sources = Source.objects.order_by("pk")
        if not all:
            sources = sources.filter(pk__in=source)
            missing = set(source) - set(sources.values_list("pk", flat=True))
            if missing:
                raise CommandError(f"no page with id {', '.join(map(str, sorted(missing)))}")
        ids = list(sources.values_list("pk", flat=True))
        names = dict(sources.values_list("pk", "name"))
        progress = ProgressBar(len(ids), self.stdout)
        totals = dict.fromkeys(["created", "updated", "unchanged", "removed", "kept", "flagged", "suppressed"], 0)
        problems: list[str] = []

        def done(source_id: int, result: PageReparsed) -> None:
            for key in totals:
                totals[key] += getattr(result, key)
            progress.step(result.name)

        def failed(source_id: int, reason: str) -> None:
            problems.append(f"page {source_id} ({names.get(source_id, '?')}): {reason}")
            progress.step(names.get(source_id, str(source_id)))

        run_jobs(page_reparse, ids, workers=workers, on_result=done, on_failure=failed)
        for problem in problems:
            self.stderr.write(f"not re-parsed: {problem}")
        self.stdout.write(
            f"re-parsed {progress.done - len(problems)} page(s): auto records {totals['created']} added, "
            f"{totals['updated']} updated in place, {totals['unchanged']} unchanged, {totals['removed']} removed; "
            f"{totals['kept']} editor record(s) kept, {totals['suppressed']} rejected record(s) not recreated, "
            f"{totals['flagged']} flagged for review"
        )
        if problems:
            raise CommandError(f"{len(problems)} page(s) could not be re-parsed", returncode=2)
