"""`manage.py ingest PATH...`: load page files (and folders of them) into the database, idempotently.

Plain-text pages and saved web articles (.html) alike; a name `YYYY-MM-DD_paper_page.txt` gives the issue date,
paper and page label, and --date/--paper/--page override them for every file."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import InterfaceError, OperationalError

from articles.page_files import UnreadablePage, page_files_in, read_page_file
from articles.progress import ProgressBar
from articles.services import PageRejected, source_ingest


class Command(BaseCommand):
    help = "Ingest newspaper page files (files or folders). A page already ingested is skipped; bad files are reported."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="page files or folders of page files")
        parser.add_argument("--date", type=_iso_date, help="issue date YYYY-MM-DD for every page (overrides inference)")
        parser.add_argument("--paper", help="the newspaper (or site) of every page (overrides the file name and text)")
        parser.add_argument("--page", dest="page_label", help="edition/page label of every page, e.g. 05版 or A3")

    def handle(self, *args, paths: list[str], date: date | None = None, paper: str | None = None,
               page_label: str | None = None, **options):
        files, skipped = _page_files(paths)
        problems = [f"{path}: {reason}" for path, reason in skipped]
        if not files and not problems:
            raise CommandError("no page files found in " + ", ".join(paths))
        progress = ProgressBar(len(files), self.stdout)
        created = unchanged = articles = 0
        for path in files:
            try:
                raw = read_page_file(path, limit=settings.MAX_PAGE_BYTES)
                outcome = source_ingest(raw=raw, name=path.name, published_on=date, paper=paper, page_label=page_label)
            except (PageRejected, UnreadablePage) as rejected:
                problems.append(f"{path}: {rejected.reason}")
            except (OperationalError, InterfaceError):
                raise  # the database itself is unreachable: no later file would fare better, and the top level says so
            except Exception as error:  # noqa: BLE001 — one page's failure must not abort the rest of a folder
                problems.append(f"{path}: failed ({type(error).__name__}: {error})")
            else:
                created += outcome.created
                unchanged += not outcome.created
                articles += outcome.articles if outcome.created else 0
            progress.step(path.name)
        for problem in problems:
            self.stderr.write(f"skipped {problem}")
        self.stdout.write(
            f"ingested {created} new page(s) with {articles} article(s); "
            f"{unchanged} already present; {len(problems)} skipped"
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
