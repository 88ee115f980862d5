# SPDX-License-Identifier: GPL-3.0-or-later
"""The Checks panel: every finding of the gallery, grouped by photo, each a way to its photo.

``panel.ChecksPanel`` is the widget (a tree of photos and their findings, fed
by ``qt.checks.FindingsBook``); ``dock.install_checks_dock`` puts it in a dock
of the main window with a View menu action and a key.
"""
