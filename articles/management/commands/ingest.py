"""`manage.py ingest PATH...`: load page files (and folders of them) into the database, idempotently — in this
process, in N worker processes (`--workers N`), or through the Celery queue (`--queue`).

Plain-text pages and saved web articles (.html) alike; a name `YYYY-MM-DD_paper_page.txt` gives the issue date,
paper and page label, and --date/--paper/--page override them for every file."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.page_files import page_files_in
from articles.parallel import run_jobs
from articles.progress import ProgressBar
from articles.queueing import queued_ingest
from articles.services.batch import FileIngested, page_file_ingest


class Command(BaseCommand):
    help = "Ingest newspaper page files (files or folders). A page already ingested is skipped; bad files are reported."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="page files or folders of page files")
        parser.add_argument("--date", type=_iso_date, help="issue date YYYY-MM-DD for every page (overrides inference)")
        parser.add_argument("--paper", help="the newspaper (or site) of every page (overrides the file name and text)")
        parser.add_argument("--page", dest="page_label", help="edition/page label of every page, e.g. 05版 or A3")
        parser.add_argument("--workers", type=_workers, default=1, help="worker processes on this machine (default 1)")
        parser.add_argument(
            "--queue", action="store_true",
            help="enqueue one Celery task per file (CELERY_BROKER_URL) for `celery -A config worker` to ingest",
        )
        parser.add_argument("--queue-name", default="celery", help="the Celery queue the workers listen on (default celery)")

    def handle(
        self, *args, paths: list[str], date: date | None = None, paper: str | None = None, page_label: str | None = None,
        workers: int = 1, queue: bool = False,
        queue_name: str = "celery", **options,
    ):
        files, skipped = _page_files(paths)
        problems = [f"{path}: {reason}" for path, reason in skipped]
        if not files and not problems:
            raise CommandError("no page files found in " + ", ".join(paths))
        progress = ProgressBar(len(files), self.stdout)
        totals = {"ingested": 0, "already present": 0, "articles": 0}

        def done(item, result: FileIngested) -> None:
            if result.status == "rejected":
                problems.append(f"{result.path}: {result.reason}")
            else:
                totals[result.status] += 1
                totals["articles"] += result.articles
            progress.step(Path(result.path).name)

        def failed(item, reason: str) -> None:
            problems.append(f"{item[0]}: {reason}")
            progress.step(Path(item[0]).name)

        jobs = [(str(path), date, paper, page_label) for path in files]
        if queue:
            queued_ingest(jobs, queue_name=queue_name, on_result=done, on_failure=failed, out=self.stderr)
        else:
            run_jobs(page_file_ingest, jobs, workers=workers, on_result=done, on_failure=failed)
        for problem in problems:
            self.stderr.write(f"skipped {problem}")
        self.stdout.write(
            f"ingested {totals['ingested']} new page(s) with {totals['articles']} article(s); "
            f"{totals['already present']} already present; {len(problems)} skipped"
            + (f" ({progress.elapsed()}, {progress.rate:.1f} pages/s, {workers} workers)" if workers > 1 else "")
            + (f" ({progress.elapsed()}, {progress.rate:.1f} pages/s, through queue {queue_name})" if queue else "")
        )
        if problems:
            raise CommandError(f"{len(problems)} file(s) could not be ingested", returncode=2)


def _page_files(paths: list[str]) -> tuple[list[Path], list[tuple[Path, str]]]:
    files: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found, links = page_files_in(path)
            files.extend(found)
            skipped.extend(links)
        else:
            files.append(path)  # a missing or special file is reported by the loop
    return files, skipped


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--date {value!r} is not a date in the form YYYY-MM-DD") from None


def _workers(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        count = 0
    if count < 1:
        raise CommandError(f"--workers {value!r} is not a number of processes (1 or more)")
    return count
