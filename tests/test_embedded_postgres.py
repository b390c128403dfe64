"""The embedded PostgreSQL: a clear one-sentence error when it cannot start."""
import pytest

from config.embedded_postgres import EmbeddedDatabaseError, ensure_server


def test_it_says_what_to_set_when_the_embedded_server_cannot_start(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(EmbeddedDatabaseError, match="set DATABASE_URL=postgres://"):
        ensure_server(str(blocker / "pgdata"), "minsheng")


def test_it_looks_again_when_pgserver_trips_over_a_half_written_pid_file(tmp_path, monkeypatch):
    import config.embedded_postgres as embedded

    calls = []

    class FlakyPgserver:
        @staticmethod
        def get_server(path, cleanup_mode=None):
            calls.append(path)
            if len(calls) < 3:
                raise AssertionError
            return "server"

    monkeypatch.setattr(embedded.time, "sleep", lambda seconds: None)
    assert embedded._started(FlakyPgserver, tmp_path) == "server"
    assert len(calls) == 3


def test_it_gives_up_after_a_few_attempts(tmp_path, monkeypatch):
    import config.embedded_postgres as embedded

    class BrokenPgserver:
        @staticmethod
        def get_server(path, cleanup_mode=None):
            raise AssertionError

    monkeypatch.setattr(embedded.time, "sleep", lambda seconds: None)
    with pytest.raises(AssertionError):
        embedded._started(BrokenPgserver, tmp_path)
