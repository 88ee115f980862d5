# SPDX-License-Identifier: GPL-3.0-or-later
"""What Dateline is not keeping on disk, and why, said once per kind.

The user's folders (cache, config, data, state) may be missing, read-only or
full.  Dateline then keeps working with what it can — the catalog and
thumbnails in memory, settings and links for this session only — and says so
once: ``StorageNotices.report`` turns the ``OSError`` (or SQLite's own code)
into one sentence, "Thumbnails are not being saved: the disk is full
(…/thumbnails)", logs it and hands it to every listener (stderr, the status
bar).  Later failures of the same kind are only logged, so a full disk never
floods the screen.  Thread-safe: thumbnails are stored on worker threads.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from gallery_app.core.textdecode import printable

log = logging.getLogger(__name__)

THUMBNAILS = "Thumbnails"
CATALOG = "Catalog records (what was read from each photo)"
SETTINGS = "Settings"
LINKS = "Photo links"
LOG = "Log messages"

_REASONS: dict[int, str] = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "the folder is not writable",
    errno.EPERM: "the folder is not writable",
    errno.ENOENT: "the folder is missing",
    errno.ENOTDIR: "the folder is missing (a file is in its place)",
    errno.EEXIST: "the folder is missing (a file is in its place)",
}
# SQLite's primary result codes, for the catalog (sqlite3.Error.sqlite_errorcode & 0xFF).
SQLITE_PERM, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN = 3, 8, 10, 13, 14
_SQLITE_REASONS: dict[int, str] = {
    SQLITE_FULL: "the disk is full",
    SQLITE_READONLY: "the disk or the file is read-only",
    SQLITE_CANTOPEN: "the file cannot be created or opened",
    SQLITE_PERM: "the file is not writable",
    SQLITE_IOERR: "the disk reported an error",
}
DISK_CODES = frozenset(_SQLITE_REASONS)  # SQLite failed because of the disk, not damage


def reason_for(exc: BaseException) -> str:
    """A few plain words for why a write failed."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and (code & 0xFF) in _SQLITE_REASONS:
        return _SQLITE_REASONS[code & 0xFF]
    if isinstance(exc, OSError) and exc.errno in _REASONS:
        return _REASONS[exc.errno]
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror[:1].lower() + exc.strerror[1:]
    return str(exc) or exc.__class__.__name__


def probe_folder(folder: Path) -> OSError | None:
    """The ``OSError`` that writing a small file in ``folder`` meets, or None if it works.

    SQLite and QSettings report "cannot open" or "access error" without the
    reason; a probe finds whether the disk is full, read-only or gone.
    """
    probe = folder / f".dateline-probe-{threading.get_ident()}"
    try:
        with probe.open("xb") as handle:
            handle.write(b"\0" * 4096)
            handle.flush()
    except OSError as exc:
        return exc
    finally:
        with contextlib.suppress(OSError):
            probe.unlink()
    return None


@dataclass(frozen=True)
class Notice:
    """One kind of thing not being kept, why, and where it would have gone."""

    what: str
    reason: str
    where: Path

    def sentence(self) -> str:
        return f"{self.what} are not being saved: {self.reason} ({printable(str(self.where))})."


Listener = Callable[[Notice], None]


def summary(notices: list[Notice]) -> str:
    """The notices in as few words as fit a status bar, one sentence per reason, no paths.

    "Thumbnails, catalog records and log messages are not being saved: the disk is full."
    """
    by_reason: dict[str, list[str]] = {}
    for notice in notices:
        what = notice.what.split(" (")[0]
        by_reason.setdefault(notice.reason, []).append(what)
    sentences = []
    for reason, whats in by_reason.items():
        names = [whats[0], *(w[:1].lower() + w[1:] for w in whats[1:])]
        listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
        sentences.append(f"{listed} are not being saved: {reason}.")
    return " ".join(sentences)


class StorageNotices:
    """Collects the first failure of each kind and tells the listeners once."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._notices: dict[str, Notice] = {}
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener, *, replay: bool = True) -> None:
        """Call ``listener`` for every new notice (and, with ``replay``, for those so far)."""
        with self._lock:
            self._listeners.append(listener)
            past = list(self._notices.values()) if replay else []
        for notice in past:
            listener(notice)

    def report(self, what: str, exc: BaseException, where: Path) -> bool:
        """Record that ``what`` could not be written to ``where``; True the first time."""
        notice = Notice(what, reason_for(exc), where)
        with self._lock:
            first = what not in self._notices
            if first:
                self._notices[what] = notice
            listeners = list(self._listeners) if first else []
        if not first:
            log.info("%s still not saved: %s", what, exc)
            return False
        log.warning("%s (%s)", notice.sentence(), exc)
        for listener in listeners:
            listener(notice)
        return True

    def notices(self) -> list[Notice]:
        with self._lock:
            return list(self._notices.values())

    def sentences(self) -> list[str]:
        return [notice.sentence() for notice in self.notices()]
