# SPDX-License-Identifier: GPL-3.0-or-later
"""A photo the user links to an entry is remembered across restarts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from gallery_app.core.links import LinkStore, gallery_key
from gallery_app.core.models import Entry, Gallery, ImageStatus


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATELINE_HOME", str(tmp_path / "home"))


def _gallery() -> Gallery:
    return Gallery(
        title="Test", id="test-gallery", entries=(Entry("a", 1, caption="A"), Entry("b", 2))
    )


def test_link_survives_a_new_store(tmp_path: Path) -> None:
    photo = tmp_path / "p.jpg"
    Image.new("RGB", (8, 8), "red").save(photo)
    LinkStore().set("test-gallery", "a", photo)

    linked = LinkStore().apply(_gallery())  # as after a restart

    assert linked.entries[0].image == photo.resolve()
    assert linked.entries[0].image_status is ImageStatus.OK
    assert linked.entries[1].image is None


def test_link_to_a_vanished_file_shows_missing(tmp_path: Path) -> None:
    store = LinkStore()
    store.set("test-gallery", "b", tmp_path / "gone.jpg")
    assert store.apply(_gallery()).entries[1].image_status is ImageStatus.MISSING


def test_remove_forgets_the_link(tmp_path: Path) -> None:
    store = LinkStore()
    store.set("test-gallery", "a", tmp_path / "x.jpg")
    store.remove("test-gallery", "a")
    assert LinkStore().get("test-gallery", "a") is None


def test_damaged_file_is_treated_as_empty(tmp_path: Path) -> None:
    path = tmp_path / "links.json"
    path.write_text("{not json", encoding="utf-8")
    store = LinkStore(path)
    assert store.apply(_gallery()) == _gallery()
    store.set("test-gallery", "a", tmp_path / "y.jpg")  # and it can be written again
    assert LinkStore(path).get("test-gallery", "a") == (tmp_path / "y.jpg").resolve()


def test_bundled_resources_are_never_written(tmp_path: Path) -> None:
    store = LinkStore()
    store.set("g", "e", tmp_path / "z.jpg")
    assert store.path.is_relative_to(tmp_path / "home")


def test_gallery_key_falls_back_to_source_then_title(tmp_path: Path) -> None:
    assert gallery_key(Gallery("T", source=tmp_path)) == str(tmp_path)
    assert gallery_key(Gallery("T")) == "T"
