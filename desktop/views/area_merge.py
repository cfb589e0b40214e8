"""Merging one thematic area into another, once the officer has picked the other area
(``dialogs.area_picker``): what will move (a confirmation, in numbers), then the merge itself, off
the window's thread since it refiles every record under the area.

The store refuses a merge into the area itself, into one of its sub-areas or with an archived
area; its message is told to the officer like any other."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from db.errors import StorageError, ValidationError
from db.queries import listing, thematic_areas
from db.queries.listing import AreaNode
from db.queries.thematic_areas import area_label
from desktop.desk import Desk
from desktop.errors import report_unexpected


class AreaMerge(QObject):
    """One merge at a time, for the page that owns it; the page shows what it announces."""

    running = Signal(bool)  # a merge started (True) or ended (False)
    told = Signal(str, bool)  # what to tell the officer, and whether it is a problem
    merged = Signal(str)  # the area merged into: to select once the tree is read again
    storage_failed = Signal(object)  # the StorageError that stopped the merge

    def __init__(self, desk: Desk, page: QWidget):
        super().__init__(page)
        self.desk, self.page = desk, page

    def explanation(self, source_id: str, target_id: str) -> str:
        """What a merge does, in numbers, for the confirmation."""
        everything = self.desk.read(listing.area_tree, include_archived=True)
        by_id = {n.id: n for n in everything}
        source, target = area_label(by_id.get(source_id)), area_label(by_id.get(target_id))
        moved = self.desk.read(thematic_areas.merge_effects, source_id, self.desk.today())
        # Counts are written "agreements: 2" so that no plural forms are needed.
        lines = [
            self.tr("Merge “%1” into “%2”?").replace("%1", source).replace("%2", target),
            "",
            "• "
            + self.tr(
                "What is filed under it will be filed under “%1” instead (now, counting its "
                "sub-areas: agreements: %2, consultations: %3, joint activities: %4)."
            )
            .replace("%1", target)
            .replace("%2", str(moved.agreements))
            .replace("%3", str(moved.consultations))
            .replace("%4", str(moved.activities)),
        ]
        if moved.sub_areas:
            lines.append(
                "• "
                + self.tr("Its sub-areas (%1) move under “%2”, with what is filed under them.")
                .replace("%1", str(moved.sub_areas))
                .replace("%2", target)
            )
        lines.append("• " + self.tr("It is then archived; restoring it brings it back empty."))
        return "\n".join(lines)

    def confirmed(self, source_id: str, target_id: str) -> bool:
        """The officer read what the merge will move, and said yes."""
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self.page,
            self.tr("Merge areas"),
            self.explanation(source_id, target_id),
            buttons.Yes | buttons.Cancel,
            buttons.Cancel,
        )
        return answer == buttons.Yes

    def start(self, area: AreaNode, target_id: str, target: AreaNode | None) -> None:
        """Fold ``area`` into ``target_id`` in the background (``target``: that area as the tree
        shows it, for its name)."""
        source_label, target_label = area_label(area), area_label(target)
        source_id = area.id
        self.running.emit(True)
        self.told.emit(
            self.tr("Merging “%1” into “%2”…")
            .replace("%1", source_label)
            .replace("%2", target_label),
            False,
        )

        def done(_result: object) -> None:
            if not shiboken6.isValid(self):  # the window closed during the merge
                return
            self.running.emit(False)
            self.merged.emit(target_id)
            self.told.emit(
                self.tr("Merged “%1” into “%2”. “%1” is archived.")
                .replace("%1", source_label)
                .replace("%2", target_label),
                False,
            )

        def failed(exc: BaseException) -> None:
            if not shiboken6.isValid(self):
                return
            self.running.emit(False)
            if isinstance(exc, ValidationError):
                messages = " ".join(dict.fromkeys(p.message for p in exc.problems))
                self.told.emit(self.tr("Not merged: %1").replace("%1", messages), True)
            elif isinstance(exc, StorageError):
                self.storage_failed.emit(exc)
            else:
                self.told.emit("", False)
                report_unexpected(exc)

        # An operation of the desk: on the writer thread, announced to every view when done.
        self.desk.merge_areas(source_id, target_id, done, failed)
