"""The window officers live in: navigation on the left, the page on the right, actions in menus
and the toolbar, a search box for every record, and the store's path and state below."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QWidget,
)

from db.queries import listing
from db.queries.conflicts import conflict_count
from db.schema.kinds import LISTED
from desktop import __version__
from desktop.actions import build_actions
from desktop.briefing.partner import briefing_partners
from desktop.desk import Desk
from desktop.dialogs.follow_ups_from_decisions import FollowUpsFromDecisions
from desktop.drafts import Drafts
from desktop.i18n import install_translators
from desktop.labels import kind_name, shortcut_text
from desktop.settings import Options
from desktop.views.conflicts_page import ConflictsPage
from desktop.views.coverage_page import CoveragePage
from desktop.views.dashboard import DashboardPage
from desktop.views.list_page import RecordListPage
from desktop.views.portfolio_page import PortfolioPage
from desktop.views.search_page import SearchPage
from desktop.views.thematic_page import ThematicAreasPage
from desktop.worker import run_in_background

LIST_KINDS = tuple(kind.name for kind in LISTED)
SP = QStyle.StandardPixmap
NAV_ICONS = {
    "dashboard": SP.SP_DesktopIcon,
    "organization": SP.SP_DirHomeIcon,
    "contact": SP.SP_FileDialogInfoView,
    "agreement": SP.SP_FileDialogDetailedView,
    "consultation": SP.SP_MessageBoxInformation,
    "activity": SP.SP_FileDialogListView,
    "follow_up": SP.SP_DialogApplyButton,
    "thematic_area": SP.SP_DirIcon,
    "coverage": SP.SP_FileDialogContentsView,
    "portfolio": SP.SP_FileDialogInfoView,
    "conflicts": SP.SP_MessageBoxWarning,
}
# The Go menu's keys: Ctrl+1 to Ctrl+9 for the first nine pages, Ctrl+0 for the last (the
# Conflicts, as the README and docs/sync.md say); a page between them has its own.
GO_KEYS = {"portfolio": "Ctrl+Shift+P"}


def window_title(store_name: str) -> str:
    """ "PartnerDesk — store.sqlite": the application's name once, then the store's file. The
    application sets no display name of its own, so Qt adds nothing to it on any platform."""
    return f"{QGuiApplication.applicationDisplayName()} — {store_name}"


class MainWindow(QMainWindow):
    # Emitted from the thread that committed when the store found its journal taken from it.
    disk_state_changed = Signal()

    def __init__(self, desk: Desk, options: Options, drafts: Drafts | None = None):
        super().__init__()
        self.desk, self.options, self.drafts = desk, options, drafts
        self.setObjectName("mainWindow")
        self.undo_group = QUndoGroup(self)
        self._toolbar_widths: tuple[int, int] | None = None  # with texts, icons only
        self._language_pending = False
        self._build()
        self._build_status_bar()
        self._restore_state()
        self._sync_undo()

    def _build(self) -> None:
        """Actions, pages, menus and toolbar, in the window's language: built when the window
        opens, and again when the officer changes its language."""
        desk, options, drafts = self.desk, self.options, self.drafts
        self.setWindowTitle(window_title(desk.store.path.name))
        self.actions_by_key = build_actions(self)
        if hasattr(self, "team_server"):  # built again in another language: the link stays
            self._show_server_state(self.team_server.state_text())

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Pages"))
        self.pages = QStackedWidget(self)
        self.page_keys: list[str] = []
        self.list_pages: dict[str, RecordListPage] = {}

        self.dashboard = DashboardPage(desk, options, self)
        self.dashboard.open_record.connect(self.open_record)
        self.dashboard.open_list.connect(self.open_list)
        self._add_page("dashboard", self.tr("Dashboard"), self.dashboard)
        for kind in LIST_KINDS:
            page = RecordListPage(desk, kind, drafts, options, self)
            page.open_record.connect(self.open_record)
            page.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
            page.detail.follow_ups_requested.connect(self.follow_ups_from_decisions)
            page.detail.conflicts_requested.connect(self.open_conflict)
            page.side.currentChanged.connect(lambda _i: self._sync_undo())
            self.undo_group.addStack(page.undo_stack)
            page.editor_made.connect(lambda editor: self.undo_group.addStack(editor.undo_stack))
            self.list_pages[kind] = page
            self._add_page(kind, kind_name(kind, plural=True), page)
        self.areas = ThematicAreasPage(desk, self)
        self.areas.open_list.connect(self.open_list)
        self._add_page("thematic_area", kind_name("thematic_area", plural=True), self.areas)
        self.coverage = CoveragePage(desk, self)
        self.coverage.open_list.connect(self.open_list)
        self._add_page("coverage", self.tr("Coverage"), self.coverage)
        self.portfolio = PortfolioPage(desk, self)
        self.portfolio.open_list.connect(self.open_list)
        self.portfolio.open_record.connect(self.open_record)
        self._add_page("portfolio", self.tr("Portfolio"), self.portfolio)
        self.conflicts = ConflictsPage(desk, self)
        self.conflicts.open_record.connect(self.open_record)
        self._add_page("conflicts", self.tr("Conflicts"), self.conflicts)
        self.search_page = SearchPage(desk, self)
        self.search_page.open_record.connect(self.open_record)
        self.pages.addWidget(self.search_page)
        # Wide enough for the longest page name in the window's language ("Activités
        # conjointes", "Domaines thématiques"): never cut.
        needed = self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 12
        self.nav.setMinimumWidth(needed)
        self.nav.setMaximumWidth(max(230, needed))
        self.nav.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(self.nav)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(0, False)
        splitter.setCollapsible(1, False)
        splitter.setSizes([needed, 10_000])  # until the officer's own widths are restored
        self.splitter = splitter
        self.setCentralWidget(splitter)  # the one of an earlier language is deleted with it
        self.nav.currentRowChanged.connect(self._nav_changed)

        self._build_menus_and_toolbar()
        self.undo_group.canUndoChanged.connect(self.actions_by_key["undo"].setEnabled)
        self.undo_group.canRedoChanged.connect(self.actions_by_key["redo"].setEnabled)
        self.actions_by_key["undo"].setEnabled(False)
        self.actions_by_key["redo"].setEnabled(False)
        if desk.store.read_only:
            self.setWindowTitle(
                window_title(self.tr("%1 (read-only)").replace("%1", desk.store.path.name))
            )
            for key in (
                "new",
                "edit",
                "duplicate",
                "save",
                "archive",
                "officer",
                "import_spreadsheet",
                "merge_bundle",
            ):
                self.actions_by_key[key].setVisible(False)  # hidden actions take no shortcut

    # -- building ------------------------------------------------------------------------------------
    def _add_page(self, key: str, title: str, page: QWidget) -> None:
        item = QListWidgetItem(self.style().standardIcon(NAV_ICONS[key]), title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.nav.addItem(item)
        self.pages.addWidget(page)
        self.page_keys.append(key)

    def _build_menus_and_toolbar(self) -> None:
        a = self.actions_by_key
        menus = (
            (
                self.tr("&File"),
                (
                    "new",
                    "save",
                    None,
                    "briefing",
                    "backup",
                    None,
                    "import_spreadsheet",
                    "merge_bundle",
                    "connect_server",
                    "sync_server",
                    "disconnect_server",
                    "export_list",
                    "export_store",
                    "export_calendar",
                    None,
                    "officer",
                    "language",
                    None,
                    "quit",
                ),
            ),
            (
                self.tr("&Edit"),
                (
                    "undo",
                    "redo",
                    None,
                    "edit",
                    "duplicate",
                    "archive",
                    "close_editor",
                    None,
                    "find",
                ),
            ),
            (self.tr("&Go"), ()),
            (self.tr("&Help"), ("about",)),
        )
        for title, keys in menus:
            menu = self.menuBar().addMenu(title)
            for key in keys:
                if key is None:
                    menu.addSeparator()
                else:
                    menu.addAction(a[key])
            if not keys:  # the Go menu: one entry per page, with its key (GO_KEYS)
                last = self.nav.count() - 1
                for row in range(self.nav.count()):
                    action = menu.addAction(self.nav.item(row).icon(), self.nav.item(row).text())
                    page_key = self.page_keys[row]
                    action.setObjectName(f"action_go_{page_key}")
                    go_key = GO_KEYS.get(page_key) or (
                        f"Ctrl+{row + 1}" if row < 9 else "Ctrl+0" if row == last else None
                    )
                    if go_key:
                        action.setShortcut(QKeySequence(go_key))
                    action.triggered.connect(lambda _c=False, r=row: self.nav.setCurrentRow(r))

        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        self.toolbar = toolbar
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for key in (
            "new",
            "edit",
            "save",
            "archive",
            None,
            "undo",
            "redo",
            None,
            "briefing",
            "backup",
        ):
            toolbar.addSeparator() if key is None else toolbar.addAction(a[key])
        # The open conflicts, where they cannot be missed; hidden when there are none.
        self.conflicts_action = QAction(
            self.style().standardIcon(SP.SP_MessageBoxWarning), "", self
        )
        self.conflicts_action.setObjectName("action_conflicts")
        self.conflicts_action.triggered.connect(lambda: self.show_page("conflicts"))
        toolbar.addSeparator()
        toolbar.addAction(self.conflicts_action)
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        self.search_box = QLineEdit(toolbar)
        self.search_box.setObjectName("globalSearch")
        self.search_box.setAccessibleName(self.tr("Search everything"))
        self.search_box.setPlaceholderText(
            self.tr("Search everything (%1)").replace("%1", shortcut_text(a["find"].shortcut()))
        )
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(260)
        self.search_box.returnPressed.connect(self._search_now)
        self._search_timer = QTimer(
            self, singleShot=True, interval=400, timeout=self._search_as_typed
        )
        self.search_box.textEdited.connect(lambda _t: self._search_timer.start())
        toolbar.addWidget(self.search_box)
        self._toolbar_widths = None

    def _fit_toolbar(self) -> None:
        """The toolbar's buttons with their words when the window is wide enough for all of them
        and the search box, else with their icons only (their names in tooltips): the search box
        never falls into the toolbar's overflow menu, whatever the language."""
        toolbar = self.toolbar
        if self._toolbar_widths is None:
            widths = []
            for style in (
                Qt.ToolButtonStyle.ToolButtonTextBesideIcon,
                Qt.ToolButtonStyle.ToolButtonIconOnly,
            ):
                toolbar.setToolButtonStyle(style)
                widths.append(toolbar.sizeHint().width())
            self._toolbar_widths = (widths[0], widths[1])
        with_words, _icons_only = self._toolbar_widths
        wanted = (
            Qt.ToolButtonStyle.ToolButtonTextBesideIcon
            if self.width() >= with_words
            else Qt.ToolButtonStyle.ToolButtonIconOnly
        )
        if toolbar.toolButtonStyle() != wanted:
            toolbar.setToolButtonStyle(wanted)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_toolbar()

    # -- the language, changed while the window is open ------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and not self._language_pending:
            # Translators are removed and installed one by one: rebuild once, after them all.
            self._language_pending = True
            QTimer.singleShot(0, self, self.retranslate)

    def retranslate(self) -> None:
        """The window in the language installed now, without a restart: actions, pages, menus
        and toolbar are built again in it. What the officer had in hand is kept: the page shown,
        its filters and the record selected, the search, and every open editor with what was
        typed in it, saved or not (only its undo history starts again)."""
        self._language_pending = False
        if not self.isVisible():  # closed: nothing to show in another language
            return
        if not self.areas.maybe_leave():  # an area's description not saved: the old page stays
            return
        kept = self._officers_place()
        self.save_state()
        # The old pages go with the old central widget (deleted later): answers on their way to
        # them are dropped once they are gone (see worker.run_in_background).
        for action in self.actions_by_key.values():
            self.removeAction(action)
            action.deleteLater()
        self.menuBar().clear()
        self.removeToolBar(self.toolbar)
        self.toolbar.deleteLater()
        self._build()
        state = self.options.state("main/windowState")
        if state is not None:
            self.restoreState(state)
        splitter = self.options.state("main/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self._fit_toolbar()
        self.update_store_state()
        self.update_conflict_count()
        self._back_to(kept)
        self._sync_undo()

    def _officers_place(self) -> dict:
        current = self.current_key()
        editors = []
        for kind, page in self.list_pages.items():
            if page.editing():
                editor = page.editor
                editors.append(
                    (kind, editor.record_id, editor.raw(), editor.is_new, editor.is_dirty())
                )
        page = self.list_pages.get(current)
        return {
            "current": current,
            "filter": page.filters.current() if page else None,
            "selected": page.current_id() if page else None,
            "search": self.search_box.text(),
            "editors": editors,
        }

    def _back_to(self, kept: dict) -> None:
        current = kept["current"]
        self.search_box.setText(kept["search"])
        if current == "search" and kept["search"].strip():
            self._search_now()
        elif current in self.page_keys:
            self.show_page(current)
        page = self.list_pages.get(current)
        if page is not None and kept["filter"] is not None:
            page.apply_filter(kept["filter"], select=kept["selected"])
        for kind, record_id, raw, is_new, dirty in kept["editors"]:
            self.list_pages[kind].edit_draft(record_id, raw if dirty else None, is_new=is_new)

    def _build_status_bar(self) -> None:
        self.conflicts_button = QPushButton(self)
        self.conflicts_button.setObjectName("conflictsCount")
        self.conflicts_button.setFlat(True)
        self.conflicts_button.setIcon(self.style().standardIcon(SP.SP_MessageBoxWarning))
        self.conflicts_button.clicked.connect(lambda: self.show_page("conflicts"))
        self.statusBar().addPermanentWidget(self.conflicts_button)
        self.update_conflict_count()
        self.desk.changed.connect(lambda _changes: self.update_conflict_count())
        from desktop.team_server import TeamServerLink

        self.team_server = TeamServerLink(self)
        self.server_label = QLabel(self.team_server.state_text(), self)
        self.server_label.setObjectName("teamServerState")
        self.statusBar().addPermanentWidget(self.server_label)
        self.team_server.state_changed.connect(self._show_server_state)
        self._show_server_state(self.team_server.state_text())
        self.store_label = QLabel(self)
        self.store_label.setObjectName("storeState")
        self.statusBar().addPermanentWidget(self.store_label)
        self.update_store_state()
        self.disk_state_changed.connect(self.update_store_state)
        listeners, tell = self.desk.store.disk_state_listeners, self.disk_state_changed.emit
        listeners.append(tell)
        self.destroyed.connect(lambda _gone=None: tell in listeners and listeners.remove(tell))

    def update_conflict_count(self) -> None:
        """ "2 conflicts" in the toolbar and the status bar, hidden at none."""
        count = self.desk.read(conflict_count)
        text = self.tr("%Ln conflicts", "", count)
        for shown in (self.conflicts_action, self.conflicts_button):
            shown.setText(text)
            shown.setToolTip(self.tr("Open the conflicts between stores to resolve them"))
            shown.setVisible(count > 0)
        self._toolbar_widths = None  # the count's words change the toolbar's width
        self._fit_toolbar()

    def update_store_state(self) -> None:
        path = self.desk.store.path
        if self.desk.store.read_only:
            self.store_label.setText(
                self.tr("Store: %1 — open read-only: changes cannot be saved").replace(
                    "%1", str(path)
                )
            )
        elif self.desk.store.unconfirmed:
            self.store_label.setText(
                self.tr(
                    "Store: %1 — the last change is not confirmed on disk: close every other "
                    "program that opens the store, then save again"
                ).replace("%1", str(path))
            )
        elif self.desk.store.log_taken_back_at is not None:
            # Said for as long as the window is open: another program is using the store.
            self.store_label.setText(
                self.tr(
                    "Store: %1 — saved on disk; another program removed its journal at %2, and "
                    "nothing was lost"
                )
                .replace("%1", str(path))
                .replace("%2", f"{self.desk.store.log_taken_back_at:%H:%M}")
            )
        else:
            self.store_label.setText(self.tr("Store: %1 — saved on disk").replace("%1", str(path)))
        self.store_label.setToolTip(str(path))

    # -- state -----------------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.options.state("main/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        for key, target in (("main/windowState", self), ("main/splitter", self.splitter)):
            state = self.options.state(key)
            if state is not None:
                target.restoreState(state)
        last = self.options.last_view
        row = self.page_keys.index(last) if last in self.page_keys else 0
        self.nav.setCurrentRow(row)
        if row == 0:  # already the current page: no change signal, so activate it here
            self.dashboard.activate()

    def save_state(self) -> None:
        self.options.set_state("main/geometry", self.saveGeometry())
        self.options.set_state("main/windowState", self.saveState())
        self.options.set_state("main/splitter", self.splitter.saveState())
        for page in self.list_pages.values():
            page.save_state()
        key = self.current_key()
        if key in self.page_keys:
            self.options.last_view = key
        self.options.sync()

    # -- navigation ------------------------------------------------------------------------------------
    def current_key(self) -> str:
        page = self.pages.currentWidget()
        if page is self.search_page:
            return "search"
        return (
            self.page_keys[self.pages.currentIndex()]
            if self.pages.currentIndex() < len(self.page_keys)
            else ""
        )

    def current_list_page(self) -> RecordListPage | None:
        page = self.pages.currentWidget()
        return page if isinstance(page, RecordListPage) else None

    def _page_that_can(self, operation: str):
        """The current page if it offers this operation (lists and the thematic tree do)."""
        page = self.pages.currentWidget()
        return page if callable(getattr(page, operation, None)) else None

    def _leave_current_page(self) -> bool:
        page = self._page_that_can("maybe_leave")
        return page is None or page.maybe_leave()

    def _nav_changed(self, row: int) -> None:
        if row < 0:
            return
        target = self.pages.widget(row)
        if target is self.pages.currentWidget():
            return
        if not self._leave_current_page():
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(
                self.pages.currentIndex()
                if self.pages.currentWidget() is not self.search_page
                else -1
            )
            self.nav.blockSignals(False)
            return
        self.pages.setCurrentIndex(row)
        if hasattr(target, "activate"):
            target.activate()
        self._sync_undo()

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(self.page_keys.index(key))

    def open_record(self, kind: str, record_id: str, archived: bool | None = None) -> None:
        if kind not in self.list_pages:
            if kind == "thematic_area":
                self.show_page("thematic_area")
            return
        if archived is None:
            archived = bool(self.desk.get(kind, record_id).get("archived"))
        self.show_page(kind)
        if self.current_key() == kind:
            self.list_pages[kind].select_record(record_id, archived=archived)

    def open_conflict(self, kind: str, record_id: str) -> None:
        """The Conflicts page at one record's clashes."""
        self.show_page("conflicts")
        if self.current_key() == "conflicts":
            self.conflicts.select_record(kind, record_id)

    def open_list(self, kind: str, flt: listing.ListFilter) -> None:
        self.show_page(kind)
        if self.current_key() == kind:
            self.list_pages[kind].apply_filter(flt)

    def _sync_undo(self) -> None:
        page = self.current_list_page()
        self.undo_group.setActiveStack(page.active_undo_stack() if page else None)
        editing = bool(page and page.editing())
        # A list saves only from its editor; the thematic tree's description can always be saved.
        saves_anytime = page is None and self._page_that_can("save_current") is not None
        self.actions_by_key["save"].setEnabled(editing or saves_anytime)
        self.actions_by_key["close_editor"].setEnabled(editing)
        for key, operation in (
            ("new", "new_record"),
            ("edit", "edit_current"),
            ("archive", "archive_current"),
        ):
            self.actions_by_key[key].setEnabled(self._page_that_can(operation) is not None)
        self.actions_by_key["duplicate"].setEnabled(bool(page and page.can_duplicate()))

    # -- search ----------------------------------------------------------------------------------------
    def on_find(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _search_as_typed(self) -> None:
        if len(self.search_box.text().strip()) >= 2:
            self._search_now()

    def _search_now(self) -> None:
        self._search_timer.stop()  # Enter searched already: the pending as-you-type search must not pull the page back
        query = self.search_box.text().strip()
        if not query or not self._leave_current_page():
            return
        self.nav.blockSignals(True)
        self.nav.clearSelection()
        self.nav.setCurrentRow(-1)
        self.nav.blockSignals(False)
        self.pages.setCurrentWidget(self.search_page)
        self.search_page.search(query)
        self._sync_undo()

    # -- actions ----------------------------------------------------------------------------------------
    def on_new(self) -> None:
        page = self._page_that_can("new_record")
        if page is not None:
            page.new_record()
            self._sync_undo()

    def on_edit(self) -> None:
        page = self._page_that_can("edit_current")
        if page is not None:
            page.edit_current()
            self._sync_undo()

    def on_duplicate(self) -> None:
        page = self.current_list_page()
        if page is not None and page.can_duplicate():
            page.duplicate_current()
            self._sync_undo()

    def on_save(self) -> None:
        page = self._page_that_can("save_current")
        if page is not None:
            page.save_current()

    def on_close_editor(self) -> None:
        page = self.current_list_page()
        if page is not None and page.editing():
            page.editor.request_close()

    def on_archive(self) -> None:
        page = self._page_that_can("archive_current")
        if page is not None:
            page.archive_current()

    def on_undo(self) -> None:
        self.undo_group.undo()

    def on_redo(self) -> None:
        self.undo_group.redo()

    def on_backup(self) -> None:
        from db.store.backups import BackupFile, take_backup

        store = self.desk.store
        self.statusBar().showMessage(self.tr("Backing up…"))

        def done(made: BackupFile) -> None:
            self.statusBar().showMessage(
                self.tr("Backup written and verified: %1").replace("%1", str(made.path)), 10000
            )

        def failed(exc: BaseException) -> None:
            self.statusBar().clearMessage()
            QMessageBox.warning(self, self.tr("Backup failed"), str(exc))

        run_in_background(lambda: take_backup(store.path, "manual"), done, failed)

    # -- spreadsheets and calendars ----------------------------------------------------------------
    def on_import_spreadsheet(self) -> None:
        from desktop.dialogs.import_spreadsheet import KINDS, ImportSpreadsheetDialog

        current = self.current_key()
        dialog = ImportSpreadsheetDialog(
            self.desk, current if current in KINDS else "organization", parent=self
        )
        dialog.choose_file()
        if getattr(dialog, "path", None) is not None:
            dialog.exec()

    def on_merge_bundle(self) -> None:
        from pathlib import Path

        from desktop.sync_bundle_file import SUFFIX, offer_merge
        from desktop.widgets.file_dialogs import open_file_name

        chosen = open_file_name(
            self,
            self.tr("Merge a sync bundle"),
            "",
            self.tr("PartnerDesk sync bundle (*%1);;All files (*)").replace("%1", SUFFIX),
        )
        if chosen:
            offer_merge(self, Path(chosen))

    def _show_server_state(self, text: str) -> None:
        self.server_label.setText(text)
        self.server_label.setVisible(bool(text))
        connected = self.team_server.connected
        for key in ("sync_server", "disconnect_server"):
            self.actions_by_key[key].setEnabled(connected)

    def on_connect_server(self) -> None:
        from desktop.dialogs.connect_team_server import ConnectTeamServerDialog

        dialog = ConnectTeamServerDialog(self.team_server, self)
        if dialog.exec() == ConnectTeamServerDialog.DialogCode.Accepted:
            if not dialog.kept and dialog.keep.isChecked():
                self.statusBar().showMessage(
                    self.tr(
                        "This computer offers no keyring: the password is kept only until "
                        "PartnerDesk closes."
                    ),
                    10000,
                )
            self.on_sync_server()

    def on_sync_server(self) -> None:
        from desktop.sync_bundle_file import merged_text, show_merged

        def done(report) -> None:
            heading = [
                self.tr("Synced with the team server %1.").replace("%1", report.server),
                self.tr("Changes sent: %1").replace("%1", str(report.sent)),
            ]
            text = merged_text(heading, report.received, report, report.files_taken)
            show_merged(self, text, report.conflicts)

        def failed(exc: BaseException) -> None:
            from desktop.exchange_file import tell, why_refused

            # A merge that would break a rule, listed; the server's own words; or a bug.
            headline = self.tr("Nothing was synced: the merged records would break a rule.")
            said = why_refused(exc, headline)
            if said is not None:
                tell(self, "team_server_refused", self.tr("Sync with the team server"), said)

        self.team_server.sync(on_done=done, on_failed=failed)

    def on_disconnect_server(self) -> None:
        self.team_server.disconnect()

    def on_export_list(self) -> None:
        from desktop import transfers

        kind = self.current_key()
        page = self.list_pages.get(kind)
        if page is None:
            self.statusBar().showMessage(
                self.tr("Open a list (partners, agreements…) to export it."), 6000
            )
            return
        path = transfers.ask_for_file(
            self,
            self.tr("Export this list"),
            transfers.suggested_name(kind, ".xlsx"),
            transfers.list_filters(kind),
        )
        if path is not None:
            transfers.export_list(self, kind, page.model.ids_reader(), path)

    def on_export_store(self) -> None:
        from desktop import transfers

        path = transfers.ask_for_file(
            self,
            self.tr("Export everything"),
            f"PartnerDesk {self.desk.today():%Y-%m-%d}.xlsx",
            [
                self.tr("Excel workbook, a sheet per kind (*.xlsx)"),
                self.tr("PartnerDesk exchange file (*.json)"),
                self.tr("Calendar (*.ics)"),
            ],
        )
        if path is not None:
            transfers.export_store(self, path)

    def on_export_calendar(self) -> None:
        from desktop import transfers

        path = transfers.ask_for_file(
            self,
            self.tr("Export calendar"),
            f"PartnerDesk {self.desk.today():%Y-%m-%d}.ics",
            [self.tr("Calendar (*.ics)")],
        )
        if path is not None:
            transfers.export_store(self, path.with_suffix(".ics"))

    def briefing_subject(self) -> tuple[list[str], str | None] | None:
        """(partners, consultation) for a briefing: the selected partner; the selected
        consultation's organizations, or agreement's parties, that are not ours (the likeliest
        first, for the officer to choose among), with the consultation."""
        page = self.current_list_page()
        record_id = page.current_id() if page else None
        if page is None or record_id is None:
            return None
        if page.kind not in ("organization", "consultation", "agreement"):
            return None
        partners = self.desk.read(briefing_partners, page.kind, record_id)
        if not partners:
            return None
        return partners, record_id if page.kind == "consultation" else None

    def on_briefing(self) -> None:
        from desktop.dialogs.prepare_briefing import PrepareBriefingDialog

        subject = self.briefing_subject()
        if subject is None:
            self.statusBar().showMessage(
                self.tr(
                    "Select a partner, or a consultation or an agreement with a partner, to "
                    "prepare its briefing."
                ),
                8000,
            )
            return
        partners, consultation = subject
        PrepareBriefingDialog(
            self.desk, partners[0], consultation, parent=self, partners=partners
        ).exec()

    def on_officer(self) -> None:
        name, ok = QInputDialog.getText(
            self,
            self.tr("Officer name"),
            self.tr("Name written in the change history (empty: your computer login):"),
            text=self.desk.store.officer,
        )
        if ok:
            self.desk.set_officer_name(name)

    def on_language(self) -> None:
        choices = [self.tr("Same as the system"), "English", "Français"]
        codes = ["system", "en", "fr"]
        current = codes.index(self.options.language) if self.options.language in codes else 0
        choice, ok = QInputDialog.getItem(
            self, self.tr("Language"), self.tr("Language of the window:"), choices, current, False
        )
        if ok and codes[choices.index(choice)] != self.options.language:
            self.options.language = codes[choices.index(choice)]
            self.options.sync()
            # Qt tells every window (LanguageChange); this one then builds itself again.
            install_translators(QApplication.instance(), self.options.language)

    def on_quit(self) -> None:
        self.close()

    def on_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About PartnerDesk"),
            self.tr(
                "PartnerDesk %1\nCooperation agreements, consultations, joint activities and follow-ups, offline.\n\nStore: %2"
            )
            .replace("%1", __version__)
            .replace("%2", str(self.desk.store.path)),
        )

    def follow_ups_from_decisions(self, consultation_id: str) -> None:
        if consultation_id:
            dialog = FollowUpsFromDecisions(self.desk, consultation_id, self)
            if dialog.exec() and dialog.created:
                self.statusBar().showMessage(
                    self.tr("%Ln follow-ups created.", "", len(dialog.created)), 6000
                )

    # -- closing -----------------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        for page in self.list_pages.values():
            if page.editing() and page.editor.is_dirty():
                self.show_page(page.kind)
                if not page.maybe_leave():
                    event.ignore()
                    return
        if not self.areas.maybe_leave():
            event.ignore()
            return
        self.save_state()
        event.accept()
