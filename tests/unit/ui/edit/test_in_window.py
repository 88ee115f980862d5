# SPDX-License-Identifier: GPL-3.0-or-later
"""Editing in the composed app: photo 6 resolved everywhere, undo, quitting asks, kill -9."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gallery_app.app import Composition
from gallery_app.core.edits.conflicts import date_conflict
from gallery_app.core.edits.journal import read_journal
from gallery_app.core.gallery.query import EntryFilter, filter_entries
from gallery_app.core.loader import load_gallery
from gallery_app.ui.edit import prompts
from gallery_app.ui.timeline.text import as_tooltip

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
NOTE = "Weekday says Sunday; the AP's own archive dates it March 29"


@pytest.fixture(autouse=True)
def _no_waiting(monkeypatch: pytest.MonkeyPatch) -> None:
    """No question may wait for a user who is not there (a test's own answer overrides)."""
    monkeypatch.setattr(prompts, "ask_unsaved", lambda *_a: prompts.Choice.DISCARD)
    monkeypatch.setattr(prompts, "ask_restore", lambda *_a: False)


def _open_bundled(app: Composition, qtbot: QtBot) -> None:
    with qtbot.wait_signal(app.window.gallery_shown, timeout=20000):
        app.window.open_path(None)


def _resolve_photo6(app: Composition) -> None:
    session = app.editing.session
    entry = session.entry("06")
    assert entry is not None
    conflict = date_conflict(entry)
    assert conflict is not None
    session.resolve("06", conflict.readings[0], NOTE)


def test_photo6_resolved_shows_in_grid_timeline_and_filter(
    make_app: Callable[..., Composition], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    _open_bundled(app, qtbot)
    _resolve_photo6(app)
    model = app.window.parts.model
    row = model.row_of("06")
    entry = model.entry(row)
    assert entry is not None and entry.taken is not None and entry.taken.iso() == "2015-03-29"
    tooltip = str(model.data(model.index(row), Qt.ItemDataRole.ToolTipRole))
    assert "Resolved" in tooltip and "originally 2015-03-31" in tooltip
    timeline = app.window.parts.timeline
    qtbot.wait_until(lambda: timeline.bar_label(0).endswith("29 Mar"))
    day = EntryFilter(date_from=entry.taken.day, date_to=entry.taken.day)
    assert [e.id for e in filter_entries(model.entries(), day)] == ["06"]
    assert app.window.windowTitle().startswith("● ")
    app.editing.session.undo_stack.undo()
    back = model.entry(model.row_of("06"))
    assert back is not None and back.taken is not None and back.taken.iso() == "2015-03-31"
    app.editing.session.undo_stack.redo()
    asked: list[int] = []

    def answer(_parent: object, count: int) -> prompts.Choice:
        asked.append(count)
        return prompts.Choice.CANCEL

    monkeypatch.setattr(prompts, "ask_unsaved", answer)
    assert not app.window.close()  # cancelled: the window stays
    assert asked == [1]
    monkeypatch.setattr(prompts, "ask_unsaved", lambda *_a: prompts.Choice.SAVE)
    assert app.window.close()
    assert read_journal() is None


def test_kill_9_between_edit_and_save_then_start_offers_the_journal(
    make_app: Callable[..., Composition], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = textwrap.dedent(
        """
        import os, signal
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from gallery_app.app import compose
        parts = compose(ask=False)
        def edit(gallery):
            entry = parts.editing.session.entry("01")
            parts.editing.session.edit(["01"], {"credit": "AP Photo"}, "from the wire")
            os.kill(os.getpid(), signal.SIGKILL)  # between the edit and a save
        parts.window.gallery_shown.connect(edit)
        parts.window.open_path(None)
        app.exec()
        """
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-c", script], env=env, check=False, timeout=120)
    assert proc.returncode == -signal.SIGKILL
    offered: list[tuple[int, str]] = []

    def restore(_parent: object, count: int, title: str) -> bool:
        offered.append((count, title))
        return True

    monkeypatch.setattr(prompts, "ask_restore", restore)
    app = make_app()
    _open_bundled(app, qtbot)
    assert offered == [(1, "Fighting In Iraq")]
    entry = app.window.parts.model.entry(app.window.parts.model.row_of("01"))
    assert entry is not None and entry.credit == "AP Photo"
    assert app.editing.session.pending_count() == 1
    monkeypatch.setattr(prompts, "ask_unsaved", lambda *_a: prompts.Choice.DISCARD)


def test_timeline_bar_tooltip_gives_the_original_date_and_the_note(
    make_app: Callable[..., Composition], qtbot: QtBot
) -> None:
    app = make_app()
    _open_bundled(app, qtbot)
    _resolve_photo6(app)
    timeline = app.window.parts.timeline
    qtbot.wait_until(lambda: timeline.bar_label(0).endswith("29 Mar"))
    text = timeline._tooltip(0)
    assert "Photo 6: date corrected, originally 2015-03-31" in text and NOTE in text
    assert "<br>" in as_tooltip(text) and "&#x27;" in as_tooltip(text)  # shown literally


def test_save_runs_in_the_background_and_editing_waits(
    make_app: Callable[..., Composition], qtbot: QtBot
) -> None:
    app = make_app()
    _open_bundled(app, qtbot)
    editing = app.editing
    editing.dock.show()
    editing.panel.show_entries(["02", "03"])
    editing.panel.rows["credit"].type_text("AP Photo")
    with qtbot.wait_signal(editing.session.saved, timeout=20000):
        assert editing.panel.save()
        assert editing.session.is_saving() and not editing.panel.isEnabled()
    assert editing.panel.isEnabled() and not editing.session.is_dirty()
    assert "Saved to gallery.json" in editing.panel.status.text()
    assert read_journal() is None
    credits = {e.id: e.credit for e in load_gallery(None).entries}
    assert credits["02"] == credits["03"] == "AP Photo"
