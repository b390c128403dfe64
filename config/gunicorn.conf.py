"""gunicorn settings: bind to 127.0.0.1:$PORT by default (HOST=0.0.0.0 in the container)."""
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
wsgi_app = "config.wsgi:application"
accesslog = "-"
timeout = 60
