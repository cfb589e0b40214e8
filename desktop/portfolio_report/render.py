"""From a portfolio review and the officer's options to a PDF report, in one call."""

from __future__ import annotations

import io
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import BinaryIO

from reportlab.lib.pagesizes import landscape

from db import clock
from db.queries import portfolio
from db.queries.portfolio import Review
from db.store.engine import Store
from desktop.briefing import styles
from desktop.briefing.fonts import register_fonts
from desktop.briefing.render import write_pdf
from desktop.briefing.template import ReportDocTemplate
from desktop.portfolio_report.options import ReportOptions
from desktop.portfolio_report.report import PortfolioReport
from desktop.portfolio_report.words import ReportWords


@dataclass(frozen=True)
class ReportResult:
    pages: int
    instruments: int
    # The characters no bundled font has (at most 20): they print as empty boxes.
    unprintable: tuple[str, ...] = ()


def read_portfolio(store: Store, as_of: date) -> tuple[Review, dict[int, tuple[int, int]]]:
    """The review as of ``as_of`` and what was held each year across the portfolio (the
    summary's chart), read in one session."""
    with store.reading() as session:
        return portfolio.assess(session, as_of), portfolio.held_by_year(session, as_of)


def render_portfolio_report(
    review: Review,
    options: ReportOptions,
    output: str | os.PathLike[str] | BinaryIO,
    *,
    by_year: Mapping[int, Sequence[int]],
    generated_at: datetime | None = None,
) -> ReportResult:
    """Write the review as a PDF report to a path or a binary file object; a file at a path is
    written whole or not at all. ``by_year``: year -> (activities, consultations) held across
    the portfolio, for the summary's chart (``read_portfolio`` reads both). ``generated_at`` is printed in the footer (default: now);
    giving it also makes the file itself reproducible. Raises StorageError when the file cannot
    be written."""
    register_fonts()
    stamp = generated_at or clock.local_now()
    words = ReportWords(options.language)
    heading = words("heading", day=words.day(review.as_of))
    # Landscape: the instruments table has nine columns of figures and names that must wrap,
    # not clip; the summary's table of ten verdicts needs the width too.
    pdf = io.BytesIO()
    doc = ReportDocTemplate(
        pdf,
        pagesize=landscape(styles.PAPER[options.paper]),
        words=words,
        heading=f"{words('review')} — {heading}",
        short_heading=words("review"),
        marking=options.marking or words("marking"),
        prepared_by=options.prepared_by,
        generated_at=stamp,
        deterministic=generated_at is not None,
        title=f"{words('review')} — {heading}",
        author=options.prepared_by,
    )
    report = PortfolioReport(review, by_year, options, words, doc.width, doc.height)
    doc.build(report.story(), canvasmaker=doc.canvas_maker())
    write_pdf(pdf.getvalue(), output, what="The portfolio report")
    return ReportResult(
        pages=doc.page,
        instruments=len(review.assessments),
        unprintable=tuple(sorted(report.unprintable)[:20]),
    )
