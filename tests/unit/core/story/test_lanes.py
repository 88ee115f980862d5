# SPDX-License-Identifier: GPL-3.0-or-later
"""Cards never overlap; columns count photos by bisection."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from gallery_app.core.story.lanes import assign_lanes, bin_counts, lanes_needed


def test_cards_on_the_same_day_stack_and_later_ones_reuse_the_top_lane() -> None:
    starts = [0, 0, 0, 100, 400]
    lanes = assign_lanes(starts, [150] * 5, gap=8)
    assert lanes == [0, 1, 2, 3, 0]
    assert lanes_needed(starts, [150] * 5, gap=8) == 4


def test_cards_beyond_the_last_lane_are_counted_not_drawn() -> None:
    assert assign_lanes([0, 0, 0], [10, 10, 10], max_lanes=2) == [0, 1, -1]


@given(st.lists(st.tuples(st.integers(0, 1000), st.integers(1, 200)), max_size=60))
def test_no_two_cards_in_a_lane_overlap(items: list[tuple[int, int]]) -> None:
    items.sort()
    starts = [float(s) for s, _ in items]
    widths = [float(w) for _, w in items]
    lanes = assign_lanes(starts, widths, gap=4)
    for lane in set(lanes):
        placed = [(s, s + w) for s, w, ln in zip(starts, widths, lanes, strict=True) if ln == lane]
        for (_, end), (start, _) in pairwise(placed):
            assert end + 4 <= start


def test_bin_counts_cover_every_time_once() -> None:
    times = [0.0, 1.0, 1.5, 2.0, 9.0]
    assert bin_counts(times, [0, 1, 2, 3, 10]) == [1, 2, 1, 1]
    assert sum(bin_counts(times, [-1, 100])) == len(times)
