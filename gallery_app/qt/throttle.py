# SPDX-License-Identifier: GPL-3.0-or-later
"""Fold a burst of requests into one call, on the GUI thread's event loop.

Typing in the search box, a scan's row batches, a folder that changes many
times in a second, a scroll bar that moves on every pixel: each asks for work
that only needs doing once the burst is over.  A :class:`Throttle` wraps the
function that does it; ``schedule()`` asks for a call, and the call happens
once, ``delay_ms`` later, on a QTimer (never a sleep).

Two ways to count the delay, chosen per use:

- ``restart=False`` (a throttle): the first request of a burst starts the
  clock and the requests that come meanwhile fold into that call, so a steady
  stream still gets a call every ``delay_ms``.
- ``restart=True`` (a debounce): every request starts the clock again, so the
  call follows the last request (the search follows the last keystroke).

``flush()`` makes a pending call at once; ``cancel()`` drops it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal


class Throttle(QObject):
    """Calls ``func`` once, ``delay_ms`` after a burst of ``schedule()`` calls begins (or ends).

    ``func`` is connected to the ``due`` signal rather than kept: a throttle
    owned by the object whose method it calls makes no reference cycle.
    """

    due = Signal()

    def __init__(
        self,
        func: Callable[[], object],
        delay_ms: int,
        parent: QObject | None = None,
        *,
        restart: bool = False,
    ) -> None:
        super().__init__(parent)
        self.due.connect(func)
        self._restart = restart
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.due)

    def schedule(self) -> None:
        """Ask for a call; one already pending takes this one in."""
        if self._restart or not self._timer.isActive():
            self._timer.start()

    def pending(self) -> bool:
        """Whether a call is still to come."""
        return self._timer.isActive()

    def cancel(self) -> None:
        """Drop the pending call, if any."""
        self._timer.stop()

    def flush(self) -> None:
        """Make the pending call now (nothing happens when none is pending)."""
        if self._timer.isActive():
            self._timer.stop()
            self.due.emit()
