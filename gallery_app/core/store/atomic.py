# SPDX-License-Identifier: GPL-3.0-or-later
"""Atomic writes: a reader sees the old file or the new one, never a mix.

The data goes to a temporary file beside the target (``.<name>.<slot>.tmp``),
is flushed to disk and renamed over the target.  Permissions: a file that is
replaced keeps its permission bits, so rewriting a manifest the user shares
does not lock others out; a new file gets ``mode`` filtered by the umask, as
``open()`` would (0644 for a manifest under the usual umask), and callers that
must stay private say so (thumbnails, links and journals pass 0600; the
catalog, settings and log are created 0600 by ``create_private_file``).

A writer killed mid-write (SIGKILL, power cut) leaves its temporary file
behind.  Temporary names come from a few fixed slots per target, so the next
successful write of the same file can find the leftovers with a handful of
``stat`` calls — no listing of a thumbnail folder of 20,000 files (~10 ms a
time) — and removes those older than ``STALE_AFTER`` seconds; a younger one
may belong to another process writing the same file right now.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import time
from pathlib import Path

STALE_AFTER = 300.0  # seconds: a temporary file this old has no live writer
_SLOTS = 4
_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
_FLAGS |= getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)


def _existing_mode(path: Path) -> int | None:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return None


def _slot_path(path: Path, slot: int | str) -> Path:
    return path.with_name(f".{path.name}.{slot}.tmp")


def _create_temporary(path: Path, mode: int) -> tuple[int, Path]:
    """Open a new temporary file beside ``path``: the first free slot, else a random name.

    ``O_EXCL`` never opens an existing file or follows a planted symlink.
    """
    names = [_slot_path(path, slot) for slot in range(_SLOTS)]
    names.append(_slot_path(path, secrets.token_hex(8)))
    for tmp in names:
        try:
            return os.open(tmp, _FLAGS, mode), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {path}")


def remove_stale_temporaries(path: Path, now: float | None = None) -> list[Path]:
    """Remove the slot temporaries of ``path`` left by writers that died; the removed ones."""
    limit = (time.time() if now is None else now) - STALE_AFTER
    removed: list[Path] = []
    for slot in range(_SLOTS):
        tmp = _slot_path(path, slot)
        try:
            info = tmp.lstat()
            if stat.S_ISREG(info.st_mode) and info.st_mtime < limit:
                tmp.unlink()
                removed.append(tmp)
        except OSError:
            continue
    return removed


def write_bytes_atomic(path: Path, data: bytes, *, mode: int = 0o666, durable: bool = True) -> None:
    """Write ``data`` to a temporary file beside ``path``, fsync, then rename.

    ``mode`` applies to a new file only (the umask filters it); a replaced
    file keeps its own permission bits.  ``durable=False`` skips the fsync:
    still atomic for readers, for files that can be made again (a cache).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    keep = _existing_mode(path)
    fd, tmp = _create_temporary(path, mode)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if keep is not None and hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), keep)
            if durable:
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    remove_stale_temporaries(path)


def create_private_file(path: Path) -> bool:
    """Create ``path`` empty and private (0600) unless it exists; True if it was created.

    SQLite, QSettings and the log then keep those bits when they write it.
    Raises the ``OSError`` of a folder that refuses.
    """
    try:
        fd = os.open(path, _FLAGS, 0o600)
    except FileExistsError:
        return False
    os.close(fd)
    return True


def write_text_atomic(path: Path, text: str, *, mode: int = 0o666) -> None:
    """``write_bytes_atomic`` of ``text`` in UTF-8."""
    write_bytes_atomic(path, text.encode("utf-8"), mode=mode)
