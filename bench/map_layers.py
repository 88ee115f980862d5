# SPDX-License-Identifier: GPL-3.0-or-later
"""What the rivers, province borders and province names add to one basemap frame.

Paints the basemap (``BasemapPainter.paint`` plus the region names, as the
map view does) into a 1280x800 image at a few zoom levels over Iraq and over
central Europe (the densest provinces), with the layers and without them, in
the same run; prints the median and the first frame (which builds its labels'
texts) in CPU milliseconds.  The regions and rivers are read and their paths
built first, as the map's worker does.
Usage: ``.venv/bin/python bench/map_layers.py [--frames N]``
"""

from __future__ import annotations

import argparse
import os
import statistics
import time


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=15)
    parser.add_argument("--zooms", default="3.5,5.5,6.5,8")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QImage, QPainter, QPalette

    from gallery_app.core.geo.basemap import load_basemap
    from gallery_app.core.geo.projection import project
    from gallery_app.core.geo.viewport import Viewport
    from gallery_app.ui.map.basemap import BasemapColours, BasemapPainter
    from gallery_app.ui.map.geo_layer_data import GeoLayerData

    app = QGuiApplication.instance() or QGuiApplication([])
    t = time.process_time()
    data = GeoLayerData.read_now()  # as the map's worker does
    spent = (time.process_time() - t) * 1000
    print(f"reading and preparing regions and rivers (on a worker in the map): {spent:.0f} ms CPU")
    colours = BasemapColours(QPalette())
    painters = (BasemapPainter(load_basemap()), BasemapPainter(load_basemap(), data))
    places = {"Iraq": project(43.7, 33.8), "central Europe": project(12.0, 49.0)}
    for place, (x, y) in places.items():
        for zoom in (float(z) for z in args.zooms.split(",")):
            vp = Viewport(cx=x, cy=y, zoom=zoom, width=1280, height=800)
            row = []
            for painter in painters:
                times = []
                for _ in range(args.frames):
                    image = QImage(1280, 800, QImage.Format.Format_ARGB32_Premultiplied)
                    p = QPainter(image)
                    t = time.process_time()
                    painter.paint(p, vp, colours)
                    painter.geo.paint_region_labels(p, vp, colours.geo, painter.label_boxes)
                    times.append((time.process_time() - t) * 1000)
                    p.end()
                row.append(f"median {statistics.median(times):6.1f} first {times[0]:6.1f}")
            print(f"{place:>14} zoom {zoom:>4}: without {row[0]} | with {row[1]} ms CPU")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
