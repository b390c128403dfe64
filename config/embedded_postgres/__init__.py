"""Embedded PostgreSQL for machines with no DATABASE_URL: started on first connection, shared by the project's processes.

Settings point Django at the backend in `config.embedded_postgres.base` when DATABASE_URL is unset; that backend asks
`ensure_server()` for a running server before every new connection. Each process that uses the server registers as
a holder (`bin/serve` registers itself for every command it runs, through MINSHENG_DB_HOLDER). `release_server()`,
called when `make run` (gunicorn) or a test run ends, stops the server unless another holder still runs; a
`manage.py` command run by hand leaves it running for the next one, and `make stop` stops it.
"""
from __future__ import annotations

import os
from pathlib import Path

from config.embedded_postgres import holders, server
from config.embedded_postgres.server import EmbeddedDatabaseError, Postmaster

__all__ = ["HOLDER_ENV", "EmbeddedDatabaseError", "ensure_server", "release_server", "stop_server"]

HOLDER_ENV = "MINSHENG_DB_HOLDER"  # pid of the long-running process a command works for (set by bin/serve)

_ready: dict[tuple[Path, str], Postmaster] = {}


def ensure_server(pgdata: str, database: str) -> str:
    """Start (or find, or wait for) the server of `pgdata`, make sure `database` exists, return the socket directory."""
    path = Path(pgdata).expanduser().resolve()
    cached = _ready.get((path, database))
    if cached is not None and _still_up(path, cached):
        return cached.socket_dir
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        postmaster = server.ensure_running(path)
        with server.folder_lock(path):
            holders.hold(path, holder_pid())
        _create_database(postmaster, database)
    except EmbeddedDatabaseError:
        raise
    except Exception as error:
        raise EmbeddedDatabaseError(
            f"the embedded PostgreSQL in {path} did not start ({type(error).__name__}: {error}); "
            "set DATABASE_URL=postgres://USER@HOST:5432/DBNAME to use a running server instead."
        ) from error
    _ready[(path, database)] = postmaster
    return postmaster.socket_dir


def release_server(pgdata: str, holder: int) -> str | None:
    """`holder` is done with the server: stop it unless another holder still uses it. Returns what to tell the user."""
    path = Path(pgdata).expanduser().resolve()
    if not path.parent.is_dir():
        return None
    with server.folder_lock(path):
        return _stop_unless_held(path, holders.release(path, holder))


def stop_server(pgdata: str) -> str | None:
    """`make stop`: stop a server nobody uses any more (one a running test still uses is left, with a sentence)."""
    path = Path(pgdata).expanduser().resolve()
    if not path.parent.is_dir():
        return None
    with server.folder_lock(path):
        return _stop_unless_held(path, holders.live_holders(path))


def holder_pid() -> int:
    value = os.environ.get(HOLDER_ENV, "")
    return int(value) if value.isdigit() else os.getpid()


def _stop_unless_held(path: Path, remaining: list[dict]) -> str | None:
    if remaining:
        users = ", ".join(holders.describe(entry) for entry in remaining)
        return f"the embedded PostgreSQL in {path} keeps running: {users} still uses it."
    _ready.clear()
    if server.stop(path):
        return f"stopped the embedded PostgreSQL in {path}."
    return None


def _still_up(path: Path, cached: Postmaster) -> bool:
    """Cheap check before each new connection: same postmaster.pid, same live process."""
    try:
        return server.read_postmaster(path) == cached and os.kill(cached.pid, 0) is None
    except OSError:
        return False


def _create_database(postmaster: Postmaster, database: str) -> None:
    import psycopg
    from psycopg import errors, sql

    with psycopg.connect(
        host=postmaster.socket_dir, port=postmaster.port or 5432, user="postgres", dbname="postgres", autocommit=True
    ) as connection:
        if connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database]).fetchone():
            return
        try:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))
        except errors.DuplicateDatabase:
            pass  # another process created it a moment ago
