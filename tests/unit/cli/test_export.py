# SPDX-License-Identifier: GPL-3.0-or-later
"""gallery-cli export: the bundled gallery in every format, filtered; errors as sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gallery_app.cli.main import main


@pytest.mark.parametrize("fmt", ["timelinejs", "iiif", "csv", "html", "pdf"])
def test_the_bundled_gallery_exports_in_every_format(
    qapp: object, tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # qapp: in this process the PDF must reuse the suite's QApplication, not make its own
    out = tmp_path / ("web" if fmt == "html" else f"out.{fmt}")
    assert main(["export", "--format", fmt, "-o", str(out)]) == 0
    written = out / "index.html" if fmt == "html" else out
    assert written.stat().st_size > 1000
    assert "Wrote" in capsys.readouterr().err


def test_the_filter_applies_and_the_export_lists_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "april3.json"
    args = ["export", "--format", "iiif", "-o", str(out), "--from", "2015-04-03"]
    assert main([*args, "--to", "2015-04-03"]) == 0
    assert len(json.loads(out.read_text("utf-8"))["items"]) == 4
    capsys.readouterr()
    assert main(["list", str(out), "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)["entries"]
    assert [e["date"] for e in entries] == ["2015-04-03"] * 4
    assert {e["credit"] for e in entries} == {"ASSOCIATED PRESS"}


def test_a_bad_grid_or_target_is_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["export", "--format", "pdf", "-o", str(tmp_path / "x.pdf"), "--per-page", "9"]) == 2
    )
    assert "columns x rows" in capsys.readouterr().err
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["export", "--format", "csv", "-o", str(blocker / "x.csv")]) == 2
    assert "cannot be written" in capsys.readouterr().err
