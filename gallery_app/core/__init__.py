# SPDX-License-Identifier: GPL-3.0-or-later
"""The Qt-free core: values, loaders and queries.

``models`` holds the frozen values every layer shares.  Loaders turn files into
them: ``manifest`` (gallery.json), ``article`` (a saved news article),
``captions`` (date, place and credit out of a wire-photo caption) and
``metadata`` (EXIF, IPTC, XMP).  ``query`` filters and searches entries,
``timeline`` buckets them by time.  Nothing here imports Qt (a test enforces it),
so the CLI, the GUI and the tests all use the same functions.
"""
