"""The embedded PostgreSQL: whatever state a start finds it in — killed, a stale postmaster.pid, shutting down, started
twice at once, a folder of another user — it waits, recovers or explains in one sentence, and loses no committed row.
The last project process that holds it stops it."""
import os
import pwd
import signal
import subprocess
import sys
import time

import psutil
import psycopg
import pytest

import config.embedded_postgres as embedded
from config.embedded_postgres import EmbeddedDatabaseError, ensure_server, holders, release_server, server, stop_server
from tests.conftest import ROOT

DATABASE = "minsheng"


@pytest.fixture(scope="module")
def pgdata(tmp_path_factory):
    """One data folder for the module (initdb is slow); each test starts from whatever the previous one left."""
    path = (tmp_path_factory.mktemp("embedded") / "pgdata").resolve()
    ensure_server(str(path), DATABASE)
    with psycopg.connect(host=str(path), user="postgres", dbname=DATABASE, autocommit=True) as connection:
        connection.execute("CREATE TABLE kept (note text)")
        connection.execute("INSERT INTO kept VALUES ('committed before any trouble')")
    yield path
    server.stop(path)


@pytest.fixture
def other_program():
    """A live process that is not PostgreSQL, to hold a pid or a registration."""
    process = subprocess.Popen(["sleep", "300"])
    yield process
    process.kill()
    process.wait()


def _kept_rows(pgdata) -> list[str]:
    """Start the server however it was left, then read the committed row back."""
    socket_dir = ensure_server(str(pgdata), DATABASE)
    with psycopg.connect(host=socket_dir, user="postgres", dbname=DATABASE) as connection:
        return [note for (note,) in connection.execute("SELECT note FROM kept")]


def _postmaster_pid(pgdata) -> int:
    return server.read_postmaster(pgdata).pid


def _wait_until(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the condition never came true"
        time.sleep(0.1)


def test_it_says_what_to_set_when_the_embedded_server_cannot_start(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(EmbeddedDatabaseError, match="set DATABASE_URL=postgres://"):
        ensure_server(str(blocker / "pgdata"), DATABASE)


def test_it_refuses_a_folder_that_holds_something_else_with_one_sentence(tmp_path):
    (tmp_path / "pgdata").mkdir()
    (tmp_path / "pgdata" / "notes.txt").write_text("mine")
    with pytest.raises(EmbeddedDatabaseError, match="is not empty but holds no PostgreSQL data"):
        ensure_server(str(tmp_path / "pgdata"), DATABASE)
    assert (tmp_path / "pgdata" / "notes.txt").read_text() == "mine"


def test_it_restarts_after_the_server_is_killed_and_loses_no_committed_row(pgdata):
    killed = _postmaster_pid(pgdata)
    os.kill(killed, signal.SIGKILL)
    _wait_until(lambda: not psutil.pid_exists(killed))
    assert _kept_rows(pgdata) == ["committed before any trouble"]
    assert _postmaster_pid(pgdata) != killed


def test_it_starts_over_a_stale_pid_file_whose_pid_now_belongs_to_another_program(pgdata, other_program):
    """After a power cut the old pid may belong to anything; PostgreSQL then refuses its own lock file."""
    server.stop(pgdata)
    stale = [str(other_program.pid), str(pgdata), "1700000000", "5432", str(pgdata), "", "  5432001    0", "ready"]
    (pgdata / "postmaster.pid").write_text("\n".join(stale) + "\n")
    assert _kept_rows(pgdata) == ["committed before any trouble"]
    assert _postmaster_pid(pgdata) != other_program.pid
    assert other_program.poll() is None  # the other program is left alone


def test_it_starts_over_a_half_written_pid_file(pgdata):
    server.stop(pgdata)
    (pgdata / "postmaster.pid").write_text("")
    assert _kept_rows(pgdata) == ["committed before any trouble"]


def test_it_waits_for_a_server_that_is_shutting_down_then_starts_it_again(pgdata):
    """A smart shutdown waits for every client to leave; the new start must neither fail nor wait for that."""
    lingering = psycopg.connect(host=ensure_server(str(pgdata), DATABASE), user="postgres", dbname=DATABASE)
    old = _postmaster_pid(pgdata)
    os.kill(old, signal.SIGTERM)
    _wait_until(lambda: server.read_postmaster(pgdata).status == "stopping")
    assert _kept_rows(pgdata) == ["committed before any trouble"]
    assert _postmaster_pid(pgdata) != old
    lingering.close()


def test_two_processes_starting_at_once_share_one_server(pgdata):
    server.stop(pgdata)
    start = "import sys; from config.embedded_postgres import ensure_server; print(ensure_server(sys.argv[1], 'minsheng'))"
    processes = [
        subprocess.Popen([sys.executable, "-c", start, str(pgdata)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    results = [process.communicate(timeout=300) for process in processes]
    assert [process.returncode for process in processes] == [0, 0], results
    assert {out.strip() for out, _ in results} == {str(pgdata)}
    postmasters = [p for p in server.server_processes(pgdata) if "-D" in p.cmdline()]
    assert len(postmasters) == 1


def test_a_start_killed_half_way_is_finished_by_the_next(pgdata):
    """The process that starts the server may die (Ctrl-C, kill -9) while pg_ctl is still at work."""
    server.stop(pgdata)
    start = "import sys; from config.embedded_postgres import ensure_server; ensure_server(sys.argv[1], 'minsheng')"
    starter = subprocess.Popen([sys.executable, "-c", start, str(pgdata)], cwd=ROOT)
    _wait_until(lambda: (pgdata / "postmaster.pid").exists() or starter.poll() is not None)
    starter.kill()
    starter.wait()
    assert _kept_rows(pgdata) == ["committed before any trouble"]


def test_the_last_holder_out_stops_the_server_while_another_live_holder_keeps_it(pgdata, other_program):
    ensure_server(str(pgdata), DATABASE)  # this test run holds it (tests/conftest.py loads the holder plugin)
    with server.folder_lock(pgdata):
        holders.hold(pgdata, other_program.pid)
    sentence = release_server(str(pgdata), os.getpid())
    assert sentence == f"the embedded PostgreSQL in {pgdata} keeps running: sleep (pid {other_program.pid}) still uses it."
    assert server.is_running(pgdata, server.read_postmaster(pgdata))
    other_program.kill()
    other_program.wait()
    assert stop_server(str(pgdata)) == f"stopped the embedded PostgreSQL in {pgdata}."
    assert server.server_processes(pgdata) == []
    assert _kept_rows(pgdata) == ["committed before any trouble"]


@pytest.mark.skipif(os.geteuid() != 0, reason="acting as another user needs root")
def test_another_user_is_told_whose_folder_it_is_in_one_sentence(pgdata):
    ensure_server(str(pgdata), DATABASE)
    nobody = pwd.getpwnam("nobody")
    reader, writer = os.pipe()
    child = os.fork()  # not exec: this machine's interpreter lives under root's home, which nobody may not read
    if child == 0:
        try:
            os.setgid(nobody.pw_gid)
            os.setuid(nobody.pw_uid)
            embedded._ready.clear()
            try:
                ensure_server(str(pgdata), DATABASE)
                outcome = "started"
            except EmbeddedDatabaseError as error:
                outcome = str(error)
            except BaseException as error:
                outcome = f"{type(error).__name__}: {error}"
            os.write(writer, outcome.encode())
        finally:
            os._exit(0)
    os.close(writer)
    with os.fdopen(reader) as pipe:
        outcome = pipe.read()
    os.waitpid(child, 0)
    assert outcome == (
        f"the embedded PostgreSQL in {pgdata} belongs to pgserver, and this user (nobody) may not use it; "
        "run as pgserver, or set EMBEDDED_PGDATA to a folder of your own."
    )
    assert _kept_rows(pgdata) == ["committed before any trouble"]


def test_an_initdb_killed_half_way_is_redone_from_scratch(tmp_path):
    half_made = tmp_path / ".pgdata.initdb"
    half_made.mkdir()
    (half_made / "PG_VERSION").write_text("16\n")  # what a killed initdb leaves: looks started, is not usable
    pgdata = tmp_path / "pgdata"
    try:
        socket_dir = ensure_server(str(pgdata), DATABASE)
        with psycopg.connect(host=socket_dir, user="postgres", dbname=DATABASE) as connection:
            assert connection.execute("SELECT 1").fetchone() == (1,)
        assert not half_made.exists()
    finally:
        server.stop(pgdata.resolve())
