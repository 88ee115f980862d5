# SPDX-License-Identifier: GPL-3.0-or-later
"""Regression guard for the PySide6 6.12.0 / Python 3.11 None-refcount bug.

PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on every call of a
Qt method that returns nothing; after about 5,000 calls the interpreter aborts
with "Fatal Python error: none_dealloc".  pyproject.toml pins
PySide6-Essentials below 6.12 for Python < 3.12.  This test makes 20,000 such
calls in a subprocess (an abort there must not take pytest down) and checks
the process lives and None's refcount did not fall.
"""

from __future__ import annotations

import os
import subprocess
import sys

CALLS = 20_000

SCRIPT = f"""
import sys
from PySide6.QtCore import QCoreApplication, QObject, QTimer
app = QCoreApplication([])
obj = QObject()
timer = QTimer()
before = sys.getrefcount(None)
for i in range({CALLS}):
    obj.setObjectName("x")      # void
    timer.setInterval(i % 100)  # void
    timer.stop()                # void
after = sys.getrefcount(None)
print("refcount-delta", after - before)
"""


def test_twenty_thousand_void_qt_calls_do_not_abort_the_interpreter() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120
    )
    assert "none_dealloc" not in result.stderr
    assert result.returncode == 0, result.stderr[-2000:]
    delta = int(result.stdout.split("refcount-delta")[1])
    # 3.12+ makes None immortal; on 3.11 a leak shows as a large negative delta.
    assert delta > -1000, f"None lost {-delta} references over {3 * CALLS} void calls"
