# SPDX-License-Identifier: GPL-3.0-or-later
"""A folder of the user's own photos -> a Gallery.

``listing`` lists the image files of a tree, each real file once; ``scan``
reads them (through the catalog in ``core.store`` when it knows them) in
batches and builds entries with ``core.gallery.entries``; ``relink`` finds
moved photos again by matching a folder against a gallery's missing files.
"""
