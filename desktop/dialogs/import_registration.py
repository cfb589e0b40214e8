"""Import an organizer's registration sheet into the participant list of the activity being
edited: the same dialog as any spreadsheet import (which column goes where, remembered for files
with the same header; the first rows as they will come in; the problems by row and column), but
row by row: "Read the sheet" says how many participants can be added and lists the rows left
out and why (a problem, or a person already on the list or named twice), then "Add" puts the
participants in the editor's table (and remembers columns sent by hand). Nothing of the activity
is saved until the officer saves it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from db.exchange.spreadsheets import Registration, RegistrationImport, Table, remember_mapping
from db.exchange.spreadsheets.columns import REGISTRATION
from db.store.engine import Store
from desktop.desk import SETTINGS, Changes, Desk
from desktop.dialogs.import_spreadsheet import ImportSpreadsheetDialog


class ImportRegistrationDialog(ImportSpreadsheetDialog):
    def __init__(
        self,
        desk: Desk,
        listed: Iterable[dict[str, Any]] = (),
        path: Path | None = None,
        parent: QWidget | None = None,
    ):
        self.listed = list(listed)  # read by importer_for, which opening ``path`` calls
        self.registration: Registration | None = None
        self._suggested: list[str | None] | None = None  # the mapping proposed on opening
        super().__init__(desk, "activity", None, parent)
        self.setObjectName("importRegistration")
        self.setWindowTitle(self.tr("Import a registration sheet"))
        self.form.setRowVisible(self.kind, False)  # always people, never records
        self.check_button.hide()  # reading the sheet is the check
        self._read_text()
        if path is not None:
            self.open_file(Path(path))

    @property
    def participants(self) -> list[dict[str, Any]]:
        """The participants to add, once the sheet is read (each with an id of its own)."""
        return list(self.registration.participants) if self.registration else []

    def sheet_kind(self) -> str | None:
        return None  # the first sheet of a workbook

    def importer_for(self) -> Callable[[Table, list[str | None] | None], RegistrationImport]:
        store, listed = self.desk.store, self.listed
        return lambda table, mapping: RegistrationImport(store, table, mapping, listed)

    def open_file(self, path: Path, sheet: str | None = None) -> None:
        self.registration = None
        self._read_text()
        super().open_file(path, sheet)

    def _mapping_changed(self) -> None:
        self.registration = None
        self._read_text()
        super()._mapping_changed()

    def _read_text(self) -> None:
        self.import_button.setText(self.tr("&Read the sheet"))

    # -- reading, then adding --------------------------------------------------------------------
    def import_all(self) -> None:
        if self.registration is not None:  # the officer has seen the count and the rows left out
            self._remember_mapping()
            self.accept()
            return
        self._run(lambda progress, cancelled: self.importer.read(progress, cancelled), self._read)

    def _opened(self, result: tuple[Table, RegistrationImport]) -> None:
        self._suggested = list(result[1].mapping)
        super()._opened(result)

    def _remember_mapping(self) -> None:
        """Columns sent by hand are proposed again for sheets with the same header (a setting
        of the store, as every import remembers them; the activity itself waits for Save)."""
        table, mapping = self.table, list(self.importer.mapping)
        if mapping == self._suggested:
            return

        def remember(store: Store) -> None:
            remember_mapping(store, REGISTRATION, table.header, mapping)

        # A preference not kept is no reason to hold the officer up: nothing is said.
        self.desk.run(remember, Changes.of(flags=[SETTINGS]), on_failed=lambda _exc: None)

    def _read(self, registration: Registration) -> None:
        self._finish()
        self.registration = registration
        self._show_problems(registration.problems)
        count, left_out = len(registration.participants), registration.rows_left_out
        found = self.tr("%Ln participants can be added to the list.", "", count)
        if left_out:
            found += " " + self.tr(
                "%Ln rows are left out: see Problems (correct them in the file and import it "
                "again, or add those people by hand).",
                "",
                left_out,
            )
        elif registration.problems:  # the sheet as a whole: no names, no rows
            found = self.tr("Nothing can be added: see Problems.")
        self.status.setText(found)
        self.import_button.setText(self.tr("&Add %Ln participants", "", count))
        self._enable()

    def cancel_or_close(self) -> None:
        if self._busy:
            super().cancel_or_close()
        else:
            self.reject()  # Close adds nothing

    def _enable(self) -> None:
        super()._enable()
        if self.registration is not None and not self.registration.participants:
            self.import_button.setEnabled(False)
