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
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
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
# Every field of FileMetadata is stored under its own name, by its type: a new
# field needs no edit here unless it has a new value type (then one codec).


def _encode_taken(t: TakenAt) -> list[Any]:
    return [t.value.isoformat(), t.precision.value, t.source, t.utc_offset, t.uncertain]


def _decode_taken(v: list[Any]) -> TakenAt:
    return TakenAt(
        value=dt.datetime.fromisoformat(v[0]),
        precision=Precision(v[1]),
        source=v[2],
        utc_offset=v[3],
        uncertain=bool(v[4]),
    )


def _encode_location(loc: Location) -> dict[str, Any]:
    return {k: v for k, v in vars(loc).items() if v is not None}


def _encode_info(info: ImageInfo) -> list[Any]:
    return [info.status.value, info.width, info.height, info.orientation]


def _decode_info(v: list[Any]) -> ImageInfo:
    status, width, height, orientation = v
    return ImageInfo(ImageStatus(status), width, height, orientation)


Codec = tuple[Callable[[Any], Any], Callable[[Any], Any]]
_CODECS: dict[object, Codec] = {
    TakenAt: (_encode_taken, _decode_taken),
    Location: (_encode_location, lambda d: Location(**d)),
    ImageInfo: (_encode_info, _decode_info),
}
_PLAIN: Codec = (lambda v: v, lambda v: v)


def _codec(hint: object) -> Codec:
    """How a field of this type goes to JSON and back (``X | None`` as X, None kept)."""
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if isinstance(hint, types.UnionType) and len(args) == 1:
        hint = args[0]
    origin = typing.get_origin(hint)
    if hint in _CODECS:
        return _CODECS[hint]
    if origin is tuple:
        return (list, tuple)
    if origin is not None and issubclass(origin, Mapping):
        return (dict, lambda d: {str(k): str(v) for k, v in d.items()})
    return _PLAIN


def _encode_conflicts(conflicts: tuple[SourceConflict, ...]) -> list[list[str]]:
    return [[c.name, c.kept, c.kept_value, c.other, c.other_value] for c in conflicts]


def _decode_conflicts(v: list[list[Any]]) -> tuple[SourceConflict, ...]:
    return tuple(SourceConflict(*map(str, c)) for c in v)


_FIELD_CODECS: dict[str, Codec] = {
    name: _codec(hint) for name, hint in typing.get_type_hints(FileMetadata).items()
}
_FIELD_CODECS["conflicts"] = (_encode_conflicts, _decode_conflicts)


def encode_metadata(meta: FileMetadata) -> str:
    """FileMetadata as compact JSON tagged with the reader version."""
    doc: dict[str, Any] = {"v": READER_VERSION}
    for name, (encode, _decode) in _FIELD_CODECS.items():
        value = getattr(meta, name)
        doc[name] = None if value is None else encode(value)
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def decode_metadata(text: str) -> FileMetadata | None:
    """The FileMetadata in ``text``, or None when it is of another version or malformed."""
    try:
        doc = json.loads(text)
        if not isinstance(doc, dict) or doc.get("v") != READER_VERSION:
            return None
        values: dict[str, Any] = {
            name: None if doc[name] is None else decode(doc[name])
            for name, (_encode, decode) in _FIELD_CODECS.items()
        }
        return FileMetadata(**values)
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        log.info("catalog row ignored: %s", exc)
        return None
