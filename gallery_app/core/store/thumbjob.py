# SPDX-License-Identifier: GPL-3.0-or-later
"""One thumbnail made in a worker process and handed back as plain pixels.

The grid's thumbnails are made in processes of their own (see
``qt.loading.thumb_processes``): the decoder, the PNG encoder and the Python
around them then never share the window's interpreter lock, and two of them
run on two cores.  ``make_pixels`` is the work each process does: the very
``thumbcache.ensure_thumbnail`` the CLI runs (the cached thumbnail if still
valid, else decoded, stored in the shared cache and kept), and the picture
as raw RGB/RGBA bytes, which cost a ``memcpy`` to send back (a 256 px
thumbnail is about 200 KB) where a PNG would cost a decode on the window's
side.  Nothing here raises for a bad file: ``failed`` says so.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from gallery_app.core.store.notices import StorageNotices


@dataclass(frozen=True)
class Pixels:
    """A picture as bytes: ``mode`` "RGB" or "RGBA", rows of ``width`` pixels, no padding."""

    mode: str
    width: int
    height: int
    data: bytes


@dataclass(frozen=True)
class MadeThumb:
    """What a worker hands back: the pixels, or ``failed``; a cache it could not write.

    ``storage_error``: the cache could not store the thumbnail (a full or
    read-only disk); the pixels are still there, and the window says it once.
    """

    pixels: Pixels | None
    failed: bool = False
    storage_error: OSError | None = None


class _Kept(StorageNotices):
    """Notices that remember the error for the window instead of telling a listener here."""

    def __init__(self) -> None:
        super().__init__()
        self.error: OSError | None = None

    def report(self, what: str, exc: BaseException, where: Path) -> bool:
        if isinstance(exc, OSError) and self.error is None:
            self.error = exc
        return False


def make_pixels(path: str, size: str) -> MadeThumb:
    """In a worker: the thumbnail of ``path`` at the cache ``size`` ("large"...), as pixels."""
    from gallery_app.core.store import thumbcache  # deferred: Pillow loads in the workers only

    notices = _Kept()
    result = thumbcache.ensure_thumbnail(Path(path), size, keep_image=True, notices=notices)
    image = result.image
    if image is None and result.path is not None:  # a valid cached thumbnail
        image = thumbcache.read_thumbnail(result.path)
    if image is None:
        return MadeThumb(None, failed=True)
    if image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    pixels = Pixels(image.mode, image.width, image.height, image.tobytes())
    return MadeThumb(pixels, storage_error=notices.error)


def warm(_: object = None) -> int:
    """In a new worker: load the decoders before the first photo arrives; the process id."""
    from gallery_app.core.imaging import decode

    decode.warm_up()
    return os.getpid()
