# SPDX-License-Identifier: GPL-3.0-or-later
"""Hand a gallery on: TimelineJS, IIIF, CSV and a static web page — and read them back.

Flow: ``claims`` turns each ``Entry`` into the plain fields every format
carries (date at its precision, a display date that names its doubt, place,
credit always filled, findings as sentences); ``media`` copies the photo files
and makes thumbnails beside the output; each format module builds its document
from those (``timelinejs``, ``iiif`` with the IIIF community's ``iiif-prezi3``,
``spreadsheet``, ``webpage``); ``writer.export_gallery`` runs one export with
progress and cancel for the CLI and the app.  ``timelinejs.read_timelinejs`` and
``iiif.read_iiif`` turn an export back into a ``Gallery`` (the loader opens them
like manifests), so an export round-trips.  The contact sheet PDF needs Qt's
``QPdfWriter`` and lives in ``gallery_app.qt.contact_sheet``.
"""
