"""What the portfolio review says, in English and in French: verdicts, their reasons and the
names of the figures — one wording for the page, the PDF and the workbook (the report's language
is chosen per report, not by the window)."""

from __future__ import annotations

from datetime import date
from typing import Any

from db.queries.portfolio import Assessment, Reason, Thresholds
from db.schema.words import CHOICE_WORDS, day_text

LANGUAGES = ("en", "fr")

VERDICT_NAMES = {
    "en": {
        "superseded": "Superseded",
        "terminated": "Terminated",
        "expired": "Expired",
        "not_in_force": "Not in force",
        "expiring": "Expiring",
        "review_due": "Review due",
        "dormant": "Dormant",
        "quiet": "Quiet",
        "new": "New",
        "active": "Active",
    },
    "fr": {
        "superseded": "Remplacé",
        "terminated": "Dénoncé",
        "expired": "Expiré",
        "not_in_force": "Pas en vigueur",
        "expiring": "Arrive à échéance",
        "review_due": "Révision due",
        "dormant": "En sommeil",
        "quiet": "Peu actif",
        "new": "Récent",
        "active": "Actif",
    },
}

_REASONS = {
    "en": {
        "superseded_by": "superseded by {label}",
        "superseded": "superseded (the instrument replacing it is not recorded)",
        "terminated": "terminated",
        "expired_on": "expired on {day}",
        "expired": "expired",
        "status": "status: {status}",
        "enters_into_force": "enters into force on {day}",
        "expires_in": "expires in {days} days ({day})",
        "notice_by": "last day to give notice in {days} days ({day})",
        "review_overdue": "review was due {days} days ago ({day})",
        "review_in": "review due in {days} days ({day})",
        "never_used": "nothing held under it in {years} years in force (since {since})",
        "never_used_no_date": "nothing held under it, and no date of signature or entry into force",
        "new": "in force since {since}; nothing held under it yet",
        "nothing_since": "nothing held in {years} years (last: {last})",
        "last_held": "last held {last}",
    },
    "fr": {
        "superseded_by": "remplacé par {label}",
        "superseded": "remplacé (l’instrument qui le remplace n’est pas enregistré)",
        "terminated": "dénoncé",
        "expired_on": "expiré le {day}",
        "expired": "expiré",
        "status": "statut\u00a0: {status}",
        "enters_into_force": "entre en vigueur le {day}",
        "expires_in": "expire dans {days} jours ({day})",
        "notice_by": "dernier jour pour notifier la dénonciation dans {days} jours ({day})",
        "review_overdue": "révision due depuis {days} jours ({day})",
        "review_in": "révision due dans {days} jours ({day})",
        "never_used": "aucune activité en {years} ans de vigueur (depuis le {since})",
        "never_used_no_date": "aucune activité, et ni date de signature ni d’entrée en vigueur",
        "new": "en vigueur depuis le {since}\u00a0; aucune activité encore",
        "nothing_since": "aucune activité depuis {years} ans (dernière\u00a0: {last})",
        "last_held": "dernière activité le {last}",
    },
}

_STATUS = {
    "en": {
        "draft": "draft",
        "under_negotiation": "under negotiation",
        "awaiting_signature": "awaiting signature",
        "in_force": "in force",
        "expired": "expired",
        "terminated": "terminated",
        "superseded": "superseded",
    },
    "fr": {
        "draft": "projet",
        "under_negotiation": "en négociation",
        "awaiting_signature": "en attente de signature",
        "in_force": "en vigueur",
        "expired": "expiré",
        "terminated": "dénoncé",
        "superseded": "remplacé",
    },
}

_THRESHOLDS = {
    "en": (
        "Quiet: nothing held in {quiet} years. Dormant: nothing held in {dormant} years, or "
        "never once in force {quiet} years. Expiring: expiry or the last day to give notice "
        "within {expiring} days. Review due: review date within {review} days or past."
    ),
    "fr": (
        "Peu actif\u00a0: aucune activité en {quiet} ans. En sommeil\u00a0: aucune activité en "
        "{dormant} ans, ou jamais après {quiet} ans de vigueur. Arrive à échéance\u00a0: "
        "expiration ou dernier jour de préavis dans moins de {expiring} jours. Révision "
        "due\u00a0: date de révision dans moins de {review} jours ou passée."
    ),
}


def verdict_name(verdict: str, language: str = "en") -> str:
    return VERDICT_NAMES[language][verdict]


def reason_text(reason: Reason, language: str = "en") -> str:
    values: dict[str, Any] = {}
    for key, value in reason.values:
        if isinstance(value, date):
            values[key] = day_text(value, language)
        elif key == "status":
            values[key] = _STATUS[language].get(value, value)
        else:
            values[key] = value
    return _REASONS[language][reason.code].format(**values)


def reasons_text(assessment: Assessment, language: str = "en") -> str:
    """Every reason of one verdict, in one line."""
    return "; ".join(reason_text(r, language) for r in assessment.reasons)


def thresholds_text(limits: Thresholds, language: str = "en") -> str:
    """The rules behind the verdicts, with the officer's thresholds, in one paragraph."""
    return _THRESHOLDS[language].format(
        quiet=limits.quiet_years,
        dormant=limits.dormant_years,
        expiring=limits.expiring_days,
        review=limits.review_days,
    )


_BY = {"en": ", by {name}", "fr": ", par {name}"}
_RATED = {"en": ", rated {rating}", "fr": ", appréciation\u00a0: {rating}"}


def officer_assessment_text(note: dict[str, Any] | None, language: str = "en") -> str:
    """The officers' latest assessment in one line: "Renew (3 March 2026, rated Good, by
    A. Diallo)"; its narrative is shown apart. Empty when there is none."""
    if not note:
        return ""
    words = CHOICE_WORDS[language]
    rating = note.get("rating")
    name = note.get("assessed_by")
    rated = _RATED[language].format(rating=words.get(rating, rating).lower()) if rating else ""
    by = _BY[language].format(name=name) if name else ""
    recommendation = words.get(note["recommendation"], note["recommendation"])
    return f"{recommendation} ({day_text(note['assessed_on'], language)}{rated}{by})"
