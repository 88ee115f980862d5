# SPDX-License-Identifier: GPL-3.0-or-later
"""Text from a manifest never acts on the terminal: tables escape controls, JSON stays valid."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from gallery_app.cli.main import main

CAPTION = "Boom \x1b[2J\x07\x00 cleared \x9b31m red \x7f and Tikrit\u202e, Iraq"
CREDIT = "AP\x1b]0;pwned\x07"
RAW_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def hostile_manifest(tmp_path: Path) -> Path:
    manifest = tmp_path / "gallery.json"
    doc = {
        "version": 1,
        "id": "hostile",
        "title": "Title \x1b[31m red",
        "entries": [
            {
                "id": "01",
                "position": 1,
                "image": None,
                "caption": CAPTION,
                "creditText": CREDIT,
                "contentLocation": {"name": "Tikrit\u202e, Iraq"},
                "warnings": ["a warning \x1b[2J"],
            }
        ],
    }
    manifest.write_text(json.dumps(doc), encoding="utf-8")
    return manifest


def test_the_table_shows_control_characters_as_escapes(
    hostile_manifest: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["list", str(hostile_manifest)]) == 0
    out = capsys.readouterr().out
    assert not RAW_CONTROLS.search(out), repr(out)
    assert "Boom \\x1b[2J\\x07\\x00 cleared \\x9b31m red \\x7f" in out
    assert "AP\\x1b]0;pwned\\x07" in out
    assert "Tikrit\\u202e, Iraq" in out
    assert "Title \\x1b[31m red" in out


def test_json_is_valid_inert_and_reads_back_the_same_text(
    hostile_manifest: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["list", str(hostile_manifest), "--json"]) == 0
    out = capsys.readouterr().out
    assert not RAW_CONTROLS.search(out), repr(out)
    entry = json.loads(out)["entries"][0]
    assert entry["caption"] == CAPTION  # escaped on the wire, equal when read
    assert entry["credit"] == CREDIT


def test_check_and_history_tables_escape_control_characters(
    hostile_manifest: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(hostile_manifest)]) in (0, 1)
    args = ["edit", str(hostile_manifest), "--entry", "01", "--set", f"credit={CREDIT}"]
    assert main([*args, "--note", "note \x1b[2J"]) == 0
    assert main(["history", str(hostile_manifest)]) == 0
    captured = capsys.readouterr()
    assert not RAW_CONTROLS.search(captured.out), repr(captured.out)
    assert not RAW_CONTROLS.search(captured.err), repr(captured.err)
    assert "AP\\x1b]0;pwned\\x07" in captured.out and "note \\x1b[2J" in captured.out
