"""The look of the briefing sheet, in one place: page geometry, colours, paragraph and table
styles. Everything is set in the bundled fonts (fonts.py), never in the PDF base fonts."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle

from desktop.briefing.fonts import SANS, SANS_BOLD, SANS_ITALIC

PAPER = {"a4": A4, "letter": LETTER}

# Page geometry: the header and footer sit in the margins, outside the text frame.
MARGIN_LEFT = MARGIN_RIGHT = 17 * mm
MARGIN_TOP = 19 * mm
MARGIN_BOTTOM = 16 * mm
HEADER_BASELINE = 11 * mm  # from the top edge
FOOTER_BASELINE = 9 * mm  # from the bottom edge

INK = colors.HexColor("#1b1f24")
ACCENT = colors.HexColor("#1f3a5f")
MUTED = colors.HexColor("#5b6573")
RULE = colors.HexColor("#c5ced8")
BAND = colors.HexColor("#e9eef4")  # table header rows
GROUP = colors.HexColor("#f4f6f9")  # group rows inside a table ("Upcoming", "Recent")
LATE = colors.HexColor("#b00020")
LATE_BAND = colors.HexColor("#fbe9ec")
MARKING = colors.HexColor("#b00020")
# The same colours for Paragraph markup (<font color=...>).
LATE_MARKUP = "#b00020"
STATUS_MARKUP = {"in_force": "#2e6b34", "expired": "#8a5a00", "terminated": "#8a5a00"}
STATUS_OTHER_MARKUP = "#5b6573"

SECTION_MIN_ROOM = 30 * mm  # less room than this left on a page: a section starts a new one

BODY_SIZE = 8.6
CELL_SIZE = 8.0
SMALL_SIZE = 7.2

body = ParagraphStyle(
    "body",
    fontName=SANS,
    bulletFontName=SANS,
    fontSize=BODY_SIZE,
    leading=11.2,
    textColor=INK,
    spaceAfter=0,
)
small = ParagraphStyle(
    "small", parent=body, fontSize=SMALL_SIZE, leading=9.0, textColor=MUTED, spaceAfter=0
)
empty = ParagraphStyle("empty", parent=body, fontName=SANS_ITALIC, textColor=MUTED)
kicker = ParagraphStyle(
    "kicker", parent=body, fontName=SANS_BOLD, fontSize=7.6, leading=9.5, textColor=MUTED
)
title = ParagraphStyle(
    "title", parent=body, fontName=SANS_BOLD, fontSize=16.5, leading=20, textColor=ACCENT
)
subtitle = ParagraphStyle("subtitle", parent=body, fontSize=9.4, leading=12.2, spaceBefore=2)
section = ParagraphStyle(
    "section",
    parent=body,
    fontName=SANS_BOLD,
    fontSize=10.4,
    leading=12.6,
    textColor=ACCENT,
    spaceBefore=8,
    spaceAfter=1,
)
heading = ParagraphStyle(
    "heading",
    parent=body,
    fontName=SANS_BOLD,
    fontSize=9.0,
    leading=11.4,
    spaceBefore=4,
    keepWithNext=1,
)
cell = ParagraphStyle("cell", parent=body, fontSize=CELL_SIZE, leading=10.0)
cell_strong = ParagraphStyle("cell_strong", parent=cell, fontName=SANS_BOLD)
hanging = ParagraphStyle("hanging", parent=cell, leftIndent=9, firstLineIndent=-9)
cell_small = ParagraphStyle("cell_small", parent=small, fontSize=SMALL_SIZE, leading=8.8)
cell_head = ParagraphStyle(
    "cell_head", parent=cell, fontName=SANS_BOLD, fontSize=7.4, leading=9.0, textColor=ACCENT
)
cell_group = ParagraphStyle("cell_group", parent=cell_head, textColor=INK)
label = ParagraphStyle(
    "label", parent=cell, fontName=SANS_BOLD, fontSize=7.6, leading=10.0, textColor=MUTED
)
header = ParagraphStyle("header", parent=small, fontSize=7.4, leading=9)
header_marking = ParagraphStyle(
    "header_marking", parent=header, fontName=SANS_BOLD, textColor=MARKING, alignment=2
)
footer = ParagraphStyle("footer", parent=small, fontSize=7.0, leading=8.6)
footer_right = ParagraphStyle("footer_right", parent=footer, alignment=2)

CELL_PADDING = [
    ("FONTNAME", (0, 0), (-1, -1), SANS),  # for empty cells too: the default is Helvetica
    ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
    ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ("TOPPADDING", (0, 0), (-1, -1), 1.6),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
]


def data_table(
    group_rows: Sequence[int] = (),
    late_rows: Sequence[int] = (),
    kept_with_next: Sequence[int] = (),
    spanning_rows: Sequence[int] = (),
) -> TableStyle:
    """A table with a header row (repeated on each page), thin rules between rows, optional group
    rows spanning the table, late rows on a pale red band, rows that a page break must not
    separate from the next one, and plain rows spanning the table (a line under a list)."""
    commands = [
        *CELL_PADDING,
        ("BACKGROUND", (0, 0), (-1, 0), BAND),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.35, RULE),
    ]
    for row in group_rows:
        commands += [
            ("SPAN", (0, row), (-1, row)),
            ("BACKGROUND", (0, row), (-1, row), GROUP),
        ]
    for row in kept_with_next:
        commands.append(("NOSPLIT", (0, row), (-1, row + 1)))
    for row in late_rows:
        commands.append(("BACKGROUND", (0, row), (-1, row), LATE_BAND))
    for row in spanning_rows:
        commands.append(("SPAN", (0, row), (-1, row)))
    return TableStyle(commands)


def facts_table() -> TableStyle:
    """Label and value pairs, no rules: the at-a-glance and agreement facts."""
    return TableStyle(
        [
            *CELL_PADDING,
            ("LEFTPADDING", (0, 0), (0, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0.8),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
        ]
    )


def side_by_side() -> TableStyle:
    return TableStyle(
        [
            *CELL_PADDING,
            ("LEFTPADDING", (0, 0), (0, -1), 0),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
            ("LINEBEFORE", (1, 0), (1, -1), 0.35, RULE),
        ]
    )
