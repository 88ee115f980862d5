# SPDX-License-Identifier: GPL-3.0-or-later
"""Where photos were taken, as shapes on a map, with no network and no Qt.

Flow: entries -> ``marks.build_marks`` (one :class:`~marks.Mark` per located
entry: a GPS pin from the file, a gazetteer ring from the caption, a stretch
between two gazetteer places, or a whole region) -> ``projection`` (Web
Mercator, world units 0..1) -> ``cluster.ClusterIndex`` (grid clusters of
every integer zoom level, built at once with numpy, so pins crowd into
counted clusters and a frame only looks up the ones it shows) -> the map
widget, which asks ``viewport`` where each world point lands on screen.
``basemap`` reads the bundled Natural Earth outlines (simplified per zoom
level, quantized), ``regions`` the
first-level regions (provinces, states: the place a caption's province
resolves to, ``RegionSet.find``) and ``rivers`` the major rivers; ``distance``
says how far a file's GPS lies from the caption's place.  ``area`` is the
rectangle a user drags to filter the gallery by place.
"""
