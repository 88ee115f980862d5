# SPDX-License-Identifier: GPL-3.0-or-later
"""Manifest strictness: a key given twice is an error naming it and its line; indices from 1."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from gallery_app.cli.main import main
from gallery_app.core.errors import ManifestError
from gallery_app.core.gallery.manifest import load_manifest
from gallery_app.core.gallery.strict_json import duplicate_key_line

DUPLICATED = """{
  "version": 1,
  "id": "dup",
  "title": "Twice",
  "entries": [
    {"id": "01", "position": 1, "caption": "one"},
    {"id": "02", "position": 2,
     "caption": "the first caption",
     "caption": "the second caption"}
  ]
}
"""


def test_a_duplicate_key_names_the_key_and_its_line(tmp_path: Path) -> None:
    path = tmp_path / "gallery.json"
    path.write_text(DUPLICATED, encoding="utf-8")
    with pytest.raises(ManifestError) as caught:
        load_manifest(path)
    message = str(caught.value)
    assert message.startswith("gallery.json, line 9: ")
    assert "“caption” appears twice" in message


def test_the_cli_exits_2_with_that_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "gallery.json"
    path.write_text(DUPLICATED, encoding="utf-8")
    assert main(["list", str(path)]) == 2
    err = capsys.readouterr().err
    assert "line 9" in err and "caption" in err and "Traceback" not in err


def test_equal_keys_in_different_objects_are_fine() -> None:
    text = '{"a": {"id": 1}, "b": [{"id": 2}, {"id": 3, "x": "\\"id\\": {"}]}'
    assert duplicate_key_line(text) is None
    assert duplicate_key_line('{"a": 1,\n "b": {"c": 1, "c": 2}}') == ("c", 2)
    assert duplicate_key_line('{"k\\u0065y": 1, "key": 2}') == ("key", 1)


def test_paragraphs_in_json_count_from_1_as_the_reason_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = {
        "version": 1,
        "id": "linked",
        "title": "Linked",
        "article": {"headline": "H", "paragraphs": ["One.", "Two.", "Tikrit three."]},
        "entries": [
            {
                "id": "01",
                "position": 1,
                "caption": "Forces in Tikrit.",
                # the file keeps 0-based indices; the reason counts as a reader does
                "context": {"paragraphs": [2], "reason": "shares “Tikrit” with paragraph 3"},
            }
        ],
    }
    path = tmp_path / "gallery.json"
    path.write_text(json.dumps(manifest), encoding="utf-8")
    assert main(["list", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    paragraphs = data["gallery"]["article"]["paragraphs"]
    context = data["entries"][0]["context"]
    named = [int(n) for n in re.findall(r"paragraph (\d+)", context["reason"])]
    assert named == context["paragraphs"] == [3]
    assert paragraphs[context["paragraphs"][0] - 1] == "Tikrit three."
