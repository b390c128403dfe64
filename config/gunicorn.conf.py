"""gunicorn settings: bind to 127.0.0.1:$PORT by default (HOST=0.0.0.0 in the container); stop the database on exit."""
import os
import sys

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
wsgi_app = "config.wsgi:application"
accesslog = "-"
timeout = 60
graceful_timeout = 10  # Ctrl-C / SIGTERM: requests in flight get this long, then the embedded database is stopped


def on_starting(server) -> None:
    """Before binding or forking: stop with one sentence saying what to set when the database cannot be reached,
    instead of serving error pages."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from config.database import database_problem

    problem = database_problem()
    if problem:
        print(f"minsheng: {problem}", file=sys.stderr)
        sys.exit(1)


def when_ready(server) -> None:
    host, _, port = bind.rpartition(":")
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
    print(f"minsheng: serving on http://{shown}:{port}/ (Ctrl-C stops the site and its embedded database)", flush=True)


def on_exit(server) -> None:
    """The master is leaving (Ctrl-C, SIGTERM, `make stop`): release the embedded database, which stops it unless
    another process of the project (a test run, a second checkout's command) still uses it."""
    from django.conf import settings

    if settings.DATABASE_URL:
        return
    from config.embedded_postgres import EmbeddedDatabaseError, holder_pid, release_server

    try:
        sentence = release_server(settings.EMBEDDED_PGDATA, holder_pid())
    except EmbeddedDatabaseError as error:
        sentence = str(error)
    if sentence:
        print(f"minsheng: {sentence}", file=sys.stderr)
