"""One place for failures in the window: what the officer's data or the environment caused (a rule
broken, a file refused, a full or read-only disk, a permission, not enough memory) is told
plainly; bugs are logged with their traceback in the data folder and shown as a short message,
and the window stays up."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path

from db.errors import StorageError, ValidationError
from db.i18n import translate

log = logging.getLogger("partnerdesk")
_log_file: Path | None = None


def log_path() -> Path:
    """In the data folder, beside the store: the one place an officer is told to look or send."""
    from db.store.engine import default_store_path

    return default_store_path().parent / "logs" / "partnerdesk.log"


def open_log() -> Path:
    """The log file, created readable by its owner only (tracebacks can hold record text)."""
    path = log_path()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.close(os.open(path, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600))
    return path


def start_logging() -> Path:
    global _log_file
    _log_file = open_log()
    handler = logging.FileHandler(_log_file, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return _log_file


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
