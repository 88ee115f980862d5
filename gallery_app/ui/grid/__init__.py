# SPDX-License-Identifier: GPL-3.0-or-later
"""The grid of photos: the view, how a cell is painted, and thumbnail prefetch.

``view`` lists the rows of the filter proxy; ``delegate`` paints each cell
from the model's roles (thumbnail, date, caption, findings); ``prefetch``
asks the photo model for the thumbnails of the cells on screen and the next
page, which arrive from the thumbnail workers as images.
"""
