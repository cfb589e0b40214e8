"""The window's colours, taken from the palette so that a dark system theme stays readable: what
is late or wrong is a red dark on a light page and light on a dark one; secondary text is the
text colour faded toward the page; shading is the palette's highlight, translucent. Models ask
for them as they paint, so that a theme changed while PartnerDesk runs (Qt follows the system's
on Windows and macOS) is followed too. tests/desktop/test_colours.py measures the contrast."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

# Late and wrong: a dark red on light pages, a light red on dark ones (both well above the 4.5:1
# contrast a text needs on the page's own colour).
RED_ON_LIGHT = QColor("#b3261e")
RED_ON_DARK = QColor("#f2b8b5")


def _palette(palette: QPalette | None) -> QPalette:
    return palette if palette is not None else QGuiApplication.palette()


def is_dark(palette: QPalette | None = None) -> bool:
    return _palette(palette).color(QPalette.ColorRole.Base).lightnessF() < 0.5


def mixed(one: QColor, other: QColor, share: float) -> QColor:
    """``one`` with ``share`` of ``other`` mixed in."""
    return QColor.fromRgbF(
        *(a + (b - a) * share for a, b in zip(one.getRgbF()[:3], other.getRgbF()[:3], strict=True))
    )


def warning(palette: QPalette | None = None) -> QColor:
    """Text that is late or wrong."""
    return RED_ON_DARK if is_dark(palette) else RED_ON_LIGHT


def secondary(palette: QPalette | None = None) -> QColor:
    """Text that matters less (an archived record, a hint, a label beside a value)."""
    palette = _palette(palette)
    return mixed(
        palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base), 0.35
    )


def problem_background(palette: QPalette | None = None) -> QColor:
    """A row or cell with a problem: the page tinted red, under the palette's own text."""
    palette = _palette(palette)
    return mixed(palette.color(QPalette.ColorRole.Base), QColor("#d93025"), 0.22)


def header_background(palette: QPalette | None = None) -> QColor:
    return _palette(palette).color(QPalette.ColorRole.AlternateBase)


def shade(strength: float, palette: QPalette | None = None) -> QColor:
    """A cell's shade, deeper the busier it is (``strength`` 0 to 1): the palette's highlight,
    translucent over the page, at most half-way so that the text stays readable on it."""
    colour = QColor(_palette(palette).color(QPalette.ColorRole.Highlight))
    colour.setAlphaF(0.12 + 0.43 * max(0.0, min(1.0, strength)))
    return colour


def style(colour: QColor) -> str:
    """A style sheet giving a label this text colour."""
    return f"color: {colour.name()};"


def contrast(one: QColor, other: QColor) -> float:
    """WCAG's contrast ratio of two opaque colours, 1 to 21 (4.5 is enough for text)."""

    def luminance(colour: QColor) -> float:
        def channel(c: float) -> float:
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(c) for c in colour.getRgbF()[:3])
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def over(colour: QColor, page: QColor) -> QColor:
    """A translucent colour as it shows over the page."""
    return mixed(page, colour, colour.alphaF())


def dark_palette() -> QPalette:
    """Fusion's dark colours, for a Linux desktop that says it is dark but whose Qt style paints
    light (Windows and macOS give Qt their own dark palette)."""
    role = QPalette.ColorRole
    palette = QPalette()
    for which, colour in (
        (role.Window, "#353535"),
        (role.WindowText, "#f0f0f0"),
        (role.Base, "#2a2a2a"),
        (role.AlternateBase, "#424242"),
        (role.Text, "#f0f0f0"),
        (role.Button, "#353535"),
        (role.ButtonText, "#f0f0f0"),
        (role.BrightText, "#ff6b6b"),
        (role.Highlight, "#2a82da"),
        (role.HighlightedText, "#ffffff"),
        (role.PlaceholderText, "#9a9a9a"),
        (role.ToolTipBase, "#353535"),
        (role.ToolTipText, "#f0f0f0"),
        (role.Link, "#6ab0ff"),
        (role.LinkVisited, "#c58af9"),
        (role.Light, "#505050"),
        (role.Midlight, "#454545"),
        (role.Mid, "#2f2f2f"),
        (role.Dark, "#232323"),
        (role.Shadow, "#141414"),
    ):
        palette.setColor(which, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for which in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(disabled, which, QColor("#7f7f7f"))
    return palette


def follow_the_system_scheme(app, scheme: Qt.ColorScheme | None = None) -> bool:
    """On Linux, when the desktop says it is dark (Qt reads it from the desktop portal) and the
    style still paints light, paint with Fusion in dark colours. True when it did."""
    if scheme is None:
        scheme = app.styleHints().colorScheme()
    if not sys.platform.startswith("linux") or scheme != Qt.ColorScheme.Dark:
        return False
    if is_dark(app.palette()):
        return False  # the style follows the desktop already
    app.setStyle("Fusion")
    app.setPalette(dark_palette())
    return True
