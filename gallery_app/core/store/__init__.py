# SPDX-License-Identifier: GPL-3.0-or-later
"""Everything Dateline keeps on disk, written atomically.

``atomic`` is the one way to write a file (temporary, then ``os.replace``);
``catalog`` is the SQLite record of what was read from each photo;
``thumbcache`` is the freedesktop thumbnail cache shared with file managers;
``links`` holds the user's links from gallery entries to photo files.
Paths come from ``core.paths``; nothing here knows about Qt.
"""
