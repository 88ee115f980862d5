# SPDX-License-Identifier: GPL-3.0-or-later
"""The ``sources`` rule: EXIF, IPTC and XMP inside one file that disagree.

The metadata reader keeps, for each field, the labels whose value differs
from the one shown (``FileMetadata.conflicts``, by the MWG rules); each such
pair is a notice: the file says two things, and the one shown may be the
stale one.
"""

from __future__ import annotations

from gallery_app.core.checks.findings import Issue, Witness
from gallery_app.core.checks.witnesses import Witnesses

_FIELD_WORDS = {
    "caption": "caption",
    "creator": "photographer",
    "credit": "credit",
    "copyright": "copyright",
    "taken": "date",
    "sublocation": "sublocation",
    "city": "city",
    "region": "region",
    "country": "country",
    "country_code": "country code",
}


def sources_rule(w: Witnesses) -> list[Issue]:
    if w.file is None:
        return []
    return [
        Issue(
            f"The {_FIELD_WORDS.get(c.name, c.name)} in {c.kept} differs from {c.other} "
            f"in the same file; {c.kept} is shown.",
            Witness("file", c.kept, c.kept_value),
            Witness("other", c.other, c.other_value),
        )
        for c in w.file.conflicts
    ]
