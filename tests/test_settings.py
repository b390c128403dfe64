"""Settings come from the environment and refuse unsafe or malformed values."""
import os
import secrets
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


def _production_environment() -> dict[str, str]:
    """The production settings documented in docs/deployment.md (its first sh block), with a real random key."""
    text = (ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")
    block = text.split("```sh\n", 1)[1].split("```", 1)[0]
    env = dict(line.split("=", 1) for line in block.splitlines() if "=" in line)
    env["SECRET_KEY"] = secrets.token_urlsafe(50)
    return env


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    # DJANGO_ALLOW_ASYNC_UNSAFE is the browser tests' (tests/browser/conftest.py), never production's.
    dropped = {"SECRET_KEY", "DEBUG", "SECRET_KEY_FILE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {key: value for key, value in os.environ.items() if key not in dropped}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True
    )


def test_check_deploy_is_clean_with_the_documented_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **_production_environment())
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_names_what_production_lacks_with_the_defaults():
    result = _manage("check", "--deploy", DEBUG="0", SECRET_KEY=secrets.token_urlsafe(50))
    for check in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert check in result.stderr


def _setting(name: str, **env: str) -> str:
    code = f"import config.settings as s; print(repr(s.{name}))"
    environment = {**os.environ, "SECRET_KEY": "x" * 50, **env}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_proxy_header_is_trusted_only_when_set():
    assert _setting("SECURE_PROXY_SSL_HEADER") == "None"
    assert _setting("SECURE_PROXY_SSL_HEADER", SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO,https") == (
        "('HTTP_X_FORWARDED_PROTO', 'https')"
    )


def test_it_refuses_a_proxy_header_without_its_value():
    result = _load_settings(SECRET_KEY="x" * 50, SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO")
    assert result.returncode != 0
    assert "must be 2 comma-separated values" in result.stderr


def test_a_star_in_cors_allowed_origins_allows_any_origin():
    assert _setting("CORS_ALLOW_ALL_ORIGINS", CORS_ALLOWED_ORIGINS="*") == "True"
    assert _setting("CORS_ALLOW_ALL_ORIGINS", CORS_ALLOWED_ORIGINS="https://example.org") == "False"
    assert _setting("CORS_ALLOWED_ORIGINS", CORS_ALLOWED_ORIGINS="https://example.org") == "['https://example.org']"


def test_login_throttling_reads_its_limits_from_the_environment():
    assert _setting("AXES_FAILURE_LIMIT", AXES_FAILURE_LIMIT="3") == "3"
    assert _setting("AXES_COOLOFF_TIME", AXES_COOLOFF_MINUTES="10") == "datetime.timedelta(seconds=600)"
