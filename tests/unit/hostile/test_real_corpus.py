# SPDX-License-Identifier: GPL-3.0-or-later
"""Optional: every file of the shared real corpus (many malformed on purpose) is read
and its folder tree loaded without a crash, in a subprocess with a time limit."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
CORPUS = REPO.parent / "shared" / "corpus"

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no real corpus at {CORPUS}"),
]


@pytest.fixture(scope="module")
def counts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, int]:
    home = tmp_path_factory.mktemp("corpus-home")
    env = dict(os.environ, DATELINE_HOME=str(home), PYTHONPATH=str(REPO))
    done = subprocess.run(
        [sys.executable, "-m", "tests.unit.hostile.corpus_scan", str(CORPUS)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=360,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    summary = done.stdout.strip().splitlines()[-1]
    found = {k: int(v) for k, v in re.findall(r"(\w+)=(-?\d+)", summary)}
    found["_output"] = done.stdout[-5000:]  # type: ignore[assignment]
    return found


@pytest.mark.timeout(400)
def test_the_real_corpus_is_read_and_listed_without_a_crash(counts: dict[str, int]) -> None:
    assert counts["crashed"] == 0, counts["_output"]
    assert counts["read"] == counts["files"] > 0
    assert counts["listed"] > 0


@pytest.mark.timeout(400)
def test_the_real_corpus_is_thumbnailed_without_a_crash(counts: dict[str, int]) -> None:
    assert counts["thumb_crashed"] == 0, counts["_output"]
