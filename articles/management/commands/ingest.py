"""`manage.py ingest PATH...`: load page files (and folders of them) into the database, idempotently."""
from __future__ import annotations

import errno
import os
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.progress import ProgressBar
from articles.services import PageRejected, source_ingest


class Command(BaseCommand):
    help = "Ingest newspaper page files (files or folders). A page already ingested is skipped; bad files are reported."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="page files or folders of page files")
        parser.add_argument("--date", type=_iso_date, help="issue date YYYY-MM-DD for every page (overrides inference)")

    def handle(self, *args, paths: list[str], date: date | None = None, **options):
        files = _page_files(paths)
        if not files:
            raise CommandError("no page files found in " + ", ".join(paths))
        progress = ProgressBar(len(files), self.stdout)
        created = unchanged = articles = 0
        problems: list[str] = []
        for path in files:
            try:
                outcome = source_ingest(raw=_read_page(path), name=path.name, published_on=date)
            except PageRejected as rejected:
                problems.append(f"{path}: {rejected.reason}")
            except OSError as error:
                problems.append(f"{path}: cannot be read ({error.strerror or error})")
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


def _page_files(paths: list[str]) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            # A broken symbolic link is neither file nor folder: listed so that the loop reports it, never skipped silently.
            found = (p for p in path.rglob("*") if p.is_file() or (p.is_symlink() and not p.exists()))
            files.extend(sorted(p for p in found if not p.name.startswith(".")))
        else:
            files.append(path)  # a missing file is reported as unreadable by the loop
    return files


def _read_page(path: Path) -> bytes:
    if path.is_symlink() and not path.exists():
        raise OSError(errno.ENOENT, f"a broken symbolic link to {os.readlink(path)}")
    return path.read_bytes()


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--date {value!r} is not a date in the form YYYY-MM-DD") from None
