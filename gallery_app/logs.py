# SPDX-License-Identifier: GPL-3.0-or-later
"""Logging to a rotating file in the state folder; the user sees sentences."""

from __future__ import annotations

import logging
import logging.handlers

from gallery_app.core import paths

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(level: int = logging.INFO) -> logging.Handler | None:
    """Attach a rotating log file to the root logger (once); never fails."""
    root = logging.getLogger()
    for handler in root.handlers:
        if getattr(handler, "_dateline", False):
            return handler
    try:
        file_handler = logging.handlers.RotatingFileHandler(
            paths.log_file(), maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return None
    file_handler.setFormatter(logging.Formatter(_FORMAT))
    file_handler._dateline = True  # type: ignore[attr-defined]
    root.addHandler(file_handler)
    root.setLevel(min(root.level or level, level))
    return file_handler
