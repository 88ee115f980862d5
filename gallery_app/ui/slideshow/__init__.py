# SPDX-License-Identifier: GPL-3.0-or-later
"""The slideshow window, its caption overlay, and starting it from the main window."""
