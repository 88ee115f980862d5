# SPDX-License-Identifier: GPL-3.0-or-later
"""Widgets only: they show what the qt/ models hold and send user intent back.

One subpackage per view (grid, photo, timeline, map, slideshow, article,
checks, edit) plus ``window`` that hosts them and ``common`` for painting
helpers they share.  Data comes in through the models and the shared
``FilterState`` of ``qt/models``; a click or a key goes back out as a call on
that state or a signal the window wires up.  No widget reads a file.
"""
