# SPDX-License-Identifier: GPL-3.0-or-later
"""gallery-cli as a user runs it: the bundled gallery, filters, search, import, bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from gallery_app.cli.main import main
from gallery_app.core.gallery.export import ENTRY_KEYS
from gallery_app.core.paths import bundled_gallery_path

SEED = Path(__file__).resolve().parents[4] / "shared" / "seeds" / "000_434daab715aed8b6.txt"


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:  # type: ignore[type-arg]
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_list_is_in_time_order_and_sorts_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    def positions(*argv: str) -> list[int]:
        return [e["position"] for e in _json(capsys, "list", "--json", *argv)["entries"]]

    assert positions() == [1, 2, 3, 5, 8, 6, 4, 7, 9, 10, 11]
    assert positions("--sort", "position") == list(range(1, 12))
    assert positions("--sort", "position", "--reverse") == list(range(11, 0, -1))
    assert positions("--reverse")[:5] == [11, 10, 9, 7, 4]


def test_bundled_gallery_lists_eleven_entries_true_to_the_article(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = _json(capsys, "list", "--json", "--sort", "position")
    entries = data["entries"]
    assert data["gallery"]["title"] == "Fighting In Iraq"
    assert data["gallery"]["article"]["headline"].startswith("Iraqi FM Wants More Airstrikes")
    assert len(entries) == 11
    assert all(tuple(e) == ENTRY_KEYS for e in entries)
    assert [e["date"] for e in entries] == [
        "2015-03-30", "2015-03-30", "2015-03-30", "2015-04-02", "2015-03-30", "2015-03-31",
        "2015-04-03", "2015-03-30", "2015-04-03", "2015-04-03", "2015-04-03",
    ]  # fmt: skip
    assert {e["date_precision"] for e in entries} == {"day"}
    assert {e["creator"] for e in entries} == {"Khalid Mohammed"}
    assert [e["file_photo"] for e in entries] == [True] * 8 + [False] * 3
    assert {e["image_status"] for e in entries} == {"none"}
    assert all(e["image"] is None and e["width"] is None for e in entries)
    assert entries[0]["location"]["city"] == "Tikrit"
    assert entries[0]["location"]["country_code"] == "IQ"
    assert entries[0]["location"]["lat"] == pytest.approx(34.6, abs=0.2)
    assert entries[6]["location"]["name"].startswith("the main road between Baghdad and Tikrit")
    assert "Sunday" in entries[5]["warnings"][0] and "Tuesday" in entries[5]["warnings"][0]
    assert all(e["credit"] for e in entries)
    assert all(e["context"]["gallery_index"] == 12 for e in entries)


def test_one_day_lists_exactly_the_four_photos_of_april_3(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = _json(capsys, "list", "--from", "2015-04-03", "--to", "2015-04-03", "--json")
    assert [e["position"] for e in data["entries"]] == [7, 9, 10, 11]
    assert data["gallery"]["total"] == 11


def test_search_palaces_finds_the_last_photo(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys, "list", "--search", "palaces", "--json")
    assert [e["position"] for e in data["entries"]] == [11]


def test_table_output_is_readable(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--from", "2015-03-31", "--to", "2015-03-31"]) == 0
    out = capsys.readouterr().out
    assert "Fighting In Iraq — 1 of 11 entries shown" in out
    assert "2015-03-31 (?)" in out and "! The caption says Sunday" in out


def test_import_article_writes_the_same_entries_plus_context(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = bundled_gallery_path().parent / "article.txt"
    out = tmp_path / "g.json"
    assert main(["import-article", str(article), "--id", "fighting-in-iraq", "-o", str(out)]) == 0
    capsys.readouterr()
    imported = _json(capsys, "list", str(out), "--json")
    bundled = _json(capsys, "list", "--json")
    assert imported["entries"] == bundled["entries"]
    paragraphs = imported["gallery"]["article"]["paragraphs"]
    text = " ".join(paragraphs)
    assert "Our 2024 Coverage Needs You" not in text and "Support HuffPost" not in text
    assert "Open Image Modal" not in text


@pytest.mark.skipif(not SEED.is_file(), reason="the shared seed article is not beside the repo")
def test_bundled_article_is_the_seed() -> None:
    assert (bundled_gallery_path().parent / "article.txt").read_bytes() == SEED.read_bytes()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["list", "--from", "03/04/2015"], "is not a date of the form YYYY-MM-DD"),
        (["list", "--from", "2015-04-03", "--to", "2015-03-30"], "comes after"),
        (["list", "/definitely/not/here"], "no such file or folder"),
        (["frobnicate"], "invalid choice"),
        (["import-article", "/definitely/not/here.txt"], "here.txt"),
    ],
)
def test_bad_input_exits_2_with_one_sentence(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err and err.count("\n") == 1


def test_broken_manifest_exits_2_naming_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "gallery.json"
    bad.write_text('{\n  "version": 1,\n  "title": ,\n}', encoding="utf-8")
    assert main(["list", str(bad)]) == 2
    assert "gallery.json, line 3, column 12" in capsys.readouterr().err


def test_console_script_help_has_examples() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "gallery_app.cli.main", "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert "examples:" in result.stdout and "--from 2015-04-03" in result.stdout


def test_an_output_that_cannot_be_written_is_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    article = bundled_gallery_path().parent / "article.txt"
    target = blocker / "gallery.json"
    assert main(["import-article", str(article), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\n") == 1
    assert str(target) in err


NO_GALLERY_ARTICLE = """\
Council Approves New Bridge

The vote ends a decade of debate.

The city council voted 7-2 on Tuesday to build a new bridge over the river.
"""


def test_the_table_says_why_a_gallery_is_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "bridge.txt"
    article.write_text(NO_GALLERY_ARTICLE, encoding="utf-8")
    assert main(["list", str(article)]) == 0
    out = capsys.readouterr().out
    assert "0 of 0 entries shown" in out
    assert "! The article has no photo gallery" in out


def test_import_article_names_what_is_wrong_with_the_gallery(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "bridge.txt"
    article.write_text(NO_GALLERY_ARTICLE, encoding="utf-8")
    assert main(["import-article", str(article), "-o", str(tmp_path / "g.json")]) == 0
    err = capsys.readouterr().err
    assert "Wrote" in err and "The article has no photo gallery" in err


@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that keeps any bytes")
@pytest.mark.parametrize("as_json", [True, False])
def test_a_file_name_that_is_not_utf8_prints_as_utf8(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], as_json: bool
) -> None:
    """A strict UTF-8 stdout (en_US.UTF-8) refused the name's raw bytes with a traceback,
    and under C.UTF-8 they made the JSON undecodable."""
    import os

    from PIL import Image

    folder = tmp_path / "trip"
    folder.mkdir()
    Image.new("RGB", (40, 30)).save(os.fsdecode(bytes(folder) + b"/caf\xe9.jpg"), "JPEG")
    assert main(["list", str(folder), *(["--json"] if as_json else [])]) == 0
    out = capsys.readouterr().out
    out.encode("utf-8")  # what a strict UTF-8 stdout does
    assert "caf\ufffd.jpg" in out
    if as_json:
        entry = json.loads(out)["entries"][0]
        assert entry["image"].endswith("caf\ufffd.jpg") and entry["id"] == "caf\ufffd.jpg"


def test_every_entry_field_is_declared_once_for_the_json_export() -> None:
    from dataclasses import fields

    from gallery_app.core.gallery.export import ENTRY_EXPORT
    from gallery_app.core.models import Entry

    assert set(ENTRY_EXPORT) == {f.name for f in fields(Entry)}


def test_list_json_is_compact_unless_pretty(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--json"]) == 0
    compact = capsys.readouterr().out
    assert compact.count("\n") == 1 and compact.endswith("}\n")
    assert main(["list", "--json", "--pretty"]) == 0
    pretty = capsys.readouterr().out
    assert pretty.count("\n") > 10
    assert json.loads(compact) == json.loads(pretty)
