"""The bar chart of the summary: activities and consultations held per year across the
portfolio, drawn with reportlab.graphics in the report's fonts (the base fonts would not be
embedded)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors

from desktop.briefing import styles
from desktop.briefing.fonts import SANS
from desktop.portfolio_report.words import ReportWords

# At most this many years, the latest: a bar chart of thirty years of mostly nothing says less
# than the last fifteen.
CHART_YEARS = 15
ACTIVITIES_COLOUR = styles.ACCENT
CONSULTATIONS_COLOUR = colors.HexColor("#8fa9c8")
LABEL_SIZE = 7.0


def years_shown(by_year: Mapping[int, Sequence[int]], last_year: int) -> list[int]:
    """Every year from the first anything was held in to ``last_year``, at most CHART_YEARS
    (the latest)."""
    held = [year for year, counts in by_year.items() if any(counts) and year <= last_year]
    if not held:
        return []
    return list(range(min(held), last_year + 1))[-CHART_YEARS:]


def held_per_year(
    by_year: Mapping[int, Sequence[int]],
    last_year: int,
    words: ReportWords,
    width: float,
    height: float = 150,
) -> Drawing | None:
    """The chart of (activities, consultations) per year, ``width`` points wide, or None when
    nothing was held in any year."""
    years = years_shown(by_year, last_year)
    if not years:
        return None
    activities = [by_year.get(y, (0, 0))[0] for y in years]
    consultations = [by_year.get(y, (0, 0))[1] for y in years]
    # The renderer starts every drawing in its default font (Helvetica, never embedded) unless
    # the drawing names an initial one.
    drawing = Drawing(width, height, initialFontName=SANS)
    chart = VerticalBarChart()
    chart.x, chart.y = 24, 14
    chart.width, chart.height = width - 34, height - 36  # the legend above it
    chart.data = [activities, consultations]
    chart.categoryAxis.categoryNames = [str(y) for y in years]
    highest = max(max(activities), max(consultations), 1)
    step = max(1, math.ceil(highest / 5))
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueStep = step
    chart.valueAxis.valueMax = step * math.ceil(highest / step)
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = SANS
        axis.labels.fontSize = LABEL_SIZE
        axis.labels.fillColor = styles.MUTED
        axis.strokeColor = styles.RULE
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = styles.RULE
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.valueAxis.labelTextFormat = "%d"
    chart.bars[0].fillColor = ACTIVITIES_COLOUR
    chart.bars[1].fillColor = CONSULTATIONS_COLOUR
    chart.bars.strokeColor = None
    chart.barSpacing = 1
    chart.groupSpacing = 6
    chart.barLabelFormat = lambda value: str(int(value)) if value else ""
    chart.barLabels.fontName = SANS
    chart.barLabels.fontSize = LABEL_SIZE - 0.6
    chart.barLabels.fillColor = styles.INK
    chart.barLabels.nudge = 5
    drawing.add(chart)

    legend = Legend()
    legend.fontName = SANS
    legend.fontSize = LABEL_SIZE + 0.4
    legend.fillColor = styles.INK
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 90
    legend.dx = legend.dy = 7
    legend.x, legend.y = 24, height - 4
    legend.boxAnchor = "nw"
    legend.strokeColor = None
    legend.colorNamePairs = [
        (ACTIVITIES_COLOUR, words("activities")),
        (CONSULTATIONS_COLOUR, words("consultations")),
    ]
    drawing.add(legend)
    return drawing
