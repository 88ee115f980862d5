# SPDX-License-Identifier: GPL-3.0-or-later
"""Bundled data: galleries, icons and styles, read through importlib.resources."""
