"""Shared fixtures: the test database is migrated once and loaded with the seed pages, as `make run` loads them."""
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = ROOT / "fixtures" / "pages"
SEED_PAGES = sorted(SEED_DIR.glob("*.txt"))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every database test starts from the gazetteer and the five seed pages (each test runs in a rolled-back transaction)."""
    with django_db_blocker.unblock():
        call_command("load_regions", verbosity=0)
        call_command("ingest", str(SEED_DIR), stdout=_Null(), stderr=_Null())


class _Null:
    def write(self, *_):
        pass

    def flush(self):
        pass

    def isatty(self):
        return False
