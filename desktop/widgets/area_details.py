"""The selected thematic area beside the tree: its name and where it sits in the tree, its name
in French (what an officer searching in French finds it by) and its description (saved with a
button or Ctrl+Return), and buttons opening the agreements, consultations
and joint activities filed under it, with how many there are. The page decides what is shown and
saves; this panel only shows it and says what the officer asked for."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.queries.listing import AreaNode
from db.queries.thematic_areas import area_label
from db.schema.kinds import FILED_UNDER_AREAS
from desktop import colours
from desktop.labels import field_label, shortcut_text

# The lists an officer can open from an area (record kinds), in the order of their buttons.
LISTED_KINDS = tuple(kind.name for kind in FILED_UNDER_AREAS)
SAVE_KEYS = ("Ctrl+Return", "Ctrl+Enter")  # the description saved without leaving it


class AreaDetails(QWidget):
    """The panel beside the thematic tree, for the area selected in it."""

    save_requested = Signal()  # the description is to be saved
    list_requested = Signal(str)  # record kind: show what is filed under the area
    description_edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.shown_id: str | None = None  # the area whose description is in the text box
        self._stored = ""  # its description as stored
        self._stored_french = ""  # its name in French as stored
        self.heading = QLabel(self)
        self.heading.setObjectName("areaHeading")
        self.heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.heading.setWordWrap(True)
        self.placement = QLabel(self)
        self.placement.setObjectName("areaPlacement")
        self.placement.setStyleSheet(colours.style(colours.secondary()))
        self.placement.setWordWrap(True)
        french_label = QLabel(field_label("Name in French"), self)
        self.french_name = QLineEdit(self)
        self.french_name.setObjectName("areaNameFrench")
        self.french_name.setAccessibleName(field_label("Name in French"))
        french_label.setBuddy(self.french_name)
        self.french_name.textEdited.connect(lambda _t: self.description_edited.emit())
        self.french_name.returnPressed.connect(self.save_requested.emit)
        description_label = QLabel(field_label("Description"), self)
        self.description = QPlainTextEdit(self)
        self.description.setObjectName("areaDescription")
        self.description.setAccessibleName(field_label("Description"))
        self.description.setPlaceholderText(
            self.tr(
                "What falls under this area, and where it comes from (articles of the instruments)."
            )
        )
        self.description.setTabChangesFocus(True)
        description_label.setBuddy(self.description)
        self.description.textChanged.connect(self.description_edited)
        self.save_button = QPushButton(self.tr("Save description"), self)
        self.save_button.setObjectName("saveDescription")
        self.save_button.setToolTip(
            self.tr("Save the description (%1)").replace("%1", shortcut_text(SAVE_KEYS[0]))
        )
        self.save_button.clicked.connect(lambda _c=False: self.save_requested.emit())
        save_shortcut = QAction(self.description)
        save_shortcut.setShortcuts([QKeySequence(keys) for keys in SAVE_KEYS])
        save_shortcut.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        save_shortcut.triggered.connect(lambda _c=False: self.save_requested.emit())
        self.description.addAction(save_shortcut)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)

        self.lists_label = QLabel(self.tr("Filed under this area and its sub-areas:"), self)
        self.list_buttons: dict[str, QPushButton] = {}
        lists = QVBoxLayout()
        lists.setSpacing(4)
        for kind in LISTED_KINDS:
            button = QPushButton(self)
            button.setObjectName(f"show_{kind}")
            button.setStyleSheet("text-align: left; padding: 4px 10px;")
            button.clicked.connect(lambda _c=False, k=kind: self.list_requested.emit(k))
            self.list_buttons[kind] = button
            lists.addWidget(button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.placement)
        layout.addSpacing(8)
        layout.addWidget(french_label)
        layout.addWidget(self.french_name)
        layout.addWidget(description_label)
        layout.addWidget(self.description, 3)
        layout.addLayout(save_row)
        layout.addSpacing(12)
        layout.addWidget(self.lists_label)
        layout.addLayout(lists)
        layout.addStretch(2)

    # -- what is shown ------------------------------------------------------------------------------
    def show_area(self, area: AreaNode | None, parent: AreaNode | None = None) -> None:
        """The selected area and where it sits (``parent``: its parent area, None when that is
        archived and not shown); None: nothing is selected."""
        if area is None:
            self.heading.setText(self.tr("No area selected"))
            self.placement.setText(self.tr("Select an area in the tree, or add one."))
            return
        self.heading.setText(area_label(area))
        if area.parent_id is None:
            where = self.tr("Top-level area")
        elif parent is not None:
            where = self.tr("Under “%1”").replace("%1", area_label(parent))
        else:
            where = self.tr("Under an archived area")
        if area.archived:
            where += " · " + self.tr("Archived")
        self.placement.setText(where)

    def show_new_area(self) -> None:
        """A row being added to the tree, not saved yet."""
        self.heading.setText(self.tr("New area"))
        self.placement.setText(self.tr("Type its name, then press Enter (Escape: cancel)."))

    def show_counts(self, counts: dict[str, int] | None) -> None:
        """How many records of each kind are filed under the area (None: no area selected)."""
        texts = {
            "agreement": (self.tr("Show agreements"), self.tr("Show agreements (%1)")),
            "consultation": (self.tr("Show consultations"), self.tr("Show consultations (%1)")),
            "activity": (self.tr("Show joint activities"), self.tr("Show joint activities (%1)")),
        }
        for kind, button in self.list_buttons.items():
            plain, counted = texts[kind]
            if counts is None:
                button.setText(plain)
            else:
                button.setText(counted.replace("%1", str(counts[kind])))

    # -- the description ----------------------------------------------------------------------------
    def show_description(self, area_id: str | None, stored: str, french: str = "") -> None:
        """The description and French name of an area as stored, without announcing an edit."""
        self.shown_id, self._stored, self._stored_french = area_id, stored, french
        if self.description.toPlainText() != stored:
            self.description.blockSignals(True)
            self.description.setPlainText(stored)
            self.description.blockSignals(False)
        self.french_name.setText(french)

    def description_changed(self) -> bool:
        """The officer changed the description or French name shown, not saved yet."""
        return self.shown_id is not None and (
            self.description.toPlainText() != self._stored
            or self.french_name.text().strip() != self._stored_french
        )

    def description_saved(self, text: str, french: str = "") -> None:
        self._stored, self._stored_french = text, french

    def enable(self, *, shown: bool, editable: bool, unsaved: bool) -> None:
        """``shown``: an area is selected; ``editable``: it is not archived (and no merge is
        running); ``unsaved``: its description was changed and not saved yet."""
        self.description.setEnabled(shown)
        self.description.setReadOnly(not editable)
        self.french_name.setEnabled(shown)
        self.french_name.setReadOnly(not editable)
        self.save_button.setEnabled(editable and unsaved)
        for button in self.list_buttons.values():
            button.setEnabled(shown)
