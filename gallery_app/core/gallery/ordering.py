# SPDX-License-Identifier: GPL-3.0-or-later
"""The one place that decides in which order photos are listed.

Every list of photos — grid, filmstrip, slideshow, timeline walk and
``gallery-cli list`` — is in time order by default (:func:`sort_key`: the
wall-clock time taken, undated photos last, gallery position then file name
as tie-breaks).  View → Sort by and ``gallery-cli list --sort`` pick another
:class:`SortOrder`; :func:`key_for` gives that order's key, ascending or
descending (undated entries and unknown sizes stay last either way).

The photo model takes a folder's entries batch by batch while the scan runs
and keeps its rows sorted the whole time, so the user never sees the grid jump
when the scan ends.  A batch becomes a few runs of rows (each run one
``beginInsertRows``), computed here without Qt: bisect each new key into the
keys already shown.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from enum import StrEnum
from typing import Any

from gallery_app.core.models import Entry

SortKey = tuple[Any, ...]
_POSIX = os.sep == "/"  # there a path's text is its POSIX form already
KeyFunc = Callable[[Entry], SortKey]
Run = tuple[int, list[tuple[SortKey, Entry]]]


class SortOrder(StrEnum):
    """The orders a user can pick (their values are the CLI's ``--sort`` words)."""

    DATE = "date"
    POSITION = "position"
    NAME = "name"
    MTIME = "mtime"
    SIZE = "size"


#: Menu labels, in menu order.
ORDER_LABELS = {
    SortOrder.DATE: "Date taken",
    SortOrder.POSITION: "Gallery order",
    SortOrder.NAME: "File name",
    SortOrder.MTIME: "File date",
    SortOrder.SIZE: "File size",
}


def _name(entry: Entry) -> str:
    return entry.image.name.casefold() if entry.image is not None else entry.id.casefold()


def _tie(entry: Entry) -> tuple[int, str, str]:
    image = entry.image
    if image is None:
        return (entry.position, entry.id.casefold(), entry.id)
    return (entry.position, image.name.casefold(), str(image) if _POSIX else image.as_posix())


def sort_key(entry: Entry) -> SortKey:
    """Time order: the wall-clock time taken, undated entries last; then gallery
    position, then file name.

    Made for every row a scan slots in and every entry a finished scan
    re-sorts, on the GUI thread: kept to a few attribute reads (a naive
    datetime compares as its ISO text does, without formatting it).
    """
    taken = entry.taken
    if taken is None:
        return (1, "", *_tie(entry))
    value = taken.value
    return (0, value if value.tzinfo is None else value.replace(tzinfo=None), *_tie(entry))


def _file_stat(entry: Entry) -> tuple[float, int] | None:
    if entry.image is None:
        return None
    try:
        info = entry.image.stat()
    except OSError:
        return None
    return (info.st_mtime, info.st_size)


def _position_key(entry: Entry) -> SortKey:
    return (0, *_tie(entry))


def _name_key(entry: Entry) -> SortKey:
    return (0, _name(entry), entry.position, entry.id)


def _mtime_key(entry: Entry) -> SortKey:
    stat = _file_stat(entry)
    return (1, 0.0, *_tie(entry)) if stat is None else (0, stat[0], *_tie(entry))


def _size_key(entry: Entry) -> SortKey:
    stat = _file_stat(entry)
    return (1, 0, *_tie(entry)) if stat is None else (0, stat[1], *_tie(entry))


_KEYS: dict[SortOrder, KeyFunc] = {
    SortOrder.DATE: sort_key,
    SortOrder.POSITION: _position_key,
    SortOrder.NAME: _name_key,
    SortOrder.MTIME: _mtime_key,
    SortOrder.SIZE: _size_key,
}


class _Descending:
    """Wraps a key so that it sorts the other way round (bisect and sorted both use ``<``)."""

    __slots__ = ("key",)

    def __init__(self, key: Any) -> None:
        self.key = key

    def __lt__(self, other: _Descending) -> bool:
        return bool(other.key < self.key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Descending) and bool(self.key == other.key)

    def __hash__(self) -> int:
        return hash(self.key)


def key_for(order: SortOrder = SortOrder.DATE, descending: bool = False) -> KeyFunc:
    """The sort key of ``order``; descending reverses it but keeps the unknown last."""
    base = _KEYS[order]
    if not descending:
        return base

    def key(entry: Entry) -> SortKey:
        value = base(entry)
        return (value[0], _Descending(value[1:]))

    return key


def sorted_entries(
    entries: Iterable[Entry], order: SortOrder = SortOrder.DATE, descending: bool = False
) -> list[Entry]:
    """``entries`` in ``order`` (time order by default)."""
    return sorted(entries, key=key_for(order, descending))


def insertion_runs(
    keys: Sequence[Any],
    fresh: Iterable[Entry],
    key_of: KeyFunc = sort_key,
    *,
    row_key: KeyFunc | None = None,
) -> list[Run]:
    """Runs ``(row, [(key, entry), …])`` that insert ``fresh`` into a list sorted by ``keys``.

    ``row`` is the row the run's first entry has once every earlier run is in,
    so inserting the runs in the order given keeps the list sorted.  With
    ``row_key``, ``keys`` are the sorted entries themselves and only the few
    a bisection looks at are keyed (about 14 per new entry among 10,000).
    """
    items = sorted(((key_of(e), e) for e in fresh), key=lambda pair: pair[0])
    runs: list[Run] = []
    last_at = -1
    for inserted, (key, entry) in enumerate(items):
        at = bisect_right(keys, key, key=row_key)
        if runs and at == last_at:
            runs[-1][1].append((key, entry))
        else:
            runs.append((at + inserted, [(key, entry)]))
            last_at = at
    return runs


def row_ranges(rows: Iterable[int]) -> list[tuple[int, int]]:
    """Ascending rows as ``(first, last)`` ranges of consecutive rows."""
    ranges: list[tuple[int, int]] = []
    for row in sorted(rows):
        if ranges and ranges[-1][1] == row - 1:
            ranges[-1] = (ranges[-1][0], row)
        else:
            ranges.append((row, row))
    return ranges
