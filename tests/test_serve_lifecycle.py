"""`make run` (bin/serve) as one program: a second start says in one sentence what is in use; Ctrl-C or SIGTERM stops
gunicorn and the embedded PostgreSQL it started, unless another project process still uses it; `make stop` cleans up."""
import os
import signal
import socket
import subprocess
import sys
import time

import pytest

from config.embedded_postgres import holders, server
from tests.conftest import ROOT

START_WAIT = 600  # seconds: migrations and the gazetteer load on a busy two-core machine


@pytest.fixture(scope="module")
def var_dir(tmp_path_factory):
    """One var folder (secret key, embedded database) for the module: later starts skip the first migration."""
    path = tmp_path_factory.mktemp("serve-var").resolve()
    yield path
    server.stop(path / "pgdata")


@pytest.fixture
def port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _environment(var_dir, port) -> dict:
    environment = {key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "MINSHENG_DB_HOLDER")}
    environment.update(MINSHENG_VAR_DIR=str(var_dir), PORT=str(port), SEED_PAGES="", PYTHON=sys.executable)
    return environment


def _start(var_dir, port, log) -> subprocess.Popen:
    """bin/serve in its own process group, as a terminal runs `make run` (Ctrl-C goes to the whole group)."""
    return subprocess.Popen(
        ["./bin/serve"], cwd=ROOT, env=_environment(var_dir, port), stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )


def _wait_for(path, text: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_WAIT
    while text not in path.read_text():
        assert process.poll() is None, path.read_text()
        assert time.monotonic() < deadline, path.read_text()
        time.sleep(0.2)


def _run_again(var_dir, port) -> subprocess.CompletedProcess:
    return subprocess.run(["./bin/serve"], cwd=ROOT, env=_environment(var_dir, port), capture_output=True, text=True, timeout=120)


def _lifecycle(var_dir, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "config.lifecycle", *args],
        cwd=ROOT, env=_environment(var_dir, 0), capture_output=True, text=True, timeout=120,
    )


def test_a_second_start_says_what_is_in_use_and_ctrl_c_stops_gunicorn_and_the_database(var_dir, port, tmp_path):
    output = tmp_path / "serve.log"
    with output.open("w") as log:
        first = _start(var_dir, port, log)
        try:
            _wait_for(output, f"serving on http://127.0.0.1:{port}/", first)

            same_folder = _run_again(var_dir, port + 1)
            assert same_folder.returncode == 1
            assert same_folder.stderr == (
                f"minsheng: Minsheng is already running from this folder (pid {first.pid}, data in {var_dir}); "
                "use that one, or stop it with `make stop`.\n"
            )

            same_port = _run_again(tmp_path / "another-var", port)
            assert same_port.returncode == 1
            assert same_port.stderr == (
                f"minsheng: port {port} on 127.0.0.1 is in use by another program; "
                f"start on another port with PORT={port + 1} make run.\n"
            )

            os.killpg(first.pid, signal.SIGINT)
            first.wait(timeout=120)
        finally:
            if first.poll() is None:
                os.killpg(first.pid, signal.SIGKILL)
    text = output.read_text()
    assert f"stopped the embedded PostgreSQL in {var_dir / 'pgdata'}." in text
    assert "Traceback" not in text
    assert server.server_processes(var_dir / "pgdata") == []
    assert _lifecycle(var_dir, "stop").stdout == "minsheng: nothing of Minsheng was running from this folder.\n"


def test_sigterm_leaves_the_database_to_a_test_run_that_still_uses_it_and_make_stop_stops_it_after(var_dir, port, tmp_path):
    pgdata = var_dir / "pgdata"
    test_run = subprocess.Popen(["sleep", "300"])  # stands for a test run registered on the same server
    try:
        server.ensure_running(pgdata)
        with server.folder_lock(pgdata):
            holders.hold(pgdata, test_run.pid)
        output = tmp_path / "serve.log"
        with output.open("w") as log:
            site = _start(var_dir, port, log)
            _wait_for(output, "serving on", site)
            os.killpg(site.pid, signal.SIGTERM)
            site.wait(timeout=120)
        assert f"keeps running: sleep (pid {test_run.pid}) still uses it." in output.read_text()
        assert server.is_running(pgdata, server.read_postmaster(pgdata))
    finally:
        test_run.kill()
        test_run.wait()
    stopped = _lifecycle(var_dir, "stop")
    assert stopped.stdout == f"minsheng: stopped the embedded PostgreSQL in {pgdata}.\n"
    assert server.server_processes(pgdata) == []
    assert _lifecycle(var_dir, "stop").stdout == "minsheng: nothing of Minsheng was running from this folder.\n"


def test_ctrl_c_while_preparing_the_database_stops_it_without_a_traceback(var_dir, port, tmp_path):
    output = tmp_path / "serve.log"
    with output.open("w") as log:
        site = _start(var_dir, port, log)
        _wait_for(output, "preparing the database", site)
        deadline = time.monotonic() + START_WAIT
        while not server.server_processes(var_dir / "pgdata") and time.monotonic() < deadline:
            time.sleep(0.1)
        os.killpg(site.pid, signal.SIGINT)
        assert site.wait(timeout=120) != 0
    assert "Traceback" not in output.read_text()
    assert server.server_processes(var_dir / "pgdata") == []
