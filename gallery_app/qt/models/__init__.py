# SPDX-License-Identifier: GPL-3.0-or-later
"""Qt models over the core's values: what the views show, and the one filter.

``photos.PhotoModel`` holds a gallery's entries as rows (``roles`` names
what a row gives) and ``thumbnail_fetch.ThumbnailFetcher`` fetches their
thumbnails on demand (with ``thumbnail_book`` as its ledger);
``filter_state.FilterState`` is the filter the whole window shares and
``filter_proxy`` applies it; ``tooltip`` words a row's tooltip.
"""
