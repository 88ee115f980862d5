# SPDX-License-Identifier: GPL-3.0-or-later
"""JPEG to an upright picture that fits a box, as cheaply as libjpeg allows.

The thumbnailer's hot path: every photo of a new folder comes through here.

- The file is opened once (``decode.decode_fitted`` hands over its handle)
  and its data read and decoded in one call each, so the read and the
  decoder run their whole course without the interpreter lock (Pillow's
  default feeds the decoder 64 KB at a time and takes the lock back between
  pieces, which two thumbnail threads then queue for).
- libjpeg scales while it decodes (``Image.draft``: 1/2, 1/4 or 1/8, the
  smallest that still covers the box), then ``thumbnail`` reduces and resamples
  the small picture; orientation is applied last, on the fitted picture.
- A progressive JPEG decoded at 1/8 goes through ``progressive.dc_stream``
  first: the AC scans that scale never reads are left out (same pixels, a
  third to a tenth of the time).
"""

from __future__ import annotations

import functools
import io
import os
from typing import BinaryIO

from PIL import Image

from gallery_app.core.imaging import fitting, progressive

_SMALLEST = 8  # libjpeg's smallest DCT scale, 1/8: a full-resolution block is its DC


def decode_jpeg(handle: BinaryIO, box: tuple[int, int] | None) -> fitting.Decoded:
    """The JPEG open at ``handle`` (at its start) decoded upright and fitted to ``box``.

    Raises what Pillow raises for a file it cannot read.
    """
    image = Image.open(handle, formats=("JPEG",))
    orientation = fitting.orientation_of(image)
    turned = orientation in fitting.TURNED
    source = (image.height, image.width) if turned else image.size
    target = (box[1], box[0]) if box is not None and turned else box
    size = os.fstat(handle.fileno()).st_size
    if target is not None:
        if image.info.get("progressive") and _scale(image.size, target) == _SMALLEST:
            handle.seek(0)
            carved = progressive.dc_stream(handle.read(), turbo=_turbo())
            if carved is not None:  # else ``load`` seeks back to the image data itself
                image, size = Image.open(io.BytesIO(carved), formats=("JPEG",)), len(carved)
        image.draft("RGB", target)
    image.decodermaxblock = max(image.decodermaxblock, size)  # the rest in one decode call
    image.load()
    return fitting.Decoded(fitting.turn(fitting.fit(image, target), orientation), source)


def _scale(size: tuple[int, int], box: tuple[int, int]) -> int:
    """The DCT scale ``Image.draft`` picks: the largest of 8, 4, 2, 1 that still covers ``box``."""
    ratio = min(size[0] // max(1, box[0]), size[1] // max(1, box[1]))
    return next(s for s in (8, 4, 2, 1) if ratio >= s or s == 1)


@functools.cache
def _turbo() -> bool:
    """Whether Pillow's JPEG codec is libjpeg-turbo (its chroma scaling rule differs)."""
    from PIL import features  # deferred: only needed once, by the first progressive JPEG

    return bool(features.check_feature("libjpeg_turbo"))
