# SPDX-License-Identifier: GPL-3.0-or-later
"""The editing session: pending corrections, undo/redo, the journal, saving.

Flow: the edit panel asks ``EditSession.edit`` (or ``resolve``) to change
fields of one or more entries; the session checks the values (``core.edits``),
pushes one ``QUndoCommand`` per user action, writes the journal, and emits
``gallery_changed`` with the corrected gallery, which the main window shows
like any newer version of the gallery (grid, timeline, filter, photo page).
``save`` writes the pending corrections through ``core.edits.save`` and
empties the journal; a file changed on disk meanwhile is reported, not
overwritten.
"""
