"""The document template of the briefing and of the other printed reports: one page template
whose onPage draws the header (what the document is about, the marking), and a canvas that draws
the footer (generated on, by whom, page N of M) on every page once the last one is laid out.

"Of M" is known only at the end: the canvas keeps each finished page open until then (the
"numbered canvas" of ReportLab's recipes), so the sheet is laid out once, not twice.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

from desktop.briefing import styles
from desktop.briefing.fonts import SANS
from desktop.briefing.text import markup
from desktop.briefing.words import Words


class ReportDocTemplate(BaseDocTemplate):
    """Pages of ``pagesize`` with the text frame inside the margins and the running header and
    footer drawn around it. ``heading`` is the header's markup, ``short_heading`` what it says
    when the heading does not fit on one line; ``words`` gives the footer's wording."""

    def __init__(
        self,
        output: Any,
        *,
        pagesize: tuple[float, float],
        words: Words,
        heading: str,
        short_heading: str,
        marking: str,
        prepared_by: str,
        generated_at: datetime,
        deterministic: bool = False,
        **metadata: Any,
    ):
        super().__init__(
            output,
            pagesize=pagesize,
            leftMargin=styles.MARGIN_LEFT,
            rightMargin=styles.MARGIN_RIGHT,
            topMargin=styles.MARGIN_TOP,
            bottomMargin=styles.MARGIN_BOTTOM,
            initialFontName=SANS,  # the canvas would otherwise start in Helvetica
            initialFontSize=styles.BODY_SIZE,
            invariant=1 if deterministic else 0,
            creator="PartnerDesk",
            lang=words.language,
            **metadata,
        )
        self.words = words
        self.heading = heading
        self.short_heading = short_heading
        self.marking = marking
        self.prepared_by = prepared_by
        self.generated_at = generated_at
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="text",
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._decorate)])

    def _decorate(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        left, width = self.leftMargin, self.width

        top = self.pagesize[1] - styles.HEADER_BASELINE
        title = Paragraph(self.heading, styles.header)
        if title.wrap(width * 0.72, 100)[1] > styles.header.leading:  # too long: the short one
            title = Paragraph(self.short_heading, styles.header)
        self._draw(canvas, title, left, top, width * 0.72)
        marking = Paragraph(markup(self.marking.upper()), styles.header_marking)
        self._draw(canvas, marking, left, top, width)
        canvas.setStrokeColor(styles.RULE)
        canvas.setLineWidth(0.5)
        canvas.line(left, top - 3, left + width, top - 3)
        canvas.restoreState()

    def draw_footer(self, canvas: Canvas, page: int, pages: int) -> None:
        canvas.saveState()
        left, width, words = self.leftMargin, self.width, self.words
        canvas.setStrokeColor(styles.RULE)
        canvas.setLineWidth(0.5)
        bottom = styles.FOOTER_BASELINE
        canvas.line(left, bottom + 10, left + width, bottom + 10)
        generated = words(
            "generated" if self.prepared_by else "generated_anonymous",
            day=words.day(self.generated_at.date()),
            time=words.time(self.generated_at),
            who=markup(self.prepared_by),
        )
        page_of = words("page", page=page, pages=pages)
        footer = Paragraph(f"{generated} — {page_of}", styles.footer)
        self._draw(canvas, footer, left, bottom, width)
        canvas.restoreState()

    def canvas_maker(self) -> type[Canvas]:
        """A canvas that holds every finished page and, when the document is saved, draws each
        footer with the number of pages."""
        template = self

        class CountingCanvas(Canvas):
            def __init__(self, *args: Any, **kwargs: Any):
                super().__init__(*args, **kwargs)
                self._held: list[dict[str, Any]] = []

            def showPage(self) -> None:
                self._held.append(dict(self.__dict__))
                self._startPage()

            def save(self) -> None:
                for number, state in enumerate(self._held, 1):
                    self.__dict__.update(state)
                    template.draw_footer(self, number, len(self._held))
                    super().showPage()
                super().save()

        return CountingCanvas

    @staticmethod
    def _draw(
        canvas: Canvas, paragraph: Paragraph, left: float, baseline: float, width: float
    ) -> None:
        """A paragraph (any script prints) whose first baseline sits at ``baseline``."""
        _, height = paragraph.wrap(width, 100)
        paragraph.drawOn(canvas, left, baseline - height + paragraph.style.fontSize)


class BriefingDocTemplate(ReportDocTemplate):
    """The briefing's pages: A4 or Letter, the partner in the header (its acronym when its name
    is too long)."""

    def __init__(
        self,
        output: Any,
        *,
        paper: str,
        words: Words,
        partner: str,
        partner_short: str,
        **rest: Any,
    ):
        super().__init__(
            output,
            pagesize=styles.PAPER[paper],
            words=words,
            heading=f"{words('briefing')} — {markup(partner)}",
            short_heading=f"{words('briefing')} — {markup(partner_short)}",
            **rest,
        )
        self.partner = partner
        self.partner_short = partner_short
