"""Start and stop checks of `make run` / `make stop`: one sentence when the site already runs, and a clean stop.

    python -m config.lifecycle preflight PID # bin/serve, before anything: exit 1 with one sentence if the port or
                                             # this folder's site is already taken; else record PID as the site
    python -m config.lifecycle release PID   # bin/serve interrupted before gunicorn: stop the database it started
    python -m config.lifecycle stop          # make stop: the site of this folder, then the embedded PostgreSQL
"""
from __future__ import annotations

import errno
import os
import signal
import socket
import sys
from pathlib import Path

import psutil

STOP_WAIT = 30  # seconds gunicorn gets for a graceful stop before `make stop` gives up on it


def site_pidfile() -> Path:
    """The pid of this folder's `bin/serve`, which `exec`s gunicorn and so stays the pid of the running site."""
    from django.conf import settings

    return Path(settings.VAR_DIR) / "minsheng.pid"


def running_site(pidfile: Path) -> tuple[int, str] | None:
    """(pid, "starting" or "running") of the site that wrote `pidfile`, if it still runs; a pid file left by a
    killed site, or whose pid now belongs to another program, does not count."""
    try:
        pid = int(pidfile.read_text().strip())
        command = " ".join(psutil.Process(pid).cmdline())
    except (OSError, ValueError, psutil.Error):
        return None
    if "gunicorn" in command:
        return pid, "running"
    if "bin/serve" in command:
        return pid, "starting"
    return None


def port_problem(host: str, port: int) -> str | None:
    """One sentence when `host:port` cannot be bound (gunicorn would retry for several seconds, then fail)."""
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as gunicorn does: TIME_WAIT is no conflict
            probe.bind((host.strip("[]"), port))
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            return f"port {port} on {host} is in use by another program; start on another port with PORT={port + 1} make run."
        return f"cannot listen on {host}:{port} ({error.strerror}); set HOST and PORT to an address of this machine."
    return None


def preflight(host: str, port: int, pid: int) -> str | None:
    """None, after recording `pid` as this folder's site, when nothing is in the way; else one sentence."""
    pidfile = site_pidfile()
    site = running_site(pidfile)
    if site is not None:
        other, state = site
        advice = "use that one" if state == "running" else "wait for it"
        return (
            f"Minsheng is already {state} from this folder (pid {other}, data in {pidfile.parent}); "
            f"{advice}, or stop it with `make stop`."
        )
    problem = port_problem(host, port)
    if problem is None:
        pidfile.parent.mkdir(parents=True, exist_ok=True)
        pidfile.write_text(f"{pid}\n")
    return problem


def stop() -> list[str]:
    """Stop this folder's site (it releases the database itself), then the embedded PostgreSQL if nobody uses it."""
    from django.conf import settings

    from config.embedded_postgres import stop_server

    said = []
    site = running_site(site_pidfile())
    if site is not None:
        pid = site[0]
        os.kill(pid, signal.SIGTERM)  # gunicorn stops gracefully; bin/serve, still preparing, releases the database
        try:
            psutil.Process(pid).wait(STOP_WAIT)
        except psutil.TimeoutExpired:
            said.append(f"the site (pid {pid}) is still stopping after {STOP_WAIT} s.")
        except psutil.NoSuchProcess:
            pass
        if not said:
            said.append(f"stopped the site (pid {pid}).")
    if not settings.DATABASE_URL:
        sentence = stop_server(settings.EMBEDDED_PGDATA)
        if sentence:
            said.append(sentence)
    return said or ["nothing of Minsheng was running from this folder."]


def main(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from config.embedded_postgres import EmbeddedDatabaseError, release_server

    command = argv[1] if len(argv) > 1 else ""
    try:
        if command == "preflight":
            if len(argv) != 3 or not argv[2].isdigit():
                raise SystemExit("usage: python -m config.lifecycle preflight PID")
            problem = preflight(os.environ.get("HOST", "127.0.0.1"), int(os.environ.get("PORT", "8000")), int(argv[2]))
            if problem:
                print(f"minsheng: {problem}", file=sys.stderr)
                return 1
            return 0
        if command == "release" and len(argv) == 3 and argv[2].isdigit():
            from django.conf import settings

            if not settings.DATABASE_URL:
                sentence = release_server(settings.EMBEDDED_PGDATA, int(argv[2]))
                if sentence:
                    print(f"minsheng: {sentence}")
            return 0
        if command == "stop":
            for sentence in stop():
                print(f"minsheng: {sentence}")
            return 0
    except EmbeddedDatabaseError as error:
        print(f"minsheng: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    print("usage: python -m config.lifecycle preflight PID | release PID | stop", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
