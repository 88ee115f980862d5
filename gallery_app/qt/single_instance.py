# SPDX-License-Identifier: GPL-3.0-or-later
"""One Dateline window per user: a second launch hands its files to the first.

"Open with Dateline" from a file manager starts a new process for each choice.
Before building any window, ``__main__`` asks :meth:`SingleInstance.try_forward`
to pass the paths to a running instance over a local socket (a Unix socket or a
Windows named pipe); when one answers, the new process exits.  Otherwise the
process calls :meth:`SingleInstance.listen` and from then on receives the paths
of later launches through :attr:`SingleInstance.paths_received` (an empty list
means "the user started Dateline again": raise the window).

The wire format is one line of UTF-8 JSON, answered by ``ok``::

    {"paths": [...], "slideshow": true, "fullscreen": false,
     "from": "2015-03-30", "to": "2015-04-01"}

Only ``paths`` is required, so the plain ``{"paths": [...]}`` of older
versions still works; the flags let the desktop entry's "Slideshow" action
(``gallery-app --slideshow %F``) start a show in the running window.  Each
message arrives as :attr:`SingleInstance.handed_over` (a :class:`Handover`);
:attr:`SingleInstance.paths_received` still carries the paths alone.

The server name carries the user name, so two people on one machine each get
their own instance, and the socket is made private to its owner.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import logging
import os
import re
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

MAX_MESSAGE_BYTES = 1 << 20  # a megabyte of paths is far more than any file manager sends
_ACK = b"ok\n"


def _user_name() -> str:
    try:
        name = getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name and no passwd entry
        name = str(os.getuid()) if hasattr(os, "getuid") else "user"
    return re.sub(r"[^A-Za-z0-9_.-]", "_", name) or "user"


def server_name(key: str) -> str:
    """The local-socket name for ``key`` and the current user."""
    return f"{key}-{_user_name()}"


def _absolute(path: str) -> str:
    """Resolve relative paths here: the running instance has another working directory."""
    if "://" in path:
        return path
    return os.path.abspath(path)


@dataclass(frozen=True)
class Handover:
    """What a later launch asked for: its paths and the flags that go with them."""

    paths: list[str] = field(default_factory=list)
    slideshow: bool = False
    fullscreen: bool = False
    date_from: dt.date | None = None
    date_to: dt.date | None = None


class SingleInstance(QObject):
    """Forward paths to a running instance, or become the instance that receives them."""

    paths_received = Signal(list)
    handed_over = Signal(object)  # Handover

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = server_name(key)
        self._server: QLocalServer | None = None

    @property
    def name(self) -> str:
        return self._name

    def try_forward(
        self,
        paths: list[str],
        timeout_ms: int = 500,
        *,
        slideshow: bool = False,
        fullscreen: bool = False,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
    ) -> bool:
        """Send ``paths`` (and the flags) to a running instance; True only if it confirmed.

        Blocks for at most about three times ``timeout_ms``; meant for start-up,
        before the event loop runs.
        """
        socket = QLocalSocket()
        socket.connectToServer(self._name)
        if not socket.waitForConnected(timeout_ms):
            return False
        data: dict[str, Any] = {"paths": [_absolute(p) for p in paths]}
        if slideshow:
            data["slideshow"] = True
        if fullscreen:
            data["fullscreen"] = True
        if date_from is not None:
            data["from"] = date_from.isoformat()
        if date_to is not None:
            data["to"] = date_to.isoformat()
        message = json.dumps(data).encode("utf-8") + b"\n"
        socket.write(message)
        while socket.bytesToWrite() > 0:
            if not socket.waitForBytesWritten(timeout_ms):
                socket.abort()
                return False
        reply = b""
        while not reply.endswith(b"\n"):
            if not socket.waitForReadyRead(timeout_ms):
                log.warning("A running Dateline took the connection but did not answer.")
                socket.abort()
                return False
            reply += bytes(socket.readAll().data())
        socket.disconnectFromServer()
        return reply == _ACK

    def listen(self) -> bool:
        """Start receiving paths; False if another live instance already listens.

        A socket file left behind by a crashed instance is removed first, but
        only after checking that nobody answers on it.
        """
        if self._server is not None:
            return True
        # Probe first: with UserAccessOption, Qt renames its socket into place
        # and would silently take the name from a live instance.
        if self._someone_answers():
            return False
        QLocalServer.removeServer(self._name)  # a crashed instance's leftover, if any
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self._name):
            log.warning("Cannot listen on %s: %s", self._name, server.errorString())
            server.deleteLater()
            return False
        server.newConnection.connect(self._on_new_connection)
        self._server = server
        return True

    def close(self) -> None:
        """Stop listening and remove the socket, so the next launch starts fresh."""
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None

    def _someone_answers(self) -> bool:
        probe = QLocalSocket()
        probe.connectToServer(self._name)
        alive = probe.waitForConnected(200)
        probe.abort()
        return alive

    def _on_new_connection(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            buffer = bytearray()
            socket.readyRead.connect(lambda s=socket, b=buffer: self._on_ready_read(s, b))
            socket.disconnected.connect(socket.deleteLater)

    def _on_ready_read(self, socket: QLocalSocket, buffer: bytearray) -> None:
        buffer += bytes(socket.readAll().data())
        if len(buffer) > MAX_MESSAGE_BYTES:
            log.warning("Dropped an oversized message from another Dateline process.")
            socket.abort()
            return
        if b"\n" not in buffer:
            return
        line = bytes(buffer.split(b"\n", 1)[0])
        handover = _parse(line)
        if handover is None:
            log.warning("Dropped a malformed message from another Dateline process.")
            socket.abort()
            return
        socket.write(_ACK)
        socket.flush()
        socket.disconnectFromServer()
        self.paths_received.emit(handover.paths)
        self.handed_over.emit(handover)


def _parse(line: bytes) -> Handover | None:
    try:
        message = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(message, dict):
        return None
    paths = message.get("paths")
    if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
        return None
    flags = [message.get("slideshow", False), message.get("fullscreen", False)]
    if not all(isinstance(f, bool) for f in flags):
        return None
    days: list[dt.date | None] = []
    for name in ("from", "to"):
        raw = message.get(name)
        if raw is None:
            days.append(None)
            continue
        if not isinstance(raw, str):
            return None
        try:
            days.append(dt.date.fromisoformat(raw))
        except ValueError:
            return None
    return Handover(paths, flags[0], flags[1], days[0], days[1])
