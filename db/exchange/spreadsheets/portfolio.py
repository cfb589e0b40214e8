"""The portfolio review as a workbook for management: one row per instrument with every figure of
its assessment ("Portfolio"), and the counts by verdict and by partner kind ("Summary"). The
figures are db.queries.portfolio's; the words are the report's language (English or French),
whatever the window's, as in the PDF report."""

from __future__ import annotations

import io
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from db.exchange.spreadsheets.exporting import DATE_FORMAT, XLSX_CELL_LIMIT, written_as_text
from db.queries.portfolio import VERDICTS, WINDOWS, Assessment, Review
from db.queries.portfolio_words import LANGUAGES, reasons_text, thresholds_text, verdict_name
from db.schema import countries
from db.schema.words import CHOICE_WORDS
from db.store.files import write_bytes_atomically

COUNT_FORMAT = "0"
YEARS_FORMAT = "0.0"
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # XLSX cannot hold these

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "portfolio": "Portfolio",
        "summary": "Summary",
        "reference": "Reference",
        "title": "Title",
        "kind": "Kind",
        "status": "Status",
        "verdict": "Verdict",
        "reasons": "Reasons",
        "partners": "Partners",
        "partner_kind": "Partner kind",
        "country": "Country",
        "areas": "Thematic areas",
        "signed": "Signed",
        "entry_into_force": "Entry into force",
        "age": "Age (years)",
        "last_consultation": "Last consultation",
        "last_activity": "Last activity",
        "activities": "Activities ({years} y)",
        "participants": "Participants ({years} y)",
        "women": "Women ({years} y)",
        "men": "Men ({years} y)",
        "consultations": "Consultations ({years} y)",
        "commitments_met": "Commitments met",
        "commitments_pending": "Commitments pending",
        "commitments_not_met": "Commitments not met",
        "follow_ups_open": "Follow-ups open",
        "follow_ups_late": "Follow-ups late",
        "review_on": "Review on",
        "expires_on": "Expires on",
        "notice_by": "Last day for notice",
        "days_to_review": "Days to review",
        "days_to_expiry": "Days to expiry",
        "days_to_notice": "Days to notice",
        "superseded_by": "Superseded by",
        "project_agreements": "Project agreements",
        "assessed_on": "Officers' assessment",
        "rating": "Rating",
        "recommendation": "Recommendation",
        "narrative": "Assessment",
        "assessed_by": "Assessed by",
        "heading": "Portfolio review",
        "as_of": "As of",
        "rules": "Rules",
        "instruments": "Instruments",
        "by_verdict": "By verdict",
        "by_partner_kind": "By partner kind and verdict",
        "no_partner": "No partner recorded",
        "total": "Total",
    },
    "fr": {
        "portfolio": "Portefeuille",
        "summary": "Synthèse",
        "reference": "Référence",
        "title": "Titre",
        "kind": "Type",
        "status": "Statut",
        "verdict": "Appréciation",
        "reasons": "Motifs",
        "partners": "Partenaires",
        "partner_kind": "Type de partenaire",
        "country": "Pays",
        "areas": "Domaines de coopération",
        "signed": "Signature",
        "entry_into_force": "Entrée en vigueur",
        "age": "Ancienneté (ans)",
        "last_consultation": "Dernière consultation",
        "last_activity": "Dernière activité",
        "activities": "Activités ({years} a)",
        "participants": "Participants ({years} a)",
        "women": "Femmes ({years} a)",
        "men": "Hommes ({years} a)",
        "consultations": "Consultations ({years} a)",
        "commitments_met": "Engagements tenus",
        "commitments_pending": "Engagements en attente",
        "commitments_not_met": "Engagements non tenus",
        "follow_ups_open": "Suivis en cours",
        "follow_ups_late": "Suivis en retard",
        "review_on": "Révision le",
        "expires_on": "Expire le",
        "notice_by": "Dernier jour de préavis",
        "days_to_review": "Jours avant révision",
        "days_to_expiry": "Jours avant expiration",
        "days_to_notice": "Jours avant préavis",
        "superseded_by": "Remplacé par",
        "project_agreements": "Accords de projet",
        "assessed_on": "Évaluation des agents",
        "rating": "Appréciation des agents",
        "recommendation": "Recommandation",
        "narrative": "Évaluation",
        "assessed_by": "Évalué par",
        "heading": "Revue du portefeuille",
        "as_of": "Au",
        "rules": "Règles",
        "instruments": "Instruments",
        "by_verdict": "Par appréciation",
        "by_partner_kind": "Par type de partenaire et appréciation",
        "no_partner": "Aucun partenaire enregistré",
        "total": "Total",
    },
}


@dataclass(frozen=True)
class Column:
    """One column of the Portfolio sheet: its header, its value for an assessment, its cell
    format (None: text) and its width in characters."""

    header: str
    value: Callable[[Assessment], Any]
    number_format: str | None = None
    width: int = 12


def columns(language: str = "en") -> list[Column]:
    """The Portfolio sheet's columns, in order, with their headers in ``language``."""
    w = WORDS[language]

    def choice(value: str | None) -> str:
        if not value:
            return ""
        return CHOICE_WORDS[language].get(value, value.replace("_", " ").capitalize())

    def day(width: int = 12) -> dict[str, Any]:
        return {"number_format": DATE_FORMAT, "width": width}

    count = {"number_format": COUNT_FORMAT, "width": 11}
    found = [
        Column(w["reference"], lambda a: a.reference, width=22),
        Column(w["title"], lambda a: a.title, width=44),
        Column(w["kind"], lambda a: choice(a.kind), width=24),
        Column(w["status"], lambda a: choice(a.status), width=16),
        Column(w["verdict"], lambda a: verdict_name(a.verdict, language), width=16),
        Column(w["reasons"], lambda a: reasons_text(a, language), width=50),
        Column(w["partners"], lambda a: "; ".join(a.partners), width=24),
        Column(w["partner_kind"], lambda a: choice(a.partner_kind), width=24),
        Column(w["country"], lambda a: countries.name_of(a.partner_country, language), width=18),
        Column(w["areas"], lambda a: "; ".join(a.areas), width=30),
        Column(w["signed"], lambda a: a.signed_on, **day()),
        Column(w["entry_into_force"], lambda a: a.entry_into_force, **day(14)),
        Column(w["age"], _age_in_years, YEARS_FORMAT, 10),
        Column(w["last_consultation"], lambda a: _day_of(a.last_consultation), **day(14)),
        Column(w["last_activity"], lambda a: _day_of(a.last_activity), **day(14)),
    ]
    for years in WINDOWS:
        for key in ("activities", "participants", "women", "men", "consultations"):
            found.append(
                Column(
                    w[key].format(years=years),
                    lambda a, key=key, years=years: getattr(a.held[years], key),
                    **count,
                )
            )
    found += [
        Column(w["commitments_met"], lambda a: a.commitments_met, **count),
        Column(w["commitments_pending"], lambda a: a.commitments_pending, **count),
        Column(w["commitments_not_met"], lambda a: a.commitments_not_met, **count),
        Column(w["follow_ups_open"], lambda a: a.follow_ups_open, **count),
        Column(w["follow_ups_late"], lambda a: a.follow_ups_late, **count),
        Column(w["review_on"], lambda a: a.review_on, **day()),
        Column(w["expires_on"], lambda a: a.expires_on, **day()),
        Column(w["notice_by"], lambda a: a.notice_by, **day(14)),
        Column(w["days_to_review"], lambda a: a.days_to_review, **count),
        Column(w["days_to_expiry"], lambda a: a.days_to_expiry, **count),
        Column(w["days_to_notice"], lambda a: a.days_to_notice, **count),
        Column(
            w["superseded_by"], lambda a: a.superseded_by[1] if a.superseded_by else None, width=22
        ),
        Column(w["project_agreements"], lambda a: a.project_agreements, **count),
        # The officers' latest dated assessment, beside the computed verdict.
        Column(w["assessed_on"], lambda a: _noted(a, "assessed_on"), **day(14)),
        Column(w["rating"], lambda a: choice(_noted(a, "rating")), width=14),
        Column(w["recommendation"], lambda a: choice(_noted(a, "recommendation")), width=16),
        Column(w["narrative"], lambda a: _noted(a, "narrative"), width=50),
        Column(w["assessed_by"], lambda a: _noted(a, "assessed_by"), width=20),
    ]
    return found


def _noted(a: Assessment, key: str) -> Any:
    return a.officer_assessment.get(key) if a.officer_assessment else None


def _day_of(held: tuple[date, str] | None) -> date | None:
    return held[0] if held else None


def _age_in_years(a: Assessment) -> float | None:
    return round(a.age_days / 365.25, 1) if a.age_days is not None else None


def in_verdict_order(review: Review) -> list[Assessment]:
    """The instruments, most pressing verdict first (VERDICTS' order), in the review's order
    within a verdict."""
    return sorted(review.assessments, key=lambda a: VERDICTS.index(a.verdict))


def write_portfolio_xlsx(
    review: Review, path: str | os.PathLike[str], *, language: str = "en"
) -> None:
    """The review as an XLSX workbook ("Portfolio" and "Summary"), written atomically. Raises
    ValueError for a language not offered, StorageError when the file cannot be written."""
    from openpyxl import Workbook

    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    # Written as a stream (openpyxl's write-only mode): 20,000 instruments × 60 columns in a
    # third of the time and a fraction of the memory of cells kept in a sheet.
    book = Workbook(write_only=True)
    _portfolio_sheet(book.create_sheet(), review, language)
    _summary_sheet(book.create_sheet(), review, language)
    buffer = io.BytesIO()
    book.save(buffer)
    write_bytes_atomically(Path(path), buffer.getvalue())


def _portfolio_sheet(sheet, review: Review, language: str) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sheet.title = WORDS[language]["portfolio"]
    chosen = columns(language)
    for number, column in enumerate(chosen, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = column.width
    last = get_column_letter(len(chosen))
    sheet.auto_filter.ref = f"A1:{last}{max(1, len(review.assessments)) + 1}"
    sheet.freeze_panes = "C2"  # the header and the reference and title stay in view
    sheet.row_dimensions[1].height = 30
    bold, wrapped = Font(bold=True), Alignment(wrap_text=True, vertical="top")

    def head(text: str) -> WriteOnlyCell:
        cell = written_as_text(WriteOnlyCell(sheet, value=text))
        cell.font, cell.alignment = bold, wrapped
        return cell

    sheet.append([head(column.header) for column in chosen])
    formats = [column.number_format for column in chosen]
    for assessment in in_verdict_order(review):
        row = []
        for column, number_format in zip(chosen, formats, strict=True):
            value = _cell_value(column.value(assessment))
            if isinstance(value, str):  # stored text is never run as a formula
                row.append(written_as_text(WriteOnlyCell(sheet, value=value)))
            elif number_format and value is not None:
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = number_format
                row.append(cell)
            else:
                row.append(value)
        sheet.append(row)


def _summary_sheet(sheet, review: Review, language: str) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    w = WORDS[language]
    sheet.title = w["summary"]
    sheet.column_dimensions["A"].width = 34
    for number in range(2, len(VERDICTS) + 3):
        sheet.column_dimensions[get_column_letter(number)].width = 13
    bold = Font(bold=True)

    def cell(value: Any, *, strong: bool = False, wrap: bool = False, **style: Any):
        made = written_as_text(WriteOnlyCell(sheet, value=value))
        if strong:
            made.font = bold
        if wrap:
            made.alignment = Alignment(wrap_text=True, vertical="top")
        for name, given in style.items():
            setattr(made, name, given)
        return made

    sheet.append([cell(w["heading"], font=Font(bold=True, size=13))])
    sheet.append([cell(w["as_of"], strong=True), cell(review.as_of, number_format=DATE_FORMAT)])
    # The rules run on to the right over the empty cells (a write-only sheet merges none).
    sheet.append([cell(w["rules"], strong=True), thresholds_text(review.thresholds, language)])
    sheet.append([cell(w["instruments"], strong=True), len(review.assessments)])
    sheet.append([])
    sheet.append([cell(w["by_verdict"], strong=True), cell(w["instruments"], strong=True)])
    for verdict, count in review.by_verdict().items():
        sheet.append([verdict_name(verdict, language), count])
    sheet.append([cell(w["total"], strong=True), cell(len(review.assessments), strong=True)])
    sheet.append([])
    header = [w["by_partner_kind"], *(verdict_name(v, language) for v in VERDICTS), w["total"]]
    sheet.append([cell(label, strong=True, wrap=True) for label in header])
    table = review.by_partner_kind()
    for kind in sorted(table, key=lambda k: (k is None, _kind_name(k, language).casefold())):
        counts = table[kind]
        sheet.append(
            [_kind_name(kind, language), *(counts[v] for v in VERDICTS), sum(counts.values())]
        )


def _kind_name(kind: str | None, language: str) -> str:
    if kind is None:
        return WORDS[language]["no_partner"]
    return CHOICE_WORDS[language].get(kind, kind.replace("_", " ").capitalize())


def _cell_value(value: Any) -> Any:
    """Text without the characters XLSX cannot hold, and no longer than a cell holds."""
    if isinstance(value, str):
        return _XML_ILLEGAL.sub("", value)[:XLSX_CELL_LIMIT] or None
    return value
