# SPDX-License-Identifier: GPL-3.0-or-later
"""Widgets only: they show what the qt/ models hold and send user intent back."""
