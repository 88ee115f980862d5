# SPDX-License-Identifier: GPL-3.0-or-later
"""Keep Python's cycle collector from pausing the window while a big folder loads.

A 10,000-photo gallery is about a million Python objects (entries, dates,
places, paths).  As a scan adds them, the collector's full passes walk all of
them — 60 to 90 ms each with the GIL held, so the window froze although no
code of ours was running.  The entries live as long as the gallery is open,
so once a batch has been taken in, ``settle()`` moves everything alive into
the collector's permanent generation (``gc.freeze``), after a quick pass over
the young generations so their garbage is not kept.  Frozen objects are
still freed by reference counting when the gallery goes (entries hold no
cycles); only the collector stops re-walking them.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Collect the young generations, then stop the collector re-walking what survives."""
    gc.collect(1)
    gc.freeze()
