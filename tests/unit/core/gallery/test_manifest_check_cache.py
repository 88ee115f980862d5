# SPDX-License-Identifier: GPL-3.0-or-later
"""A manifest that passed the schema once opens without the schema check next time;
any edit to it is checked again, so a broken edit still gets its sentence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gallery_app.core.errors import ManifestError
from gallery_app.core.gallery import manifest


def _write(path: Path, title: object) -> Path:
    data = {
        "version": 1,
        "title": title,
        "entries": [{"id": "01", "position": 1, "caption": "A caption."}],
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_the_same_bytes_skip_the_schema_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path / "gallery.json", "Day one")
    assert manifest.load_manifest(path).title == "Day one"

    def must_not_run(_data: object, _name: str) -> None:
        raise AssertionError("validated twice")

    monkeypatch.setattr(manifest, "_validate", must_not_run)
    assert manifest.load_manifest(path).title == "Day one"


def test_an_edited_manifest_is_checked_again(tmp_path: Path) -> None:
    path = _write(tmp_path / "gallery.json", "Day one")
    manifest.load_manifest(path)
    _write(path, 42)  # the title must be a string
    with pytest.raises(ManifestError, match="title"):
        manifest.load_manifest(path)
    with pytest.raises(ManifestError, match="title"):  # failures are never remembered
        manifest.load_manifest(path)
