# SPDX-License-Identifier: GPL-3.0-or-later
"""The journal of unsaved corrections: private, survives a kill -9, damaged ones set aside."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap

from gallery_app.core.edits.journal import journal_path, read_journal, write_journal
from gallery_app.core.models import Correction

RECORD = Correction("credit", None, "AP", "2015-04-01T10:00:00Z", "from the wire")


def test_journal_is_private_and_round_trips() -> None:
    write_journal("/g/gallery.json", "Fighting In Iraq", {"06": [RECORD]})
    assert stat.S_IMODE(journal_path().stat().st_mode) == 0o600
    journal = read_journal()
    assert journal is not None and journal.count == 1
    assert journal.pending["06"] == (RECORD,)
    write_journal("/g/gallery.json", "Fighting In Iraq", {})
    assert read_journal() is None and not journal_path().exists()


def test_a_damaged_journal_is_set_aside() -> None:
    journal_path().write_text("{not json", encoding="utf-8")
    assert read_journal() is None
    assert list(journal_path().parent.glob("unsaved-corrections.json.broken-*"))


def test_kill_9_between_edit_and_save_loses_nothing() -> None:
    script = textwrap.dedent(
        """
        import os, signal
        from gallery_app.core.edits.apply import make_correction
        from gallery_app.core.edits.journal import write_journal
        from gallery_app.core.loader import load_gallery
        gallery = load_gallery(None)
        entry = gallery.entries[5]
        record = make_correction(entry, "date", "2015-03-29", note="n", reading="Sunday 29")
        write_journal(str(gallery.source), gallery.title, {entry.id: [record]})
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], env=os.environ.copy(), check=False)
    assert proc.returncode == -signal.SIGKILL
    journal = read_journal()
    assert journal is not None and journal.count == 1
    assert journal.pending["06"][0].new == "2015-03-29"
