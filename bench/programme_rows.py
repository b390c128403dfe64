"""Print the programmes row of bench/extraction_quality.py for every corpus, to check that a programme rule lowers
none of them (issue 15). Usage: nice -n 10 .venv/bin/python bench/programme_rows.py [--with-reserve4]

reserve5 is never run: it is kept aside, unread, for the next check."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ["", "--real", "--reserve", "--reserve2", "--reserve3", "--unseen", "--heldout", "--blind"]


def programme_row(flag: str) -> str:
    """The `programs` line of one corpus's overall table."""
    command = [sys.executable, str(ROOT / "bench" / "extraction_quality.py"), *([flag] if flag else [])]
    output = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return next(line for line in output.splitlines() if line.startswith("programs "))


def main() -> None:
    corpora = CORPORA + (["--reserve4"] if "--with-reserve4" in sys.argv[1:] else [])
    print(f"{'corpus':<11} {'type':<18} gold  pred    TP precision  recall     F1")
    for flag in corpora:
        print(f"{flag or 'seeds':<11} {programme_row(flag)}")


if __name__ == "__main__":
    main()
