"""An exchange file opened with PartnerDesk — double-clicked, given as `partnerdesk FILE`, handed
over by the Finder (macOS), or passed on by a second start to the window already open: the window
says what the file holds and what importing it would do, and imports only when the officer says
so. The file is read through the guard of files from outside and checked as import checks it;
Cancel writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QObject, Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox

from db.errors import ValidationError
from db.exchange.document import FilePreview, ImportSummary, import_file, preview_file
from db.schema.kinds import BY_KEY
from desktop.desk import Changes
from desktop.errors import log, plain_reason, report_unexpected
from desktop.labels import Counted, kind_count
from desktop.worker import run_in_background

QUESTION = "import_question"  # the question's object name, for whoever looks for it
PROBLEMS_SHOWN = 10
translate = QCoreApplication.translate


class OpenedFiles(QObject):
    """Files the system asks PartnerDesk to open while it runs, kept until a window takes them
    (macOS sends the file a double-click launched PartnerDesk with before any window exists)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.waiting: list[Path] = []
        self._receivers: list[Callable[[Path], None]] = []

    def open(self, path: Path) -> None:
        if self._receivers:
            self._receivers[-1](path)  # the window opened last
        else:
            self.waiting.append(path)

    def deliver_to(self, receiver: Callable[[Path], None]) -> None:
        self._receivers.append(receiver)
        waiting, self.waiting = self.waiting, []
        for path in waiting:
            receiver(path)

    def stop_delivering_to(self, receiver: Callable[[Path], None]) -> None:
        if receiver in self._receivers:
            self._receivers.remove(receiver)


def offer_import(window: QMainWindow, path: Path) -> None:
    """Read ``path`` off the GUI thread, then ask the officer whether to import it."""
    desk = window.desk
    if desk.store.read_only:
        _tell(
            window,
            translate(
                "exchange_file", "%1 cannot be imported: this window has the store open read-only."
            ).replace("%1", path.name),
        )
        return
    window.statusBar().showMessage(
        translate("exchange_file", "Reading %1…").replace("%1", str(path))
    )
    log.info("exchange file opened with PartnerDesk: %s", path)
    run_in_background(
        lambda: preview_file(desk.store, path),
        lambda preview: _ask(window, path, preview),
        lambda exc: _refused(window, path, exc),
    )


def what_it_holds(path: Path, preview: FilePreview) -> str:
    """The question's text: counts per kind, when it was exported, what importing would do."""
    held = [kind_count(BY_KEY[key].name, n) for key, n in preview.held().items()]
    lines = [
        translate("exchange_file", "%1 holds %2.")
        .replace("%1", path.name)
        .replace("%2", ", ".join(held))
        if held
        else translate("exchange_file", "%1 holds no records.").replace("%1", path.name)
    ]
    if preview.exported_at:
        lines.append(
            translate("exchange_file", "It was exported on %1.").replace(
                "%1", local_moment(preview.exported_at)
            )
        )
    outcome, counted = preview.outcome, Counted()
    lines.append("")
    lines.append(
        translate(
            "exchange_file",
            "Importing it adds %1, changes %2 this store holds and leaves %3 as they are.",
        )
        .replace("%1", counted.records(sum(outcome.created.values())))
        .replace("%2", counted.records(sum(outcome.updated.values())))
        .replace("%3", counted.records(sum(outcome.unchanged.values())))
    )
    return "\n".join(lines)


def local_moment(exported_at: str) -> str:
    moment = QDateTime.fromString(exported_at, Qt.DateFormat.ISODate)
    if not moment.isValid():
        return exported_at
    local, locale = moment.toLocalTime(), QLocale()
    return (
        f"{locale.toString(local.date(), QLocale.FormatType.LongFormat)}, "
        f"{locale.toString(local.time(), QLocale.FormatType.ShortFormat)}"
    )


def _ask(window: QMainWindow, path: Path, preview: FilePreview) -> None:
    ask_first(
        window,
        QUESTION,
        translate("exchange_file", "Import an exchange file?"),
        what_it_holds(path, preview),
        translate("exchange_file", "Import it into this store?"),
        translate("exchange_file", "&Import"),
        lambda: _import(window, path),
        translate("exchange_file", "%1 was not imported.").replace("%1", path.name),
    )


def ask_first(
    window: QMainWindow,
    name: str,
    title: str,
    text: str,
    question: str,
    yes: str,
    on_yes: Callable[[], None],
    on_cancel: str,
) -> None:
    """The window-modal question before a file from outside changes the store: ``on_yes`` runs
    on ``yes``; Cancel (the default) says ``on_cancel`` in the status bar and changes nothing."""
    window.statusBar().clearMessage()
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        window,
    )
    box.setObjectName(name)
    box.setInformativeText(question)
    box.button(QMessageBox.StandardButton.Yes).setText(yes)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def answered(answer: int) -> None:
        if answer == QMessageBox.StandardButton.Yes:
            on_yes()
        else:
            window.statusBar().showMessage(on_cancel, 8000)

    box.finished.connect(answered)
    box.open()  # window-modal, without an event loop of its own
    box.raise_()


def _import(window: QMainWindow, path: Path) -> None:
    window.statusBar().showMessage(
        translate("exchange_file", "Importing %1…").replace("%1", str(path))
    )

    def done(outcome: ImportSummary) -> None:
        window.statusBar().showMessage(
            translate("exchange_file", "Imported %1: %2.")
            .replace("%1", path.name)
            .replace("%2", outcome.describe()),
            15_000,
        )

    # Checked again as it is written: the store may have changed while the question was open.
    window.desk.run(
        lambda store: import_file(store, path),
        lambda outcome: Changes.of(*outcome.kinds_changed),
        done,
        lambda exc: _refused(window, path, exc),
    )


def _refused(window: QMainWindow, path: Path, exc: BaseException) -> None:
    window.statusBar().clearMessage()
    said = why_refused(
        exc,
        translate("exchange_file", "%1 cannot be imported; nothing was imported.").replace(
            "%1", path.name
        ),
    )
    if said is not None:
        _tell(window, said)


def why_refused(exc: BaseException, headline: str) -> str | None:
    """What the officer is told when a file from outside is refused: ``headline`` then each
    problem found (the first few), or the plain reason; None for a bug, reported as one."""
    if isinstance(exc, ValidationError):
        problems = [str(p) for p in exc.problems]
        more = len(problems) - PROBLEMS_SHOWN
        shown = "\n".join(f"• {p}" for p in problems[:PROBLEMS_SHOWN])
        if more > 0:
            shown += "\n" + translate("exchange_file", "and %1 more").replace("%1", str(more))
        return headline + "\n\n" + shown
    reason = plain_reason(exc)
    if reason is None:
        report_unexpected(exc)
    return reason


def _tell(window: QMainWindow, text: str) -> None:
    tell(window, QUESTION, translate("exchange_file", "Import an exchange file"), text)


def tell(window: QMainWindow, name: str, title: str, text: str) -> None:
    """Why a file from outside changed nothing, in a window-modal warning."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=window)
    box.setObjectName(name)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
