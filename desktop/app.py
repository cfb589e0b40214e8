"""Starting the window: the application object, the error handler, the language, then the store,
opened off the GUI thread, and the first-start questions."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from db.engine import Store, default_store_path
from desktop.desk import Desk
from desktop.drafts import Drafts
from desktop.errors import install_exception_hook, start_logging
from desktop.i18n import install_translators
from desktop.settings import Options
from desktop.worker import run_in_background


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName("PartnerDesk")
    app.setApplicationName("PartnerDesk")
    app.setApplicationDisplayName("PartnerDesk")
    return app


def run_window(db_path: str | None) -> int:
    app = make_application()
    start_logging()
    install_exception_hook()
    options = Options()
    install_translators(app, options.language)
    path = Path(db_path).expanduser() if db_path else default_store_path()
    windows = []

    opening = QProgressDialog(
        app.translate("app", "Opening %1…").replace("%1", str(path)), "", 0, 0
    )
    opening.setCancelButton(None)
    opening.setWindowTitle("PartnerDesk")
    opening.setWindowModality(Qt.WindowModality.ApplicationModal)
    opening.setMinimumDuration(400)

    def opened(store: Store) -> None:
        opening.close()
        windows.append(show_main_window(store, options))

    def failed(exc: BaseException) -> None:
        opening.close()
        QMessageBox.critical(
            None,
            "PartnerDesk",
            app.translate("app", "PartnerDesk cannot open its store.\n\n%1").replace(
                "%1", str(exc)
            ),
        )
        app.exit(1)

    run_in_background(lambda: Store.open(path), opened, failed)
    code = app.exec()
    for window in windows:
        window.desk.store.close()
    return code


def show_main_window(store: Store, options: Options):
    from desktop.dialogs.first_start import FirstStartDialog, needs_first_start
    from desktop.main_window import MainWindow

    desk = Desk(store)
    drafts = Drafts(store.path)
    window = MainWindow(desk, options, drafts)
    window.show()
    if needs_first_start(desk):
        FirstStartDialog(desk, window).exec()
        window.show_page("dashboard")
    offer_drafts(window, drafts)
    return window


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
            "PartnerDesk stopped while %1 record(s) had unsaved changes. Open them to review and save?",
        ).replace("%1", str(len(pending))),
    )
    if answer != QMessageBox.StandardButton.Yes:
        for draft in pending:
            drafts.discard(draft.kind, draft.record_id)
        return
    first = pending[0]
    window.show_page(first.kind)
    window.list_pages[first.kind].edit_draft(first.record_id, first.raw, is_new=first.is_new)
