# SPDX-License-Identifier: GPL-3.0-or-later
"""The editing session on a folder: sidecars, a sidecar changed by another program, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gallery_app.core.edits.journal import read_journal
from gallery_app.core.edits.ondisk import ChangedOnDisk
from gallery_app.core.loader import load_gallery
from gallery_app.core.metadata import xmp as xmp_reader
from gallery_app.qt.edits.session import EditSession
from tests.imaging import exif_block, make_jpeg, xmp_packet


def _session(folder: Path) -> EditSession:
    session = EditSession()
    session.set_gallery(load_gallery(folder))
    return session


def test_a_sidecar_changed_meanwhile_is_noticed_then_merged(tmp_path: Path, qtbot: QtBot) -> None:
    photo = make_jpeg(tmp_path / "a.jpg", exif=exif_block(description="Old"))
    sidecar = tmp_path / "a.jpg.xmp"
    sidecar.write_bytes(xmp_packet(city="Baghdad"))
    session = _session(tmp_path)
    with qtbot.wait_signal(session.gallery_changed):
        session.edit(["a.jpg"], {"credit": "AP"}, "wire")
    sidecar.write_bytes(xmp_packet(city="Mosul"))  # another program, while Dateline has it open
    with pytest.raises(ChangedOnDisk):
        session.save()
    assert session.is_dirty() and read_journal() is not None
    session.save(force=True)
    values = xmp_reader.parse_packet(sidecar.read_bytes())
    assert values["XMP photoshop:City"] == "Mosul"  # theirs kept
    assert values["XMP photoshop:Credit"] == "AP"  # ours added
    assert not session.is_dirty() and read_journal() is None
    assert photo.is_file()


def test_undo_and_redo_every_edit(tmp_path: Path) -> None:
    make_jpeg(tmp_path / "a.jpg", exif=exif_block(description="Old"))
    session = _session(tmp_path)
    session.edit(["a.jpg"], {"caption": "New"})
    session.edit(["a.jpg"], {"credit": "AP"})
    assert session.pending_count() == 2
    session.undo_stack.undo()
    entry = session.entry("a.jpg")
    assert entry is not None and entry.credit is None and entry.caption == "New"
    session.undo_stack.undo()
    entry = session.entry("a.jpg")
    assert entry is not None and entry.caption == "Old" and not session.is_dirty()
    session.undo_stack.redo()
    assert session.pending_count() == 1


def test_a_rescan_keeps_pending_corrections(tmp_path: Path) -> None:
    make_jpeg(tmp_path / "a.jpg", exif=exif_block(description="Old"))
    session = _session(tmp_path)
    session.edit(["a.jpg"], {"caption": "New"})
    session.set_gallery(load_gallery(tmp_path))  # the folder was scanned again
    entry = session.entry("a.jpg")
    assert entry is not None and entry.caption == "New" and session.pending_count() == 1
