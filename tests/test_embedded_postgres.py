"""The embedded PostgreSQL: a clear one-sentence error when it cannot start."""
import pytest

from config.embedded_postgres import EmbeddedDatabaseError, ensure_server


def test_it_says_what_to_set_when_the_embedded_server_cannot_start(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(EmbeddedDatabaseError, match="set DATABASE_URL=postgres://"):
        ensure_server(str(blocker / "pgdata"), "minsheng")
