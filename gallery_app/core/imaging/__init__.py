# SPDX-License-Identifier: GPL-3.0-or-later
"""Pixels: the one decode path every view and the thumbnailer share.

Data flow: a path -> ``kinds.classify`` (what the file is, from its content and
name: a photo Pillow opens, a camera RAW, a video, something else) ->
``decode.decode_fitted`` (JPEG: ``jpeg.decode_jpeg``, scaled inside libjpeg, a
progressive file through ``progressive.dc_stream`` when 1/8 scale is enough;
other formats through Pillow, with pillow-heif for HEIC/HEIF/AVIF and
pillow-jxl-plugin for JPEG XL; RAW through the camera's embedded full-size
preview, else LibRaw) -> ``fitting`` (shrink, RGB/RGBA, turn upright: on the
small picture) -> an upright RGB/RGBA Pillow image at display size.
The Qt side (``qt/workers.decode_image``) tries Qt's own readers first and
falls back to this; the thumbnail cache (``core/store/thumbcache``) calls it
directly.  Nothing here imports Qt.
"""
