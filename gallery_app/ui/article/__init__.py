# SPDX-License-Identifier: GPL-3.0-or-later
"""The article pane: the story a gallery came from, as plain text."""
