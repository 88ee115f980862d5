# SPDX-License-Identifier: GPL-3.0-or-later
"""Grid clusters: crowded pins merge with counts, and a frame visits only its cells."""

from __future__ import annotations

import random

import pytest

from gallery_app.core.geo.cluster import ClusterIndex, build_level
from gallery_app.core.geo.projection import project
from gallery_app.core.geo.viewport import Viewport, WorldRect


def test_near_pins_merge_far_pins_do_not() -> None:
    pts = [project(43.678, 34.615)] * 9 + [project(2.35, 48.85)]
    index = ClusterIndex(pts)
    counts = sorted(c.count for c in index.level(3).cells.values())
    assert counts == [1, 9]


def test_every_point_is_in_exactly_one_cluster() -> None:
    rng = random.Random(4)
    pts = [(rng.random(), rng.random()) for _ in range(5000)]
    level = ClusterIndex(pts).level(4)
    members = sorted(m for c in level.cells.values() for m in c.members)
    assert members == list(range(5000))


def test_zooming_in_splits_clusters() -> None:
    pts = [project(44.0 + i * 0.2, 34.0) for i in range(10)]  # 20 km apart
    index = ClusterIndex(pts)
    assert len(index.level(2)) == 1
    assert len(index.level(12)) == 10


def test_cluster_sits_at_the_mean_of_its_members() -> None:
    level = build_level([(0.1, 0.1), (0.1002, 0.1004)], cell=0.01)
    (c,) = level.cells.values()
    assert (c.x, c.y) == pytest.approx((0.1001, 0.1002))


def test_query_returns_only_what_is_on_screen() -> None:
    rng = random.Random(7)
    pts = [(rng.random(), rng.random()) for _ in range(20000)]
    index = ClusterIndex(pts)
    vp = Viewport(cx=0.5, cy=0.5, zoom=9, width=1280, height=800)
    rect = vp.visible()
    shown = index.level(vp.level).query(rect)
    assert shown and all(rect.contains(c.x, c.y) for c in shown)
    everything = index.level(0).query(WorldRect(0, 0, 1, 1))
    assert sum(c.count for c in everything) == 20000


def test_levels_are_cached_and_nearest_is_offered() -> None:
    index = ClusterIndex([(0.5, 0.5)])
    assert index.cached(5) is None and index.nearest_cached(5) is None
    built = index.level(5)
    assert index.level(5) is built
    assert index.nearest_cached(7) is built
