# SPDX-License-Identifier: GPL-3.0-or-later
"""One photo: the zoomable view, the caption panel and the filmstrip.

``view`` shows the image the image loader decoded off the GUI thread, at the
zoom the user picked (``zoom_badge`` says which); ``caption_panel`` and
``details_panel`` show the selected entry's caption, date, place, credit and
every tag; ``filmstrip`` follows the same filter proxy as the grid, and
moving along it selects the photo the other views show.
"""
