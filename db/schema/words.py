"""What the values of the enumerations are called in the officer's words, in English and in
French: "in_force" is "In force", « En vigueur ». The briefing sheet prints them, spreadsheets
are exported with them and read back from them in either language. (The window's own labels are
desktop/labels.py, for Qt's translation tools; a test keeps the two the same.)"""

from __future__ import annotations

import unicodedata
from datetime import date

from db.i18n import translate

CHOICE_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "academia": "Academia / research",
        "active": "Active",
        "activity": "Activity",
        "agreement": "Agreement",
        "arrangement_on_cooperation": "Arrangement on cooperation",
        "assessment": "Joint assessment",
        "awaiting_signature": "Awaiting signature",
        "bilateral_consultation": "Bilateral consultation",
        "call": "Call",
        "campaign": "Awareness campaign",
        "cancelled": "Cancelled",
        "completed": "Completed",
        "conference": "Conference",
        "confirmed": "Confirmed",
        "consultation": "Consultation",
        "cooperation_agreement": "Cooperation agreement",
        "done": "Done",
        "dormant": "Dormant",
        "draft": "Draft",
        "dropped": "Dropped",
        "exchange_of_letters": "Exchange of letters",
        "expert": "Expert",
        "experts": "Experts",
        "expired": "Expired",
        "focal_point": "Focal point",
        "funding": "Funding",
        "head": "Head of organization",
        "high_level_visit": "High-level visit",
        "hybrid": "Hybrid",
        "in_force": "In force",
        "in_person": "In person",
        "in_progress": "In progress",
        "information_material": "Information material",
        "intergovernmental_organization": "Intergovernmental organization",
        "interpretation": "Interpretation",
        "joint_declaration": "Joint declaration",
        "late": "Late",
        "lead": "Lead",
        "letter_of_intent": "Letter of intent",
        "man": "Man",
        "materials": "Materials",
        "memorandum_of_understanding": "Memorandum of understanding",
        "very_good": "Very good",
        "good": "Good",
        "fair": "Fair",
        "poor": "Poor",
        "keep": "Keep",
        "revise": "Revise",
        "renew": "Renew",
        "terminate": "Terminate",
        "met": "Met",
        "national_administration": "National administration",
        "ngo": "NGO / civil society",
        "not_met": "Not met",
        "not_recorded": "Not recorded",
        "observer": "Observer at a partner's meeting",
        "ongoing": "Ongoing",
        "online": "Online",
        "open": "Open",
        "organizer": "Organizer",
        "other": "Other",
        "participant": "Participant",
        "partner": "Partner",
        "pending": "Pending",
        "planned": "Planned",
        "postponed": "Postponed",
        "private_sector": "Private sector",
        "project_agreement": "Project agreement",
        "proposed": "Proposed",
        "prospective": "Prospective",
        "regional_body": "Regional body",
        "research": "Joint research / publication",
        "seminar": "Seminar",
        "signatory": "Signatory",
        "sop": "Standard operating procedure",
        "speaker": "Speaker",
        "steering_committee": "Steering committee",
        "superseded": "Superseded",
        "technical_assistance": "Technical assistance mission",
        "technical_contact": "Technical contact",
        "technical_meeting": "Technical meeting",
        "terminated": "Terminated",
        "training": "Training course",
        "travel": "Travel",
        "un_entity": "UN entity",
        "under_negotiation": "Under negotiation",
        "venue": "Venue",
        "woman": "Woman",
        "workshop": "Workshop",
    },
    "fr": {
        "academia": "Milieu universitaire / recherche",
        "active": "Active",
        "activity": "Activité",
        "agreement": "Accord",
        "arrangement_on_cooperation": "Arrangement de coopération",
        "assessment": "Évaluation conjointe",
        "awaiting_signature": "En attente de signature",
        "bilateral_consultation": "Consultation bilatérale",
        "call": "Appel",
        "campaign": "Campagne de sensibilisation",
        "cancelled": "Annulée",
        "completed": "Terminée",
        "conference": "Conférence",
        "confirmed": "Confirmée",
        "consultation": "Consultation",
        "cooperation_agreement": "Accord de coopération",
        "done": "Fait",
        "dormant": "En sommeil",
        "draft": "Projet",
        "dropped": "Abandonné",
        "exchange_of_letters": "Échange de lettres",
        "expert": "Expert",
        "experts": "Experts",
        "expired": "Expiré",
        "focal_point": "Point focal",
        "funding": "Financement",
        "head": "Chef de l'organisation",
        "high_level_visit": "Visite de haut niveau",
        "hybrid": "Hybride",
        "in_force": "En vigueur",
        "in_person": "En présentiel",
        "in_progress": "En cours",
        "information_material": "Matériel d'information",
        "intergovernmental_organization": "Organisation intergouvernementale",
        "interpretation": "Interprétation",
        "joint_declaration": "Déclaration conjointe",
        "late": "En retard",
        "lead": "Chef de file",
        "letter_of_intent": "Lettre d'intention",
        "man": "Homme",
        "materials": "Matériel",
        "memorandum_of_understanding": "Mémorandum d'accord",
        "very_good": "Très bon",
        "good": "Bon",
        "fair": "Moyen",
        "poor": "Faible",
        "keep": "Maintenir",
        "revise": "Réviser",
        "renew": "Renouveler",
        "terminate": "Dénoncer",
        "met": "Respecté",
        "national_administration": "Administration nationale",
        "ngo": "ONG / société civile",
        "not_met": "Non respecté",
        "not_recorded": "Non renseigné",
        "observer": "Observateur à une réunion d'un partenaire",
        "ongoing": "En cours",
        "online": "En ligne",
        "open": "Ouvert",
        "organizer": "Organisateur",
        "other": "Autre",
        "participant": "Participant",
        "partner": "Partenaire",
        "pending": "En attente",
        "planned": "Planifiée",
        "postponed": "Reportée",
        "private_sector": "Secteur privé",
        "project_agreement": "Accord de projet",
        "proposed": "Proposée",
        "prospective": "En prospection",
        "regional_body": "Organisme régional",
        "research": "Recherche / publication conjointe",
        "seminar": "Séminaire",
        "signatory": "Signataire",
        "sop": "Procédure opérationnelle normalisée",
        "speaker": "Intervenant",
        "steering_committee": "Comité de pilotage",
        "superseded": "Remplacé",
        "technical_assistance": "Mission d'assistance technique",
        "technical_contact": "Contact technique",
        "technical_meeting": "Réunion technique",
        "terminated": "Dénoncé",
        "training": "Formation",
        "travel": "Voyages",
        "un_entity": "Entité des Nations Unies",
        "under_negotiation": "En négociation",
        "venue": "Lieu",
        "woman": "Femme",
        "workshop": "Atelier",
    },
}


def choice_words(value: str | None) -> str | None:
    """An enumeration value in the officer's words and language (English without a translator:
    the command line)."""
    if not value:
        return value
    english = CHOICE_WORDS["en"].get(value)
    return translate("choices", english) if english else value


def choice_named(text: str, allowed: list[str]) -> str | None:
    """The value among ``allowed`` that ``text`` names in the officer's words (in English, in
    French or in the window's language), compared without case or accents; else None."""
    wanted = _folded(text)
    for value in allowed:
        english = CHOICE_WORDS["en"].get(value)
        if english is None:
            continue
        names = {english, CHOICE_WORDS["fr"].get(value, ""), translate("choices", english)}
        if wanted in {_folded(n) for n in names if n}:
            return value
    return None


def _folded(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in plain if not unicodedata.combining(c)).casefold().split())


_MONTHS = {
    "en": "January February March April May June July August September October November December",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
}


def day_text(day: date | None, language: str = "en") -> str:
    """A day as an officer writes it: 8 May 2018 / 8 mai 2018 (1er mai 2018). The briefing,
    the portfolio review and its report all say dates this way."""
    if day is None:
        return ""
    month = _MONTHS[language].split()[day.month - 1]
    number = "1er" if language == "fr" and day.day == 1 else str(day.day)
    return f"{number} {month} {day.year}"
