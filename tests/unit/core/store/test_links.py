# SPDX-License-Identifier: GPL-3.0-or-later
"""A photo the user links to an entry is remembered across restarts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from gallery_app.core.models import Entry, Gallery, ImageStatus
from gallery_app.core.store.links import LinkStore, gallery_key


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


def test_bundled_resources_are_never_written(tmp_path: Path, dateline_home: Path) -> None:
    store = LinkStore()
    store.set("g", "e", tmp_path / "z.jpg")
    assert store.path.is_relative_to(dateline_home)


def test_gallery_key_falls_back_to_source_then_title(tmp_path: Path) -> None:
    assert gallery_key(Gallery("T", source=tmp_path)) == str(tmp_path)
    assert gallery_key(Gallery("T")) == "T"


def _article_gallery(source: Path) -> Gallery:
    """An article's gallery: its id is the file's stem, as the article reader sets it."""
    return Gallery(title="Story", id=source.stem, source=source, entries=(Entry("01", 1),))


def test_two_articles_with_the_same_file_name_keep_their_own_links(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "story.txt", tmp_path / "b" / "story.txt"
    photo = tmp_path / "p.jpg"
    Image.new("RGB", (8, 8), "red").save(photo)
    store = LinkStore()
    store.set(gallery_key(_article_gallery(first)), "01", photo)

    assert LinkStore().apply(_article_gallery(first)).entries[0].image == photo.resolve()
    assert LinkStore().apply(_article_gallery(second)).entries[0].image is None


def test_the_key_is_the_resolved_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "photos").mkdir()
    monkeypatch.chdir(tmp_path)
    relative = Gallery("T", id="whatever", source=Path("photos"))
    assert gallery_key(relative) == str((tmp_path / "photos").resolve())


def test_the_bundled_gallery_key_is_the_same_on_every_install() -> None:
    from gallery_app.core.loader import bundled_gallery_path

    bundled = Gallery("Fighting In Iraq", id="fighting-in-iraq", source=bundled_gallery_path())
    assert gallery_key(bundled) == "bundled:fighting-in-iraq"


def test_links_stored_under_the_old_key_are_still_read(tmp_path: Path) -> None:
    photo = tmp_path / "old.jpg"
    Image.new("RGB", (8, 8), "blue").save(photo)
    source = tmp_path / "story.txt"
    LinkStore().set("story", "01", photo)  # how an older Dateline keyed an article

    linked = LinkStore().apply(_article_gallery(source))
    assert linked.entries[0].image == photo.resolve()
