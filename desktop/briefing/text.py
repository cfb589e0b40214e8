"""Text of any script turned into ReportLab Paragraph markup that prints.

Each run of characters is set in the first bundled font that has them (fonts.FACES): Latin,
Greek and Cyrillic in Noto Sans, Arabic in Noto Sans Arabic, Chinese and Japanese in Droid Sans
Fallback, Korean in Nanum Barun Gothic, Thai in Noto Sans Thai, the rest (Hebrew, symbols) in
DejaVu Sans. Everything else is escaped, so that a name
such as "R&D <Lab>" prints as typed.

ReportLab neither joins Arabic letters nor orders right-to-left text: a right-to-left run is
shaped first (arabic-reshaper picks each letter's joined form, from the Arabic Presentation
Forms the font holds, keeping vowel marks and shadda), mirrored (brackets) and then put in visual order (python-bidi). Visual
order must be decided line by line, so a line holding right-to-left text is broken here, in
reading order, when the width is known (``markup(width=...)``, used by ``BidiParagraph``);
without a width, the spaces of a short right-to-left run are made non-breaking instead.
"""

from __future__ import annotations

import re
import unicodedata
from xml.sax.saxutils import escape

import arabic_reshaper
from bidi import get_display
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from desktop.briefing.fonts import (
    FACES,
    LATIN_FACE,
    SANS_BOLD,
    SANS_ITALIC,
    Face,
    face_for,
    has_glyph,
)

_RTL = {"R", "AL"}
_LTR = {"L"}
_PLAIN_TAGS = re.compile(r"<[^>]+>")
KEEP_RTL_TOGETHER = 80  # characters: a longer right-to-left run may wrap (and then reads oddly)


def markup(
    text: str | None,
    *,
    bold: bool = False,
    italic: bool = False,
    width: float | None = None,
    size: float = 10,
    indent: float = 0,
) -> str:
    """``text`` as Paragraph markup; line breaks are kept. Given the ``width`` (points) and font
    ``size`` of the paragraph, lines holding right-to-left text are broken to fit it; ``indent``
    is taken by what precedes the text on its first line."""
    if not text:
        return ""
    out = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if width is not None and has_right_to_left(line):
            broken = _break(line, width, size, bold=bold, italic=italic, indent=indent)
            out += [_line(part, bold=bold, italic=italic, keep=True) for part in broken]
        else:
            out.append(_line(line, bold=bold, italic=italic))
        indent = 0
    return "<br/>".join(out)


class BidiParagraph(Flowable):
    """A Paragraph of stored text whose right-to-left lines are broken for the width it is given
    (in a table cell, a frame) before they are put in visual order. ``prefix`` and ``suffix``
    are markup (in a left-to-right script) printed before and after the text. Text that starts
    in a right-to-left script is aligned right."""

    def __init__(self, text: str, style: ParagraphStyle, *, prefix: str = "", suffix: str = ""):
        super().__init__()
        self.text = text
        self.prefix = prefix
        self.suffix = suffix
        self.style = style
        if starts_right_to_left(text) and not prefix:
            self.style = ParagraphStyle(f"{style.name}_rtl", parent=style, alignment=TA_RIGHT)
        self._paragraph: Paragraph | None = None

    def _for(self, width: float) -> Paragraph:
        style = self.style
        usable = width - style.leftIndent - style.rightIndent - max(style.firstLineIndent, 0)
        lead = _PLAIN_TAGS.sub("", self.prefix).replace("&amp;", "&")
        bold = style.fontName == SANS_BOLD
        text = markup(
            self.text,
            bold=bold,
            italic=style.fontName == SANS_ITALIC,
            width=usable,
            size=style.fontSize,
            # The prefix may be bold (a label): measure it so, to be safe.
            indent=stringWidth(lead, SANS_BOLD, style.fontSize) if lead else 0,
        )
        return Paragraph(f"{self.prefix}{text}{self.suffix}", style)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._paragraph = self._for(avail_width)
        return self._paragraph.wrap(avail_width, avail_height)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return self._for(avail_width).split(avail_width, avail_height)

    def draw(self) -> None:
        self._paragraph.drawOn(self.canv, 0, 0)

    def getSpaceBefore(self) -> float:  # ReportLab asks flowables for these
        return self.style.spaceBefore

    def getSpaceAfter(self) -> float:
        return self.style.spaceAfter


def _break(
    line: str, width: float, size: float, *, bold: bool, italic: bool, indent: float = 0
) -> list[str]:
    """``line`` cut between words, in reading order, into parts that each fit ``width`` (the
    first one after ``indent``)."""
    words = line.split(" ")
    parts, current = [], words[0]
    for word in words[1:]:
        candidate = f"{current} {word}"
        room = width - (indent if not parts else 0)
        # 2 % to spare for rounding: ReportLab must not wrap a part again.
        if _width(plain(candidate), size, bold=bold, italic=italic) <= room * 0.98:
            current = candidate
        else:
            parts.append(current)
            current = word
    parts.append(current)
    return parts


def _width(text: str, size: float, *, bold: bool, italic: bool) -> float:
    return sum(
        stringWidth(chunk, face.pick(bold=bold, italic=italic), size)
        for face, chunk in _pieces(text)
    )


def plain(text: str | None) -> str:
    """``text`` as it will be printed, without markup: right-to-left runs shaped and in visual
    order (what a test finds in the PDF)."""
    if not text:
        return ""
    return "".join(_visual(run) if rtl else run for rtl, run in _direction_runs(text))


def has_right_to_left(text: str | None) -> bool:
    return bool(text) and any(unicodedata.bidirectional(c) in _RTL for c in text)


def starts_right_to_left(text: str | None) -> bool:
    """Whether the first letter with a direction is right-to-left (Unicode's rule P2)."""
    for c in text or "":
        kind = unicodedata.bidirectional(c)
        if kind in _RTL:
            return True
        if kind in _LTR:
            return False
    return False


def _line(line: str, *, bold: bool, italic: bool, keep: bool = False) -> str:
    """One line as markup; ``keep``: the line was broken to fit, never wrap its RTL runs."""
    out = []
    for rtl, run in _direction_runs(line):
        if rtl:
            run = _visual(run)
            if keep or len(run) <= KEEP_RTL_TOGETHER:
                run = run.replace(" ", "\u00a0")
        out.append(_font_runs(run, bold=bold, italic=italic))
    return "".join(out)


def _direction_runs(line: str) -> list[tuple[bool, str]]:
    """(right_to_left, text) pieces. A line that starts in a right-to-left script is one
    right-to-left run. Otherwise a right-to-left run goes from a strong right-to-left
    character to the last one before the next strong left-to-right character, so the spaces and
    digits inside it are ordered with it and those around it stay outside. A bracket opened
    inside a run closes inside it (Unicode's rule N0, for the common case)."""
    kinds = [unicodedata.bidirectional(c) for c in line]
    if starts_right_to_left(line):
        return [(True, line)]  # a right-to-left line (Unicode's P2): ordered as a whole
    runs: list[tuple[bool, str]] = []
    start = i = 0
    while i < len(line):
        if kinds[i] not in _RTL:
            i += 1
            continue
        end = i
        j = i + 1
        while j < len(line) and kinds[j] not in _LTR:
            if kinds[j] in _RTL:
                end = j
            j += 1
        end = _close_brackets(line, kinds, i, end)
        if start < i:
            runs.append((False, line[start:i]))
        runs.append((True, line[i : end + 1]))
        start = i = end + 1
    if start < len(line):
        runs.append((False, line[start:]))
    return runs


def _close_brackets(line: str, kinds: list[str], first: int, last: int) -> int:
    """``last``, moved to the bracket that closes one left open in line[first:last + 1]."""
    open_brackets = []
    for char in line[first : last + 1]:
        if char in _OPENING:
            open_brackets.append(_OPENING[char])
        elif open_brackets and char == open_brackets[-1]:
            open_brackets.pop()
    j = last + 1
    while open_brackets and j < len(line) and kinds[j] not in _LTR | _RTL:
        if line[j] == open_brackets[-1]:
            open_brackets.pop()
            last = j
        j += 1
    return last


_OPENING = {"(": ")", "[": "]", "{": "}"}
# arabic-reshaper deletes vowel marks (harakat) and shadda unless told otherwise; a name or a
# quotation written with them must print with them. The font draws each mark with no advance,
# over the letter drawn after it, which in visual order is the letter it belongs to.
_RESHAPER = arabic_reshaper.ArabicReshaper({"delete_harakat": False})
# Characters drawn as their mirror image in right-to-left text (ReportLab draws glyphs as given).
_MIRROR = str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹")


def _visual(run: str) -> str:
    """A right-to-left run joined, mirrored and in the order it is drawn, left to right."""
    return get_display(_RESHAPER.reshape(run).translate(_MIRROR), base_dir="R")


def _pieces(text: str) -> list[tuple[Face, str]]:
    """``text`` cut where the font changes; spaces go with the text before them."""
    pieces: list[tuple[Face, str]] = []
    for char in text:
        face = (
            pieces[-1][0] if (pieces and (char.isspace() or char == "\u00a0")) else face_for(char)
        )
        if pieces and pieces[-1][0] is face:
            pieces[-1] = (face, pieces[-1][1] + char)
        else:
            pieces.append((face, char))
    return pieces


def _font_runs(text: str, *, bold: bool, italic: bool) -> str:
    out = []
    for face, chunk in _pieces(text):
        if face is LATIN_FACE:
            out.append(escape(chunk))  # the paragraph's own font, with its weight
        else:
            name = face.pick(bold=bold, italic=italic)
            out.append(f'<font name="{name}">{escape(chunk)}</font>')
    return "".join(out)


def unprintable(text: str | None) -> set[str]:
    """The characters of ``text`` that no bundled font has (they would print as empty boxes)."""
    if not text:
        return set()
    return {
        c
        for c in text
        if not c.isspace()
        and unicodedata.category(c) not in ("Cc", "Cf")
        and not any(has_glyph(face.regular, c) for face in FACES)
    }
