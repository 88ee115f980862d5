# SPDX-License-Identifier: GPL-3.0-or-later
"""Why a photo wears a warning badge, in sentences.

Grid cards, the filmstrip, tooltips, the slideshow overlay and the timeline
all ask :func:`badge_reasons`; today it returns the entry's own warnings (the
caption reader's and the metadata reader's).  When the checks that compare a
caption with its other witnesses land, this is the one place to switch.
"""

from __future__ import annotations

from gallery_app.core.inert import isolate
from gallery_app.core.models import Entry


def badge_reasons(entry: Entry) -> tuple[str, ...]:
    """The sentences behind the badge, each an isolated field; empty when none is needed.

    A warning quotes file text (a weekday, a name), so it is isolated like every
    other field: it can never reorder what is drawn beside it.
    """
    return tuple(isolate(w) for w in entry.warnings)


def has_badge(entry: Entry) -> bool:
    return bool(badge_reasons(entry))
