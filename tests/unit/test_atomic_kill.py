# SPDX-License-Identifier: GPL-3.0-or-later
"""A writer killed with SIGKILL at any moment leaves the previous or the new file, never a mix.

A child process rewrites one of Dateline's files in a loop — the photo links
(``LinkStore``, through ``core.atomic``), a gallery manifest (``core.atomic``)
and the settings (QSettings) — printing the number of each completed write.
The parent reads a random number of those lines and kills the child at once,
so the kill lands at a random point of the next write (serialising, writing
the temporary file, fsync, rename).  The file left behind must parse and be
exactly version N or N+1.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ROUNDS = 12

LINKS_WRITER = """
import sys
from pathlib import Path
from gallery_app.core.store.links import LinkStore
store = LinkStore(Path(sys.argv[1]))
pad = "/photos/" + "p" * 200
for k in range(1_000_000):
    store._links = {"g": {f"e{i}": f"{pad}/{k}/{i}.jpg" for i in range(2000)}}
    store.set("g", "version", Path(f"/v/{k}.jpg"))
    print(k, flush=True)
"""

MANIFEST_WRITER = """
import json, sys
from pathlib import Path
from gallery_app.core.store.atomic import write_text_atomic
target = Path(sys.argv[1])
for k in range(1_000_000):
    doc = {"version": 1, "title": f"Gallery {k}", "entries": [
        {"id": f"{i:04d}", "position": i + 1, "caption": f"v{k} caption {i} " + "x" * 300}
        for i in range(1000)]}
    write_text_atomic(target, json.dumps(doc))
    print(k, flush=True)
"""

SETTINGS_WRITER = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from gallery_app.qt.settings import Settings
app = QCoreApplication([])
settings = Settings(Path(sys.argv[1]))
for k in range(1_000_000):
    settings.thumbnail_size = 64 + k % 400
    settings._qs.setValue("test/version", k)
    settings._qs.setValue("test/pad", f"{k}:" + "y" * 200_000)
    settings.sync()
    print(k, flush=True)
"""


def _kill_at_random(script: str, target: Path, rng: random.Random) -> int:
    """Run the writer, let it finish a random number of writes, SIGKILL it; the last ack."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    with subprocess.Popen(
        [sys.executable, "-c", script, str(target)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO,
    ) as proc:
        assert proc.stdout is not None
        last = -1
        try:
            for _ in range(rng.randint(1, 4)):
                line = proc.stdout.readline()
                assert line, "the writer stopped by itself"
                last = int(line)
            # ...and a random extra slice of the next write, in CPU work rather than sleep
            sum(range(rng.randint(0, 400_000)))
        finally:
            os.kill(proc.pid, signal.SIGKILL)
            rest = proc.stdout.read()
            proc.wait(timeout=30)
    acks = [int(x) for x in rest.split()]
    return acks[-1] if acks else last


def _leftovers(folder: Path, target: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p != target and not p.name.endswith(".tmp"))


@pytest.mark.timeout(120)
def test_links_file_survives_sigkill(tmp_path: Path) -> None:
    from gallery_app.core.store.links import LinkStore

    rng = random.Random(1)
    target = tmp_path / "links.json"
    for _ in range(ROUNDS):
        last = _kill_at_random(LINKS_WRITER, target, rng)
        store = LinkStore(target)
        assert store.set_aside is None, "a torn links file"
        links = store.links_for("g")
        version = int(links["version"].stem)
        assert version in (last, last + 1)
        assert len(links) == 2001
        assert {p.parent.name for k, p in links.items() if k != "version"} == {str(version)}
        assert _leftovers(tmp_path, target) == []


@pytest.mark.timeout(120)
def test_manifest_survives_sigkill(tmp_path: Path) -> None:
    from gallery_app.core.gallery.manifest import load_manifest

    rng = random.Random(2)
    target = tmp_path / "gallery.json"
    for _ in range(ROUNDS):
        last = _kill_at_random(MANIFEST_WRITER, target, rng)
        doc = json.loads(target.read_text(encoding="utf-8"))
        version = int(doc["title"].split()[-1])
        assert version in (last, last + 1)
        assert all(e["caption"].startswith(f"v{version} ") for e in doc["entries"])
        gallery = load_manifest(target)
        assert len(gallery.entries) == 1000


@pytest.mark.timeout(120)
def test_settings_file_survives_sigkill(tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    rng = random.Random(3)
    target = tmp_path / "dateline.ini"
    for _ in range(ROUNDS):
        last = _kill_at_random(SETTINGS_WRITER, target, rng)
        data = target.read_bytes()
        assert b"\x00" not in data
        settings = QSettings(str(target), QSettings.Format.IniFormat)
        assert settings.status() == QSettings.Status.NoError
        version = int(settings.value("test/version"))
        assert version in (last, last + 1)
        pad = str(settings.value("test/pad"))
        assert pad == f"{version}:" + "y" * 200_000
        del settings
