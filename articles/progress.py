"""A dependency-free progress bar for management commands (redrawn in place on a terminal, one line per step otherwise)."""
from __future__ import annotations

from typing import TextIO


class ProgressBar:
    def __init__(self, total: int, out: TextIO, width: int = 30):
        self.total = max(total, 0)
        self.out = out
        self.width = width
        self.done = 0
        self.interactive = bool(getattr(out, "isatty", lambda: False)())

    def step(self, label: str) -> None:
        self.done += 1
        filled = self.width * self.done // self.total if self.total else self.width
        bar = "#" * filled + "-" * (self.width - filled)
        line = f"[{bar}] {self.done}/{self.total} {label}"
        if self.interactive:
            self.out.write("\r\033[K" + line)
            if self.done == self.total:
                self.out.write("\n")
        else:
            self.out.write(line + "\n")
        self.out.flush()
