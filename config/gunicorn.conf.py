"""gunicorn settings: bind to 127.0.0.1:$PORT by default (HOST=0.0.0.0 in the container)."""
import os
import sys

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
wsgi_app = "config.wsgi:application"
accesslog = "-"
timeout = 60


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
