# SPDX-License-Identifier: GPL-3.0-or-later
"""One photo: the zoomable view, the caption panel and the filmstrip."""
