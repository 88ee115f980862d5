# SPDX-License-Identifier: GPL-3.0-or-later
"""gallery_app.core must stay usable with no display and no Qt at all."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import gallery_app.core

CORE = Path(gallery_app.core.__file__).parent


def _core_modules() -> list[Path]:
    return sorted(CORE.rglob("*.py"))


def test_no_core_module_mentions_qt_in_an_import() -> None:
    offenders = []
    for path in _core_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            offenders += [
                f"{path.name}: {n}"
                for n in names
                if n.split(".")[0] in {"PySide6", "PyQt6", "shiboken6"}
            ]
    assert offenders == []


def test_importing_every_core_module_loads_no_qt() -> None:
    modules = [
        ".".join(("gallery_app", "core", *p.relative_to(CORE).with_suffix("").parts)).removesuffix(
            ".__init__"
        )
        for p in _core_modules()
    ]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(qt))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
