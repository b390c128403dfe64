"""The embedded PostgreSQL of one data folder: find, wait for, start and stop it with pgserver's binaries (no Django).

Every start and stop of a folder happens under one file lock (`<pgdata>.lock`), so two processes never start the same
server twice. Whatever state the folder is in — a server starting or shutting down, a `postmaster.pid` left by a
killed server or a power cut, a half-made folder from a killed `initdb` — a start waits, recovers or raises
`EmbeddedDatabaseError` with one sentence; it never deletes data.
"""
from __future__ import annotations

import fcntl
import functools
import hashlib
import importlib.util
import os
import pwd
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psutil

START_TIMEOUT = 120  # seconds pg_ctl may take to start, crash recovery after a kill included (slow on a busy machine)
SETTLE_TIMEOUT = 120  # seconds to wait for a server that another process is starting or shutting down
FAST_AFTER = 3  # seconds a "smart" shutdown may wait for its clients before we ask for a fast one (rolls back, loses nothing committed)
STOP_TIMEOUT = 60
POLL = 0.2
SERVER_USER_WHEN_ROOT = "pgserver"  # PostgreSQL refuses to run as root; pgserver's convention, kept for old folders


class EmbeddedDatabaseError(RuntimeError):
    """The embedded server could not be started or stopped; the message says why and what to do instead."""


@dataclass(frozen=True)
class Postmaster:
    """What `postmaster.pid` says: the server's pid, where its socket is, and its status
    (starting, ready, stopping, standby; empty while PostgreSQL is still writing the file)."""

    pid: int
    socket_dir: str
    port: int
    status: str


def read_postmaster(pgdata: Path) -> Postmaster | None:
    """The folder's `postmaster.pid`, or None when there is none."""
    try:
        lines = (pgdata / "postmaster.pid").read_text().splitlines()
    except FileNotFoundError:
        return None
    except PermissionError as error:
        raise EmbeddedDatabaseError(_not_yours(pgdata)) from error
    fields = [line.strip() for line in lines] + [""] * 8
    pid = int(fields[0]) if fields[0].isdigit() else 0
    port = int(fields[3]) if fields[3].isdigit() else 0
    return Postmaster(pid=pid, socket_dir=fields[4], port=port, status=fields[7])


def server_processes(pgdata: Path) -> list[psutil.Process]:
    """The PostgreSQL processes working in this folder (the postmaster and its children, which outlive a killed
    postmaster for a moment). A pid in a stale `postmaster.pid` that now belongs to another program is not one."""
    found = []
    for process in psutil.process_iter(["name", "cmdline"]):
        if process.info["name"] != "postgres":
            continue
        try:
            cwd = process.cwd()  # the postmaster and every child run in the data folder
        except (psutil.AccessDenied, psutil.NoSuchProcess, psutil.ZombieProcess):
            cwd = ""
        if cwd == str(pgdata) or str(pgdata) in (process.info["cmdline"] or []):
            found.append(process)
    return found


def is_running(pgdata: Path, postmaster: Postmaster | None) -> bool:
    """Does the pid in `postmaster.pid` belong to this folder's postmaster (not to a program that reused the pid)?"""
    if postmaster is None or not postmaster.pid:
        return False
    return any(process.pid == postmaster.pid for process in server_processes(pgdata))


_thread_locks: dict[Path, threading.RLock] = {}
_depth: dict[Path, int] = {}


@contextmanager
def folder_lock(pgdata: Path) -> Iterator[None]:
    """Serialise starts and stops of one data folder across processes (the kernel releases it if we are killed).
    Re-entrant within a process, so a stop can run inside the block that decided it."""
    with _thread_locks.setdefault(pgdata, threading.RLock()):
        if _depth.get(pgdata):
            _depth[pgdata] += 1
            try:
                yield
            finally:
                _depth[pgdata] -= 1
            return
        try:
            handle = open(pgdata.parent / f"{pgdata.name}.lock", "a")  # noqa: SIM115 - held for the block
        except PermissionError as error:
            raise EmbeddedDatabaseError(_not_yours(pgdata)) from error
        with handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            _depth[pgdata] = 1
            try:
                yield
            finally:
                _depth[pgdata] = 0
                fcntl.flock(handle, fcntl.LOCK_UN)


def ensure_running(pgdata: Path) -> Postmaster:
    """Start the folder's server unless it runs; wait for one that is starting or shutting down; return it ready."""
    with folder_lock(pgdata):
        deadline = time.monotonic() + SETTLE_TIMEOUT
        stopping_since: float | None = None
        started = False
        while True:
            postmaster = read_postmaster(pgdata)
            running = is_running(pgdata, postmaster)
            if running and postmaster.status in ("ready", "standby") and postmaster.socket_dir:
                return postmaster
            if running and postmaster.status == "stopping":
                # A smart shutdown waits for every client to leave; a new start must not wait for that.
                stopping_since = stopping_since or time.monotonic()
                if time.monotonic() - stopping_since > FAST_AFTER:
                    _signal(pgdata, postmaster.pid, signal.SIGINT)
            elif not running and not server_processes(pgdata):
                if started:
                    raise EmbeddedDatabaseError(f"the embedded PostgreSQL in {pgdata} stopped while starting{_log_tail(pgdata)}.")
                try:
                    _start(pgdata, postmaster)
                except EmbeddedDatabaseError:
                    # A server that has just exited may not be reaped yet: its socket lock still names a live pid.
                    if "already exists" not in _log_tail(pgdata, lines=3) or time.monotonic() > deadline:
                        raise
                else:
                    started = True
                    continue
            # Otherwise: starting, shutting down, or children of a killed postmaster still leaving — wait.
            if time.monotonic() > deadline:
                state = postmaster.status if running and postmaster.status else "left behind by a stopped server"
                raise EmbeddedDatabaseError(
                    f"the embedded PostgreSQL in {pgdata} is still {state} after {SETTLE_TIMEOUT} s "
                    f"(processes {_pids(pgdata)}); stop them, or run `make stop`, then start again."
                )
            time.sleep(POLL)


def stop(pgdata: Path) -> bool:
    """Stop the folder's server (fast: clients are disconnected, open transactions rolled back). False if none ran."""
    with folder_lock(pgdata):
        postmaster = read_postmaster(pgdata)
        if not is_running(pgdata, postmaster):
            return False
        try:
            _run("pg_ctl", ["-D", str(pgdata), "-m", "fast", "-w", "-t", str(STOP_TIMEOUT), "stop"], pgdata)
        except EmbeddedDatabaseError:
            # Immediate shutdown: the next start replays the WAL, so nothing committed is lost.
            _signal(pgdata, postmaster.pid, signal.SIGQUIT)
        deadline = time.monotonic() + STOP_TIMEOUT
        # Until its parent reaps it, the exited postmaster is a zombie whose pid still looks alive to PostgreSQL's
        # lock-file check, so a start at once would fail: wait for the pid itself to go.
        while (server_processes(pgdata) or psutil.pid_exists(postmaster.pid)) and time.monotonic() < deadline:
            time.sleep(POLL)
        return True


def _start(pgdata: Path, postmaster: Postmaster | None) -> None:
    if postmaster is not None:
        # No postgres works in this folder, so the file is stale (a kill -9 or a power cut). PostgreSQL would refuse
        # to start if its pid now belongs to another program.
        (pgdata / "postmaster.pid").unlink(missing_ok=True)
    if _server_user():
        for folder in pgdata.parents:  # the server's user must reach the folder (pytest's tmp folders are 0700)
            if folder.stat().st_mode & 0o001 == 0:
                folder.chmod(folder.stat().st_mode | 0o011)
    if not (pgdata / "PG_VERSION").exists():
        _initdb(pgdata)
    socket_dir = _socket_dir(pgdata)
    options = ["-o", '-h ""', "-o", f"-k {socket_dir}"]  # Unix socket only: no port to collide with
    log = pgdata / "log"
    _run("pg_ctl", ["-D", str(pgdata), "-w", "-t", str(START_TIMEOUT), *options, "-l", str(log), "start"], pgdata)


def _initdb(pgdata: Path) -> None:
    """Initialise in a sibling folder and rename it into place, so a killed initdb never leaves a half-made folder."""
    if pgdata.exists() and any(pgdata.iterdir()):
        raise EmbeddedDatabaseError(
            f"{pgdata} is not empty but holds no PostgreSQL data (no PG_VERSION); "
            "set EMBEDDED_PGDATA to another folder, or empty this one."
        )
    building = pgdata.parent / f".{pgdata.name}.initdb"
    shutil.rmtree(building, ignore_errors=True)  # an earlier initdb killed half-way
    building.mkdir(mode=0o700, parents=True)
    user = _server_user()
    if user:
        entry = pwd.getpwnam(user)
        os.chown(building, entry.pw_uid, entry.pw_gid)
    _run("initdb", ["-D", str(building), "--auth=trust", "--auth-local=trust", "--encoding=utf8", "-U", "postgres"], pgdata)
    if pgdata.exists():
        pgdata.rmdir()
    building.rename(pgdata)


def _run(tool: str, args: list[str], pgdata: Path) -> None:
    """Run one of pgserver's PostgreSQL programs (as the server's user when we are root); raise one sentence."""
    command = [str(_bin_dir() / tool), *args]
    try:
        result = subprocess.run(
            command, user=_server_user(), capture_output=True, text=True, timeout=START_TIMEOUT + 30, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise EmbeddedDatabaseError(f"{tool} failed for {pgdata} ({type(error).__name__}: {error})") from error
    if result.returncode != 0:
        lines = result.stderr.strip().splitlines() or [f"exit status {result.returncode}"]
        reason = next((line for line in lines if "error" in line.lower() or "fatal" in line.lower()), lines[-1])
        raise EmbeddedDatabaseError(f"{tool} failed for {pgdata} ({reason}){_log_tail(pgdata)}")


def _signal(pgdata: Path, pid: int, signum: int) -> None:
    try:
        os.kill(pid, signum)
    except ProcessLookupError:
        pass
    except PermissionError as error:
        raise EmbeddedDatabaseError(_not_yours(pgdata)) from error


@functools.cache
def _server_user() -> str | None:
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam(SERVER_USER_WHEN_ROOT)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", SERVER_USER_WHEN_ROOT], check=True, capture_output=True)
    _open_path_to(_bin_dir().parent)
    return SERVER_USER_WHEN_ROOT


def _open_path_to(install: Path) -> None:
    """The server's user must be able to reach pgserver's programs and libraries, even in a private venv of root's."""
    for folder in install.parents:
        mode = folder.stat().st_mode
        if mode & 0o005 != 0o005:
            folder.chmod(mode | 0o055)
    if (install / "bin" / "postgres").stat().st_mode & 0o001:
        return  # already open (the usual case)
    for root, dirs, files in os.walk(install):
        for name in dirs + files:
            target = Path(root) / name
            if not target.is_symlink():
                mode = target.stat().st_mode
                target.chmod(mode | 0o044 | (0o011 if target.is_dir() or mode & 0o100 else 0))


def _bin_dir() -> Path:
    spec = importlib.util.find_spec("pgserver")  # without importing it: its import starts platformdirs and a lock file
    if spec is None or not spec.submodule_search_locations:
        raise EmbeddedDatabaseError(
            "no DATABASE_URL is set and the embedded PostgreSQL (pgserver) is not installed; "
            "set DATABASE_URL=postgres://USER@HOST:5432/DBNAME or install the project with `make install`."
        )
    return Path(spec.submodule_search_locations[0]) / "pginstall" / "bin"


def _socket_dir(pgdata: Path) -> Path:
    """The data folder itself, unless its path is too long for a Unix socket (about 100 bytes)."""
    if len(str(pgdata / ".s.PGSQL.5432").encode()) < 100:
        return pgdata
    short = Path("/tmp") / f"minsheng-pg-{hashlib.sha256(str(pgdata).encode()).hexdigest()[:12]}"
    short.mkdir(mode=0o700, exist_ok=True)
    user = _server_user()
    if user:
        entry = pwd.getpwnam(user)
        os.chown(short, entry.pw_uid, entry.pw_gid)
    return short


def _log_tail(pgdata: Path, lines: int = 1) -> str:
    try:
        with open(pgdata / "log", "rb") as log:
            log.seek(max(0, log.seek(0, os.SEEK_END) - 4096))  # the end is enough; the log grows across starts
            found = [line.strip() for line in log.read().decode(errors="replace").splitlines() if line.strip()]
    except OSError:
        return ""
    return f"; its log ends: {' / '.join(found[-lines:])}" if found else ""


def _pids(pgdata: Path) -> str:
    return ", ".join(str(process.pid) for process in server_processes(pgdata)) or "none"


def _not_yours(pgdata: Path) -> str:
    try:
        owner = pwd.getpwuid(pgdata.stat().st_uid).pw_name
    except (OSError, KeyError):
        owner = "another user"
    return (
        f"the embedded PostgreSQL in {pgdata} belongs to {owner}, and this user ({pwd.getpwuid(os.geteuid()).pw_name}) "
        f"may not use it; run as {owner}, or set EMBEDDED_PGDATA to a folder of your own."
    )
