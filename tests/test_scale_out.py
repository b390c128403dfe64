"""Beyond one machine: the cache in Redis when REDIS_URL is set (local memory otherwise), and public reads sent to
the replicas of DATABASE_REPLICA_URLS while writes, editors' pages and a request's reads after its own write stay on
the primary — against the real PostgreSQL server, a second alias standing in for the replica."""
import json
import os
import socket
import subprocess
import sys

import pytest
from django.db import connection

from config import db_router
from config.db_router import PrimaryReplicaRouter, allow_replica_reads, reset_replica_reads
from tests.conftest import ROOT

REDIS_URL = "redis://127.0.0.1:6379/2"


def _answers(host: str, port: int) -> bool:
    try:
        socket.create_connection((host, port), timeout=1).close()
        return True
    except OSError:
        return False


def _django(code: str, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "testserver", "DJANGO_SETTINGS_MODULE": "config.settings", **env}
    script = "import django, json; django.setup()\n" + code
    return subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120)


def test_without_redis_url_every_process_of_the_machine_shares_one_file_cache(tmp_path):
    """An editor's correction in one gunicorn worker (or an ingest command) must reach the other workers' reads."""
    env = {"CACHE_DIR": str(tmp_path / "cache"), "REDIS_URL": ""}
    code = "from django.conf import settings; from django.core.cache import cache\ncache.set('probe', 'from-one-process', 30)\nprint(settings.CACHES['default']['BACKEND'])"
    first = _django(code, **env)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == "django.core.cache.backends.filebased.FileBasedCache"
    second = _django("from django.core.cache import cache; print(cache.get('probe'))", **env)
    assert second.stdout.strip() == "from-one-process", second.stderr


@pytest.mark.skipif(not _answers("127.0.0.1", 6379), reason="no Redis server answers on 127.0.0.1:6379")
def test_with_redis_url_every_process_shares_one_cache():
    code = (
        "from django.conf import settings; from django.core.cache import cache\n"
        "cache.set('probe', 'from-one-process', 30)\n"
        "print(settings.CACHES['default']['BACKEND'])"
    )
    first = _django(code, REDIS_URL=REDIS_URL)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == "django_redis.cache.RedisCache"
    second = _django("from django.core.cache import cache; print(cache.get('probe'))", REDIS_URL=REDIS_URL)
    assert second.stdout.strip() == "from-one-process", second.stderr


def test_a_redis_url_of_another_scheme_is_refused():
    result = _django("pass", REDIS_URL="http://127.0.0.1:6379/2")
    assert result.returncode != 0 and "REDIS_URL" in result.stderr and "redis://" in result.stderr


def test_a_replica_url_that_is_not_postgres_is_refused():
    result = _django("pass", DATABASE_REPLICA_URLS="mysql://u@h/db")
    assert result.returncode != 0 and "DATABASE_REPLICA_URLS" in result.stderr


def test_the_router_reads_from_a_replica_only_in_the_public_window_and_until_a_write(monkeypatch):
    monkeypatch.setattr(db_router, "replica_aliases", lambda: ["replica_1"])
    router = PrimaryReplicaRouter()
    assert router.db_for_read(None) == "default"  # commands, tasks: the primary
    token = allow_replica_reads(True)
    try:
        assert router.db_for_read(None) == "replica_1"
        assert router.db_for_write(None) == "default"
        assert router.db_for_read(None) == "default"  # read-your-writes for the rest of the request
    finally:
        reset_replica_reads(token)
    assert router.allow_migrate("replica_1", "articles") is False and router.allow_migrate("default", "articles")


# Runs in a subprocess against the test database (committed rows: the gazetteer), with the same database listed as
# the replica: which alias each request's statements used is counted on the real connections.
ROUTING = """
from django.db import connections
from django.test import Client
client = Client()
def used(method, url, *data):
    for alias in connections:
        connections[alias].force_debug_cursor = True
        connections[alias].queries_log.clear()
    response = getattr(client, method)(url, *data)
    counts = {alias: sum("pg_type" not in q["sql"] for q in connections[alias].queries) for alias in connections}
    return {"status": response.status_code, **counts}  # (pg_type: a new connection's own set-up)
used("get", "/regions/")  # the first visit computes the cached aggregates, on the primary (a replica may lag)
print(json.dumps({
    "regions": used("get", "/regions/"),
    "api": used("get", "/api/v1/regions"),
    "admin": used("get", "/admin/login/"),
    "login": used("post", "/admin/login/", {"username": "nobody", "password": "not-a-password"}),
}))
"""


@pytest.mark.django_db
def test_public_reads_go_to_the_replica_and_editors_pages_to_the_primary():
    database = connection.settings_dict
    url = f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}/{database['NAME']}"
    if connection.vendor != "postgresql" or not database.get("HOST"):
        pytest.skip("needs a PostgreSQL server reached by URL (DATABASE_URL)")
    result = _django(ROUTING, DATABASE_URL=url, DATABASE_REPLICA_URLS=url, DEBUG="1")
    assert result.returncode == 0, result.stderr[-3000:]
    used = json.loads(result.stdout.strip().splitlines()[-1])
    for page in ("regions", "api"):
        assert used[page]["status"] == 200
        assert used[page]["replica_1"] > 0 and used[page]["default"] == 0, used
    assert used["admin"]["replica_1"] == 0
    assert used["login"]["replica_1"] == 0 and used["login"]["default"] > 0, used
