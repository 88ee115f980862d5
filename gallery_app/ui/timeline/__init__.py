# SPDX-License-Identifier: GPL-3.0-or-later
"""The timeline strip: the view, its painting, its words and its search counts."""
