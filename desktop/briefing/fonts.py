"""The bundled Unicode fonts (resources/fonts), registered with ReportLab once per process.

The PDF base fonts (Helvetica and the like) know only Latin-1, so a sheet never uses them: every
run of text is set in one of these TrueType fonts, chosen by ``text.markup`` from the characters
each font actually holds. ReportLab embeds TrueType outlines only (not CFF/OpenType outlines),
which is why Noto Sans CJK is not used and Droid Sans Fallback is (and Nanum Barun Gothic for
Korean). Scripts that need a shaping engine to be spelled right (Devanagari and the other Indic
scripts: vowel signs drawn before their consonant, conjuncts) get no font: ReportLab draws glyphs
one after the other, so such text would print misspelled; its characters print as boxes instead
and the briefing says which, before printing (``text.unprintable``). Thai needs no reordering
and prints in Noto Sans Thai.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

import resources

# ReportLab names of the registered fonts (what Paragraph markup and styles refer to).
SANS = "PD-Sans"
SANS_BOLD = "PD-Sans-Bold"
SANS_ITALIC = "PD-Sans-Italic"
ARABIC = "PD-Arabic"
ARABIC_BOLD = "PD-Arabic-Bold"
CJK = "PD-CJK"
KOREAN = "PD-Korean"
THAI = "PD-Thai"
THAI_BOLD = "PD-Thai-Bold"
FALLBACK = "PD-Fallback"  # wide coverage (Hebrew, Armenian, Georgian, symbols): the last resort

FILES: dict[str, str] = {
    SANS: "NotoSans-Regular.ttf",
    SANS_BOLD: "NotoSans-Bold.ttf",
    SANS_ITALIC: "NotoSans-Italic.ttf",
    ARABIC: "NotoSansArabic-Regular.ttf",
    ARABIC_BOLD: "NotoSansArabic-Bold.ttf",
    CJK: "DroidSansFallbackFull.ttf",
    KOREAN: "NanumBarunGothic.ttf",
    THAI: "NotoSansThai-Regular.ttf",
    THAI_BOLD: "NotoSansThai-Bold.ttf",
    FALLBACK: "DejaVuSans.ttf",
}


@dataclass(frozen=True)
class Face:
    """The font to use for a run in a given weight: regular, bold, italic."""

    regular: str
    bold: str
    italic: str

    def pick(self, *, bold: bool = False, italic: bool = False) -> str:
        return self.bold if bold else self.italic if italic else self.regular


LATIN_FACE = Face(SANS, SANS_BOLD, SANS_ITALIC)
ARABIC_FACE = Face(ARABIC, ARABIC_BOLD, ARABIC)
CJK_FACE = Face(CJK, CJK, CJK)  # Droid has one weight: bold CJK prints regular
KOREAN_FACE = Face(KOREAN, KOREAN, KOREAN)  # one weight bundled (4 MB each): bold prints regular
THAI_FACE = Face(THAI, THAI_BOLD, THAI)
FALLBACK_FACE = Face(FALLBACK, FALLBACK, FALLBACK)
# In the order a character looks for a font that has it: Chinese characters (Hanja) find Droid
# Sans Fallback before the Korean font, so one text's Han characters keep one design.
FACES: tuple[Face, ...] = (
    LATIN_FACE,
    ARABIC_FACE,
    CJK_FACE,
    KOREAN_FACE,
    THAI_FACE,
    FALLBACK_FACE,
)

_lock = threading.Lock()
_coverage: dict[str, frozenset[int]] = {}


def register_fonts() -> None:
    """Register every bundled font with ReportLab; later calls return at once."""
    if _coverage:
        return
    with _lock:
        if _coverage:
            return
        found: dict[str, frozenset[int]] = {}
        for name, filename in FILES.items():
            font = TTFont(name, str(resources.path("fonts", filename)))
            pdfmetrics.registerFont(font)
            found[name] = frozenset(font.face.charToGlyph)
        for face in FACES:
            # <b> and <i> in markup find the right font of the family.
            addMapping(face.regular, 0, 0, face.regular)
            addMapping(face.regular, 1, 0, face.bold)
            addMapping(face.regular, 0, 1, face.italic)
            addMapping(face.regular, 1, 1, face.bold)
        _coverage.update(found)


def has_glyph(font_name: str, char: str) -> bool:
    register_fonts()
    return ord(char) in _coverage[font_name]


def face_for(char: str) -> Face:
    """The first bundled face that has ``char`` (the Latin one when none has it)."""
    register_fonts()
    code = ord(char)
    for face in FACES:
        if code in _coverage[face.regular]:
            return face
    return LATIN_FACE
