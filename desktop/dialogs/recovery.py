"""When the store cannot be opened (damaged, or written by a newer PartnerDesk): say so plainly and
offer the one step back to work — restore the newest sound backup. The file that could not be
opened is set aside beside the store, never written to or deleted."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from db.errors import DamagedStoreError, FileRefused, StorageError
from db.store.backups import BackupFile, backup_folder, newest_good_backup
from db.store.recovery import restore_backup, set_aside
from desktop.errors import plain_reason, report_unexpected, user_message
from desktop.widgets import file_dialogs
from desktop.worker import run_in_background


class RecoveryDialog(QDialog):
    """Accepted once a sound store is in place (``outcome`` says what was done); rejected to quit."""

    def __init__(self, store_path: Path, error: StorageError, parent: QWidget | None = None):
        super().__init__(parent)
        self.store_path = Path(store_path)
        self.damaged = isinstance(error, DamagedStoreError)
        self.outcome = ""
        self.newest: BackupFile | None = None
        self.setWindowTitle(self.tr("PartnerDesk cannot open its store"))
        self.setMinimumWidth(560)

        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size)
        )
        title = QLabel(self.windowTitle(), self)
        title.setStyleSheet("font-weight: 600; font-size: 120%;")
        problem = QLabel(str(error), self)
        problem.setWordWrap(True)
        problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.finding = QLabel(self.tr("Looking for a sound backup…"), self)
        self.finding.setWordWrap(True)
        self.restore_newest = QCommandLinkButton(self.tr("&Restore the newest backup"), self)
        self.restore_newest.setEnabled(False)
        self.restore_newest.setDefault(True)
        self.choose = QCommandLinkButton(self.tr("&Choose a backup file…"), self)
        self.start_empty = QCommandLinkButton(self.tr("Start with an &empty store"), self)
        self.start_empty.setDescription(self.tr("The damaged store is kept beside it, untouched."))
        self.start_empty.setVisible(self.damaged)  # a newer version's store is not damaged
        self.quit = QPushButton(self.tr("&Quit"), self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        text = QVBoxLayout()
        text.addWidget(title)
        text.addWidget(problem)
        text.addWidget(self.finding)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        for button in (self.restore_newest, self.choose, self.start_empty):
            layout.addWidget(button)
        layout.addWidget(self.status)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.quit)
        layout.addLayout(bottom)

        self.restore_newest.clicked.connect(lambda: self.restore(self.newest.path))
        self.choose.clicked.connect(self.choose_backup)
        self.start_empty.clicked.connect(self.confirm_start_empty)
        self.quit.clicked.connect(self.reject)
        # Each backup is integrity-checked before it is offered: off the GUI thread.
        run_in_background(lambda: newest_good_backup(self.store_path), self._found)

    @property
    def _why(self) -> str:
        return "damaged" if self.damaged else "newer-version"

    def _found(self, newest: BackupFile | None) -> None:
        self.newest = newest
        if newest is None:
            self.finding.setText(
                self.tr("No sound backup was found in %1.").replace(
                    "%1", str(backup_folder(self.store_path))
                )
            )
            return
        self.finding.setText(
            self.tr("The newest sound backup was taken on %1 (%2).")
            .replace("%1", f"{newest.taken_at.astimezone():%d %b %Y %H:%M}")
            .replace("%2", newest.path.name)
        )
        self.restore_newest.setDescription(
            self.tr(
                "Taken on %1. The file that could not be opened is kept beside the store."
            ).replace("%1", f"{newest.taken_at.astimezone():%d %b %Y %H:%M}")
        )
        self.restore_newest.setEnabled(True)
        self.restore_newest.setFocus()

    def choose_backup(self) -> None:
        path = file_dialogs.open_file_name(
            self,
            self.tr("Choose a backup"),
            str(backup_folder(self.store_path)),
            self.tr("PartnerDesk stores (*.sqlite);;All files (*)"),
        )
        if path:
            self.restore(Path(path))

    def restore(self, backup: Path) -> None:
        """A verified copy of the backup takes the store's place; the old file is set aside."""
        self._busy(True)
        self.status.setText(self.tr("Restoring %1…").replace("%1", backup.name))

        def done(restored) -> None:
            self.outcome = self.tr("Restored from the backup %1.").replace(
                "%1", str(restored.backup)
            ) + (
                " "
                + self.tr("The store that could not be opened was kept as %1.").replace(
                    "%1", str(restored.set_aside)
                )
                if restored.set_aside
                else ""
            )
            self.accept()

        run_in_background(
            lambda: restore_backup(self.store_path, backup, why=self._why), done, self._failed
        )

    def confirm_start_empty(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Start with an empty store"),
            self.tr(
                "The damaged store will be kept beside it, untouched, and PartnerDesk will start "
                "with an empty store. Go on?"
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.start_without_backup()

    def start_without_backup(self) -> None:
        try:
            kept = set_aside(self.store_path, self._why)
        except StorageError as exc:
            self._failed(exc)
            return
        self.outcome = self.tr(
            "The damaged store was kept as %1; this is a new, empty store."
        ).replace("%1", str(kept))
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        reason = plain_reason(exc)
        if reason is None:  # a bug: logged with its traceback, told in a short sentence
            report_unexpected(exc)
            reason = user_message(exc)
        elif isinstance(exc, FileRefused):
            reason = self.tr("Nothing was restored: %1").replace("%1", reason)
        self.status.setText(reason)

    def _busy(self, busy: bool) -> None:
        for button in (self.restore_newest, self.choose, self.start_empty):
            button.setEnabled(not busy and (button is not self.restore_newest or bool(self.newest)))
