# SPDX-License-Identifier: GPL-3.0-or-later
"""Text from files shown where Qt would otherwise guess it is rich text.

Labels take ``Qt.PlainText``; a tooltip has no such switch — Qt renders it as
rich text when ``Qt::mightBeRichText`` says so, and a path, an address or a
caption holding ``<b>`` or ``<img>`` would then be parsed.  Escaped inside
``<qt>`` it is always rich text whose rendering is the original characters.
"""

from __future__ import annotations

import html


def plain_tooltip(text: str) -> str:
    """``text`` as a tooltip that shows it character for character."""
    return f"<qt>{html.escape(text)}</qt>"
