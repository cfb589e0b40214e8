"""Starting the window: the application object, the error handler, the language, then the store,
opened off the GUI thread, and the first-start questions."""

from __future__ import annotations

import gc
import socket
import sqlite3
import sys
from contextlib import suppress
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, QThreadPool
from PySide6.QtGui import QFileOpenEvent, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog

import resources
from db.errors import DamagedStoreError, ReadOnlyStoreError, StorageError, StoreTooNewError
from db.records.services import open_store
from db.store.backups import BackupFile, backup_if_changed, thin_backups
from db.store.engine import Store, default_store_path, os_user
from db.store.lock import WINDOW, StoreInUseError, StoreLock
from db.store.outside import existing_regular_file
from desktop.colours import follow_the_system_scheme
from desktop.desk import Desk
from desktop.drafts import Drafts, keep_all_open_editors
from desktop.errors import install_exception_hook, log, log_qt_messages, start_logging
from desktop.exchange_file import OpenedFiles, offer_import
from desktop.i18n import install_translators, system_locale
from desktop.labels import Counted
from desktop.running_window import WindowCalls, ask_to_come_forward, bring_to_front
from desktop.settings import Options
from desktop.sync_bundle_file import is_bundle, offer_merge
from desktop.worker import run_in_background, wait_for_background_work

ORGANIZATION_DOMAIN = "partnerdesk.org"
APPLICATION_ID = "org.partnerdesk.PartnerDesk"  # the domain reversed, then the application


class PartnerDeskApplication(QApplication):
    """The application object: it also takes the files macOS asks PartnerDesk to open (a
    double-click in the Finder, a file dropped on the Dock icon), which come as QFileOpenEvent
    — at launch too, instead of on the command line."""

    def __init__(self, argv: list[str]):
        super().__init__(argv)
        self.opened_files = OpenedFiles(self)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            if event.file():
                self.opened_files.open(Path(event.file()))
            return True
        return super().event(event)


def offer_file(window, path: Path) -> None:
    """A file opened with PartnerDesk: a sync bundle (by its ending, .pdsync) is offered to merge,
    anything else to import as an exchange file."""
    if is_bundle(path):
        offer_merge(window, path)
    else:
        offer_import(window, path)


def opened_files() -> OpenedFiles | None:
    app = QApplication.instance()
    return app.opened_files if isinstance(app, PartnerDeskApplication) else None


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or PartnerDeskApplication(argv or sys.argv[:1])
    name_application(app)
    app.setWindowIcon(QIcon(str(resources.path("icons", "partnerdesk.png"))))
    follow_the_system_scheme(app)
    QLocale.setDefault(system_locale())  # until the settings' language is installed
    return app


def name_application(app: QApplication) -> None:
    """The names the system knows the application by (settings, task bar, window titles)."""
    app.setOrganizationName("PartnerDesk")
    # macOS names the settings file after the domain: org.partnerdesk.PartnerDesk.plist, the
    # bundle's identifier (build.spec); Windows and Linux name it after the organization.
    app.setOrganizationDomain(ORGANIZATION_DOMAIN)
    app.setApplicationName("PartnerDesk")
    # No display name of its own: Qt would append it to every window title on Linux and Windows
    # ("PartnerDesk — store.sqlite — PartnerDesk"); applicationDisplayName() gives the
    # application's name, and the main window's title names it once (main_window.window_title).
    # Linux docks and task bars match the window to its menu entry by this name
    # (packaging/linux/org.partnerdesk.PartnerDesk.desktop).
    app.setDesktopFileName(APPLICATION_ID)


def run_window(db_path: str | None, file: str | None = None) -> int:
    """``file``: an exchange file to show and offer to import, or a sync bundle to offer to merge
    (`partnerdesk FILE`)."""
    app = make_application()
    start_logging()
    log_qt_messages()
    install_exception_hook()
    options = Options()
    install_translators(app, options.language)
    try:
        path = _store_path(db_path)
    except StorageError as exc:  # a device, a pipe, a folder: nothing is made beside it
        QMessageBox.critical(
            None,
            "PartnerDesk",
            QCoreApplication.translate("app", "PartnerDesk cannot open its store.\n\n%1").replace(
                "%1", str(exc)
            ),
        )
        return 1
    session = StoreSession(path, options)
    if file:
        session.open_file(Path(file))
    if not session.start():
        return 0
    code = app.exec()
    session.finish()
    return code


def _store_path(db_path: str | None) -> Path:
    """The store the window opens, once it is known to be a regular file or nothing yet."""
    if not db_path:
        return default_store_path()
    given = Path(db_path).expanduser()
    existing_regular_file(given, QCoreApplication.translate("app", "a PartnerDesk store"))
    return given.resolve()


class StoreSession:
    """The store behind the window, from taking its lock to the backup after the window closes.

    Opening runs off the GUI thread; a damaged store or one from a newer PartnerDesk leads to the
    recovery dialog; a store already open in another window is opened read-only or not at all.
    """

    def __init__(self, path: Path, options: Options):
        self.path, self.options = path, options
        self.lock = StoreLock(path)
        self.read_only = False
        self.window = None
        self.recovery = None  # the recovery dialog, while it is shown
        self.outcome = ""  # what recovery did, told in the window's status bar
        self.opening_backup: BackupFile | None = None
        # The whole-file check runs on its own thread: lists, search and saving never queue
        # behind it, and quitting interrupts it rather than waiting.
        self.checks = QThreadPool()
        self.checks.setMaxThreadCount(1)
        self._checking = None  # the checking connection, to interrupt it on quitting
        self.whole_file_checked = False
        self.closed_window = None  # a window closed on damage found by the whole-file check
        self.window_calls: WindowCalls | None = None  # second starts on this store, answered
        self.files: list[Path] = []  # files to offer to import once the window is open

    def open_file(self, path: Path) -> None:
        """Show what an exchange file or a sync bundle holds and ask before importing or
        merging it (now, or once the window is open)."""
        path = Path(path).absolute()  # a second start passes it on from another folder
        if self.window is None:
            self.files.append(path)
        else:
            offer_file(self.window, path)

    def bring_forward(self) -> None:
        if self.window is not None:
            bring_to_front(self.window)

    def start(self) -> bool:
        """False when the officer chose to quit rather than open a store used elsewhere."""
        try:
            self.lock.acquire()
        except StoreInUseError as busy:
            if self.come_forward(busy):
                log.info("the window that has %s open was brought forward", self.path)
                self.files.clear()  # handed over to that window
                return False
            if not self.ask_read_only(busy):
                return False
            self.read_only = True
        if self.lock.cleared:
            log.info("cleared a lock left by a process that ended: %s", self.lock.cleared)
        files = opened_files()
        if files is not None:  # macOS's, from now until the window closes
            files.deliver_to(self.open_file)
        self._open()
        return True

    def come_forward(self, busy: StoreInUseError) -> bool:
        """True when the store is open in a window of this officer on this computer, and that
        window came forward: there is nothing more to start."""
        holder = busy.holder
        if (
            holder is None
            or holder.program != WINDOW
            or holder.host != socket.gethostname()
            or holder.user != os_user()
        ):
            return False
        # The first file only: a double-click opens one file.
        return ask_to_come_forward(self.path, holder.pid, self.files[0] if self.files else None)

    def ask_read_only(self, busy: StorageError) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "PartnerDesk",
            QCoreApplication.translate(
                "app",
                "%1\n\nOpen it read-only (you can read, search and print briefings, not change "
                "anything), or quit?",
            ).replace("%1", str(busy)),
        )
        read_only = box.addButton(
            QCoreApplication.translate("app", "Open &read-only"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QCoreApplication.translate("app", "&Quit"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(read_only)
        box.exec()
        return box.clickedButton() is read_only

    def _open(self) -> None:
        path, read_only = self.path, self.read_only
        # Every page is read before opening after PartnerDesk last ended without closing the
        # store (its lock was left behind), and for a read-only window (it cannot restore a
        # backup once open); otherwise the header, schema and small tables are checked now and
        # every page once the window is open (seconds on a large store).
        whole_file = self.lock.cleared is not None or read_only
        opening = QProgressDialog(
            QCoreApplication.translate("app", "Opening %1…").replace("%1", str(path)), "", 0, 0
        )
        opening.setCancelButton(None)
        opening.setWindowTitle("PartnerDesk")
        opening.setWindowModality(Qt.WindowModality.ApplicationModal)
        opening.setMinimumDuration(400)

        def opened(store: Store) -> None:
            opening.close()
            self.window = show_main_window(store, self.options)
            if self.lock.held and self.window_calls is None:
                self.window_calls = WindowCalls(path, self.bring_forward, self.open_file)
            settle_after_start()
            if self.outcome:
                self.window.statusBar().showMessage(self.outcome, 30_000)
            files, self.files = self.files, []
            for file in files:
                offer_file(self.window, file)
            if not read_only:
                self._back_up("opening", self.window)
                if whole_file:
                    self.whole_file_checked = True
                else:
                    self._check_whole_file(store)

        def failed(exc: BaseException) -> None:
            opening.close()
            if isinstance(exc, DamagedStoreError | StoreTooNewError) and not read_only:
                self._recover(exc)
                return
            if isinstance(exc, ReadOnlyStoreError):
                if self.ask_read_only(exc):
                    self.read_only = True
                    self._open()
                else:
                    self.quit(0)
                return
            QMessageBox.critical(
                None,
                "PartnerDesk",
                QCoreApplication.translate(
                    "app", "PartnerDesk cannot open its store.\n\n%1"
                ).replace("%1", str(exc)),
            )
            self.quit(1)

        run_in_background(
            lambda: open_store(path, read_only=read_only, whole_file=whole_file), opened, failed
        )

    def _check_whole_file(self, store: Store) -> None:
        """Read every page while the officer works; damage found closes the window (editors
        keep their drafts) and leads to the recovery dialog, as damage found on opening does."""

        def keep(conn) -> None:
            self._checking = conn

        def checked(problem: str | None) -> None:
            self._checking = None
            self.whole_file_checked = problem is None
            if problem is None or self.window is None:
                return
            error = DamagedStoreError(self.path, f"it is damaged ({problem})")
            log.warning("whole-file check: %s", problem)
            window, self.window = self.window, None
            keep_all_open_editors()
            QMessageBox.critical(
                window,
                "PartnerDesk",
                QCoreApplication.translate(
                    "app",
                    "The check of the whole store found damage:\n%1\n\nPartnerDesk will close "
                    "this store and offer to restore the newest good backup.",
                ).replace("%1", problem),
            )
            self._recover(error)  # its dialog is shown first: hiding the window must not quit
            window.hide()
            wait_for_background_work()
            window.desk.store.close()
            self.closed_window = window  # kept: answers already on their way still reach it

        def interrupted(exc: BaseException) -> None:
            self._checking = None
            log.info("whole-file check stopped: %s", exc)

        run_in_background(
            lambda: store.check_whole_file(keep), checked, interrupted, pool=self.checks
        )

    def _recover(self, error: StorageError) -> None:
        from desktop.dialogs.recovery import RecoveryDialog

        log.warning("store not opened: %s", error)
        self.recovery = RecoveryDialog(self.path, error)

        def finished(result: int) -> None:
            dialog, self.recovery = self.recovery, None
            if result == QDialog.DialogCode.Accepted:
                self.outcome = dialog.outcome
                log.warning("recovered: %s", dialog.outcome)
                self._open()
            else:
                self.quit(1)

        self.recovery.finished.connect(finished)
        self.recovery.open()

    def _back_up(self, reason: str, window) -> None:
        """A verified backup when the store changed since the newest one, then thinning."""
        path = self.path

        def work() -> BackupFile | None:
            made = backup_if_changed(path, reason)
            thin_backups(path)
            return made

        def done(made: BackupFile | None) -> None:
            self.opening_backup = made
            if made is not None:
                window.statusBar().showMessage(
                    QCoreApplication.translate("app", "Backup taken and verified: %1").replace(
                        "%1", str(made.path)
                    ),
                    8000,
                )

        def failed(exc: BaseException) -> None:
            log.warning("backup on %s failed: %s", reason, exc)
            window.statusBar().showMessage(
                QCoreApplication.translate("app", "The automatic backup failed: %1").replace(
                    "%1", str(exc)
                )
            )

        run_in_background(work, done, failed)

    def quit(self, code: int) -> None:
        """Leave the application: the officer chose not to go on, or nothing can be opened."""
        QApplication.instance().exit(code)

    def finish(self) -> None:
        """After the window closed: close the store, back it up if it changed, free the lock."""
        checking = self._checking
        if checking is not None:
            # The check may have ended (and closed its connection) just before quitting.
            with suppress(sqlite3.ProgrammingError):
                checking.interrupt()
        try:
            self.checks.waitForDone(30_000)
            wait_for_background_work()
            if self.window is not None:
                self.window.desk.store.close()
            if self.window is not None and not self.read_only:
                backup_if_changed(self.path, "closing")
                thin_backups(self.path)
        except StorageError as exc:
            log.warning("backup on closing failed: %s", exc)
        finally:
            files = opened_files()
            if files is not None:
                files.stop_delivering_to(self.open_file)
            if self.window_calls is not None:
                self.window_calls.stop()
            self.lock.release()


def show_main_window(store: Store, options: Options):
    from desktop.dialogs.first_start import FirstStartDialog, needs_first_start
    from desktop.main_window import MainWindow

    desk = Desk(store)
    drafts = Drafts(store.path)
    window = MainWindow(desk, options, drafts)
    window.show()
    if not store.read_only and needs_first_start(desk):
        FirstStartDialog(desk, window).exec()
        window.show_page("dashboard")
    if not store.read_only:  # drafts belong to the window that can save them
        offer_drafts(window, drafts)
    return window


def settle_after_start() -> None:
    """Everything made while starting (Qt wrappers, SQLAlchemy's and the models' objects: about
    a million) lives as long as the window: keep it out of Python's garbage collector, whose
    every full pass over it held a list for 60-70 ms at random moments. Once per process."""
    if gc.get_freeze_count() == 0:
        gc.collect()
        gc.freeze()


def offer_drafts(window, drafts: Drafts) -> None:
    """Typing left in an editor when PartnerDesk last stopped is offered back."""
    pending = [d for d in drafts.pending() if d.kind in window.list_pages]
    if not pending:
        return
    answer = QMessageBox.question(
        window,
        QCoreApplication.translate("app", "Unsaved work found"),
        QCoreApplication.translate(
            "app",
            "PartnerDesk stopped while %1 had unsaved changes. Open them to review and save?",
        ).replace("%1", Counted().records(len(pending))),
    )
    if answer != QMessageBox.StandardButton.Yes:
        for draft in pending:
            drafts.discard(draft.kind, draft.record_id)
        return
    first = pending[0]
    window.show_page(first.kind)
    window.list_pages[first.kind].edit_draft(first.record_id, first.raw, is_new=first.is_new)
