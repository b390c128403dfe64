"""What to tell a person whose database cannot be reached: one sentence naming the setting to change.

`manage.py` and gunicorn's master ask `database_problem()` when a connection fails (or before serving) and print
that sentence instead of a traceback; the embedded server's own failure (`EmbeddedDatabaseError`) is already one.
"""
from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit


def masked_url(url: str) -> str:
    """The URL with its password replaced by ***, safe to print."""
    parts = urlsplit(url)
    if not parts.password:
        return url
    netloc = f"{parts.username or ''}:***@{parts.hostname or ''}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


def short_reason(error: BaseException) -> str:
    """The driver's reason without its preamble: 'Connection refused', 'database "x" does not exist'."""
    first = (str(error).strip().splitlines() or [type(error).__name__])[0]
    reason = first.rsplit("failed: ", 1)[-1].strip()
    return reason.removeprefix("FATAL:").strip() or type(error).__name__


def unreachable_message(error: BaseException, *, database_url: str, pgdata: str) -> str:
    """One sentence: which database could not be reached, why, and what to set."""
    reason = short_reason(error)
    if database_url:
        return (
            f"database connection failed: DATABASE_URL={masked_url(database_url)} cannot be reached ({reason}); "
            "check DATABASE_URL, or unset it to use the embedded PostgreSQL."
        )
    return (
        f"database connection failed: the embedded PostgreSQL in {pgdata} cannot be reached ({reason}); "
        "set DATABASE_URL=postgres://USER@HOST:5432/DBNAME to use a running server instead."
    )


def database_problem() -> str | None:
    """None when the default database answers; otherwise the sentence to print. Leaves no connection open (a
    gunicorn master must not hand one to the workers it forks)."""
    from django.conf import settings
    from django.db import OperationalError, connections

    from config.embedded_postgres import EmbeddedDatabaseError

    connection = connections["default"]
    try:
        connection.close()
        connection.ensure_connection()
    except EmbeddedDatabaseError as error:
        return str(error)
    except OperationalError as error:
        return unreachable_message(error, database_url=settings.DATABASE_URL, pgdata=settings.EMBEDDED_PGDATA)
    finally:
        connection.close()
    return None
