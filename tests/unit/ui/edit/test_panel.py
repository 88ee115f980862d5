# SPDX-License-Identifier: GPL-3.0-or-later
"""The edit panel on the bundled gallery: resolve photo 6, undo, batch, template, limits."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gallery_app.core.edits.journal import read_journal
from gallery_app.core.loader import load_gallery
from gallery_app.core.paths import bundled_copy_path
from gallery_app.qt.edits.session import EditSession
from gallery_app.qt.settings import Settings
from gallery_app.ui.edit.field_row import CLEAN, EDITED, UNSAVED
from gallery_app.ui.edit.panel import EditPanel
from gallery_app.ui.edit.resolve_dialog import ResolveDialog

NOTE = "Weekday says Sunday; the AP's own archive dates it March 29"


@pytest.fixture
def panel(qtbot: QtBot, tmp_path: Path) -> EditPanel:
    session = EditSession()
    session.set_gallery(load_gallery(None))
    widget = EditPanel(session, Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(widget)
    widget.resize(420, 900)
    return widget


def _session(panel: EditPanel) -> EditSession:
    return panel._session


def test_photo6_resolves_to_march_29_with_a_note_and_undo_brings_it_back(
    panel: EditPanel, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel.show_entries(["06"])
    assert panel.resolve_button.isVisibleTo(panel)
    assert "Sunday, but March 31, 2015 was a Tuesday" in panel.conflict.text()

    def accept(dialog: ResolveDialog) -> int:
        dialog.choose("weekday")
        dialog.note.setPlainText(NOTE)
        return ResolveDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ResolveDialog, "exec", accept)
    with qtbot.wait_signal(_session(panel).gallery_changed):
        panel.resolve_button.click()
    entry = _session(panel).entry("06")
    assert entry is not None and entry.taken is not None and entry.taken.iso() == "2015-03-29"
    assert panel.rows["date"].text() == "2015-03-29"
    assert panel.rows["date"].state() == UNSAVED
    assert not panel.resolve_button.isVisibleTo(panel)
    assert panel.conflict.text().startswith("Resolved:") and NOTE in panel.conflict.text()
    journal = read_journal()
    assert journal is not None and journal.count == 1
    _session(panel).undo_stack.undo()
    entry = _session(panel).entry("06")
    assert entry is not None and entry.taken is not None and entry.taken.iso() == "2015-03-31"
    assert panel.resolve_button.isVisibleTo(panel)
    assert read_journal() is None
    _session(panel).undo_stack.redo()
    assert panel.save()
    assert panel.rows["date"].state() == CLEAN
    assert bundled_copy_path().is_file()
    again = load_gallery(None).entries[5]
    assert again.taken is not None and again.taken.iso() == "2015-03-29"


def test_typing_marks_a_field_and_counts_iim_bytes(panel: EditPanel) -> None:
    panel.show_entries(["01"])
    row = panel.rows["credit"]
    row.type_text("x" * 40)
    assert row.state() == EDITED
    assert "8 over" in row.length.text()
    assert panel.apply_button.isEnabled()
    row.type_text(row._baseline or "")
    assert row.state() == CLEAN


def test_batch_edit_sets_a_credit_on_every_selected_photo(panel: EditPanel) -> None:
    ids = ["01", "02", "03"]
    panel.show_entries(ids)
    assert "3 photos selected" in panel.header.text()
    panel.rows["credit"].type_text("AP Photo")
    assert panel.apply_changes() == 3
    assert all(_session(panel).entry(i).credit == "AP Photo" for i in ids)  # type: ignore[union-attr]
    _session(panel).undo_stack.undo()  # one step for the whole batch
    assert all(_session(panel).entry(i).credit != "AP Photo" for i in ids)  # type: ignore[union-attr]


def test_template_fills_credit_copyright_creator(panel: EditPanel) -> None:
    panel.show_entries(["01"])
    panel.rows["credit"].type_text("AP")
    panel.rows["copyright"].type_text("© 2015 AP")
    panel.rows["creator"].type_text("Khalid Mohammed")
    panel.template_save.click()
    panel.show_entries(["02"])
    panel.rows["credit"].type_text("")
    panel.template_apply.click()
    assert panel.rows["copyright"].text() == "© 2015 AP"
    assert panel.rows["copyright"].state() == EDITED


def test_bad_date_is_said_and_nothing_changes(panel: EditPanel) -> None:
    panel.show_entries(["01"])
    panel.rows["date"].type_text("31/03/2015")
    assert panel.date_hint.property("error")
    assert panel.apply_changes() == 0
    assert "not an ISO 8601 date" in panel.status.text()
    assert not _session(panel).is_dirty()


def test_gazetteer_fills_coordinates(panel: EditPanel) -> None:
    panel.show_entries(["01"])
    panel.rows["city"].type_text("Mosul")
    panel.fill_button.click()
    assert panel.rows["lat"].text().startswith("36.")
    assert panel.rows["lat"].state() == EDITED


def test_folder_caption_credit_and_date_typed_in_the_panel_are_read_back(
    qtbot: QtBot, tmp_path: Path
) -> None:
    import json
    import shutil
    import subprocess

    from tests.imaging import exif_block, make_jpeg

    folder = tmp_path / "photos"
    folder.mkdir()
    photo = make_jpeg(
        folder / "a.jpg", exif=exif_block(description="Old", date_original="2015:03:31 10:00:00")
    )
    before = photo.read_bytes()
    session = EditSession()
    session.set_gallery(load_gallery(folder))
    panel = EditPanel(session, Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(panel)
    panel.show_entries(["a.jpg"])
    assert panel.rows["caption"].source.text() == "from: EXIF ImageDescription"
    panel.rows["caption"].type_text("Rockets over Tikrit")
    panel.rows["credit"].type_text("AP")
    panel.rows["date"].type_text("2015-03-29T10:00+03:00")
    panel.note.setText("AP archive")
    assert panel.apply_changes() == 3
    assert panel.save()
    assert photo.read_bytes() == before
    sidecar = folder / "a.jpg.xmp"
    exiftool = shutil.which("exiftool")
    if exiftool:
        out = subprocess.run(
            [exiftool, "-use", "MWG", "-j", "-Description", "-Credit", "-DateTimeOriginal",
             str(sidecar)],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        got = json.loads(out)[0]
        assert (got["Description"], got["Credit"]) == ("Rockets over Tikrit", "AP")
        assert str(got["DateTimeOriginal"]).startswith("2015:03:29 10:00")
    again = load_gallery(folder).entries[0]  # what Dateline shows after a restart
    assert (again.caption, again.credit) == ("Rockets over Tikrit", "AP")
    assert again.taken is not None and again.taken.iso() == "2015-03-29T10:00:00+03:00"
