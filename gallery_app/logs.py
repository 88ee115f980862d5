# SPDX-License-Identifier: GPL-3.0-or-later
"""Logging to a rotating file in the state folder; the user sees sentences.

The log keeps what went wrong and what Dateline did about it: warnings about
files (their paths, and sometimes a caption's first words), errors with their
tracebacks, and one line per start and exit — never the photos themselves.  It
is private (0600, in a 0700 folder), rotates at 1 MB and keeps three old files.
A file name that is not UTF-8 is written with its odd bytes escaped
(``\\udce9``) rather than breaking the line.  A state folder that cannot be
written costs only the log: it says so once (``notices``), never a traceback.
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
import sys
from typing import Any, cast

from gallery_app.core import paths
from gallery_app.core.store.notices import LOG, StorageNotices

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def _private_opener(path: str, flags: int) -> int:
    return os.open(path, flags, 0o600)


class PrivateLogHandler(logging.handlers.RotatingFileHandler):
    """A rotating file handler whose files are 0600 and whose failures are a notice, once."""

    def __init__(self, notices: StorageNotices, **kwargs: Any) -> None:
        self._notices = notices
        paths.ensure_private_dir(paths.log_file().parent)
        super().__init__(
            paths.log_file(),
            maxBytes=1_000_000,
            backupCount=3,
            encoding="utf-8",
            errors="backslashreplace",
            **kwargs,
        )

    def _open(self) -> io.TextIOWrapper:
        return cast(
            io.TextIOWrapper,
            open(
                self.baseFilename,
                self.mode,
                encoding=self.encoding,
                errors=self.errors,
                opener=_private_opener,
            ),
        )

    def handleError(self, record: logging.LogRecord) -> None:
        """A full or vanished disk: say so once and stop writing, instead of a traceback."""
        error = _current_os_error()
        if error is None:
            super().handleError(record)
            return
        root = logging.getLogger()
        root.removeHandler(self)  # first: the notice is logged too
        root.addHandler(_quiet())  # not Python's last resort, printing warnings at the user
        self.close()
        self._notices.report(LOG, error, paths.log_file())


def _quiet() -> logging.Handler:
    """Where records go when the log file cannot be written: nowhere (said once already).

    Marked like the file handler, so a second ``setup_logging`` does not try again.
    """
    handler = logging.NullHandler()
    handler._dateline = True  # type: ignore[attr-defined]
    return handler


def _current_os_error() -> OSError | None:
    exc = sys.exc_info()[1]
    return exc if isinstance(exc, OSError) else None


def setup_logging(
    level: int = logging.INFO, notices: StorageNotices | None = None
) -> logging.Handler | None:
    """Attach a rotating log file to the root logger (once); never fails.

    Python warnings (a library's note about a damaged file) go to the log too,
    not to the user's terminal.
    """
    logging.captureWarnings(True)
    root = logging.getLogger()
    for handler in root.handlers:
        if getattr(handler, "_dateline", False):
            return handler
    notices = notices if notices is not None else StorageNotices()
    try:
        file_handler = PrivateLogHandler(notices)
    except OSError as exc:
        root.addHandler(_quiet())  # the notice is the one thing said about it
        notices.report(LOG, exc, paths.log_file())
        return None
    file_handler.setFormatter(logging.Formatter(_FORMAT))
    file_handler._dateline = True  # type: ignore[attr-defined]
    root.addHandler(file_handler)
    root.setLevel(min(root.level or level, level))
    return file_handler
