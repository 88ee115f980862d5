#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Render the Dateline icon from its SVG into every raster format we ship.

Run it after editing ``resources/icons/hicolor/scalable/apps/org.dateline.Dateline.svg``::

    .venv/bin/python packaging/make_icons.py

It writes the hicolor PNGs (16 … 512 px) beside the SVG, a Windows ``.ico`` and a
macOS ``.icns`` in ``packaging/``.  All outputs are checked in, so neither users
nor the build need a renderer; this script is only for whoever changes the
artwork.  Rendering goes through Qt's own SVG renderer (``PySide6.QtSvg``, part of
PySide6-Essentials), so there is no extra tool to install.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

APP_ID = "org.dateline.Dateline"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)

ROOT = Path(__file__).resolve().parent.parent
HICOLOR = ROOT / "resources" / "icons" / "hicolor"
SVG = HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"
PACKAGING = ROOT / "packaging"


def png_path(size: int, hicolor: Path = HICOLOR) -> Path:
    """Where the hicolor theme expects the raster icon of ``size`` pixels."""
    return hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def render_png(svg: Path, size: int) -> bytes:
    """Render ``svg`` to a square transparent PNG of ``size`` pixels."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG file.")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.convertToFormat(QImage.Format.Format_ARGB32).save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def write_platform_icons(pngs: dict[int, bytes], packaging: Path) -> list[Path]:
    """Pack the renders into ``.ico`` (Windows) and ``.icns`` (macOS) with Pillow.

    Each size is taken from its own render rather than scaled down from the
    largest one: Qt's renderer draws small sizes sharper than a resize would.
    """
    from PIL import Image

    images = {size: Image.open(io.BytesIO(data)).convert("RGBA") for size, data in pngs.items()}
    written = []
    ico = packaging / f"{APP_ID}.ico"
    largest_ico = images[max(ICO_SIZES)]
    largest_ico.save(
        ico,
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    written.append(ico)
    icns = packaging / f"{APP_ID}.icns"
    images[max(ICNS_SIZES)].save(
        icns,
        format="ICNS",
        append_images=[images[s] for s in ICNS_SIZES if s != max(ICNS_SIZES)],
    )
    written.append(icns)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=SVG, help="source SVG")
    parser.add_argument("--hicolor", type=Path, default=HICOLOR, help="hicolor theme root")
    parser.add_argument("--packaging", type=Path, default=PACKAGING, help="where .ico/.icns go")
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renders = {size: render_png(args.svg, size) for size in sorted({*PNG_SIZES, *ICNS_SIZES})}
    for size in PNG_SIZES:
        target = png_path(size, args.hicolor)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(renders[size])
        print(target)
    for path in write_platform_icons(renders, args.packaging):
        print(path)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
