"""The portfolio review (issue 18): every agreement assessed, the Portfolio page until its table
and summary are on screen, and the report written as PDF and as XLSX — each against the floor
the issue names: the same SQL statements that count the same things (bench.capture), run by
plain sqlite3. The page is watched for holds of the GUI thread throughout."""

from __future__ import annotations

import sqlite3
import time
from datetime import date
from pathlib import Path

from bench.capture import capture, replay
from bench.figures import Figure, median
from bench.lists import wait_for
from bench.stalls import StallWatch, stall_figure, timed
from db.exchange.spreadsheets.portfolio import write_portfolio_xlsx
from db.queries import portfolio
from desktop.desk import Desk
from desktop.portfolio_report.options import ReportOptions
from desktop.portfolio_report.render import read_portfolio, render_portfolio_report
from desktop.views.portfolio_page import PortfolioPage


def _ms(action) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def _figure(name: str, ours: list[float], floor: list[float], limit_ms: float, note: str) -> Figure:
    value, base = median(ours), median(floor)
    return Figure(
        name,
        round(value, 1),
        "ms",
        round(base, 1),
        round(value / base, 2) if base else None,
        f"≤ {limit_ms:,.0f} ms",
        value <= limit_ms,
        note,
    )


def measure_portfolio(desk: Desk, raw: sqlite3.Connection, folder: Path, today: date,
                      repeats: int) -> list[Figure]:  # fmt: skip
    store = desk.store

    def assess() -> portfolio.Review:
        with store.reading() as session:
            return portfolio.assess(session, today)

    review = assess()
    note = f"{len(review.assessments):,} agreements, median of {repeats}"
    counted = capture(assess)
    ours = [_ms(assess) for _ in range(repeats)]
    floor = [_ms(lambda: replay(raw, counted)) for _ in range(repeats)]
    figures = [
        Figure(
            "portfolio review: every agreement assessed (db.queries.portfolio)",
            round(median(ours), 1),
            "ms",
            round(median(floor), 1),
            round(median(ours) / median(floor), 2),
            "— (measured)",
            None,
            note,
        )
    ]

    # The page: from asking for the review to its table, summary and chart on screen.
    page = PortfolioPage(desk)
    page.resize(1280, 800)
    page.show()
    watch = StallWatch()

    def open_page() -> None:
        page.refresh()
        wait_for(page.loaded, 120_000)

    page_statements = capture(open_page)
    ours = [timed(watch, open_page) for _ in range(repeats)]
    floor = [_ms(lambda: replay(raw, page_statements)) for _ in range(repeats)]
    figures.append(_figure("Portfolio page: table and summary on screen", ours, floor, 300, note))
    figures.append(stall_figure("Portfolio page", watch, note))
    page.close()
    page.deleteLater()

    # The report: read, laid out and written, as `partnerdesk review` does.
    pdf, xlsx = folder / "review.pdf", folder / "review.xlsx"

    def write_pdf() -> None:
        read, by_year = read_portfolio(store, today)
        render_portfolio_report(read, ReportOptions(), pdf, by_year=by_year)

    def write_xlsx() -> None:
        write_portfolio_xlsx(assess(), xlsx)

    report_statements = capture(write_pdf)
    runs = max(1, repeats // 3)
    for name, action in (("PDF", write_pdf), ("XLSX", write_xlsx)):
        ours = [_ms(action) for _ in range(runs)]
        floor = [_ms(lambda: replay(raw, report_statements)) for _ in range(runs)]
        size = (pdf if name == "PDF" else xlsx).stat().st_size / 1e6
        figures.append(
            _figure(
                f"portfolio report, {name} written",
                ours,
                floor,
                3000,
                f"{len(review.assessments):,} agreements, {size:.1f} MB, median of {runs}",
            )
        )
    pdf.unlink(missing_ok=True)
    xlsx.unlink(missing_ok=True)
    return figures
