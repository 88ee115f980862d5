# SPDX-License-Identifier: GPL-3.0-or-later
"""The edit panel: correct captions, dates, places and credits, one photo or many.

``panel`` shows the fields of the selected photos; ``controller`` turns what
the user types into ``core.edits`` records and hands them to
``qt/edits`` (its edit session) to be written; the saved result comes back
through the photo model, so every view shows the correction with its record.
"""
