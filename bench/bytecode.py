# SPDX-License-Identifier: GPL-3.0-or-later
"""Compile ``gallery_app`` to bytecode before timing it, as an installed copy is.

pip compiles a wheel's modules when it installs them, and Python writes the
bytecode of an editable checkout on first import, unless the environment says
``PYTHONDONTWRITEBYTECODE`` (some CI machines do).  Then every process, and
every worker process it starts, compiles ~270 modules from source: about a
third of a second of CPU that no user pays.  The benchmarks compile once
(incrementally: only changed modules) and say so.
"""

from __future__ import annotations

import compileall
import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "gallery_app"


def ensure_bytecode() -> str:
    """Compile the package's modules that have no fresh bytecode; a line for the report."""
    compileall.compile_dir(str(PACKAGE), quiet=1, workers=1)
    setting = os.environ.get("PYTHONDONTWRITEBYTECODE")
    note = f" (PYTHONDONTWRITEBYTECODE={setting!r} here)" if setting else ""
    return f"gallery_app compiled to bytecode before timing, as an installed copy is{note}"
