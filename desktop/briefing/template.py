"""The briefing's document template: one page template whose onPage draws the header (the
partner, the marking) and the footer (generated on, by whom, page N of M) on every page.

"Of M" needs the page count before the first page is drawn: render.py lays the sheet out once
to count the pages and then again with ``page_count`` known (see ``BriefingDocTemplate``).
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


class BriefingDocTemplate(BaseDocTemplate):
    """A4 or Letter pages with the text frame inside the margins and the running header and
    footer drawn around it."""

    def __init__(
        self,
        output: Any,
        *,
        paper: str,
        words: Words,
        partner: str,
        partner_short: str,
        marking: str,
        prepared_by: str,
        generated_at: datetime,
        page_count: int | None = None,
        deterministic: bool = False,
        **metadata: Any,
    ):
        super().__init__(
            output,
            pagesize=styles.PAPER[paper],
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
        self.partner = partner
        self.partner_short = partner_short
        self.marking = marking
        self.prepared_by = prepared_by
        self.generated_at = generated_at
        self.page_count = page_count
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
        words = self.words

        top = self.pagesize[1] - styles.HEADER_BASELINE
        title = Paragraph(f"{words('briefing')} — {markup(self.partner)}", styles.header)
        if title.wrap(width * 0.72, 100)[1] > styles.header.leading:  # too long: the acronym
            title = Paragraph(f"{words('briefing')} — {markup(self.partner_short)}", styles.header)
        self._draw(canvas, title, left, top, width * 0.72)
        marking = Paragraph(markup(self.marking.upper()), styles.header_marking)
        self._draw(canvas, marking, left, top, width)
        canvas.setStrokeColor(styles.RULE)
        canvas.setLineWidth(0.5)
        canvas.line(left, top - 3, left + width, top - 3)

        bottom = styles.FOOTER_BASELINE
        canvas.line(left, bottom + 10, left + width, bottom + 10)
        generated = words(
            "generated",
            day=words.day(self.generated_at.date()),
            time=words.time(self.generated_at),
            who=markup(self.prepared_by),
        )
        page = words("page", page=doc.page, pages=self.page_count or "?")
        footer = Paragraph(f"{generated} — {page}", styles.footer)
        self._draw(canvas, footer, left, bottom, width)
        canvas.restoreState()

    @staticmethod
    def _draw(
        canvas: Canvas, paragraph: Paragraph, left: float, baseline: float, width: float
    ) -> None:
        """A paragraph (any script prints) whose first baseline sits at ``baseline``."""
        _, height = paragraph.wrap(width, 100)
        paragraph.drawOn(canvas, left, baseline - height + paragraph.style.fontSize)
