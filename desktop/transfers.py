"""Exports from the window: the list on screen as it is filtered (CSV, XLSX, or its dates as an
iCalendar file), the whole store (exchange JSON, one XLSX workbook, or a calendar). Files are
written off the GUI thread, with progress in the status bar, and are complete or absent."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMainWindow, QMessageBox

from db import clock
from db.schema.kinds import IN_CALENDAR
from desktop.labels import kind_name
from desktop.widgets import file_dialogs
from desktop.worker import run_in_background

# The list kinds whose records have dates a calendar can show.
CALENDAR_KINDS = tuple(kind.name for kind in IN_CALENDAR)


class _Progress(QObject):
    moved = Signal(int, int)


def ask_for_file(window: QMainWindow, title: str, name: str, filters: list[str]) -> Path | None:
    """A save dialog; the file gets the extension of the chosen filter when it has none."""
    path, chosen = file_dialogs.save_file_name(
        window, title, str(Path.home() / name), ";;".join(filters)
    )
    if not path:
        return None
    path = Path(path)
    pattern = re.search(r"\*(\.\w+)", chosen)
    if not path.suffix and pattern:
        path = path.with_suffix(pattern.group(1))
    return path


def export_in_background(
    window: QMainWindow, path: Path, work: Callable[[Callable[[int, int], None]], Any]
) -> None:
    """Run ``work(progress)`` off the GUI thread and say in the status bar how it went."""
    bar = window.statusBar()
    bar.showMessage(
        QCoreApplication.translate("transfers", "Exporting to %1…").replace("%1", str(path))
    )
    carrier = _Progress(window)

    def moved(done: int, total: int) -> None:
        if total:
            bar.showMessage(
                QCoreApplication.translate("transfers", "Exporting to %1… %2%")
                .replace("%1", str(path))
                .replace("%2", str(100 * done // total))
            )

    carrier.moved.connect(moved)

    def done(_result: Any) -> None:
        carrier.deleteLater()
        window.last_export = path
        bar.showMessage(
            QCoreApplication.translate("transfers", "Exported to %1.").replace("%1", str(path)),
            15_000,
        )

    def failed(exc: BaseException) -> None:
        carrier.deleteLater()
        bar.clearMessage()
        QMessageBox.warning(
            window, QCoreApplication.translate("transfers", "Not exported"), str(exc)
        )

    run_in_background(lambda: work(carrier.moved.emit), done, failed)


def export_list(
    window: QMainWindow, kind: str, read_ids: Callable[[], list[str]], path: Path
) -> None:
    """The list as filtered and sorted on screen, to .csv, .xlsx or (for dated kinds) .ics.
    ``read_ids`` gives the list's ids; it runs with the export, off the window's thread (a list
    of 200,000 records is not held by the window)."""
    store = window.desk.store
    suffix = path.suffix.lower()
    if suffix == ".ics":
        from db.exchange.calendar import write_calendar

        export_in_background(
            window,
            path,
            lambda _progress: write_calendar(store, path, selection={kind: read_ids()}),
        )
        return
    from db.exchange.spreadsheets import export_list as write_list

    export_in_background(
        window, path, lambda progress: write_list(store, kind, read_ids(), path, progress=progress)
    )


def export_store(window: QMainWindow, path: Path) -> None:
    """Everything: .json (the exchange format), .xlsx (a sheet per kind) or .ics (every date)."""
    store = window.desk.store
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from db.exchange.spreadsheets import write_workbook

        work = lambda progress: write_workbook(store, path, progress=progress)  # noqa: E731
    elif suffix == ".ics":
        from db.exchange.calendar import write_calendar

        work = lambda _progress: write_calendar(store, path)  # noqa: E731
    else:
        from db.exchange.document import export_document, write_file

        work = lambda _progress: write_file(export_document(store), path)  # noqa: E731
    export_in_background(window, path, work)


def list_filters(kind: str) -> list[str]:
    filters = [
        QCoreApplication.translate("transfers", "Excel workbook (*.xlsx)"),
        QCoreApplication.translate("transfers", "CSV, comma-separated (*.csv)"),
    ]
    if kind in CALENDAR_KINDS:
        filters.append(QCoreApplication.translate("transfers", "Calendar (*.ics)"))
    return filters


def suggested_name(kind: str, suffix: str) -> str:
    return f"{kind_name(kind, plural=True)} {clock.today():%Y-%m-%d}{suffix}"
