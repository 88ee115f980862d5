# SPDX-License-Identifier: GPL-3.0-or-later
"""A folder that is missing, read-only or full, for the degrade-never-die tests.

Two ways to make one, so every case runs everywhere:

- ``mount``: a real 200 KB tmpfs at the folder (``mount -t tmpfs -o size=200k``),
  remounted read-only or filled up.  Needs root and a kernel that lets us
  mount; elsewhere the test is skipped cleanly.
- ``patched``: the ``os`` layer is patched so that every write below the
  folder (``os.open`` for writing, ``open``/``io.open``, ``mkdir``, ``rename``,
  ``replace``, ``unlink``) fails with ``EROFS`` or ``ENOSPC``, and SQLite,
  which writes through C, is opened read-only (``mode=ro``: SQLite's own
  READONLY errors) or wrapped so that its writes fail with SQLITE_FULL.  Runs
  anywhere.

"missing" needs neither: a plain file sits where the folder should be, so the
folder can neither exist nor be created (root included).
"""

from __future__ import annotations

import builtins
import contextlib
import errno
import io
import os
import shutil
import sqlite3
import subprocess
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

KINDS = ("missing", "readonly", "full")
WAYS = ("mount", "patched")
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


def _mount_allowed() -> bool:
    """Whether a tmpfs can be mounted here (root, and a kernel that lets us).

    ``DATELINE_TEST_NO_MOUNT=1`` says no, to try the suite as it runs elsewhere.
    """
    if os.environ.get("DATELINE_TEST_NO_MOUNT"):
        return False
    if shutil.which("mount") is None or not hasattr(os, "geteuid") or os.geteuid() != 0:
        return False
    probe = Path(f"/tmp/dateline-mount-probe-{uuid.uuid4().hex[:8]}")
    probe.mkdir()
    try:
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(probe)],
            capture_output=True,
            check=False,
        )
        if done.returncode != 0:
            return False
        subprocess.run(["umount", str(probe)], check=False)
        return True
    finally:
        probe.rmdir()


MOUNT_ALLOWED = _mount_allowed()


def _inside(path: Any, folder: Path) -> bool:
    if isinstance(path, int):
        return False
    try:
        target = Path(os.fsdecode(path)).absolute()
    except (TypeError, ValueError):
        return False
    return target == folder or folder in target.parents


class _Patched:
    """Writes below ``folder`` fail with ``code``; SQLite there is read-only or capped."""

    def __init__(self, folder: Path, code: int) -> None:
        self.folder, self.code = folder.absolute(), code

    def error(self, path: Any) -> OSError:
        return OSError(self.code, os.strerror(self.code), os.fsdecode(path))

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        real_open, real_mkdir = os.open, os.mkdir
        real_builtin_open = builtins.open
        real_connect = sqlite3.connect

        def os_open(path: Any, flags: int, mode: int = 0o777, **kw: Any) -> int:
            if flags & _WRITE_FLAGS and _inside(path, self.folder):
                if flags & os.O_CREAT and flags & os.O_EXCL and os.path.lexists(path):
                    raise FileExistsError(errno.EEXIST, "File exists", os.fsdecode(path))
                raise self.error(path)
            return real_open(path, flags, mode, **kw)

        def mkdir(path: Any, mode: int = 0o777, **kw: Any) -> None:
            if _inside(path, self.folder) and not os.path.isdir(path):
                raise self.error(path)
            real_mkdir(path, mode, **kw)

        def py_open(file: Any, mode: str = "r", *args: Any, **kw: Any) -> Any:
            if any(c in mode for c in "wax+") and _inside(file, self.folder):
                raise self.error(file)
            return real_builtin_open(file, mode, *args, **kw)

        def refuse(real: Callable[..., Any]) -> Callable[..., Any]:
            def wrapped(src: Any, *args: Any, **kw: Any) -> Any:
                if _inside(src, self.folder) or (args and _inside(args[0], self.folder)):
                    raise self.error(src)
                return real(src, *args, **kw)

            return wrapped

        def connect(database: Any, *args: Any, **kw: Any) -> sqlite3.Connection:
            if not _inside(database, self.folder):
                return real_connect(database, *args, **kw)
            if self.code == errno.EROFS:
                kw["uri"] = True
                return real_connect(f"file:{database}?mode=ro", *args, **kw)
            return _FullConnection(real_connect(database, *args, **kw))  # type: ignore[return-value]

        monkeypatch.setattr(os, "open", os_open)
        monkeypatch.setattr(os, "mkdir", mkdir)
        monkeypatch.setattr(builtins, "open", py_open)
        monkeypatch.setattr(io, "open", py_open)
        for name in ("rename", "replace", "unlink", "remove"):
            monkeypatch.setattr(os, name, refuse(getattr(os, name)))
        monkeypatch.setattr(sqlite3, "connect", connect)


_WRITES = ("INSERT", "REPLACE", "UPDATE", "DELETE", "CREATE", "BEGIN")


class _FullConnection:
    """A SQLite connection whose writes fail as on a full disk (SQLITE_FULL, code 13)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def _check(self, sql: str) -> None:
        words = sql.lstrip().upper()
        if words.startswith(_WRITES) or (words.startswith("PRAGMA") and "=" in words):
            if "JOURNAL_MODE" in words or "SYNCHRONOUS" in words:
                return
            error = sqlite3.OperationalError("database or disk is full")
            error.sqlite_errorcode = 13  # type: ignore[attr-defined]
            raise error

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        self._check(sql)
        return self._conn.execute(sql, *args)

    def executemany(self, sql: str, *args: Any) -> sqlite3.Cursor:
        self._check(sql)
        return self._conn.executemany(sql, *args)

    def executescript(self, sql: str) -> sqlite3.Cursor:
        self._check(sql)
        return self._conn.executescript(sql)

    def close(self) -> None:
        self._conn.close()


def _fill(folder: Path) -> None:
    """Write until the tmpfs says ENOSPC, leaving it full."""
    with contextlib.suppress(OSError), (folder / ".filler").open("wb") as handle:
        while True:
            handle.write(b"\0" * 4096)
            handle.flush()


@contextlib.contextmanager
def hostile_folder(folder: Path, kind: str, way: str) -> Iterator[Path]:
    """Make ``folder`` missing, read-only or full the ``way`` asked; undo it afterwards.

    What the folder holds when this is called stays readable: a read-only
    mount is remounted read-only over a copy of it, a full one is filled after.
    """
    if kind == "missing":
        folder.parent.mkdir(parents=True, exist_ok=True)
        if folder.is_dir():
            shutil.rmtree(folder)
        folder.write_text("a file where the folder should be\n")
        yield folder
        return
    code = errno.EROFS if kind == "readonly" else errno.ENOSPC
    if way == "patched":
        folder.mkdir(parents=True, exist_ok=True)
        with pytest.MonkeyPatch.context() as patch:
            _Patched(folder, code).install(patch)
            yield folder
        return
    if not MOUNT_ALLOWED:
        pytest.skip("mounting a tmpfs is not allowed here; the patched twin covers this case")
    with _mounted(folder, kind):
        yield folder


@contextlib.contextmanager
def _mounted(folder: Path, kind: str) -> Iterator[None]:
    saved = folder.with_name(folder.name + ".before")
    had = folder.is_dir()
    if had:
        folder.rename(saved)
    folder.mkdir(parents=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(folder)], check=True)
    try:
        if had:
            shutil.copytree(saved, folder, dirs_exist_ok=True)
        if kind == "readonly":
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        else:
            _fill(folder)
        yield
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
        if had:
            shutil.rmtree(folder, ignore_errors=True)
            saved.rename(folder)


def cases() -> list[Any]:
    """``(kind, way)`` pairs for ``pytest.mark.parametrize``; "missing" needs one way only."""
    out = [pytest.param("missing", "plain", id="missing")]
    for kind in ("readonly", "full"):
        for way in WAYS:
            marks = []
            if way == "mount" and not MOUNT_ALLOWED:
                marks.append(pytest.mark.skip(reason="mounting a tmpfs is not allowed here"))
            out.append(pytest.param(kind, way, id=f"{kind}-{way}", marks=marks))
    return out
