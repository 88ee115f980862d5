# SPDX-License-Identifier: GPL-3.0-or-later
"""The article pane: the story a gallery came from, as plain text.

The pane takes the gallery's ``core.article`` text and its photo links from
the window, shows it as inert plain text, and follows the selected photo
(the paragraph it illustrates is scrolled into view); a click on a linked
photo is sent back as a selection.
"""
