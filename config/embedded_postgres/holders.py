"""Which project processes use a folder's embedded PostgreSQL (`<pgdata>.holders.json`), so the last one out stops it.

A holder is a process (pid and start time, so that a reused pid does not count) that registered when it first needed
the server: `bin/serve` (registers its own pid, which becomes gunicorn's), a test run, a `manage.py` command. Entries
of processes that have ended are dropped whenever the file is read. Callers hold `server.folder_lock`.
"""
from __future__ import annotations

import json
from pathlib import Path

import psutil


def holders_file(pgdata: Path) -> Path:
    return pgdata.parent / f"{pgdata.name}.holders.json"


def hold(pgdata: Path, pid: int) -> None:
    """Register `pid` as using the server of `pgdata` (idempotent)."""
    entries = live_holders(pgdata)
    started = _start_time(pid)
    if started is not None and not any(entry["pid"] == pid for entry in entries):
        entries.append({"pid": pid, "started": started})
    _write(pgdata, entries)


def release(pgdata: Path, pid: int) -> list[dict]:
    """Unregister `pid`; return the holders still alive."""
    entries = [entry for entry in live_holders(pgdata) if entry["pid"] != pid]
    _write(pgdata, entries)
    return entries


def live_holders(pgdata: Path) -> list[dict]:
    """The registered processes still running (a damaged file counts as empty: it only ever delays a stop)."""
    try:
        entries = json.loads(holders_file(pgdata).read_text())
    except (OSError, ValueError):
        return []
    if not isinstance(entries, list):
        return []
    return [
        entry
        for entry in entries
        if isinstance(entry, dict) and isinstance(entry.get("pid"), int) and _is_alive(entry["pid"], entry.get("started"))
    ]


def describe(entry: dict) -> str:
    """'gunicorn (pid 123)': what a holder is, for a message."""
    try:
        command = psutil.Process(entry["pid"]).cmdline()
    except (psutil.Error, OSError):
        command = []
    if command and Path(command[0]).name.startswith("python"):
        command = command[2:] if command[1:2] == ["-m"] else command[1:]
    words = [Path(command[0]).name] if command else ["a process"]
    if words[0] == "manage.py":
        words += command[1:2]  # the subcommand: "manage.py shell"
    return f"{' '.join(words)} (pid {entry['pid']})"


def _write(pgdata: Path, entries: list[dict]) -> None:
    path = holders_file(pgdata)
    if not entries:
        path.unlink(missing_ok=True)
        return
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(entries))
    temporary.replace(path)  # atomic: a killed writer never leaves half a file


def _start_time(pid: int) -> float | None:
    try:
        return psutil.Process(pid).create_time()
    except psutil.Error:
        return None


def _is_alive(pid: int, started: object) -> bool:
    now = _start_time(pid)
    return now is not None and isinstance(started, int | float) and abs(now - started) < 1.0
