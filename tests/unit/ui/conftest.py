# SPDX-License-Identifier: GPL-3.0-or-later
"""One way to build and tear down the composed app in widget tests."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from gallery_app.app import Composition, compose


@pytest.fixture
def make_app(qtbot: QtBot) -> Iterator[Callable[..., Composition]]:
    """``make_app(size=(900, 700), show=False, progressive=True)`` -> a composed app.

    Every app made is shut down after the test and its Qt objects collected
    here, on the GUI thread: a collection that happened later on a worker
    thread would destroy their socket notifiers there (and Qt aborts).
    """
    made: list[Composition] = []

    def build(
        size: tuple[int, int] | None = (900, 700), *, show: bool = False, progressive: bool = True
    ) -> Composition:
        parts = compose(progressive=progressive)
        qtbot.addWidget(parts.window)
        if size is not None:
            parts.window.resize(*size)
        if show:
            parts.window.show()
        made.append(parts)
        return parts

    yield build
    for parts in made:
        if parts.window.parts.slideshow_window.isVisible():
            parts.window.parts.slideshow_window.close()
        parts.shut_down()
    made.clear()
    gc.collect()
