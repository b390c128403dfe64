# Minsheng: a slim, non-root image that migrates, loads the seed pages and serves with gunicorn (bin/serve); the same
# image runs the Celery worker (`celery -A config worker`, see compose.yaml).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    HOST=0.0.0.0 PORT=8000 MINSHENG_VAR_DIR=/app/var PYTHON=python

WORKDIR /app
RUN useradd --create-home --uid 1000 minsheng
COPY pyproject.toml README.md ./
COPY config ./config
COPY articles ./articles
COPY policies ./policies
COPY stats ./stats
RUN pip install --no-cache-dir .
COPY . .
RUN mkdir -p /app/var/pages /app/staticfiles && chown -R minsheng:minsheng /app/var /app/staticfiles
USER minsheng
EXPOSE 8000
ENTRYPOINT ["./bin/serve"]
