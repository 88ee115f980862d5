# SPDX-License-Identifier: GPL-3.0-or-later
"""The edit panel: correct captions, dates, places and credits, one photo or many."""
