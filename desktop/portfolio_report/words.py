"""What the portfolio report says in English and in French. The verdicts, their reasons and the
rules are db.queries.portfolio_words' (one wording for the page, the PDF and the workbook); the
footer, dates and numbers are the briefing's (desktop.briefing.words)."""

from __future__ import annotations

from desktop.briefing.words import TEXTS as BRIEFING_TEXTS
from desktop.briefing.words import Words

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "review": "Portfolio review",
        "heading": "The portfolio as of {day}",
        "overview": "{count} instruments · {in_force} in force · reviews due this year: {due}",
        "overview_one": "1 instrument · {in_force} in force · reviews due this year: {due}",
        "summary": "Summary",
        "partner_kind": "Partner kind",
        "no_partner": "No partner recorded",
        "all_instruments": "All instruments",
        "total": "Total",
        "per_year": "Activities and consultations held per year, across the portfolio",
        "activities": "Activities",
        "consultations": "Consultations",
        "nothing_held": "Nothing was held under any instrument.",
        "instruments": "The instruments",
        "no_instruments": "No instrument is recorded on that day.",
        "instrument": "Instrument",
        "partners": "Partners",
        "verdict": "Verdict and reasons",
        "last_held": "Last held",
        "activities_5": "Activities in 5 years: participants (women / men)",
        "consultations_5": "Consultations in 5 years",
        "commitments": "Commitments met / pending / not met",
        "follow_ups": "Follow-ups open / late",
        "next_deadline": "Next deadline",
        "participants_line": "{total} participants",
        "participants_split": "{total} participants ({women} / {men})",
        "review_on": "Review",
        "expires_on": "Expiry",
        "notice_by": "Last day for notice",
        "in_days": "in {days} days",
        "in_one_day": "in 1 day",
        "today": "today",
        "overdue": "overdue",
        "under": "under {parent}",
        "officers": "Officers’ assessment",
        "rules": "How the verdicts are given",
        "held_rule": "Held: a joint activity completed or ongoing whose first day is on or before "
        "{day}, a consultation held by then, under the instrument or its project agreements. "
        "The figures of a project agreement are also counted in its framework's, once.",
    },
    "fr": {
        "review": "Revue du portefeuille",
        "heading": "Le portefeuille au {day}",
        "overview": "{count} instruments · {in_force} en vigueur · révisions dues cette "
        "année\u00a0: {due}",
        "overview_one": "1 instrument · {in_force} en vigueur · révisions dues cette "
        "année\u00a0: {due}",
        "summary": "Synthèse",
        "partner_kind": "Type de partenaire",
        "no_partner": "Aucun partenaire enregistré",
        "all_instruments": "Tous les instruments",
        "total": "Total",
        "per_year": "Activités et consultations tenues chaque année, pour tout le portefeuille",
        "activities": "Activités",
        "consultations": "Consultations",
        "nothing_held": "Rien n’a été tenu au titre d’aucun instrument.",
        "instruments": "Les instruments",
        "no_instruments": "Aucun instrument n’est enregistré à cette date.",
        "instrument": "Instrument",
        "partners": "Partenaires",
        "verdict": "Appréciation et motifs",
        "last_held": "Dernière activité",
        "activities_5": "Activités sur 5 ans\u00a0: participants (femmes / hommes)",
        "consultations_5": "Consultations sur 5 ans",
        "commitments": "Engagements tenus / en attente / non tenus",
        "follow_ups": "Suivis en cours / en retard",
        "next_deadline": "Prochaine échéance",
        "participants_line": "{total} participants",
        "participants_split": "{total} participants ({women} / {men})",
        "review_on": "Révision",
        "expires_on": "Expiration",
        "notice_by": "Dernier jour de préavis",
        "in_days": "dans {days} jours",
        "in_one_day": "dans 1 jour",
        "today": "aujourd’hui",
        "overdue": "en retard",
        "under": "au titre de {parent}",
        "officers": "Évaluation des agents",
        "rules": "Comment les appréciations sont données",
        "held_rule": "Tenu\u00a0: une activité conjointe terminée ou en cours dont le premier jour "
        "est au plus tard le {day}, une consultation tenue au plus tard ce jour-là, au titre de "
        "l’instrument ou de ses accords de projet. Les chiffres d’un accord de projet comptent "
        "aussi, une fois, dans ceux de son accord-cadre.",
    },
}


class ReportWords(Words):
    """The report's wording in one language: its own texts, then the briefing's (footer, page
    N of M, "For internal use")."""

    def __call__(self, key: str, **values: object) -> str:
        own = TEXTS[self.language].get(key)
        text = own if own is not None else BRIEFING_TEXTS[self.language][key]
        return text.format(**values)
