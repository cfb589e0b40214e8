"""The filters above a list: only those that make sense for the record kind (db.listing says
which), plus a quick text filter over the search index and the archive switch."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.queries import listing
from db.schema.fields import Choice
from db.schema.kinds import BY_NAME
from desktop.desk import Desk
from desktop.labels import choice_label
from desktop.widgets.pickers import AreaPicker, OptionalDateEdit, RecordPicker


class FilterBar(QWidget):
    changed = Signal(object)  # ListFilter

    def __init__(self, desk: Desk, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk, self.kind = desk, kind
        self.spec = listing.spec(kind)
        self.base = listing.ListFilter()
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        first, layout = QHBoxLayout(), QHBoxLayout()  # text, status, kind; then the rest
        rows.addLayout(first)
        rows.addLayout(layout)
        # A list narrowed to given records (those behind a portfolio figure) says so, and can be
        # widened again: otherwise the officer would take it for the whole list.
        self.narrowed = QWidget(self)
        self.narrowed.setObjectName("narrowedToRecords")
        notice = QHBoxLayout(self.narrowed)
        notice.setContentsMargins(0, 0, 0, 0)
        self.narrowed_label = QLabel(self.narrowed)
        self.narrowed_label.setObjectName("narrowedLabel")
        self.show_all = QPushButton(self.tr("Show all"), self.narrowed)
        self.show_all.setObjectName("showAll")
        self.show_all.clicked.connect(self.widen)
        notice.addWidget(self.narrowed_label)
        notice.addWidget(self.show_all)
        notice.addStretch(1)
        self.narrowed.hide()
        rows.addWidget(self.narrowed)

        self.text = QLineEdit(self)
        self.text.setObjectName("quickFilter")
        self.text.setPlaceholderText(self.tr("Filter this list…"))
        # Screen readers name each filter (a placeholder is not a name, and goes once typed in).
        self.text.setAccessibleName(self.tr("Filter this list"))
        self.text.setClearButtonEnabled(True)
        self.text.setMinimumWidth(180)
        first.addWidget(self.text, 2)
        self._typing = QTimer(self, singleShot=True, interval=200, timeout=self._emit)
        self.text.textChanged.connect(lambda _t: self._typing.start())

        self.status = self.kind_combo = self.area = self.partner = self.year = None
        self.date_from = self.date_to = self.late = self.upcoming = None
        fields = {f.name: f for f in BY_NAME[kind].fields}
        if "status" in self.spec.filters and isinstance(fields.get("status"), Choice):
            self.status = self._choices(fields["status"], self.tr("Any status"))
            self.status.setAccessibleName(self.tr("Filter by status"))
            first.addWidget(self.status, 1)
        if "kind" in self.spec.filters:
            self.kind_combo = self._choices(fields["kind"], self.tr("Any kind"))
            self.kind_combo.setAccessibleName(self.tr("Filter by kind"))
            first.addWidget(self.kind_combo, 1)
        if "year" in self.spec.filters:
            self.year = QComboBox(self)
            self.year.setObjectName("yearFilter")
            self.year.setAccessibleName(self.tr("Filter by year"))
            self.year.addItem(self.tr("All years"), None)
            self.year.currentIndexChanged.connect(self._emit)
            first.addWidget(self.year)
        if "thematic_area" in self.spec.filters:
            self.area = AreaPicker(self, blank=self.tr("Any thematic area"))
            self.area.setObjectName("areaFilter")
            self.area.setAccessibleName(self.tr("Filter by thematic area"))
            self.area.currentIndexChanged.connect(self._emit)
            layout.addWidget(self.area, 1)
        if "partner" in self.spec.filters:
            self.partner = RecordPicker(self, blank=self.tr("Any partner"))
            self.partner.setObjectName("partnerFilter")
            self.partner.setAccessibleName(self.tr("Filter by partner"))
            self.partner.picked.connect(lambda _v: self._emit())
            layout.addWidget(self.partner, 1)
        if "dates" in self.spec.filters:
            layout.addWidget(QLabel(self.tr("From"), self))
            self.date_from = OptionalDateEdit(self)
            layout.addWidget(self.date_from)
            layout.addWidget(QLabel(self.tr("to"), self))
            self.date_to = OptionalDateEdit(self)
            layout.addWidget(self.date_to)
            self.date_from.setAccessibleName(self.tr("Dates from"))
            self.date_to.setAccessibleName(self.tr("Dates to"))
            for edit in (self.date_from, self.date_to):
                edit.setObjectName("dateFrom" if edit is self.date_from else "dateTo")
                edit.dateChanged.connect(self._emit)
        if "late" in self.spec.filters:
            self.late = self._check(self.tr("Late"), "lateOnly")
            layout.addWidget(self.late)
        if "upcoming" in self.spec.filters:
            self.upcoming = self._check(self.tr("Upcoming"), "upcomingOnly")
            layout.addWidget(self.upcoming)
        self.archived = self._check(self.tr("Archived"), "showArchived")
        self.archived.setToolTip(self.tr("Show archived records instead of current ones"))
        layout.addStretch()
        layout.addWidget(self.archived)
        # Drop-downs as narrow as a few words allow, not as wide as their longest entry (a
        # thematic area's name in French): the window fits a laptop's screen in any language.
        for combo in (self.status, self.kind_combo, self.area, self.partner):
            if combo is not None:
                combo.setSizeAdjustPolicy(
                    QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
                )
                combo.setMinimumContentsLength(12)

    def _choices(self, field: Choice, blank: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(f"{field.name}Filter")
        combo.addItem(blank, None)
        for member in field.enum:
            combo.addItem(choice_label(member.value), member.value)
        combo.currentIndexChanged.connect(self._emit)
        return combo

    def _check(self, text: str, name: str) -> QCheckBox:
        box = QCheckBox(text, self)
        box.setObjectName(name)
        box.toggled.connect(self._emit)
        return box

    def load_options(self) -> None:
        if self.area is not None:
            self.area.set_areas(self.desk.read(listing.area_tree))
        if self.partner is not None:
            self.partner.set_options(self.desk.read(listing.options, "organization"))
        if self.year is not None:
            self._set_years(self.desk.read(listing.years, self.kind))

    def _set_years(self, years: list[int]) -> None:
        chosen = self.year.currentData()
        self.year.blockSignals(True)
        while self.year.count() > 1:
            self.year.removeItem(1)
        for year in years:
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(max(self.year.findData(chosen), 0) if chosen else 0)
        self.year.blockSignals(False)

    def current(self) -> listing.ListFilter:
        def date_of(edit):
            return edit.value() if edit is not None else None

        return self.base.with_(
            text=self.text.text(),
            status=self.status.currentData() if self.status else None,
            kind=self.kind_combo.currentData() if self.kind_combo else None,
            thematic_area_id=self.area.value() if self.area else None,
            partner_id=self.partner.value() if self.partner else None,
            year=self.year.currentData() if self.year else None,
            date_from=date_of(self.date_from),
            date_to=date_of(self.date_to),
            late_only=bool(self.late and self.late.isChecked()),
            upcoming_only=bool(self.upcoming and self.upcoming.isChecked()),
            archived=self.archived.isChecked(),
        )

    def apply(self, flt: listing.ListFilter) -> None:
        """Show a filter chosen elsewhere (a dashboard cell, a partner's page)."""
        widgets = [
            w
            for w in (
                self.text,
                self.status,
                self.kind_combo,
                self.area,
                self.partner,
                self.year,
                self.date_from,
                self.date_to,
                self.late,
                self.upcoming,
                self.archived,
            )
            if w is not None
        ]
        for widget in widgets:
            widget.blockSignals(True)
        self.text.setText(flt.text)
        if self.status:
            self.status.setCurrentIndex(
                max(self.status.findData(flt.status), 0) if flt.status else 0
            )
        if self.kind_combo:
            self.kind_combo.setCurrentIndex(
                max(self.kind_combo.findData(flt.kind), 0) if flt.kind else 0
            )
        if self.area:
            self.area.set_value(flt.thematic_area_id)
        if self.partner:
            self.partner.set_value(flt.partner_id)
        if self.year:
            self.year.setCurrentIndex(max(self.year.findData(flt.year), 0) if flt.year else 0)
        if self.date_from:
            self.date_from.set_value(flt.date_from)
            self.date_to.set_value(flt.date_to)
        if self.late:
            self.late.setChecked(flt.late_only)
        if self.upcoming:
            self.upcoming.setChecked(flt.upcoming_only)
        self.archived.setChecked(flt.archived)
        for widget in widgets:
            widget.blockSignals(False)
        self.base = listing.ListFilter(
            sort_key=flt.sort_key, descending=flt.descending, ids=flt.ids
        )
        self._show_narrowing()
        self._emit()

    def widen(self) -> None:
        """Every record again, not only those the list was narrowed to."""
        self.base = self.base.with_(ids=None)
        self._show_narrowing()
        self._emit()

    def _show_narrowing(self) -> None:
        ids = self.base.ids
        if ids is not None:
            # Two strings, not a %n plural: the plural forms live in the translations' files,
            # and a string missing there would read "record(s)".
            self.narrowed_label.setText(
                self.tr("1 record from the portfolio")
                if len(ids) == 1
                else self.tr("%1 records from the portfolio").replace("%1", str(len(ids)))
            )
        self.narrowed.setVisible(ids is not None)

    def _emit(self, *_args) -> None:
        self.changed.emit(self.current())
