# SPDX-License-Identifier: GPL-3.0-or-later
"""Grid clusters: crowded pins merge with counts, and a frame visits only its cells."""

from __future__ import annotations

import math
import random

import pytest

from gallery_app.core.geo.cluster import MAX_LEVEL, MIXED, ClusterIndex, cell_size
from gallery_app.core.geo.projection import project
from gallery_app.core.geo.viewport import Viewport, WorldRect


def test_near_pins_merge_far_pins_do_not() -> None:
    pts = [project(43.678, 34.615)] * 9 + [project(2.35, 48.85)]
    index = ClusterIndex(pts)
    counts = sorted(c.count for c in index.level(3).clusters())
    assert counts == [1, 9]


def test_every_point_is_in_exactly_one_cluster_at_every_level() -> None:
    rng = random.Random(4)
    pts = [(rng.random(), rng.random()) for _ in range(5000)]
    index = ClusterIndex(pts)
    for z in range(MAX_LEVEL + 1):
        members = sorted(int(m) for c in index.level(z).clusters() for m in c.members)
        assert members == list(range(5000))


def test_clusters_are_the_points_of_one_grid_cell() -> None:
    rng = random.Random(9)
    pts = [(rng.random(), rng.random()) for _ in range(3000)]
    index = ClusterIndex(pts)
    for z in (0, 3, 7, 12):
        cell = cell_size(56.0, z)
        grid: dict[tuple[int, int], set[int]] = {}
        for k, (x, y) in enumerate(pts):
            grid.setdefault((math.floor(x / cell), math.floor(y / cell)), set()).add(k)
        found = {frozenset(int(m) for m in c.members) for c in index.level(z).clusters()}
        assert found == {frozenset(g) for g in grid.values()}


def test_zooming_in_splits_clusters() -> None:
    pts = [project(44.0 + i * 0.2, 34.0) for i in range(10)]  # 20 km apart
    index = ClusterIndex(pts)
    assert len(index.level(2)) == 1
    assert len(index.level(12)) == 10


def test_cluster_sits_at_the_mean_of_its_members() -> None:
    index = ClusterIndex([(0.1, 0.1), (0.1002, 0.1004)])
    (c,) = index.level(5).clusters()
    assert (c.x, c.y) == pytest.approx((0.1001, 0.1002))


def test_a_cluster_sums_up_its_flags_and_keeps_a_common_tag() -> None:
    here = project(43.678, 34.615)
    index = ClusterIndex([here, here, here], flags=[1, 2, 1], tags=[4, 4, 4])
    (c,) = index.level(8).clusters()
    assert (c.count, c.flags, c.tag) == (3, 3, 4)
    mixed = ClusterIndex([here, here], tags=[1, 2])
    assert mixed.level(8).clusters()[0].tag == MIXED


def test_query_returns_only_what_is_on_screen() -> None:
    rng = random.Random(7)
    pts = [(rng.random(), rng.random()) for _ in range(20000)]
    index = ClusterIndex(pts)
    vp = Viewport(cx=0.5, cy=0.5, zoom=9, width=1280, height=800)
    rect = vp.visible()
    shown = index.level(vp.level).query(rect)
    assert shown and all(rect.contains(c.x, c.y) for c in shown)
    inside = [c for c in index.level(vp.level).clusters() if rect.contains(c.x, c.y)]
    assert sorted(c.start for c in shown) == sorted(c.start for c in inside)
    everything = index.level(0).query(WorldRect(0, 0, 1, 1))
    assert sum(c.count for c in everything) == 20000


def test_every_level_is_there_at_once_and_deep_zooms_share_one() -> None:
    index = ClusterIndex([(0.5, 0.5), (0.25, 0.25)])
    assert index.level(5) is index.level(17)  # nothing splits any more: the same clusters
    assert index.level(40) is index.level(MAX_LEVEL) and index.level(-3) is index.level(0)
    assert len(ClusterIndex([]).level(4)) == 0


def test_the_cluster_of_a_point_is_found_at_each_level() -> None:
    pts = [project(44.0 + i * 0.2, 34.0) for i in range(10)]
    index = ClusterIndex(pts)
    for z in (2, 12):
        level = index.level(z)
        c = level.cluster(index.cluster_of(z, 3))
        assert 3 in c.members.tolist()
