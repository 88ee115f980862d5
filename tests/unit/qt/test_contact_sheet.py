# SPDX-License-Identifier: GPL-3.0-or-later
"""The contact sheet PDF holds every caption and credit, page numbers and placeholders."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QPageSize

from gallery_app.core.errors import DatelineError
from gallery_app.qt.contact_sheet import write_contact_sheet
from tests.unit.core.exports.gallery_fixture import make_gallery


def _text(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is needed to read the PDF back")
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True)
    return " ".join(out.stdout.decode("utf-8").split())


def test_every_caption_credit_and_page_number_is_in_the_pdf(qapp: object, tmp_path: Path) -> None:
    gallery = make_gallery(tmp_path / "g")
    out = tmp_path / "sheet.pdf"
    pages = write_contact_sheet(
        gallery, gallery.entries, out, columns=2, rows=2, paper=QPageSize.PageSizeId.A4
    )
    assert pages == 3 and out.read_bytes().startswith(b"%PDF")
    text = _text(out)
    for entry in gallery.entries:
        assert " ".join(entry.caption.split()[:4]) in text
    for credit in ("AP", "Reuters/Stringer", "Unknown"):
        assert credit in text
    assert "Photo not included" in text
    assert "Sunday 29 or Tuesday 31 March 2015" in text
    assert "Page 3 of 3" in text and "Iraqi FM Wants More Airstrikes" in text


def test_a_cancelled_sheet_leaves_no_file(qapp: object, tmp_path: Path) -> None:
    gallery = make_gallery(tmp_path / "g")
    out = tmp_path / "sheet.pdf"
    with pytest.raises(DatelineError, match="cancelled"):
        write_contact_sheet(gallery, gallery.entries, out, cancelled=lambda: True)
    assert not out.exists() and not list(tmp_path.glob(".sheet.pdf*"))
