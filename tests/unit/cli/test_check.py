# SPDX-License-Identifier: GPL-3.0-or-later
"""gallery-cli check: exit codes, the JSON a script reads, and list's warnings agreeing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gallery_app.cli.main import main
from tests.imaging import exif_block, iptc_block, make_jpeg

CAPTION = (
    "In this Monday, March 30, 2015 photo, Iraqi forces advance in Tikrit, Iraq. "
    "(AP Photo/Khalid Mohammed)"
)


def _gallery(tmp_path: Path, *, date: str, credit: str) -> Path:
    make_jpeg(
        tmp_path / "a.jpg",
        exif=exif_block(date_original=date),
        iptc=iptc_block({"credit": credit}),
    )
    doc = {
        "version": 1,
        "title": "One photo",
        "entries": [{"id": "a", "caption": CAPTION, "image": "a.jpg"}],
    }
    (tmp_path / "gallery.json").write_text(json.dumps(doc), encoding="utf-8")
    return tmp_path / "gallery.json"


def test_bundled_gallery_reports_photo_6s_weekday_and_nothing_else(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", "--json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["gallery"]["title"] == "Fighting In Iraq"
    assert doc["findings"] == [
        {
            "entry": "06",
            "position": 6,
            "kind": "weekday",
            "severity": "warning",
            "message": "The caption says Sunday, but March 31, 2015 was a Tuesday.",
            "values": {"caption": "Sunday, March 31, 2015", "calendar": "Tuesday"},
            "sources": {"caption": "caption text", "calendar": "calendar"},
        }
    ]
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "1 finding in 11 entries" in out and "Tuesday" in out


def test_a_clean_gallery_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _gallery(tmp_path, date="2015:03:30 12:00:00", credit="The Associated Press")
    assert main(["check", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["findings"] == []


def test_findings_exit_1_and_appear_in_list_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _gallery(tmp_path, date="2008:05:30 12:00:00", credit="Reuters")
    assert main(["check", str(path), "--json"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert sorted(f["kind"] for f in findings) == ["credit", "date"]
    assert main(["list", str(path), "--json"]) == 0
    warnings = json.loads(capsys.readouterr().out)["entries"][0]["warnings"]
    assert [f["message"] for f in findings] == [w for w in warnings if "file's" in w]


@pytest.mark.parametrize("bad", ["missing.json", "broken.json"])
def test_bad_input_exits_2_with_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bad: str
) -> None:
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    assert main(["check", str(tmp_path / bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("gallery-cli: ") and "Traceback" not in err
