# SPDX-License-Identifier: GPL-3.0-or-later
"""Qt without widgets: list models, the filter proxy, workers, the slideshow
controller and settings.  Widgets in ``gallery_app.ui`` only display what these
objects hold and forward the user's actions to them."""
