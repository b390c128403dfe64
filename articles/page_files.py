"""Read a page file from disk safely: regular files only, size checked before reading, never more than the limit."""
from __future__ import annotations

import os
import stat
from pathlib import Path


class UnreadablePage(ValueError):
    """A path that is not read as a page; `reason` and `reason_zh` say why in one sentence."""

    def __init__(self, reason: str, reason_zh: str):
        super().__init__(reason)
        self.reason = reason
        self.reason_zh = reason_zh


def too_large(size: int, limit: int) -> UnreadablePage:
    return UnreadablePage(
        f"the file is {size} bytes, more than the {limit} allowed for a page",
        f"文件有 {size} 字节，超过单个版面允许的 {limit} 字节",
    )


def read_page_file(path: Path, *, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; anything else raises UnreadablePage without reading it.

    A FIFO, a device (/dev/zero) or a socket would block or never end: they are refused from their metadata, and the
    file is opened non-blocking so that one swapped in after the check cannot hang the reader either.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise UnreadablePage(
                f"a broken symbolic link to {os.readlink(path)}", f"失效的符号链接，指向 {os.readlink(path)}"
            ) from None
        raise UnreadablePage("no such file", "文件不存在") from None
    except OSError as error:
        raise UnreadablePage(f"cannot be read ({error.strerror or error})", f"无法读取（{error.strerror or error}）") from None
    _check_regular(info.st_mode)
    if info.st_size > limit:
        raise too_large(info.st_size, limit)
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise UnreadablePage(f"cannot be read ({error.strerror or error})", f"无法读取（{error.strerror or error}）") from None
    with os.fdopen(descriptor, "rb") as handle:
        _check_regular(os.fstat(handle.fileno()).st_mode)
        raw = handle.read(limit + 1)  # one byte more tells a file that grew past the limit since the check
    if len(raw) > limit:
        raise too_large(len(raw), limit)
    return raw


def _check_regular(mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        what, what_zh = "a folder", "文件夹"
    elif stat.S_ISFIFO(mode):
        what, what_zh = "a named pipe (FIFO)", "命名管道（FIFO）"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        what, what_zh = "a device", "设备文件"
    elif stat.S_ISSOCK(mode):
        what, what_zh = "a socket", "套接字"
    else:
        what, what_zh = "not a regular file", "特殊文件"
    raise UnreadablePage(f"{what}, not a regular file", f"是{what_zh}，不是普通文件")


def page_files_in(folder: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Files under `folder` (hidden ones left out), and the symbolic links that were skipped with the reason.

    Links are followed only when they point inside the folder: a folder handed to ingest must not pull in files from
    elsewhere on the machine. Linked folders are never walked (no cycles).
    """
    root = folder.resolve()
    files: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    for current, folders, names in os.walk(folder, followlinks=False):
        base = Path(current)
        linked_folders = [name for name in folders if (base / name).is_symlink()]
        folders[:] = sorted(name for name in folders if not name.startswith(".") and name not in linked_folders)
        for name in [*names, *linked_folders]:
            path = base / name
            if name.startswith("."):
                continue
            if path.is_symlink():
                target = path.resolve()
                if not target.is_relative_to(root):
                    skipped.append((path, f"a symbolic link pointing outside the folder (to {target})"))
                    continue
                if target.is_dir():
                    skipped.append((path, "a symbolic link to a folder"))
                    continue
            files.append(path)
    return sorted(files), skipped
