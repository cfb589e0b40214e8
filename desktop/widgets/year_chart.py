"""A small bar chart of what was held per year — joint activities and consultations side by side
— drawn with QPainter (the distributable leaves QtCharts out, see build.spec). Its colours come
from the palette when it paints, so that a dark theme stays readable; a tooltip gives each
year's figures."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QHelpEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from desktop import colours

# Two series, a blue and an orange that a colour-blind reader tells apart: darker on a light
# page, lighter on a dark one (both at least 3:1 against the page, as a graphic needs).
SERIES_ON_LIGHT = (QColor("#2b6cb0"), QColor("#c05621"))
SERIES_ON_DARK = (QColor("#63b3ed"), QColor("#f6ad55"))


def nice_top(highest: int) -> tuple[int, int]:
    """(top of the axis, step between ticks): whole numbers, four or five ticks at most."""
    if highest <= 0:
        return 1, 1
    raw = highest / 4
    magnitude = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    step = next(s * magnitude for s in (1, 2, 5, 10) if s * magnitude >= raw)
    step = max(1, int(step))
    return step * math.ceil(highest / step), step


class YearChart(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = ""
        self.names = (self.tr("Joint activities"), self.tr("Consultations"))
        self.years: dict[int, tuple[int, int]] = {}
        self.empty_text = ""
        self._bars: list[tuple[QRectF, int]] = []  # where each year's bars are, for tooltips
        self.setMouseTracking(True)

    def show_years(
        self, title: str, years: dict[int, tuple[int, int]], empty_text: str = ""
    ) -> None:
        """``years``: year -> (joint activities, consultations); ``empty_text`` is shown when
        nothing was held in any of them."""
        self.title = title
        self.years = {y: (int(v[0]), int(v[1])) for y, v in sorted(years.items())}
        self.empty_text = empty_text
        totals = ", ".join(f"{y}: {a} + {c}" for y, (a, c) in self.years.items())
        self.setAccessibleDescription(f"{title}. {totals}" if totals else title)
        self.update()

    def minimumSizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(22 * line, 9 * line)

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(40 * line, 13 * line)

    # -- painting ------------------------------------------------------------------------------
    def series_colours(self) -> tuple[QColor, QColor]:
        return SERIES_ON_DARK if colours.is_dark(self.palette()) else SERIES_ON_LIGHT

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        faint = colours.mixed(text, palette.color(QPalette.ColorRole.Window), 0.8)
        axis = colours.mixed(text, palette.color(QPalette.ColorRole.Window), 0.45)
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        area = QRectF(self.rect()).adjusted(line * 0.5, line * 0.3, -line * 0.5, -line * 0.3)

        # The title, and the legend on the same line at the right.
        painter.setPen(text)
        bold = self.font()
        bold.setBold(True)
        painter.setFont(bold)
        legend_width = self._legend_width(metrics)
        title_room = max(0.0, area.width() - legend_width - line)
        title = QFontMetrics(bold).elidedText(self.title, Qt.TextElideMode.ElideRight, title_room)
        painter.drawText(
            QRectF(area.left(), area.top(), title_room, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            title,
        )
        painter.setFont(self.font())
        self._draw_legend(painter, metrics, QPointF(area.right() - legend_width, area.top()))

        highest = max((max(v) for v in self.years.values()), default=0)
        top, step = nice_top(highest)
        label_width = metrics.horizontalAdvance(str(top)) + line * 0.4
        plot = QRectF(
            area.left() + label_width,
            area.top() + line * 1.6,
            area.width() - label_width,
            area.height() - line * 3.0,
        )
        self._bars = []
        if plot.height() < line or plot.width() < line:
            return

        # The value axis: ticks and faint grid lines.
        for value in range(0, top + 1, step):
            y = plot.bottom() - plot.height() * value / top
            painter.setPen(QPen(faint if value else axis, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            painter.drawText(
                QRectF(area.left(), y - line / 2, label_width - line * 0.3, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(value),
            )
        painter.setPen(QPen(axis, 1))
        painter.drawLine(plot.bottomLeft(), plot.topLeft())

        if not self.years or highest == 0:
            painter.setPen(colours.secondary(palette))
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.empty_text)
            if not self.years:
                return

        # The bars, two per year, and the years beneath (as many as fit without overlapping).
        slot = plot.width() / len(self.years)
        bar = max(1.0, min(slot * 0.36, line * 1.6))
        year_width = metrics.horizontalAdvance("2026") + line * 0.5
        every = max(1, math.ceil(year_width / slot))
        fills = self.series_colours()
        for position, (year, values) in enumerate(self.years.items()):
            middle = plot.left() + slot * (position + 0.5)
            for number, value in enumerate(values):
                height = plot.height() * value / top
                left = middle - bar if number == 0 else middle
                rect = QRectF(left, plot.bottom() - height, bar, height)
                if value:
                    painter.fillRect(rect, fills[number])
            self._bars.append((QRectF(middle - slot / 2, plot.top(), slot, plot.height()), year))
            if position % every == 0 or position == len(self.years) - 1:
                painter.setPen(text)
                painter.drawText(
                    QRectF(middle - year_width / 2, plot.bottom() + 2, year_width, line),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                    str(year),
                )

    def _legend_width(self, metrics: QFontMetrics) -> float:
        line = metrics.height()
        return sum(line * 1.3 + metrics.horizontalAdvance(n) + line for n in self.names)

    def _draw_legend(self, painter: QPainter, metrics: QFontMetrics, at: QPointF) -> None:
        line = metrics.height()
        x = at.x()
        for name, fill in zip(self.names, self.series_colours(), strict=True):
            painter.fillRect(QRectF(x, at.y() + line * 0.2, line * 0.9, line * 0.6), fill)
            x += line * 1.3
            painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            painter.drawText(
                QRectF(x, at.y(), metrics.horizontalAdvance(name) + 2, line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                name,
            )
            x += metrics.horizontalAdvance(name) + line

    # -- a year's figures under the pointer ----------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            year = self.year_at(QPointF(event.pos()))
            if year is None:
                QToolTip.hideText()
            else:
                activities, consultations = self.years[year]
                QToolTip.showText(
                    event.globalPos(),
                    self.tr("%1: %2 joint activities, %3 consultations")
                    .replace("%1", str(year))
                    .replace("%2", str(activities))
                    .replace("%3", str(consultations)),
                    self,
                )
            return True
        return super().event(event)

    def year_at(self, point: QPointF) -> int | None:
        return next((year for rect, year in self._bars if rect.contains(point)), None)
