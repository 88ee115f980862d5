# SPDX-License-Identifier: GPL-3.0-or-later
"""The export formats by name (light: the CLI's --help lists them without loading the writers)."""

from __future__ import annotations

FORMATS: dict[str, str] = {
    "timelinejs": "Knight Lab TimelineJS 3 JSON, photos copied beside it",
    "iiif": "IIIF Presentation 3 manifest, photos copied beside it",
    "pdf": "contact sheet PDF for print",
    "csv": "spreadsheet, IPTC field names as headers",
    "html": "static web gallery folder (works from file://)",
}
