# SPDX-License-Identifier: GPL-3.0-or-later
"""The photo model's ledger of thumbnails: which it has, which it wants, which are on their way.

Kept apart from ``PhotoModel`` so the model is about rows and roles and this
is about the queue policy, all keyed by entry id:

- ``pixmaps``: an LRU of what is shown, bounded (a 256 px thumbnail costs
  ~180 KiB), with the edge each was made for in ``sizes``;
- ``queued``: wishes not yet sent, newest last — the newest go first and the
  oldest fall off, so flinging through 10,000 rows leaves no stale decodes;
- ``in_flight``: what was asked for, and at which edge;
- ``failed``: files that could not be decoded (not asked for again).

Request keys carry a generation (the gallery shown when they were made) and
the entry id, and are read back without ever splitting the id: an id is a
relative path, and a file name may hold any character but "/" and NUL.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator

from PySide6.QtGui import QPixmap

_KEY_PREFIX = "thumb\n"


def thumb_key(generation: int, edge: int, entry_id: str) -> str:
    """The request key of a thumbnail; the entry id comes last, whole.

    The key is read back by splitting off the two numbers in front, never by
    splitting the id, so a file name with a newline is still its own key.
    """
    return f"{_KEY_PREFIX}{generation}\n{edge}\n{entry_id}"


def parse_thumb_key(key: str) -> tuple[int, int, str] | None:
    """``(generation, edge, entry_id)`` of a ``thumb_key``, or None for someone else's key."""
    if not key.startswith(_KEY_PREFIX):
        return None
    parts = key[len(_KEY_PREFIX) :].split("\n", 2)
    if len(parts) != 3 or not parts[0].isdigit() or not parts[1].isdigit():
        return None
    return int(parts[0]), int(parts[1]), parts[2]


class ThumbnailBook:
    """Thumbnail state by entry id; the model decides when to fetch and what to repaint."""

    def __init__(self, cache_limit: int, max_queued: int) -> None:
        self.cache_limit = cache_limit
        self.max_queued = max_queued
        self.pixmaps: OrderedDict[str, QPixmap] = OrderedDict()
        self.sizes: dict[str, int] = {}  # entry id -> edge (device px) the pixmap was made for
        self.queued: OrderedDict[str, int] = OrderedDict()  # entry id -> edge; newest last
        self.in_flight: dict[str, int] = {}  # entry id -> edge requested
        self.failed: set[str] = set()

    def clear(self) -> None:
        self.pixmaps.clear()
        self.sizes.clear()
        self.queued.clear()
        self.in_flight.clear()
        self.failed.clear()

    def forget(self, entry_id: str) -> None:
        """Drop all that is known of one entry (its file changed or was relinked)."""
        self.pixmaps.pop(entry_id, None)
        self.sizes.pop(entry_id, None)
        self.queued.pop(entry_id, None)
        self.in_flight.pop(entry_id, None)
        self.failed.discard(entry_id)

    def pending(self) -> int:
        """Thumbnails asked for and not yet delivered."""
        return len(self.queued) + len(self.in_flight)

    def needs(self, entry_id: str, edge: int) -> bool:
        """Whether ``entry_id`` needs a decode for ``edge`` px.

        No, when a thumbnail at most 10 % too small is shown or on its way
        (a shown one counts as just used, for the LRU).
        """
        have = max(self.sizes.get(entry_id, 0), self.in_flight.get(entry_id, 0))
        if have * 1.1 >= edge:
            if entry_id in self.pixmaps:
                self.pixmaps.move_to_end(entry_id)
            return False
        return True

    def wish(self, wanted: list[tuple[str, int]]) -> None:
        """Queue ``wanted`` (in view order) so the first ends up first in line."""
        for entry_id, edge in reversed(wanted):
            self.queued.pop(entry_id, None)
            self.queued[entry_id] = edge
        while len(self.queued) > self.max_queued:
            self.queued.popitem(last=False)

    def take(self, max_in_flight: int) -> Iterator[tuple[str, int]]:
        """Wishes to send now, newest first, while fewer than ``max_in_flight`` are out.

        The caller marks each one it sends with ``sent``; one it skips is dropped.
        """
        while self.queued and len(self.in_flight) < max_in_flight:
            yield self.queued.popitem(last=True)

    def sent(self, entry_id: str, edge: int) -> None:
        self.in_flight[entry_id] = edge

    def awaits(self, entry_id: str, edge: int) -> bool:
        """Whether a result for ``entry_id`` at ``edge`` is the one still awaited."""
        return self.in_flight.get(entry_id) == edge

    def show_preview(self, entry_id: str, pixmap: QPixmap) -> None:
        """Show a camera's embedded preview until the real thumbnail arrives."""
        self.pixmaps[entry_id] = pixmap
        self.evict()

    def deliver(self, entry_id: str, pixmap: QPixmap | None, edge: int) -> None:
        """The awaited result: a thumbnail, or None for a file that cannot be decoded."""
        del self.in_flight[entry_id]
        if pixmap is None:
            self.failed.add(entry_id)
            return
        self.pixmaps[entry_id] = pixmap
        self.pixmaps.move_to_end(entry_id)
        self.sizes[entry_id] = edge
        self.evict()

    def evict(self) -> None:
        while len(self.pixmaps) > self.cache_limit:
            entry_id, _ = self.pixmaps.popitem(last=False)
            self.sizes.pop(entry_id, None)
