# SPDX-License-Identifier: GPL-3.0-or-later
"""The story timeline's arithmetic: an axis with breaks, lanes, bins and the items on them.

Data flow: the entries of a gallery (and its article) go into
:func:`build.build_story`, which turns each dated entry into an item with its
date span (``core.gallery.uncertainty``), keeps undated entries apart for the
tray, finds the dated events the captions and article state
(``core.article.events``) and lays an :class:`axis.Axis` over the occupied
stretches of time, collapsing long empty ones into breaks.  The widget then
asks :mod:`axis` where a moment is on screen, :mod:`lanes` how to stack the
cards in view so none overlap, and :mod:`bins` how many photos fall in each
column when zoomed out.  Nothing here knows Qt; all of it is cheap enough per
frame because it touches only what is in view (bisect on sorted times).
"""
