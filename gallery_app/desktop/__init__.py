# SPDX-License-Identifier: GPL-3.0-or-later
"""Desktop integration: the desktop entry, icons, metainfo and launchers
that ``gallery-app --install-desktop`` writes.
"""
