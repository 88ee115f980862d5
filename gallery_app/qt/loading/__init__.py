# SPDX-License-Identifier: GPL-3.0-or-later
"""Opening galleries and folders without freezing the window.

``gallery`` loads a gallery on the pool; ``session`` remembers which gallery
is on screen and what the user asked for; ``folder_session`` and ``scanner``
open a folder progressively and watch it; ``relinker`` finds moved photos;
``thumbnails`` makes grid thumbnails (a quick look on a thread pool, the
decode in ``thumb_processes``' worker processes once they pile up); ``heap`` keeps the cycle
collector quiet during big loads. Results reach the GUI thread as signals
carrying plain data or QImage.
"""
