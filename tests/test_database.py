"""A database that cannot be reached stops manage.py and gunicorn with one sentence saying what to set."""
import os
import subprocess
import sys

import pytest

from config.database import masked_url, short_reason, unreachable_message
from tests.conftest import ROOT

CLOSED = "postgres://postgres:hunter2@127.0.0.1:1/minsheng"


def _run(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "SECRET_KEY": "x" * 50, "DATABASE_URL": CLOSED, **env}
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("command", [["migrate", "--noinput"], ["ingest", "fixtures/pages"]])
def test_a_command_says_in_one_sentence_which_database_it_cannot_reach(command):
    result = _run("manage.py", *command)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == (
        "minsheng: database connection failed: DATABASE_URL=postgres://postgres:***@127.0.0.1:1/minsheng cannot be "
        "reached (Connection refused); check DATABASE_URL, or unset it to use the embedded PostgreSQL."
    )


def test_gunicorn_stops_before_serving_with_the_same_sentence():
    result = _run("-m", "gunicorn", "-c", "config/gunicorn.conf.py", PORT="1")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "minsheng: database connection failed: DATABASE_URL=postgres://postgres:***@127.0.0.1:1/minsheng" in result.stderr
    assert "hunter2" not in result.stderr


def test_the_password_is_never_printed():
    assert masked_url("postgres://u:secret@db.example:5433/x?sslmode=require") == "postgres://u:***@db.example:5433/x?sslmode=require"
    assert masked_url("postgres://u@127.0.0.1/x") == "postgres://u@127.0.0.1/x"


def test_the_reason_is_the_driver_s_last_word():
    error = Exception('connection failed: connection to server at "127.0.0.1", port 1 failed: Connection refused\n\tIs the server running?')
    assert short_reason(error) == "Connection refused"
    assert short_reason(Exception('connection failed: FATAL:  database "x" does not exist')) == 'database "x" does not exist'


def test_without_database_url_it_names_the_embedded_server_and_what_to_set():
    message = unreachable_message(Exception("no socket"), database_url="", pgdata="/srv/pgdata")
    assert "embedded PostgreSQL in /srv/pgdata" in message and "set DATABASE_URL=postgres://" in message
