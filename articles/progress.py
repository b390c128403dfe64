"""A dependency-free progress bar for management commands (redrawn in place on a terminal, one line per step
otherwise), with the rate and the time left."""
from __future__ import annotations

import time
from typing import TextIO


class ProgressBar:
    def __init__(self, total: int, out: TextIO, width: int = 30, unit: str = "pages"):
        self.total = max(total, 0)
        self.out = out
        self.width = width
        self.unit = unit
        self.done = 0
        self.started = time.monotonic()
        self.interactive = bool(getattr(out, "isatty", lambda: False)())

    @property
    def rate(self) -> float:
        """Steps per second since the bar was made."""
        elapsed = time.monotonic() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    def step(self, label: str) -> None:
        self.done += 1
        filled = self.width * self.done // self.total if self.total else self.width
        bar = "#" * filled + "-" * (self.width - filled)
        rate = self.rate
        left = (self.total - self.done) / rate if rate > 0 else 0.0
        line = f"[{bar}] {self.done}/{self.total} {label} · {rate:.1f} {self.unit}/s, ETA {_clock(left)}"
        if self.interactive:
            self.out.write("\r\033[K" + line)
            if self.done == self.total:
                self.out.write("\n")
        else:
            self.out.write(line + "\n")
        self.out.flush()

    def elapsed(self) -> str:
        return _clock(time.monotonic() - self.started)


def _clock(seconds: float) -> str:
    seconds = int(round(seconds))
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
