# SPDX-License-Identifier: GPL-3.0-or-later
"""Corrections with a record: change a caption, date, place or credit, keep the original.

Flow: a user (the edit panel, ``gallery-cli edit``) names a field and a new
value; ``apply.make_correction`` checks the value (``fields``) and records the
old one, when and why as a ``models.Correction``; ``apply.apply_correction``
gives the entry its new value and appends the record (the original stays in
the first record of each field, never overwritten).  Until saved, pending
corrections live in the ``journal`` in the state folder (0600), so a crash
loses nothing.  ``save.save_corrections`` writes them where other tools see
them: into a gallery manifest (version 2; the bundled gallery as the user's own
copy, ``user_copy``) or, for a folder of photos, into one XMP sidecar per photo
written with the exiv2 library (``sidecar``), and, only when asked, into the
photo file itself (``embed``).  ``conflicts`` turns a caption's weekday
contradiction into readings the user can choose between.  Loading applies the
records again (``apply.apply_recorded``), so every view shows the corrected
value, the note and the original.
"""
