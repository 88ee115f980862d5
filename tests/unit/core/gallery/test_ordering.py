# SPDX-License-Identifier: GPL-3.0-or-later
"""Batches of a running scan slot into the sorted list without re-sorting it."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from gallery_app.core.gallery.ordering import insertion_runs, row_ranges, sort_key
from gallery_app.core.models import Entry, Precision, TakenAt


def _entry(n: int, day: int | None) -> Entry:
    taken = None if day is None else TakenAt(dt.datetime(2020, 1, 1 + day), Precision.DAY, "exif")
    return Entry(id=f"e{n}", position=n, image=Path(f"/p/{n:04}.jpg"), taken=taken)


@given(st.lists(st.one_of(st.none(), st.integers(0, 20)), max_size=40), st.randoms())
def test_inserting_runs_in_order_gives_the_sorted_list(
    days: list[int | None], rnd: random.Random
) -> None:
    entries = [_entry(n, d) for n, d in enumerate(days)]
    rnd.shuffle(entries)
    cut = rnd.randint(0, len(entries))
    shown = sorted(entries[:cut], key=sort_key)
    keys = [sort_key(e) for e in shown]
    for row, run in insertion_runs(keys, entries[cut:]):
        shown[row:row] = [e for _, e in run]
        keys[row:row] = [k for k, _ in run]
    assert shown == sorted(entries, key=sort_key)
    assert keys == [sort_key(e) for e in shown]


def test_undated_entries_go_last() -> None:
    shown = [_entry(1, 3), _entry(2, None)]
    runs = insertion_runs([sort_key(e) for e in shown], [_entry(3, 1), _entry(4, None)])
    assert [(row, [e.id for _, e in run]) for row, run in runs] == [(0, ["e3"]), (3, ["e4"])]


def test_row_ranges() -> None:
    assert row_ranges([5, 1, 2, 3, 7, 8]) == [(1, 3), (5, 5), (7, 8)]
    assert row_ranges([]) == []


def test_runs_found_over_the_entries_themselves_match_runs_over_their_keys() -> None:
    rnd = random.Random(7)
    entries = [_entry(n, rnd.choice([None, *range(20)])) for n in range(300)]
    shown = sorted(entries[:250], key=sort_key)
    by_keys = insertion_runs([sort_key(e) for e in shown], entries[250:])
    by_rows = insertion_runs(shown, entries[250:], sort_key, row_key=sort_key)
    assert by_rows == by_keys
