# SPDX-License-Identifier: GPL-3.0-or-later
"""Where entries read by a running scan go in a list kept in the order taken.

The photo model takes a folder's entries batch by batch while the scan runs
and keeps its rows sorted by :func:`sort_key` the whole time, so the
user never sees the grid jump when the scan ends.  A batch becomes a few runs
of rows (each run one ``beginInsertRows``), computed here without Qt: bisect
each new key into the keys already shown.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

from gallery_app.core.models import Entry

SortKey = tuple[int, str, str]
Run = tuple[int, list[tuple[SortKey, Entry]]]


def sort_key(entry: Entry) -> SortKey:
    """Order by the wall-clock time taken, undated entries last, the path as tie-break."""
    tie = entry.image.as_posix() if entry.image is not None else entry.id
    if entry.taken is None:
        return (1, "", tie)
    return (0, entry.taken.value.replace(tzinfo=None).isoformat(), tie)


def insertion_runs(keys: Sequence[SortKey], fresh: Iterable[Entry]) -> list[Run]:
    """Runs ``(row, [(key, entry), …])`` that insert ``fresh`` into a list sorted by ``keys``.

    ``row`` is the row the run's first entry has once every earlier run is in,
    so inserting the runs in the order given keeps the list sorted.
    """
    items = sorted(((sort_key(e), e) for e in fresh), key=lambda pair: pair[0])
    runs: list[Run] = []
    last_at = -1
    for inserted, (key, entry) in enumerate(items):
        at = bisect_right(keys, key)
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
