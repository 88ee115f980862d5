# SPDX-License-Identifier: GPL-3.0-or-later
"""Camera RAW: the embedded preview against LibRaw's half-size decode, and what the app shows.

Usage: python bench/raw_decode.py [FOLDER]   (default: ../shared/corpus/images)

For every RAW file under FOLDER: the embedded JPEG preview's size and the time
to extract and decode it; LibRaw's half-size demosaic (``rawpy``) and its time;
then what ``core.imaging.decode.decode_fitted`` returns at 1,024 px.
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

import rawpy
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gallery_app.core.imaging import decode, kinds


def _preview(path: Path) -> str:
    start = time.perf_counter()
    try:
        with rawpy.imread(str(path)) as raw:
            thumb = raw.extract_thumb()
    except (rawpy.LibRawError, MemoryError) as error:
        return f"preview: none ({error})"
    if thumb.format != rawpy.ThumbFormat.JPEG:
        return "preview: a bitmap"
    with Image.open(io.BytesIO(thumb.data)) as jpeg:
        jpeg.load()
        size = jpeg.size
    return f"preview {size[0]}x{size[1]} {1000 * (time.perf_counter() - start):.0f} ms"


def _libraw(path: Path) -> str:
    start = time.perf_counter()
    try:
        with rawpy.imread(str(path)) as raw:
            rgb = raw.postprocess(half_size=True, use_camera_wb=True, output_bps=8)
    except (rawpy.LibRawError, MemoryError) as error:
        return f"LibRaw: fails ({error})"
    took = 1000 * (time.perf_counter() - start)
    return f"LibRaw half {rgb.shape[1]}x{rgb.shape[0]} {took:.0f} ms"


def _shown(path: Path) -> str:
    start = time.perf_counter()
    try:
        got = decode.decode_fitted(path, (1024, 1024))
    except decode.DecodeError as error:
        return f"shown: nothing ({error})"
    took = 1000 * (time.perf_counter() - start)
    return f"shown {got.image.width}x{got.image.height} {took:.0f} ms"


def main() -> int:
    default = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "images"
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        if path.suffix.lower() in kinds.RAW_EXTENSIONS:
            print(" | ".join((path.name, _preview(path), _libraw(path), _shown(path))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
