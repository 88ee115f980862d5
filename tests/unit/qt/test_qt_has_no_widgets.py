# SPDX-License-Identifier: GPL-3.0-or-later
"""gallery_app.qt holds models, loading and workers: no widget may creep in.

import-linter cannot forbid a submodule of an external package, so this
contract is checked here, from the source, for imports inside functions too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import gallery_app.qt

QT = Path(gallery_app.qt.__file__).parent


def test_no_qt_module_imports_qtwidgets() -> None:
    offenders = []
    for path in sorted(QT.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            offenders += [f"{path.relative_to(QT)}: {n}" for n in names if "QtWidgets" in n]
    assert offenders == []
