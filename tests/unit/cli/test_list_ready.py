# SPDX-License-Identifier: GPL-3.0-or-later
"""``gallery-cli list FOLDER --json`` from stored ready entries prints what the full path prints."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from gallery_app.cli import main as cli_main
from gallery_app.cli.main import main
from gallery_app.core.listing import build as build_module
from tests.unit.photo_files import make_tagged_jpeg

BASE = dt.datetime(2015, 3, 29, 14, 5)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "shoot"
    make_tagged_jpeg(root / "b.jpg", taken=BASE, caption="Sunday, March 29, 2015: troops.")
    make_tagged_jpeg(root / "a.jpg", taken=BASE, caption="Same second as b.jpg")
    make_tagged_jpeg(root / "day2" / "c.jpg", taken=BASE + dt.timedelta(days=1), caption="Monday")
    # The caption's weekday contradicts its date, and the date the file's: findings.
    make_tagged_jpeg(root / "day2" / "d.jpg", taken=BASE, caption="Tuesday, March 29, 2015.")
    make_tagged_jpeg(root / "undated.jpg", caption="No date at all")
    make_tagged_jpeg(root / "Z.jpg", taken=BASE - dt.timedelta(days=400), caption="Old")
    later = dt.datetime.now() + dt.timedelta(days=30)
    make_tagged_jpeg(root / "future.jpg", taken=later, caption="A camera clock ahead")
    return root


def _out(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(["list", *argv]) == 0
    return capsys.readouterr().out


def _general(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *argv: str
) -> str:
    with monkeypatch.context() as patch:
        patch.setattr(cli_main, "ready_json", lambda *_args: None)
        return _out(capsys, *argv)


ORDERS = [
    [],
    ["--reverse"],
    ["--sort", "position"],
    ["--sort", "name"],
    ["--sort", "name", "--reverse"],
    ["--sort", "mtime", "--reverse"],
    ["--sort", "size"],
    ["--pretty"],
]


@pytest.mark.parametrize("order", ORDERS, ids=lambda a: " ".join(a) or "date")
def test_ready_listing_prints_byte_for_byte_what_the_general_path_prints(
    folder: Path,
    order: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = [str(folder), "--json", *order]
    expected = _general(monkeypatch, capsys, *argv)
    cold = _out(capsys, *argv)
    warm = _out(capsys, *argv)
    assert cold == expected and warm == expected
    doc = json.loads(warm)
    assert doc["gallery"]["total"] == 7
    future = next(e for e in doc["entries"] if e["id"] == "future.jpg")
    assert any("in the future" in w for w in future["warnings"])


def test_a_warm_listing_parses_no_caption_and_builds_no_entry(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _out(capsys, str(folder), "--json")

    def no_build(*_args: object) -> None:
        raise AssertionError("a fresh ready entry was built again")

    monkeypatch.setattr(build_module, "build", no_build)
    assert _out(capsys, str(folder), "--json") == first


def test_a_changed_photo_a_sidecar_record_and_a_deleted_photo_show_at_once(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _out(capsys, str(folder), "--json")
    make_tagged_jpeg(folder / "a.jpg", taken=BASE, caption="A new caption, written later")
    (folder / "Z.jpg").unlink()
    assert main(["edit", str(folder), "--entry", "undated.jpg", "--set", "credit=AP"]) == 0
    capsys.readouterr()
    built: list[Path] = []
    real = build_module.build

    def counted(file: Path, *args: object, **kwargs: object) -> object:
        built.append(file)
        return real(file, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(build_module, "build", counted)
    ready = _out(capsys, str(folder), "--json")
    assert sorted(p.name for p in built) == ["a.jpg", "undated.jpg"]
    assert ready == _general(monkeypatch, capsys, str(folder), "--json")
    entries = {e["id"]: e for e in json.loads(ready)["entries"]}
    assert "Z.jpg" not in entries and entries["a.jpg"]["caption"].startswith("A new caption")
    assert entries["undated.jpg"]["credit"] == "AP"
    assert [c["field"] for c in entries["undated.jpg"]["corrections"]] == ["credit"]


def test_a_photo_listed_by_itself_lists_its_folder_as_the_general_path_does(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [str(folder / "day2" / "c.jpg"), "--json"]
    assert _out(capsys, *argv) == _general(monkeypatch, capsys, *argv)


def test_a_gallery_with_photo_links_takes_the_general_path(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from gallery_app.cli.listing import ready_json
    from gallery_app.core.store.links import LinkStore
    from gallery_app.core.store.notices import StorageNotices

    other = make_tagged_jpeg(folder.parent / "elsewhere.jpg", taken=BASE, caption="Linked")
    LinkStore().set(str(folder.resolve()), "a.jpg", other)
    assert ready_json(folder, "date", False, StorageNotices()) is None
    out = json.loads(_out(capsys, str(folder), "--json"))
    linked = next(e for e in out["entries"] if e["id"] == "a.jpg")
    assert linked["image"] == str(other)
