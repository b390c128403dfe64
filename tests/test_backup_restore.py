"""docs/operations.md's backup and restore, for real: pg_dump -Fc of the seeded database, pg_restore into a fresh one,
every table's rows and content and every sequence the same, and the restored schema current for `migrate`."""
import os
import shutil
import subprocess
import sys
import uuid

import psycopg
import pytest
from django.db import connection

from articles.models import Article
from tests.conftest import ROOT

pytestmark = pytest.mark.django_db

CONTENTS = """
SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname
"""


def _server() -> dict:
    """Connection parameters of the test database, or a skip saying why the round trip cannot run here."""
    settings = connection.settings_dict
    if settings["ENGINE"] != "django.db.backends.postgresql" or not settings["HOST"]:
        pytest.skip("backup round trip needs a PostgreSQL server by DATABASE_URL (not the embedded one)")
    for binary in ("pg_dump", "pg_restore"):
        if not shutil.which(binary):
            pytest.skip(f"{binary} is not installed (apt-get install -y postgresql-client): backup round trip skipped")
    client = int(subprocess.run(["pg_dump", "--version"], capture_output=True, text=True).stdout.split()[-1].split(".")[0])
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        server = int(cursor.fetchone()[0]) // 10000
    if client < server:
        pytest.skip(f"pg_dump {client} cannot dump a PostgreSQL {server} server: backup round trip skipped")
    return {"host": settings["HOST"], "port": str(settings["PORT"] or 5432), "user": settings["USER"],
            "password": settings["PASSWORD"] or "", "dbname": settings["NAME"]}


def _fingerprint(params: dict) -> dict[str, tuple]:
    """Per table: its row count and an md5 of all its rows' text; per sequence: its last value."""
    result = {}
    with psycopg.connect(**params) as db:
        tables = [row[0] for row in db.execute(CONTENTS)]
        for table in tables:
            query = f'SELECT count(*), md5(coalesce(string_agg(t::text, \'|\' ORDER BY t::text), \'\')) FROM "{table}" t'
            result[table] = tuple(db.execute(query).fetchone())
        for name, last_value in db.execute("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'"):
            result[f"sequence {name}"] = (last_value,)
    return result


def _run(command: list[str], params: dict, **env: str) -> None:
    environment = {**os.environ, "PGPASSWORD": params["password"], **env}
    result = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True)
    assert result.returncode == 0, f"{' '.join(command)}\n{result.stdout}\n{result.stderr}"


def test_a_dump_restored_into_a_fresh_database_holds_the_same_data(tmp_path):
    source = _server()
    assert Article.objects.exists()  # the seed pages, ingested and committed when the test database was created
    target = {**source, "dbname": f"{source['dbname']}_restored_{uuid.uuid4().hex[:8]}"}
    connection_args = ["-h", source["host"], "-p", source["port"], "-U", source["user"]]
    dump = tmp_path / "minsheng.dump"
    maintenance = {**source, "dbname": "postgres"}
    _run(["pg_dump", "-Fc", "--no-owner", *connection_args, "-d", source["dbname"], "-f", str(dump)], source)
    with psycopg.connect(**maintenance, autocommit=True) as db:
        db.execute(f'CREATE DATABASE "{target["dbname"]}"')
    try:
        _run(["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", *connection_args,
              "-d", target["dbname"], str(dump)], source)
        before, after = _fingerprint(source), _fingerprint(target)
        assert before[Article._meta.db_table][0] == Article.objects.count() > 0
        assert after == before
        password = f":{target['password']}" if target["password"] else ""
        url = f"postgres://{target['user']}{password}@{target['host']}:{target['port']}/{target['dbname']}"
        _run([sys.executable, "manage.py", "migrate", "--check"], target, DATABASE_URL=url)
    finally:
        with psycopg.connect(**maintenance, autocommit=True) as db:
            db.execute(f'DROP DATABASE IF EXISTS "{target["dbname"]}" WITH (FORCE)')
