# SPDX-License-Identifier: GPL-3.0-or-later
"""The catalog: what was read from each photo file, so a folder seen before opens at once.

A SQLite database in ``paths.cache_dir()`` maps a file's absolute path, size
and modification time (ns), and its ``.xmp`` sidecar's name, size and mtime
(``folders.listing.SidecarStamps``), to its ``FileMetadata`` stored as
versioned JSON.  A row is used only while all of them still match; otherwise
the file is read again.  The database is a cache: a schema bump or a damaged
file is set aside (renamed beside it, logged) and a fresh one is built — never a reason
for the app not to start.  A disk that refuses to write (read-only, full, the
folder missing) is not damage: the file is left as it is, rows are kept in
memory for the session and the user is told once.  The file is private (0600).

Threads: WAL mode, and one connection per thread (``threading.local``), so the
scanner's worker and the GUI thread never share a connection.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from gallery_app.core import paths
from gallery_app.core.metadata.values import FileMetadata
from gallery_app.core.paths import ensure_private_dir
from gallery_app.core.store.atomic import create_private_file
from gallery_app.core.store.notices import CATALOG, DISK_CODES, StorageNotices, probe_folder
from gallery_app.core.store.rows import decode_metadata, encode_metadata

log = logging.getLogger(__name__)

SCHEMA_VERSION = 2  # bump when the table layout or the JSON shape changes
# 2: the sidecar's own name, size and mtime (``sidecar``) are part of a row's freshness.
DB_NAME = "catalog.sqlite"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    sidecar TEXT NOT NULL,
    data TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
# Entries ready to print (``core.listing``), keyed like ``files`` plus the version of
# what made them (a cache: dropping it is harmless).
_READY_SCHEMA = """
CREATE TABLE IF NOT EXISTS ready (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    sidecar TEXT NOT NULL,
    version TEXT NOT NULL,
    facts TEXT NOT NULL,
    body TEXT NOT NULL
) WITHOUT ROWID;
"""

Row = tuple[int, int, str, str]  # size, mtime_ns, sidecar stamp, JSON
ReadyRow = tuple[int, int, str, str, str]  # size, mtime_ns, sidecar stamp, facts, body


class Catalog:
    """Path + size + mtime + sidecar stamp → FileMetadata, in SQLite.  Thread-safe.

    When the database cannot be written (a read-only or full disk, a missing
    folder) the catalog keeps what it learns in memory for this session
    (``memory_only``), still reads what the database holds, says so once
    through ``notices`` and never renames or deletes the file on disk.
    """

    def __init__(self, db_path: Path | None = None, notices: StorageNotices | None = None) -> None:
        self._path = db_path if db_path is not None else paths.cache_dir() / DB_NAME
        self._notices = notices if notices is not None else StorageNotices()
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []
        self._enabled = True
        self._memory: dict[str, Row] | None = None  # rows kept here once the disk refuses
        self._prepare()

    @property
    def path(self) -> Path:
        return self._path

    @property
    def enabled(self) -> bool:
        return self._enabled or self._memory is not None

    @property
    def memory_only(self) -> bool:
        """True once rows are kept in memory because the database cannot be written."""
        return self._memory is not None

    # -- opening -------------------------------------------------------------

    def _prepare(self) -> None:
        """Check the version and health once; set a damaged database aside and rebuild.

        Only damage (not a database, malformed, another schema) sets the file
        aside, and only by renaming it; a disk that refuses to write leaves
        the file alone and the catalog in memory.
        """
        for attempt in (1, 2):
            try:
                conn = self._open()
                try:
                    self._check_schema(conn)
                finally:
                    conn.close()
                return
            except (sqlite3.DatabaseError, _Stale) as exc:
                if _is_disk_trouble(exc) or attempt == 2 or not self._set_aside(str(exc)):
                    self._to_memory(exc, reading=False)
                    return
            except OSError as exc:
                self._to_memory(exc, reading=False)
                return

    @staticmethod
    def _check_schema(conn: sqlite3.Connection) -> None:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == 0:
            conn.executescript(_SCHEMA)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        elif version != SCHEMA_VERSION:
            raise _Stale(f"schema {version}, expected {SCHEMA_VERSION}")
        conn.execute("SELECT path FROM files LIMIT 1").fetchone()
        try:
            conn.executescript(_READY_SCHEMA)
        except sqlite3.OperationalError as exc:  # read-only: the files rows still serve
            log.info("catalog %s: no table of ready entries (%s)", conn, exc)

    def _open(self) -> sqlite3.Connection:
        ensure_private_dir(self._path.parent)
        create_private_file(self._path)
        # check_same_thread=False only so close() may close every thread's
        # connection at shutdown; each connection is used by its own thread.
        conn = sqlite3.connect(
            self._path, timeout=10, isolation_level=None, check_same_thread=False
        )
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        return conn

    def _set_aside(self, reason: str) -> bool:
        """Rename a damaged database (and its WAL) out of the way; False if it cannot be."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = self._path.with_name(f"{self._path.name}.broken-{stamp}")
        for suffix in ("", "-wal", "-shm"):
            part = Path(str(self._path) + suffix)
            try:
                if part.exists():
                    part.rename(Path(str(aside) + suffix))
            except OSError as exc:  # never deleted: the user may want to rescue it
                log.warning("catalog %s is damaged (%s) and cannot be moved: %s", part, reason, exc)
                return False
        log.warning("catalog %s set aside as %s (%s); rebuilding it", self._path, aside, reason)
        return True

    def _to_memory(self, exc: BaseException, *, reading: bool) -> None:
        """Keep rows in memory from now on; ``reading``: the database can still be read."""
        with self._lock:
            if self._memory is None:
                self._memory = {}
            if not reading:
                self._enabled = False
        if not isinstance(exc, OSError):  # SQLite's "cannot open" does not say why
            exc = probe_folder(self._path.parent) or exc
        self._notices.report(CATALOG, exc, self._path)

    def _conn(self) -> sqlite3.Connection | None:
        if not self._enabled:
            return None
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            try:
                conn = self._open()
            except (sqlite3.Error, OSError) as exc:
                self._to_memory(exc, reading=False)
                return None
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)
        return conn

    def _failed(self, exc: sqlite3.Error, *, writing: bool) -> None:
        if writing and _is_disk_trouble(exc):
            self._to_memory(exc, reading=True)
            return
        log.warning("catalog error (%s); keeping it in memory until restart", exc)
        self._to_memory(exc, reading=False)

    def close(self) -> None:
        """Close every thread's connection; call when no scan is running."""
        with self._lock:
            connections, self._connections = self._connections, []
        for conn in connections:
            with contextlib.suppress(sqlite3.Error):
                conn.close()
        self._local = threading.local()

    # -- reading and writing -------------------------------------------------

    def get(self, file: Path, size: int, mtime_ns: int, sidecar: str = "") -> FileMetadata | None:
        """The stored metadata of ``file`` if it (and its sidecar) has not changed, else None."""
        if not _storable(file):
            return None
        row = self._memory.get(_key(file)) if self._memory is not None else None
        conn = self._conn() if row is None else None
        if conn is not None:
            try:
                row = conn.execute(
                    "SELECT size, mtime_ns, sidecar, data FROM files WHERE path = ?",
                    (_key(file),),
                ).fetchone()
            except sqlite3.Error as exc:
                self._failed(exc, writing=False)
                return None
        if row is None or tuple(row[:3]) != (size, mtime_ns, sidecar):
            return None
        return decode_metadata(row[3])

    def rows_under(self, folder: Path) -> dict[str, Row]:
        """Every stored row below ``folder`` in one query, keyed by absolute path."""
        found = {
            path: (size, mtime, side, data)
            for path, size, mtime, side, data in self._under(
                "SELECT path, size, mtime_ns, sidecar, data FROM files", folder, ()
            )
        }
        if self._memory is not None and _storable(folder):
            prefix, upper = _range(folder)
            with self._lock:
                found.update((k, v) for k, v in self._memory.items() if prefix <= k < upper)
        return found

    def ready_under(self, folder: Path, version: str) -> dict[str, ReadyRow]:
        """The ready entries (``core.listing``) of ``version`` below ``folder``, by path."""
        return {
            path: (size, mtime, side, facts, body)
            for path, size, mtime, side, facts, body in self._under(
                "SELECT path, size, mtime_ns, sidecar, facts, body FROM ready", folder, (version,)
            )
        }

    def _under(self, select: str, folder: Path, version: tuple[str, ...]) -> list[tuple[Any, ...]]:
        """The rows of ``select`` whose path is below ``folder`` (and of ``version``)."""
        if not _storable(folder):
            return []
        conn = self._conn()
        if conn is None:
            return []
        where = " WHERE path >= ? AND path < ?" + (" AND version = ?" if version else "")
        try:
            return list(conn.execute(select + where, (*_range(folder), *version)).fetchall())
        except sqlite3.Error as exc:
            if "no such table: ready" in str(exc):
                return []
            self._failed(exc, writing=False)
            return []

    def put_many(self, items: Iterable[tuple[Path, int, int, str, FileMetadata]]) -> None:
        """Store ``(file, size, mtime_ns, sidecar stamp, metadata)`` rows in one transaction."""
        rows = []
        for f, size, mtime, sidecar, meta in items:
            try:
                rows.append((f, size, mtime, sidecar, encode_metadata(meta)))
            except ValueError:
                continue  # read again next time
        self.put_rows(rows)

    def put_rows(self, items: Iterable[tuple[Path | str, int, int, str, str]]) -> None:
        """Store rows already encoded (``encode_metadata``, as reader processes send them);
        a file given as a string is an absolute path already (no ``Path`` made of it)."""
        # A name that is not valid UTF-8 cannot be a SQLite TEXT key: such a file
        # is simply read again next time.
        rows = [
            (_key(f), size, mtime, sidecar, data)
            for f, size, mtime, sidecar, data in items
            if _storable(f)
        ]
        if not rows:
            return
        if self._memory is None and (conn := self._conn()) is not None:
            try:
                with _transaction(conn):
                    conn.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)", rows)
                return
            except sqlite3.Error as exc:
                self._failed(exc, writing=True)
        if self._memory is not None:
            with self._lock:
                self._memory.update(
                    (key, (size, mtime, side, data)) for key, size, mtime, side, data in rows
                )

    def put_ready(self, items: Iterable[tuple[str, int, int, str, str, str, str]]) -> None:
        """Store ready entries ``(path, size, mtime_ns, sidecar stamp, version, facts, body)``;
        on a disk that refuses, none (they are rebuilt next time)."""
        rows = [row for row in items if _storable(row[0])]
        conn = self._conn() if rows and self._memory is None else None
        if conn is None:
            return
        try:
            with _transaction(conn):
                conn.executemany("INSERT OR REPLACE INTO ready VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        except sqlite3.Error as exc:
            log.info("ready entries not stored: %s", exc)

    def put(
        self, file: Path, size: int, mtime_ns: int, meta: FileMetadata, sidecar: str = ""
    ) -> None:
        self.put_many([(file, size, mtime_ns, sidecar, meta)])

    def forget(self, files: Iterable[str]) -> None:
        """Drop rows by absolute path (files that are gone)."""
        files = list(files)
        if self._memory is not None:
            with self._lock:
                for f in files:
                    self._memory.pop(f, None)
            return  # the database cannot be written; its rows fail the size/mtime check
        conn = self._conn()
        if conn is None:
            return
        try:
            with _transaction(conn):
                conn.executemany("DELETE FROM files WHERE path = ?", [(f,) for f in files])
                with contextlib.suppress(sqlite3.OperationalError):  # no such table (read-only)
                    conn.executemany("DELETE FROM ready WHERE path = ?", [(f,) for f in files])
        except sqlite3.Error as exc:
            self._failed(exc, writing=True)

    def __len__(self) -> int:
        conn = self._conn()
        stored = 0
        if conn is not None:
            try:
                stored = int(conn.execute("SELECT count(*) FROM files").fetchone()[0])
            except sqlite3.Error:
                stored = 0
        return stored + (len(self._memory) if self._memory is not None else 0)


class _Stale(Exception):
    """The database was written by another schema version."""


@contextlib.contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    conn.execute("BEGIN")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _is_disk_trouble(exc: BaseException) -> bool:
    """Whether SQLite failed because of the disk (full, read-only, cannot open), not damage."""
    code = getattr(exc, "sqlite_errorcode", None)
    return isinstance(code, int) and (code & 0xFF) in DISK_CODES


def _key(path: Path | str) -> str:
    if isinstance(path, str) and os.path.isabs(path):
        return path
    return str(Path(path).absolute())


def _range(folder: Path) -> tuple[str, str]:
    """The keys below ``folder``: ``prefix <= key < upper``."""
    prefix = _key(folder).rstrip("/") + "/"
    return prefix, prefix[:-1] + chr(ord("/") + 1)


def _storable(path: Path | str) -> bool:
    """Whether ``path`` can be a key (file names from other systems may not be UTF-8)."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
