"""The Conflicts page's list: one row per record with a field two stores changed to different
values — its kind, its name, the fields that clashed and when the clash was found."""

from __future__ import annotations

from datetime import UTC

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from db.queries.conflicts import ConflictedRecord
from db.schema.fields import FieldSpec, Flag
from db.schema.kinds import BY_NAME
from desktop.labels import kind_name, label_of

Display = Qt.ItemDataRole.DisplayRole


def clash_spec(kind: str, name: str) -> FieldSpec:
    """The field in conflict: one of the kind's, or whether the record is archived (archived on
    one store and edited on the other), which is no field of the editor."""
    found = next((spec for spec in BY_NAME[kind].fields if spec.name == name), None)
    return found or Flag(name, QT_TRANSLATE_NOOP("fields", "Archived"))


def field_names(kind: str, names) -> str:
    return ", ".join(label_of(clash_spec(kind, name)) for name in names)


def when_text(at) -> str:
    """A moment kept in UTC, in the officer's local time and locale."""
    if at is None:
        return ""
    moment = QDateTime.fromSecsSinceEpoch(int(at.replace(tzinfo=UTC).timestamp()))
    return QLocale().toString(moment.toLocalTime(), QLocale.FormatType.ShortFormat)


class ConflictsModel(QAbstractTableModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("ConflictsModel", "Kind"),
        QT_TRANSLATE_NOOP("ConflictsModel", "Record"),
        QT_TRANSLATE_NOOP("ConflictsModel", "Fields in conflict"),
        QT_TRANSLATE_NOOP("ConflictsModel", "Found"),
    )

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._records: list[ConflictedRecord] = []

    def set_records(self, records: list[ConflictedRecord]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record_at(self, row: int) -> ConflictedRecord | None:
        return self._records[row] if 0 <= row < len(self._records) else None

    def row_of(self, kind: str, record_id: str) -> int:
        return next(
            (
                row
                for row, record in enumerate(self._records)
                if (record.kind, record.record_id) == (kind, record_id)
            ),
            -1,
        )

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Display):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Display
            and 0 <= section < len(self.HEADERS)
        ):
            return QCoreApplication.translate("ConflictsModel", self.HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Display):
        if not index.isValid() or role not in (Display, Qt.ItemDataRole.ToolTipRole):
            return None
        record = self.record_at(index.row())
        if record is None:
            return None
        column = index.column()
        if column == 0:
            return kind_name(record.kind)
        if column == 1:
            return record.title
        if column == 2:
            return field_names(record.kind, [clash.name for clash in record.fields])
        if column == 3:
            return when_text(record.found_at)
        return None
