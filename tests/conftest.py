"""Shared fixtures: the test database is migrated once and loaded with the seed pages, as `make run` loads them."""
import os
import tempfile
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = ROOT / "fixtures" / "pages"
SEED_PAGES = sorted(SEED_DIR.glob("*.txt"))

pytest_plugins = ["config.embedded_postgres.pytest_plugin"]  # the run holds, then stops, the embedded PostgreSQL


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every database test starts from the gazetteer and the five seed pages (each test runs in a rolled-back transaction)."""
    with django_db_blocker.unblock():
        call_command("load_reference_data", stdout=_Null())
        call_command("ingest", str(SEED_DIR), stdout=_Null(), stderr=_Null())


@pytest.fixture(scope="module")
def reseed_after_module(django_db_blocker):
    """Tests that commit (live server, Celery worker) leave the database emptied: put the gazetteer and the seed pages
    back so the tests that follow see the same corpus."""
    yield
    from django.db import connection

    with django_db_blocker.unblock():
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents:
            connection.creation.deserialize_db_from_string(contents)
        call_command("load_reference_data", stdout=_Null())
        call_command("ingest", str(SEED_DIR), stdout=_Null(), stderr=_Null())
        # While Playwright runs, the ORM here works in a context of its own (asgiref locals follow the greenlet's
        # context), so this connection is not the session's: close it, or it would keep the test database busy.
        connection.close()


TEST_CACHE_DIR = Path(tempfile.mkdtemp(prefix="minsheng-test-cache-"))


def pytest_sessionstart(session):
    """WhiteNoise serves STATIC_ROOT and warns when it is missing; before any `collectstatic` it is an empty folder.
    The cache of this run (and of the commands it starts) lives in a folder of its own, never in var/cache where
    `make run` keeps the site's."""
    from django.conf import settings

    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
    os.environ["CACHE_DIR"] = str(TEST_CACHE_DIR)


@pytest.fixture(autouse=True)
def _static_files_without_collectstatic(settings):
    """Production serves hashed files collected by `collectstatic`; tests read them straight from the apps."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


class _Null:
    def write(self, *_):
        pass

    def flush(self):
        pass

    def isatty(self):
        return False


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    """Each test rolls its rows back, and some write rows in bulk around the services: the cached aggregates
    (articles/summaries.py) of one test must not answer the next. The file cache is the run's own folder (set here,
    before it is cleared, so that the clearing and the test use the same one)."""
    from django.core.cache import cache

    if "filebased" in settings.CACHES["default"]["BACKEND"]:
        settings.CACHES = {"default": {**settings.CACHES["default"], "LOCATION": str(TEST_CACHE_DIR)}}

    cache.clear()
    yield
    cache.clear()
