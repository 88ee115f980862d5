# SPDX-License-Identifier: GPL-3.0-or-later
"""Where errors go: one hook for uncaught exceptions, and Qt's messages to the log.

``CrashReporter`` is the one handler for exceptions nobody caught, on any
thread: it logs the traceback to the rotating log file and shows the user one
sentence (never a traceback) in a non-modal box with "Copy details".
``install_log_routes`` sends Python logging, Python warnings and Qt's own
messages to that same file.  Kept apart from the composition root so
``app.py`` only builds and wires.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    Qt,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from gallery_app import APP_NAME, __version__
from gallery_app.core import paths
from gallery_app.core.store.notices import StorageNotices
from gallery_app.logs import setup_logging

log = logging.getLogger(__name__)


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message_handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    level = _QT_LEVELS.get(kind, logging.WARNING)
    log.log(level, "Qt: %s (%s)", message, context.category)
    if level >= logging.CRITICAL:  # Qt aborts next: say why where the user looks
        print(message, file=sys.stderr)


class CrashReporter(QObject):
    """The one handler for uncaught exceptions, on any thread.

    Each one is logged with its traceback to the rotating log file in the
    state folder; the user sees one short sentence in a dialog with "Copy
    details" (the traceback, for a bug report) and the log's location, and the
    app stays up.  Only one dialog is open at a time: a fault that repeats
    (in a paint event, say) is logged and counted, not stacked up in windows.
    Exceptions on worker threads reach the GUI thread through a queued signal.
    """

    _reported = Signal(str, str)

    def __init__(self, *, show_dialogs: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.show_dialogs = show_dialogs
        self.dialog: QMessageBox | None = None
        self.repeats = 0
        self._reported.connect(self._show)

    def install(self) -> None:
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread

    def handle(
        self, kind: type[BaseException], value: BaseException | None, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.exit(130)
            return
        try:
            details = "".join(traceback.format_exception(kind, value, tb))
            log.critical("uncaught exception:\n%s", details)
            text = str(value).strip().splitlines()[0][:200] if str(value).strip() else ""
            sentence = f"Something went wrong: {text or kind.__name__}."
            print(sentence, file=sys.stderr)
            self._reported.emit(sentence, f"{APP_NAME} {__version__}\n{details}")
        except Exception:  # the hook itself must never raise
            print("Dateline: an error occurred while reporting an error.", file=sys.stderr)

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def _show(self, sentence: str, details: str) -> None:
        if not self.show_dialogs or QApplication.instance() is None:
            return
        if self.dialog is not None and self.dialog.isVisible():
            self.repeats += 1
            self.dialog.setInformativeText(_where(self.repeats))
            return
        self.repeats = 0
        self.dialog = crash_dialog(sentence, details)
        self.dialog.finished.connect(self._on_dialog_finished)
        self.dialog.show()

    def _on_dialog_finished(self, _result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None


def _where(repeats: int = 0) -> str:
    again = f"It happened {repeats} more time(s). " if repeats else ""
    return f"{again}Dateline is still running. The details are in {paths.log_file()}."


def crash_dialog(sentence: str, details: str) -> QMessageBox:
    """A short, non-modal error box: the sentence, the log's location, "Copy details"."""
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, sentence)
    box.setTextFormat(Qt.TextFormat.PlainText)  # an exception message may quote a file
    box.setInformativeText(_where())
    box.setDetailedText(details)
    box.setWindowModality(Qt.WindowModality.NonModal)
    copy = box.addButton("Copy details", QMessageBox.ButtonRole.ActionRole)
    copy.setAccessibleName("Copy details of the error")
    # An ActionRole button would close the box; copying should leave it open.
    copy.clicked.disconnect()
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
    box.addButton(QMessageBox.StandardButton.Close)
    return box


def install_log_routes(notices: StorageNotices | None = None) -> None:
    """Send everything worth keeping to the rotating log file in the state folder.

    Python's logging, Python warnings (Pillow's advisory ones about damaged
    EXIF, say) and Qt's own messages all end up in one file, which the crash
    dialog names.
    """
    setup_logging(notices=notices)
    logging.captureWarnings(True)
    qInstallMessageHandler(_qt_message_handler)
