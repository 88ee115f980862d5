# SPDX-License-Identifier: GPL-3.0-or-later
"""A page of the window's stack that is built the first time it is shown.

The story timeline and the map each cost tens to hundreds of milliseconds to
build (widgets, the basemap, their imports) and most sessions never open
them; built before the first frame, they kept every folder from opening like
a bare window.  A :class:`LazyPage` keeps the page's place in the stack with
an empty placeholder (same accessible name, so the page list reads the same)
and builds the real page when something first asks for it — its action, its
key, ``--view``, a test — then puts it where the placeholder was.

Flow: ``LazyPage(stack, build, name)`` reserves ``index``; ``widget()``
builds once (``build()`` makes the page and wires it) and swaps it in;
``is_built()`` lets the owner skip work for a page nobody has seen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtWidgets import QStackedWidget, QWidget

PageT = TypeVar("PageT", bound=QWidget)


class LazyPage(Generic[PageT]):
    """A stack page made by ``build()`` on first use; a cheap placeholder until then."""

    def __init__(self, stack: QStackedWidget, build: Callable[[], PageT], name: str) -> None:
        self._stack = stack
        self._build = build
        self._page: PageT | None = None
        self._placeholder: QWidget | None = QWidget(stack)
        self._placeholder.setAccessibleName(name)
        self.index = stack.addWidget(self._placeholder)

    def is_built(self) -> bool:
        return self._page is not None

    def widget(self) -> PageT:
        """The page, built now if this is the first time it is asked for."""
        if self._page is None:
            page = self._build()
            placeholder, self._placeholder = self._placeholder, None
            current = self._stack.currentIndex()
            self._stack.insertWidget(self.index, page)
            if placeholder is not None:
                self._stack.removeWidget(placeholder)
                placeholder.deleteLater()
            if current >= 0 and self._stack.currentIndex() != current:
                self._stack.setCurrentIndex(current)  # the page on screen stays on screen
            self._page = page
        return self._page
