"""A second start on a store already open in a window of this officer, on this computer, brings
that window forward instead of asking to open the store read-only.

The window that holds the store's lock listens on a local socket (a named pipe on Windows) named
after the officer and the store; a second start that finds the lock held asks it, over that
socket, to come forward, and ends when it answers. A window that does not answer within a few
seconds (busy, or ended just now) leaves the second start to offer read-only access as before.
A second start given a file to open (`partnerdesk FILE`, a double-click) hands the file over in
the same call; the window then shows what the file holds and asks before importing it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, QTimer
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from db.store.engine import os_user
from desktop.errors import log

ASK = b"show\n"
OPEN = b"open "  # then the file's absolute path as a JSON string (no line break in it), "\n"
ANSWER = b"shown\n"
TIMEOUT_MS = 3000
LONGEST_CALL = 64 * 1024  # a longer line is not a PartnerDesk asking


def socket_name(store_path: Path) -> str:
    """Short (Unix socket paths are limited), private to the officer, the same for every way the
    store's path is written."""
    key = f"{os_user()}\0{Path(store_path).resolve()}".encode()
    return "partnerdesk-" + hashlib.sha256(key).hexdigest()[:24]


class WindowCalls(QObject):
    """Listens for second starts on the store while its window is open."""

    def __init__(
        self,
        store_path: Path,
        bring_forward: Callable[[], None],
        open_file: Callable[[Path], None] | None = None,
    ):
        super().__init__()
        self._bring_forward = bring_forward
        self._open_file = open_file
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._answer)
        name = socket_name(store_path)
        # A socket left by a window that crashed (Unix) is ours to remove: we hold the lock.
        QLocalServer.removeServer(name)
        if not self.server.listen(name):
            log.info("second starts will not find this window: %s", self.server.errorString())

    def _answer(self) -> None:
        while (call := self.server.nextPendingConnection()) is not None:
            call.readyRead.connect(lambda call=call: self._read(call))
            call.disconnected.connect(call.deleteLater)

    def _read(self, call: QLocalSocket) -> None:
        if not call.canReadLine():
            if call.bytesAvailable() > LONGEST_CALL:
                call.abort()  # not a PartnerDesk asking
            return  # the rest of the line is on its way
        line = bytes(call.readLine(LONGEST_CALL + 1).data())
        file = _file_in(line)
        if line != ASK and file is None:
            call.abort()
            return
        self._bring_forward()
        if file is not None and self._open_file is not None:
            self._open_file(file)
        call.write(ANSWER)
        call.flush()
        call.disconnectFromServer()

    def stop(self) -> None:
        self.server.close()


def _file_in(line: bytes) -> Path | None:
    """The file an "open" call hands over, or None for any other line."""
    if not line.startswith(OPEN) or not line.endswith(b"\n"):
        return None
    try:
        name = json.loads(line[len(OPEN) :].decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return Path(name) if isinstance(name, str) and Path(name).is_absolute() else None


def ask_to_come_forward(store_path: Path, holder_pid: int, file: Path | None = None) -> bool:
    """Ask the window that has the store open to come forward (and to show ``file``, an
    absolute path, when one is given); True once it has."""
    allow_foreground(holder_pid)
    call = QLocalSocket()
    answer = bytearray()
    loop = QEventLoop()
    timer = QTimer(singleShot=True, interval=TIMEOUT_MS, timeout=loop.quit)

    message = ASK if file is None else OPEN + json.dumps(str(file)).encode("utf-8") + b"\n"

    def connected() -> None:
        call.write(message)
        call.flush()

    def read() -> None:
        answer.extend(call.readAll().data())
        if bytes(answer) == ANSWER:
            loop.quit()

    call.connected.connect(connected)
    call.readyRead.connect(read)
    call.errorOccurred.connect(lambda _error: loop.quit())
    call.disconnected.connect(loop.quit)
    # A local event loop, not waitFor…: a window of this same process can answer meanwhile.
    call.connectToServer(socket_name(store_path))
    timer.start()
    if bytes(answer) != ANSWER and call.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        loop.exec()
    timer.stop()
    if call.isOpen():  # an answer that came with the window's goodbye
        answer.extend(call.readAll().data())
    call.abort()
    return bytes(answer) == ANSWER


def allow_foreground(pid: int) -> None:
    """Windows lets a program bring its window to the front only when the program the officer
    started last allows it: the second start allows the first."""
    if sys.platform != "win32" or pid <= 0:
        return
    import ctypes

    # Without it the window still comes forward, flashing in the taskbar instead.
    with contextlib.suppress(AttributeError, OSError):
        ctypes.windll.user32.AllowSetForegroundWindow(pid)


def bring_to_front(window) -> None:
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
