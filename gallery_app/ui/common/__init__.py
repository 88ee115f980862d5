# SPDX-License-Identifier: GPL-3.0-or-later
"""Widgets and painting helpers shared by every view: placeholder cards, plain
text, flow layout, palette.
"""
