# SPDX-License-Identifier: GPL-3.0-or-later
"""Photo file -> FileMetadata: what the file itself says about the picture.

``sniff`` tells the format from the first bytes; ``imagefile`` opens the file
once and pulls out its size and raw blocks (``exif``, ``iptc``, ``xmp``,
``heif``; libexiv2 through ``native`` for JPEG, WebP, JPEG 2000, JPEG XL and
camera RAWs; ``otherkinds`` for what neither Pillow nor libexiv2 settles:
``jxl`` sizes, ``cr3`` boxes, videos through ``quicktime`` and ``riff``), all
as one ``embedded.Embedded``; ``resolve`` walks the precedence tables of ``sources`` (one ordered
list of tags per field, strongest first) and ``dates`` parses their date
formats; ``reader`` is the flow that ties these together and returns a
``values.FileMetadata``. No caption parsing and no storage here.
"""
