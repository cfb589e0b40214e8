"""One titled part of the dashboard: its short table, or one line saying there is nothing to
show, and under a shortened table how many rows are left out with links to the full lists."""

from __future__ import annotations

import html

from PySide6.QtCore import QAbstractItemModel, QLocale, QSize, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)


def enlarged(font: QFont, factor: float) -> QFont:
    """A heading's font: bold, ``factor`` times as large."""
    font.setBold(True)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    elif font.pixelSize() > 0:
        font.setPixelSize(round(font.pixelSize() * factor))
    return font


def quiet(label: QLabel) -> None:
    """Secondary text: the placeholder colour of the current palette."""
    palette = label.palette()
    palette.setColor(
        QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText)
    )
    label.setPalette(palette)


class _FittedTable(QTableView):
    """A table as tall as its rows: the page scrolls, never the table."""

    def minimumSizeHint(self) -> QSize:
        # A scroll area's own minimum is as tall as a scroll bar, which would pad short tables.
        return QSize(0, self.sizeHint().height())


def dashboard_table(parent: QWidget, name: str, model: QAbstractItemModel) -> QTableView:
    """A read-only table of the dashboard, as tall as its rows."""
    table = _FittedTable(parent)
    table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    # One column stretches and the others are sized, so rows always fit the width; a scroll bar
    # that shows for a moment while columns settle would leave its height behind as a gap.
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    # Follow-ups and titles are sentences: wrap them rather than cut them.
    table.setWordWrap(True)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.verticalHeader().hide()
    table.verticalHeader().setMinimumSectionSize(table.fontMetrics().height() + 10)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setHighlightSections(False)
    table.horizontalHeader().setDefaultAlignment(
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    )
    return table


def size_columns(table: QTableView, stretch: int, widths: dict[int, int] | None = None) -> None:
    """Dates and short words take what they need; one long-text column takes the rest."""
    header = table.horizontalHeader()
    header.setMinimumSectionSize(40)
    for column in range(table.model().columnCount()):
        if column == stretch:
            mode = QHeaderView.ResizeMode.Stretch
        elif widths and column in widths:
            mode = QHeaderView.ResizeMode.Interactive
            header.resizeSection(column, widths[column])
        else:
            mode = QHeaderView.ResizeMode.ResizeToContents
        header.setSectionResizeMode(column, mode)


class DashboardSection(QFrame):
    """A titled part of the dashboard: its table, or one line saying there is nothing to show."""

    def __init__(self, name: str, view: QTableView, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.title = QLabel(self)
        self.title.setObjectName(f"{name}_title")
        self.title.setFont(enlarged(self.title.font(), 1.15))
        self.hint = QLabel(self)
        self.hint.setObjectName(f"{name}_hint")
        quiet(self.hint)
        self.hint.setWordWrap(True)  # never widens the section beyond what the window gives
        self.view = view
        self.empty = QLabel(self)
        self.empty.setObjectName(f"{name}_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.empty.setWordWrap(True)
        self.empty.setContentsMargins(2, 6, 2, 6)
        self.empty.hide()
        heading = QHBoxLayout()
        heading.setSpacing(10)
        heading.addWidget(self.title)
        heading.addWidget(self.hint, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(heading)
        layout.addWidget(view)
        layout.addWidget(self.empty)
        self.more = QLabel(self)
        self.more.setObjectName(f"{name}_more")
        self.more.setTextFormat(Qt.TextFormat.RichText)
        self.more.hide()
        layout.addWidget(self.more)

    def set_more(self, shown: int, total: int, links: list[tuple[str, str]]) -> None:
        """Under a shortened table: how many are not shown, and links to the full lists."""
        if total <= shown:
            self.more.hide()
            return
        anchors = " · ".join(
            f"<a href='{target}'>{html.escape(text)}</a>" for target, text in links
        )
        count = (
            self.tr("Showing %1 of %2.")
            .replace("%1", QLocale().toString(shown))
            .replace("%2", QLocale().toString(total))
        )
        self.more.setText(f"{html.escape(count)} {anchors}")
        self.more.show()

    def show_rows(
        self, title: str, count: int | None, hint: str, empty_text: str, *, loaded: bool = True
    ) -> None:
        """Show the table, or ``empty_text`` when there is nothing (once the store has answered);
        ``count`` goes beside the title unless it is None."""
        if count:
            title = self.tr("%1 (%2)").replace("%1", title).replace("%2", QLocale().toString(count))
        has_rows = self.view.model().rowCount() > 0
        self.title.setText(title)
        self.view.setAccessibleName(title)
        self.hint.setText(hint if has_rows else "")  # the empty line says it all
        self.empty.setText(empty_text)
        self.view.setVisible(has_rows)
        self.empty.setVisible(loaded and not has_rows)
