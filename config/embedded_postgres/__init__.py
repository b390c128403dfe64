"""Embedded PostgreSQL (pgserver) for machines with no DATABASE_URL: started on first connection, then reused.

Settings point Django at the backend in `config.embedded_postgres.base` when DATABASE_URL is unset; that backend
asks `ensure_server()` for a running server before every new connection. The server is left running on exit
so that the next command (gunicorn, the tests, another manage.py) reuses it.
"""
from __future__ import annotations

import functools
import time
import warnings
from pathlib import Path


class EmbeddedDatabaseError(RuntimeError):
    """The embedded server could not be started; the message says what to set instead."""


@functools.cache
def ensure_server(pgdata: str, database: str) -> str:
    """Start (or find) the server for `pgdata`, make sure `database` exists, return the socket directory."""
    try:
        with warnings.catch_warnings():
            # platformdirs warns when XDG_RUNTIME_DIR is unset (containers, CI); pgserver then uses /tmp, which is fine.
            warnings.simplefilter("ignore")
            import pgserver
    except ImportError as error:  # pragma: no cover - depends on the install
        raise EmbeddedDatabaseError(
            f"no DATABASE_URL is set and the embedded PostgreSQL is not installed ({error}); "
            "set DATABASE_URL=postgres://USER@HOST:5432/DBNAME or install the project with `make install`."
        ) from error
    path = Path(pgdata)
    try:
        path.mkdir(parents=True, exist_ok=True)
        server = _started(pgserver, path)
        exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{database}';")
        if "(1 row)" not in exists:
            server.psql(f'CREATE DATABASE "{database}";')
        uri = server.get_uri()
    except Exception as error:
        raise EmbeddedDatabaseError(
            f"the embedded PostgreSQL in {path} did not start ({type(error).__name__}: {error}); "
            "set DATABASE_URL=postgres://USER@HOST:5432/DBNAME to use a running server instead."
        ) from error
    return _socket_dir(uri)


START_ATTEMPTS = 5


def _started(pgserver, path: Path):
    """pgserver reads postmaster.pid while a starting server is still writing it and then fails an assertion (seen
    on a loaded machine); the server itself comes up, so look again after a pause before giving up."""
    for attempt in range(1, START_ATTEMPTS + 1):
        try:
            return pgserver.get_server(path, cleanup_mode=None)
        except AssertionError:
            if attempt == START_ATTEMPTS:
                raise
            time.sleep(attempt)
    raise AssertionError("unreachable")  # pragma: no cover


def _socket_dir(uri: str) -> str:
    """pgserver's URIs look like postgresql://postgres:@/postgres?host=/path/to/socket/dir."""
    from urllib.parse import parse_qs, urlsplit

    query = parse_qs(urlsplit(uri).query)
    return query["host"][0]
