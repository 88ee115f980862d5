# SPDX-License-Identifier: GPL-3.0-or-later
"""One error hook: the traceback goes to the log file, the user gets a sentence and
"Copy details", the app stays up; Qt's messages and Python warnings reach the same log."""

from __future__ import annotations

import logging
import threading
import warnings
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer, qInstallMessageHandler, qWarning
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from gallery_app.app import CrashReporter, install_log_routes
from gallery_app.core import paths


@pytest.fixture
def reporter(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[CrashReporter]:
    import sys

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    _drop_log_files()  # an earlier test's log file points into that test's home
    install_log_routes()
    rep = CrashReporter(show_dialogs=True)
    rep.install()
    yield rep
    if rep.dialog is not None:
        rep.dialog.close()
    qInstallMessageHandler(None)
    logging.captureWarnings(False)
    _drop_log_files()


def _drop_log_files() -> None:
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_dateline", False)]:
        root.removeHandler(handler)
        handler.close()


def _raise(message: str) -> None:
    raise ValueError(message)


def _log_text() -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return paths.log_file().read_text(encoding="utf-8")


def _copy_button(rep: CrashReporter) -> QPushButton:
    assert rep.dialog is not None
    return next(b for b in rep.dialog.findChildren(QPushButton) if b.text() == "Copy details")


def test_an_uncaught_error_is_logged_and_shown_in_one_sentence(
    reporter: CrashReporter, qtbot: QtBot
) -> None:
    try:
        _raise("<b>bold</b> caption in a file\nsecond line")
    except ValueError as error:
        reporter.handle(type(error), error, error.__traceback__)
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    box = reporter.dialog
    assert box is not None
    assert box.text() == "Something went wrong: <b>bold</b> caption in a file."
    assert box.textFormat().name == "PlainText"
    assert str(paths.log_file()) in box.informativeText()
    assert "still running" in box.informativeText()
    log = _log_text()
    assert "Traceback (most recent call last)" in log and "in _raise" in log

    _copy_button(reporter).click()
    copied = QGuiApplication.clipboard().text()
    assert "Traceback" in copied and "ValueError" in copied
    assert box.isVisible(), "copying closed the dialog"


def test_a_repeating_error_opens_no_second_dialog(reporter: CrashReporter, qtbot: QtBot) -> None:
    for n in range(3):
        try:
            _raise(f"again {n}")
        except ValueError as error:
            reporter.handle(type(error), error, error.__traceback__)
    qtbot.waitUntil(lambda: reporter.repeats == 2)
    dialogs = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is reporter.dialog]
    assert len(dialogs) == 1
    assert reporter.dialog is not None and "2 more time" in reporter.dialog.informativeText()
    reporter.dialog.close()
    qtbot.waitUntil(lambda: reporter.dialog is None)


def test_an_error_on_a_worker_thread_reaches_the_dialog(
    reporter: CrashReporter, qtbot: QtBot
) -> None:
    worker = threading.Thread(target=_raise, args=("from a worker",))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert reporter.dialog is not None
    assert "from a worker" in reporter.dialog.text()
    assert "from a worker" in _log_text()


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_leaves_the_app_running(reporter: CrashReporter, qtbot: QtBot) -> None:
    ticks: list[int] = []
    QTimer.singleShot(0, lambda: _raise("inside a slot"))
    QTimer.singleShot(20, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: bool(ticks) and reporter.dialog is not None)
    assert reporter.dialog is not None and "inside a slot" in reporter.dialog.text()


@pytest.mark.no_qt_log
def test_qt_messages_and_python_warnings_go_to_the_log(reporter: CrashReporter) -> None:
    qWarning("a Qt warning for the log")
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.warn("a Python warning for the log", UserWarning, stacklevel=1)
    log = _log_text()
    assert "a Qt warning for the log" in log
    assert "a Python warning for the log" in log
