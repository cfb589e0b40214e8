"""Picking one thematic area in the tree: where to move an area, or which area to merge it into.
The areas that cannot be chosen (the area itself and its sub-areas) are greyed, with the reason in
their tooltip; typing filters the tree by code or name."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from db.queries.listing import AreaNode
from db.queries.thematic_areas import area_label
from desktop.models.thematic_tree import ID_ROLE, TOP_LEVEL, ThematicTreeFilter, ThematicTreeModel
from desktop.widgets.area_tree import AreaTreeView, greyed


class AreaPickerDialog(QDialog):
    """Pick one area in the tree (or the top level, when offered). Areas that cannot be chosen
    are shown greyed, with the reason in their tooltip. Typing filters the tree."""

    def __init__(
        self,
        nodes: list[AreaNode],
        *,
        title: str,
        prompt: str,
        accept_text: str,
        excluded: set[str] | frozenset[str] = frozenset(),
        excluded_tip: str = "",
        top_level: str | None = None,
        current: str | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("areaPicker")
        self.setWindowTitle(title)
        self.resize(560, 520)
        self.prompt = QLabel(prompt, self)
        self.prompt.setWordWrap(True)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("areaPickerFilter")
        self.filter.setPlaceholderText(self.tr("Type to filter by code or name…"))
        self.filter.setClearButtonEnabled(True)
        self.model = ThematicTreeModel(self)
        self.model.load(
            nodes,
            greyed=greyed(self),
            editable=False,
            disabled=excluded,
            disabled_tip=excluded_tip,
        )
        if top_level is not None:
            self.model.add_top_level_choice(top_level)
        self.proxy = ThematicTreeFilter(self.model, self)
        self.view = AreaTreeView(self.proxy, self)
        self.view.setObjectName("areaPickerTree")
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.expandAll()
        self.view.resizeColumnToContents(0)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(accept_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)

        self.filter.textChanged.connect(self._filter)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_ok())
        self.view.activated.connect(lambda _i: self.accept())
        self._update_ok()
        if current is not None:
            self.choose(current)
        self.filter.setFocus()

    # -- the two questions it answers ------------------------------------------------------------
    # (No self.tr before there is a self: translate() names this class as the context.)
    @classmethod
    def new_parent_for(
        cls, area: AreaNode, nodes: list[AreaNode], own: set[str], parent: QWidget
    ) -> AreaPickerDialog:
        """Where to move ``area``: under another area or at the top level; ``own`` (the area and
        its sub-areas) cannot be chosen."""
        return cls(
            nodes,
            title=QCoreApplication.translate("AreaPickerDialog", "Move an area"),
            prompt=QCoreApplication.translate("AreaPickerDialog", "Place “%1” under:").replace(
                "%1", area_label(area)
            ),
            accept_text=QCoreApplication.translate("AreaPickerDialog", "Move here"),
            excluded=own,
            excluded_tip=QCoreApplication.translate(
                "AreaPickerDialog",
                "An area cannot be placed under itself or under one of its own sub-areas.",
            ),
            top_level=QCoreApplication.translate("AreaPickerDialog", "(Top level: no parent area)"),
            current=area.parent_id,
            parent=parent,
        )

    @classmethod
    def merge_target_for(
        cls, area: AreaNode, nodes: list[AreaNode], own: set[str], parent: QWidget
    ) -> AreaPickerDialog:
        """Which area to merge ``area`` into; ``own`` (the area and its sub-areas) cannot be
        chosen."""
        return cls(
            nodes,
            title=QCoreApplication.translate("AreaPickerDialog", "Merge an area"),
            prompt=QCoreApplication.translate(
                "AreaPickerDialog",
                "Merge “%1” into which area? What is filed under it will be filed there.",
            ).replace("%1", area_label(area)),
            accept_text=QCoreApplication.translate("AreaPickerDialog", "Merge…"),
            excluded=own,
            excluded_tip=QCoreApplication.translate(
                "AreaPickerDialog",
                "An area cannot be merged into itself or into one of its own sub-areas.",
            ),
            parent=parent,
        )

    # -- filtering and choosing -----------------------------------------------------------------
    def _filter(self, text: str) -> None:
        wanted = text.strip()
        self.proxy.setFilterFixedString(wanted)
        self.view.expandAll()
        if wanted:  # the first area that matches itself (not a parent kept for its sub-area)
            first = self.proxy.first_match(wanted.casefold())
            if first.isValid():
                self.view.setCurrentIndex(first)
        self._update_ok()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(self.has_choice())

    def has_choice(self) -> bool:
        index = self.view.currentIndex()
        return index.isValid() and bool(index.flags() & Qt.ItemFlag.ItemIsEnabled)

    def chosen_id(self) -> str | None:
        """The chosen area's id; None for the top level (or when nothing is chosen)."""
        if not self.has_choice():
            return None
        return self.view.currentIndex().siblingAtColumn(0).data(ID_ROLE) or None

    def choose(self, area_id: str | None) -> bool:
        """Select an area (None: the top level); False when it is not offered or not allowed."""
        if area_id is None:
            source = self.model.index(0, 0)
            if source.data(ID_ROLE) != TOP_LEVEL:
                return False
        else:
            source = self.model.index_of(area_id)
        index = self.proxy.mapFromSource(source)
        if not index.isValid() or not index.flags() & Qt.ItemFlag.ItemIsEnabled:
            return False
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def accept(self) -> None:
        if self.has_choice():
            super().accept()
