"""The heavy partner's briefing sheet with the default options (desktop.briefing.render_briefing:
gather from the store, lay out twice to number the pages, write the PDF), against ReportLab laying
out the same tables directly: the same rows (each list cut at the default max_per_section, as the
sheet cuts it), as plain paragraphs in plain tables, in the same bundled font, once."""

from __future__ import annotations

import io
import time
from datetime import date, datetime
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

from bench.figures import Figure, median
from db.store.engine import Store
from desktop.briefing.fonts import SANS, register_fonts
from desktop.briefing.gather import Briefing, gather
from desktop.briefing.options import BriefingOptions
from desktop.briefing.render import render_briefing


def _tables(briefing: Briefing) -> list[list[list[str]]]:
    """The rows of the sheet's tables, as text."""

    def day(value: date | None) -> str:
        return value.isoformat() if value else ""

    return [
        [[a.name, a.title, a.status, day(a.entry_into_force), day(a.expires_on)]
         for a in briefing.agreements],
        [[c.starts_at or "", c.title, c.place or "", ", ".join(c.organizations)]
         for c in (*briefing.next_consultations, *briefing.recent_consultations)],
        [[day(a.start_on), a.title, a.status, a.city or "", ", ".join(a.organizations)]
         for a in (*briefing.upcoming_activities, *briefing.recent_activities)],
        [[day(f.due_on), f.text, f.owner or "", f.status] for f in briefing.open_follow_ups],
    ]  # fmt: skip


def lay_out_directly(tables: list[list[list[str]]]) -> int:
    style = ParagraphStyle("cell", fontName=SANS, fontSize=8, leading=10)
    story = []
    for rows in tables:
        if rows:
            story.append(Table([[Paragraph(escape(cell), style) for cell in row] for row in rows]))
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4)
    doc.build(story)
    return doc.page


def measure_briefing(store: Store, partner_id: str, today: date, repeats: int) -> list[Figure]:
    register_fonts()
    options = BriefingOptions(partner_id=partner_id)
    stamp = datetime(today.year, today.month, today.day, 9, 0)
    briefing = gather(store, options, today=today)
    tables = _tables(briefing)
    ours, floor, pages, floor_pages = [], [], 0, 0
    for _ in range(repeats):
        start = time.perf_counter()
        pages = render_briefing(store, options, io.BytesIO(), today=today, generated_at=stamp).pages
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        floor_pages = lay_out_directly(tables)
        floor.append(time.perf_counter() - start)
    value, base = median(ours), median(floor)
    rows = sum(len(t) for t in tables)
    left_out = sum(briefing.not_shown.values())
    return [
        Figure(
            "briefing for the heavy partner (median)",
            round(value, 3),
            "s",
            round(base, 3),
            round(value / base, 2) if base else None,
            "≤ 1 s",
            value <= 1.0,
            f"{pages} page(s) (floor: {floor_pages}), {rows} table rows "
            f"(at most {options.max_per_section} per list; {left_out:,} more not shown)",
        )
    ]
