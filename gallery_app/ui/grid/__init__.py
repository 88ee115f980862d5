# SPDX-License-Identifier: GPL-3.0-or-later
"""The grid of photos: the view, how a cell is painted, and thumbnail prefetch."""
