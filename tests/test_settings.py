"""Settings come from the environment and refuse unsafe or malformed values."""
import os
import subprocess
import sys

from tests.conftest import ROOT


def _load_settings(**env: str) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "DEBUG", "SECRET_KEY_FILE"}}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import config.settings"], cwd=ROOT, env=environment, capture_output=True, text=True
    )


def test_it_refuses_production_mode_without_a_secret_key():
    result = _load_settings(DEBUG="0", SECRET_KEY_FILE="/nonexistent/secret_key")
    assert result.returncode != 0
    assert "SECRET_KEY is not set and DEBUG is off" in result.stderr


def test_it_starts_in_production_mode_with_a_secret_key():
    result = _load_settings(DEBUG="0", SECRET_KEY="x" * 50, SECRET_KEY_FILE="/nonexistent/secret_key")
    assert result.returncode == 0, result.stderr


def test_it_refuses_a_malformed_boolean():
    result = _load_settings(DEBUG="maybe", SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "DEBUG='maybe' is not a boolean" in result.stderr


def test_it_refuses_a_database_url_that_is_not_postgres():
    result = _load_settings(SECRET_KEY="x" * 50, DATABASE_URL="sqlite:///db.sqlite3")
    assert result.returncode != 0
    assert "DATABASE_URL must point to PostgreSQL" in result.stderr
