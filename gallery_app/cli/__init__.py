# SPDX-License-Identifier: GPL-3.0-or-later
"""``gallery-cli``: the core's data without a window.

``main`` parses the command line and prints what the core returns;
``thumbnails`` fills the shared thumbnail cache. No Qt is imported here but
by ``thumbnails`` (for QImage decoding), and only when that command runs.
"""
