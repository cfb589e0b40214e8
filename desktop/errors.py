"""One place for failures in the window: what the officer's data or the environment caused (a rule
broken, a file refused, a full or read-only disk, a permission, not enough memory) is told
plainly; bugs are logged with their traceback in the data folder and shown as a short message,
and the window stays up."""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

from db.errors import StorageError, ValidationError
from db.i18n import translate

log = logging.getLogger("partnerdesk")
_log_file: Path | None = None


def log_path() -> Path:
    """In the data folder, beside the store: the one place an officer is told to look or send."""
    from db.store.engine import default_store_path

    return default_store_path().parent / "logs" / "partnerdesk.log"


LOG_BYTES = 1 << 20  # a log file is set aside past 1 MiB...
LOG_KEPT = 4  # ...and the four before it are kept (partnerdesk.log.1 to .4): 5 MiB at most
_crash_file = None  # where faulthandler writes, open for as long as the process runs


def open_log() -> Path:
    """The log file, created readable by its owner only (tracebacks can hold record text)."""
    path = log_path()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.close(os.open(path, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600))
    return path


class _PrivateRotatingLog(RotatingFileHandler):
    """A log that rotates, each new file readable by its owner only, like the first."""

    def _open(self):
        fd = os.open(self.baseFilename, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600)
        return open(fd, "a", encoding=self.encoding, errors=self.errors)  # noqa: SIM115


def start_logging() -> Path:
    """The log, rotating; native crashes (a fault in Qt or SQLite) write their Python traceback
    to ``crash.log`` beside it. A separate file: Windows cannot rename the log to rotate it while
    faulthandler holds it open."""
    global _log_file
    _log_file = open_log()
    handler = _PrivateRotatingLog(
        _log_file, maxBytes=LOG_BYTES, backupCount=LOG_KEPT, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    record_native_crashes(_log_file.with_name("crash.log"))
    return _log_file


def record_native_crashes(path: Path) -> None:
    global _crash_file
    try:
        if path.stat().st_size > LOG_BYTES:  # crashes are rare: only the latest ones are kept
            os.replace(path, path.with_name(path.name + ".1"))
    except OSError:
        pass
    try:
        fd = os.open(path, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600)
    except OSError as exc:
        log.warning("native crashes will not be recorded: %s", exc)
        return
    if _crash_file is not None:
        faulthandler.disable()
        _crash_file.close()
    _crash_file = open(fd, "a", encoding="utf-8")  # noqa: SIM115
    faulthandler.enable(file=_crash_file, all_threads=True)


def log_qt_messages() -> None:
    """Qt's own warnings (a missing plugin, a font, a printer) into the log, besides wherever
    they went before (the console, when there is one)."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    levels = {
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }
    previous = None

    def handler(kind, context, message: str) -> None:
        if kind in levels:
            where = f" ({context.category})" if context.category not in (None, "default") else ""
            log.log(levels[kind], "Qt%s: %s", where, message)
        if previous is not None:
            previous(kind, context, message)
        elif sys.stderr is not None and kind != QtMsgType.QtDebugMsg:  # Qt's own default
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)


def install_exception_hook() -> None:
    def hook(kind, exc, tb):
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        report_unexpected(exc, "".join(traceback.format_exception(kind, exc, tb)))

    sys.excepthook = hook


def plain_reason(exc: BaseException) -> str | None:
    """The sentence for a failure the data or the environment caused; None for a bug, which
    the caller reports as one (``report_unexpected``)."""
    if isinstance(exc, ValidationError | StorageError):
        return str(exc)
    if isinstance(exc, MemoryError):
        return translate(
            "errors",
            "There was not enough memory to finish: nothing was changed. Close other programs "
            "and try again.",
        )
    if isinstance(exc, OSError):
        from db.store.outside import reason_of

        if exc.filename is not None:
            return translate("errors", "{file}: {reason}. Nothing was changed.").format(
                file=exc.filename, reason=reason_of(exc)
            )
        return translate(
            "errors", "A file or the disk could not be used: {reason}. Nothing was changed."
        ).format(reason=reason_of(exc))
    return None


def user_message(exc: BaseException) -> str:
    reason = plain_reason(exc)
    if reason is not None:
        return reason
    return (
        "Something went wrong inside PartnerDesk. What you saved is safe; what you were typing is "
        f"kept as a draft. Details were written to {_log_file or log_path()}."
    )


def report_unexpected(exc: BaseException, trace: str = "") -> None:
    reason = plain_reason(exc)
    if reason is not None:
        _show(reason, warning=True)
        return
    log.error("unexpected error\n%s", trace or "".join(traceback.format_exception(exc)))
    from desktop import drafts

    drafts.keep_all_open_editors()
    _show(user_message(exc), warning=False)


def _show(message: str, *, warning: bool) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance()
    if app is None:
        print(message, file=sys.stderr)
        return
    parent = app.activeWindow()
    box = QMessageBox.warning if warning else QMessageBox.critical
    box(parent, QApplication.translate("errors", "PartnerDesk"), message)
