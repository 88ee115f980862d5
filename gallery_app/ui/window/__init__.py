# SPDX-License-Identifier: GPL-3.0-or-later
"""The main window and what hangs off it: parts, actions, navigation, state.

``main_window`` lays out the parts (``parts``) and wires the actions
(``actions``), ``navigation`` moves between photos, ``state`` restores the
layout, ``filter_bar`` edits the shared filter, ``dialogs`` are the small
dialogs, ``screenshot`` renders a view offscreen for ``--screenshot``.
Pages most sessions never open are built when first shown (``lazy_page``,
``lazy_map``); ``first_screen`` holds background work until a gallery's first
screen is up.
"""
