"""pytest plugin: a test run holds the embedded PostgreSQL it uses and stops it at the end, unless `make run` (or
another test run) still uses it. Loaded by tests/conftest.py."""
from __future__ import annotations

import os
import sys

from config.embedded_postgres import HOLDER_ENV, EmbeddedDatabaseError, release_server


def pytest_configure(config) -> None:
    # Commands the tests run in subprocesses hold the server on behalf of this run, not on their own.
    os.environ.setdefault(HOLDER_ENV, str(os.getpid()))


def pytest_unconfigure(config) -> None:
    from django.conf import settings

    if not settings.configured or settings.DATABASE_URL or os.environ.get(HOLDER_ENV) != str(os.getpid()):
        return
    try:
        sentence = release_server(settings.EMBEDDED_PGDATA, os.getpid())
    except EmbeddedDatabaseError as error:
        sentence = str(error)
    if sentence:
        print(f"minsheng: {sentence}", file=sys.stderr)
