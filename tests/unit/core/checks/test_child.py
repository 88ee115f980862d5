# SPDX-License-Identifier: GPL-3.0-or-later
"""The checks' child process: the app's entries in, the same findings as in-process out."""

from __future__ import annotations

import io
import pickle
import subprocess
import sys

from gallery_app.core.checks.run import check_entry
from gallery_app.core.loader import load_gallery


def test_the_child_finds_what_the_core_finds() -> None:
    entries = load_gallery(None, read_files=False).entries
    # The app sends its entries a slice at a time: several pickles, one after the other.
    slices = b"".join(pickle.dumps(entries[i : i + 4]) for i in range(0, len(entries), 4))
    done = subprocess.run(
        [sys.executable, "-m", "gallery_app.core.checks.child"],
        input=slices,
        capture_output=True,
        timeout=120,
        check=True,
    )
    found = {}
    answer = io.BytesIO(done.stdout)
    while answer.tell() < len(done.stdout):  # the answer comes in slices too
        found.update(pickle.load(answer))
    assert set(found) == {e.id for e in entries}
    assert {k: [f.message for f in v] for k, v in found.items() if v} == {
        "06": ["The caption says Sunday, but March 31, 2015 was a Tuesday."]
    }
    assert found["06"] == check_entry(entries[5])
