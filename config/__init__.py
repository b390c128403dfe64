"""Project configuration: settings, URLs, the JSON API, WSGI/ASGI and gunicorn entry points."""
