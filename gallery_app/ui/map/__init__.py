# SPDX-License-Identifier: GPL-3.0-or-later
"""The map view: where each photo was taken, drawn offline with QPainter.

``view.MapView`` owns a :class:`~gallery_app.core.geo.viewport.Viewport` and
the current :class:`~gallery_app.core.geo.layer.MarkLayer`; ``basemap``
paints the bundled Natural Earth outlines from cached QPainterPaths and
``basemap_cache`` keeps them, with the place names, as tiles drawn between
frames; ``marks`` paints pins, rings, dashed stretches and regions, clusters
and GPS/caption disagreements (``pin_style``: one cached picture a pin),
``card`` the hover card, ``tiles`` the optional OpenStreetMap tiles.  Data
flows in from the window (entries, the shared filter, the current photo) and
out as signals (select, open) and as the area part of the shared filter.
"""
