# SPDX-License-Identifier: GPL-3.0-or-later
"""Reading, listing and thumbnailing every hostile file keeps memory bounded."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
PEAK_MIB = 200  # generous: the whole probe peaks near 50 MiB


def test_the_whole_hostile_corpus_stays_under_the_memory_bound(tmp_path: Path) -> None:
    env = dict(os.environ, DATELINE_HOME=str(tmp_path), PYTHONPATH=str(REPO))
    done = subprocess.run(
        [sys.executable, "-m", "tests.unit.hostile.memory_probe"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    peak = int(done.stdout.split()[-1])
    assert peak < PEAK_MIB, f"peak {peak} MiB"
