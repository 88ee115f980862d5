# SPDX-License-Identifier: GPL-3.0-or-later
"""The catalog: what was read from each photo file, so a folder seen before opens at once.

A SQLite database in ``paths.cache_dir()`` maps a file's absolute path, size
and modification time (ns) to its ``FileMetadata`` stored as versioned JSON.
A row is used only while size and mtime still match; otherwise the file is
read again.  The database is a cache: a schema bump or a damaged file is set
aside (renamed beside it, logged) and a fresh one is built — never a reason
for the app not to start.  If even that fails the catalog turns itself off
and every lookup misses.

Threads: WAL mode, and one connection per thread (``threading.local``), so the
scanner's worker and the GUI thread never share a connection.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from gallery_app.core import paths
from gallery_app.core.metadata.values import FileMetadata, SourceConflict
from gallery_app.core.models import ImageInfo, ImageStatus, Location, Precision, TakenAt

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1  # bump when the table layout or the JSON shape changes
# Bump when the readers report something else for the same file: rows of another
# version are misses and the file is read again, without rebuilding the database.
# 2: HEIC/HEIF width, height and orientation are the stored ones (core.heif_geometry).
# 3: the sources that disagree inside a file (``conflicts``), MWG reconciliation.
READER_VERSION = 3
DB_NAME = "catalog.sqlite"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    data TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

Row = tuple[int, int, str]  # size, mtime_ns, JSON


class Catalog:
    """Path + size + mtime → FileMetadata, in SQLite.  Safe to share between threads."""

    def __init__(self, db_path: Path | None = None) -> None:
        self._path = db_path if db_path is not None else paths.cache_dir() / DB_NAME
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []
        self._enabled = True
        self._prepare()

    @property
    def path(self) -> Path:
        return self._path

    @property
    def enabled(self) -> bool:
        return self._enabled

    # -- opening -------------------------------------------------------------

    def _prepare(self) -> None:
        """Check the version and health once; set a bad database aside and rebuild."""
        for attempt in (1, 2):
            try:
                conn = self._open()
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                if version == 0:
                    conn.executescript(_SCHEMA)
                    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                elif version != SCHEMA_VERSION:
                    raise _Stale(f"schema {version}, expected {SCHEMA_VERSION}")
                conn.execute("SELECT path FROM files LIMIT 1").fetchone()
                conn.close()
                return
            except (sqlite3.DatabaseError, _Stale) as exc:
                if attempt == 2:
                    break
                self._set_aside(str(exc))
            except OSError as exc:
                log.warning("catalog %s cannot be opened (%s); working without it", self._path, exc)
                break
        self._enabled = False

    def _open(self) -> sqlite3.Connection:
        self._path.parent.mkdir(parents=True, exist_ok=True)
        # check_same_thread=False only so close() may close every thread's
        # connection at shutdown; each connection is used by its own thread.
        conn = sqlite3.connect(
            self._path, timeout=10, isolation_level=None, check_same_thread=False
        )
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        return conn

    def _set_aside(self, reason: str) -> None:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = self._path.with_name(f"{self._path.name}.broken-{stamp}")
        log.warning(
            "catalog %s set aside as %s (%s); rebuilding it", self._path, aside.name, reason
        )
        for suffix in ("", "-wal", "-shm"):
            part = Path(str(self._path) + suffix)
            if part.exists():
                try:
                    part.rename(Path(str(aside) + suffix))
                except OSError:
                    part.unlink(missing_ok=True)

    def _conn(self) -> sqlite3.Connection | None:
        if not self._enabled:
            return None
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            try:
                conn = self._open()
            except (sqlite3.Error, OSError) as exc:
                log.warning("catalog unavailable (%s); working without it", exc)
                self._enabled = False
                return None
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)
        return conn

    def _failed(self, exc: sqlite3.Error) -> None:
        log.warning("catalog error (%s); working without it until restart", exc)
        self._enabled = False

    def close(self) -> None:
        """Close every thread's connection; call when no scan is running."""
        with self._lock:
            connections, self._connections = self._connections, []
        for conn in connections:
            with contextlib.suppress(sqlite3.Error):
                conn.close()
        self._local = threading.local()

    # -- reading and writing -------------------------------------------------

    def get(self, file: Path, size: int, mtime_ns: int) -> FileMetadata | None:
        """The stored metadata of ``file`` if it has not changed since, else None."""
        conn = self._conn()
        if conn is None or not _storable(file):
            return None
        try:
            row = conn.execute(
                "SELECT size, mtime_ns, data FROM files WHERE path = ?", (_key(file),)
            ).fetchone()
        except sqlite3.Error as exc:
            self._failed(exc)
            return None
        if row is None or row[0] != size or row[1] != mtime_ns:
            return None
        return decode_metadata(row[2])

    def rows_under(self, folder: Path) -> dict[str, Row]:
        """Every stored row below ``folder`` in one query, keyed by absolute path."""
        conn = self._conn()
        if conn is None or not _storable(folder):
            return {}
        prefix = _key(folder).rstrip("/") + "/"
        upper = prefix[:-1] + chr(ord("/") + 1)
        try:
            rows = conn.execute(
                "SELECT path, size, mtime_ns, data FROM files WHERE path >= ? AND path < ?",
                (prefix, upper),
            ).fetchall()
        except sqlite3.Error as exc:
            self._failed(exc)
            return {}
        return {path: (size, mtime, data) for path, size, mtime, data in rows}

    def put_many(self, items: Iterable[tuple[Path, int, int, FileMetadata]]) -> None:
        """Store ``(file, size, mtime_ns, metadata)`` rows in one transaction."""
        conn = self._conn()
        if conn is None:
            return
        # A name that is not valid UTF-8 cannot be a SQLite TEXT key: such a file
        # is simply read again next time.
        rows = [
            (_key(f), size, mtime, encode_metadata(meta))
            for f, size, mtime, meta in items
            if _storable(f)
        ]
        if not rows:
            return
        try:
            with _transaction(conn):
                conn.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)", rows)
        except sqlite3.Error as exc:
            self._failed(exc)

    def put(self, file: Path, size: int, mtime_ns: int, meta: FileMetadata) -> None:
        self.put_many([(file, size, mtime_ns, meta)])

    def forget(self, files: Iterable[str]) -> None:
        """Drop rows by absolute path (files that are gone)."""
        conn = self._conn()
        if conn is None:
            return
        try:
            with _transaction(conn):
                conn.executemany("DELETE FROM files WHERE path = ?", [(f,) for f in files])
        except sqlite3.Error as exc:
            self._failed(exc)

    def __len__(self) -> int:
        conn = self._conn()
        if conn is None:
            return 0
        try:
            return int(conn.execute("SELECT count(*) FROM files").fetchone()[0])
        except sqlite3.Error:
            return 0


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


def _key(path: Path) -> str:
    return str(path.absolute())


def _storable(path: Path) -> bool:
    """Whether ``path`` can be a key (file names from other systems may not be UTF-8)."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# -- JSON ----------------------------------------------------------------------


def encode_metadata(meta: FileMetadata) -> str:
    """FileMetadata as compact JSON tagged with the reader version."""
    taken = meta.taken
    loc = meta.location
    info = meta.info
    doc: dict[str, Any] = {
        "v": READER_VERSION,
        "caption": meta.caption,
        "title": meta.title,
        "creator": meta.creator,
        "credit": meta.credit,
        "copyright": meta.copyright,
        "taken": None
        if taken is None
        else [
            taken.value.isoformat(),
            taken.precision.value,
            taken.source,
            taken.utc_offset,
            taken.uncertain,
        ],
        "location": None if loc is None else {k: v for k, v in vars(loc).items() if v is not None},
        "info": [info.status.value, info.width, info.height, info.orientation],
        "sources": dict(meta.sources),
        "warnings": list(meta.warnings),
        "conflicts": [
            [c.name, c.kept, c.kept_value, c.other, c.other_value] for c in meta.conflicts
        ],
    }
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def decode_metadata(text: str) -> FileMetadata | None:
    """The FileMetadata in ``text``, or None when it is of another version or malformed."""
    try:
        doc = json.loads(text)
        if not isinstance(doc, dict) or doc.get("v") != READER_VERSION:
            return None
        taken = doc["taken"]
        status, width, height, orientation = doc["info"]
        location = doc["location"]
        sources = doc["sources"]
        return FileMetadata(
            caption=doc["caption"],
            title=doc["title"],
            creator=doc["creator"],
            credit=doc["credit"],
            copyright=doc["copyright"],
            taken=None
            if taken is None
            else TakenAt(
                value=dt.datetime.fromisoformat(taken[0]),
                precision=Precision(taken[1]),
                source=taken[2],
                utc_offset=taken[3],
                uncertain=bool(taken[4]),
            ),
            location=None if location is None else Location(**location),
            info=ImageInfo(ImageStatus(status), width, height, orientation),
            sources={str(k): str(v) for k, v in sources.items()},
            warnings=tuple(doc["warnings"]),
            conflicts=tuple(SourceConflict(*map(str, c)) for c in doc["conflicts"]),
        )
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        log.info("catalog row ignored: %s", exc)
        return None
