# SPDX-License-Identifier: GPL-3.0-or-later
"""The file-type switch: videos, files that cannot be shown and RAWs can be hidden."""

from __future__ import annotations

from pathlib import Path

from gallery_app.core.gallery.file_types import (
    CHOICES,
    FileType,
    describe_hidden,
    file_type,
    hidden_text,
    parse_hidden,
)
from gallery_app.core.gallery.query import EntryFilter, filter_entries
from gallery_app.core.models import Entry, ImageInfo, ImageStatus


def _entry(name: str | None, status: ImageStatus = ImageStatus.OK) -> Entry:
    image = Path("/photos") / name if name is not None else None
    return Entry(id=name or "card", position=1, image=image, info=ImageInfo(status))


PHOTO = _entry("a.jpg")
HEIC = _entry("b.HEIC")
RAW = _entry("c.NEF")
VIDEO = _entry("d.MOV", ImageStatus.UNREADABLE)
DAMAGED = _entry("e.jpg", ImageStatus.UNREADABLE)
UNREADABLE_RAW = _entry("f.cr3", ImageStatus.UNREADABLE)
NOT_INCLUDED = _entry(None)
ALL = [PHOTO, HEIC, RAW, VIDEO, DAMAGED, UNREADABLE_RAW, NOT_INCLUDED]


def _ids(entries: list[Entry]) -> list[str]:
    return [e.id for e in entries]


def test_each_file_gets_the_type_a_user_would_name() -> None:
    assert [file_type(e) for e in ALL] == [
        FileType.PHOTO,
        FileType.PHOTO,
        FileType.RAW,
        FileType.VIDEO,
        FileType.OTHER,  # a damaged photo cannot be shown
        FileType.OTHER,  # nor can a RAW that LibRaw could not read
        FileType.PHOTO,  # a story's "photo not included" card stays
    ]


def test_photos_and_raw_hides_videos_and_files_that_cannot_be_shown() -> None:
    _label, hidden, _note = CHOICES[1]
    shown = filter_entries(ALL, EntryFilter(hidden_types=hidden))
    assert _ids(shown) == ["a.jpg", "b.HEIC", "c.NEF", "card"]


def test_photos_only_hides_raws_too() -> None:
    _label, hidden, _note = CHOICES[2]
    assert _ids(filter_entries(ALL, EntryFilter(hidden_types=hidden))) == [
        "a.jpg",
        "b.HEIC",
        "card",
    ]


def test_all_files_hides_nothing_and_the_filter_is_empty() -> None:
    assert _ids(filter_entries(ALL, EntryFilter())) == _ids(ALL)
    assert EntryFilter().is_empty
    assert not EntryFilter(hidden_types=frozenset({FileType.VIDEO})).is_empty


def test_the_choice_is_stored_as_words_and_read_back_forgivingly() -> None:
    hidden = frozenset({FileType.OTHER, FileType.VIDEO})
    assert hidden_text(hidden) == "video,other"
    assert parse_hidden("video,other") == hidden
    assert parse_hidden(" Video , nonsense,photo") == frozenset({FileType.VIDEO})
    assert parse_hidden("") == frozenset()


def test_the_status_bar_says_what_is_hidden() -> None:
    assert describe_hidden(frozenset()) == ""
    assert "Videos" in describe_hidden(CHOICES[1][1])
    assert "RAW" in describe_hidden(CHOICES[2][1])
    assert describe_hidden(frozenset({FileType.RAW})) == "Hidden: RAW"
