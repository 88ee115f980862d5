# SPDX-License-Identifier: GPL-3.0-or-later
"""gallery-cli edit and history: the bundled gallery's photo 6, a folder's sidecar."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from gallery_app.cli.main import main
from gallery_app.core.paths import bundled_copy_path, bundled_gallery_path
from tests.imaging import exif_block, make_jpeg

NOTE = "Weekday says Sunday; the AP's own archive dates it March 29"


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_resolving_photo6_shows_in_list_and_history(capsys: pytest.CaptureFixture[str]) -> None:
    shipped = bundled_gallery_path().read_bytes()
    assert main(["edit", "--entry", "06", "--resolve", "weekday", "--note", NOTE]) == 0
    assert "Saved 1 correction" in capsys.readouterr().err
    assert bundled_gallery_path().read_bytes() == shipped
    assert bundled_copy_path().is_file()
    data = _json(capsys, "list", "--json", "--from", "2015-03-29", "--to", "2015-03-29")
    assert isinstance(data, dict)
    (entry,) = data["entries"]
    assert entry["id"] == "06" and entry["date"] == "2015-03-29"
    assert entry["corrections"][0] == {
        "field": "date",
        "old": "2015-03-31",
        "new": "2015-03-29",
        "at": entry["corrections"][0]["at"],
        "note": NOTE,
        "reading": "Sunday 29",
    }
    assert entry["warnings"][0].startswith("Resolved:") and NOTE in entry["warnings"][0]
    assert main(["list"]) == 0
    table = capsys.readouterr().out
    assert "date corrected" in table and "was 2015-03-31" in table
    history = _json(capsys, "history", "--entry", "06", "--json")
    assert isinstance(history, list) and history[0]["entry"] == "06"


def test_every_entry_has_a_corrections_list(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys, "list", "--json")
    assert isinstance(data, dict)
    assert all(e["corrections"] == [] for e in data["entries"])


def test_folder_edit_writes_a_sidecar_exiftool_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    photo = make_jpeg(tmp_path / "a.jpg", exif=exif_block(description="Old caption"))
    before = photo.read_bytes()
    argv = ["edit", str(tmp_path), "--entry", "a.jpg", "--set", "caption=New caption",
            "--set", "credit=AP", "--set", "date=2015-03-29", "--note", "wire check"]  # fmt: skip
    assert main(argv) == 0
    assert photo.read_bytes() == before
    sidecar = tmp_path / "a.jpg.xmp"
    exiftool = shutil.which("exiftool")
    if exiftool:
        out = subprocess.run(
            [exiftool, "-use", "MWG", "-j", "-Description", "-Credit", "-DateTimeOriginal",
             str(sidecar)],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        got = json.loads(out)[0]
        assert (got["Description"], got["Credit"]) == ("New caption", "AP")
        assert str(got["DateTimeOriginal"]).startswith("2015:03:29")
    capsys.readouterr()
    data = _json(capsys, "list", str(tmp_path), "--json")
    assert isinstance(data, dict)
    (entry,) = data["entries"]
    assert (entry["caption"], entry["credit"], entry["date"]) == ("New caption", "AP", "2015-03-29")
    assert [c["field"] for c in entry["corrections"]] == ["caption", "credit", "date"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["edit", "--entry", "99", "--set", "credit=AP"], "no entry “99”"),
        (["edit", "--entry", "01", "--set", "date=31/03/2015"], "not an ISO 8601 date"),
        (["edit", "--entry", "01", "--set", "credit"], "write FIELD=VALUE"),
        (["edit", "--entry", "01", "--resolve", "weekday"], "no date conflict"),
        (["edit", "--entry", "01"], "Nothing to change"),
    ],
)
def test_bad_edits_get_one_sentence(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
