"""What the sheet says in English and in French: headings, labels, the names of enumeration
values, and dates in one human format per language ("8 May 2018", "8 mai 2018")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from db.schema import countries
from db.schema.words import CHOICE_WORDS, day_text

LANGUAGES = ("en", "fr")

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "briefing": "Briefing note",
        "marking": "For internal use",
        "meeting": "Meeting",
        "our_organization": "Our organization",
        "period": "Period covered",
        "period_from": "from {start}; everything upcoming",
        "period_between": "{start} to {end}",
        "situation": "Situation as of {day}",
        "purpose": "Purpose of the meeting",
        "at_a_glance": "The partner at a glance",
        "framework": "Framework of cooperation",
        "focal_points": "Focal points",
        "thematic_areas": "Thematic areas of cooperation",
        "consultations": "Consultations",
        "activities": "Joint activities",
        "follow_ups": "Open follow-up actions",
        "talking_points": "Talking points",
        "kind": "Kind",
        "headquarters": "Headquarters",
        "mandate": "Mandate",
        "relationship": "Relationship",
        "signed": "Signed",
        "entry_into_force": "In force since",
        "duration": "Duration",
        "expires": "Expires on {day}",
        "notice_deadline": "last day to give notice: {day}",
        "open_ended": "Open-ended",
        "notice": "either party may terminate with {months} months' written notice",
        "notice_one": "either party may terminate with 1 month's written notice",
        "next_review": "Next review",
        "overdue": "overdue",
        "under": "Under",
        "provisions": "Key provisions",
        "assessment": "Officers’ assessment",
        "article": "Art. {article}",
        "no_agreements": "No agreement is recorded with this partner.",
        "no_contacts": "No current contact is recorded.",
        "area": "Area",
        "agreements": "Agreements",
        "activities_short": "Activities",
        "no_areas": "No meeting or activity of the period is filed under a thematic area.",
        "other_areas": "Also covered by the agreements, with no meeting or activity in the period: {areas}.",
        "this_meeting": "the meeting this note prepares",
        "present": "Present",
        "agenda_missing": "No agenda is recorded for this meeting.",
        "next_scheduled": "Next scheduled",
        "recent": "Recent",
        "no_next": "No consultation is scheduled.",
        "no_recent": "No consultation was held in the period.",
        "before_period": "before the period; the most recent one",
        "decisions": "Decisions",
        "no_decisions": "No decision recorded.",
        "dates": "Dates",
        "date": "Date",
        "meetings": "Meetings",
        "activity": "Activity",
        "place": "Place",
        "participants": "Participants",
        "status": "Status",
        "upcoming": "Upcoming",
        "recently": "Recently held",
        "no_activities": "No joint activity in the period.",
        "participants_count": "{total}",
        "participants_split": "{total} ({women} women)",
        "participants_split_men": "{total} (women: {women}, men: {men})",
        "participants_countries": "from {count} countries",
        "participants_expected": "{count} expected",
        "postponed_from": "postponed from {span}",
        "results": "Results",
        "due": "Due",
        "action": "Action",
        "who": "Who",
        "late": "LATE",
        "in_conflict": "IN CONFLICT",
        "conflicts_note_one": "One record on this sheet is in conflict: two laptops changed it "
        "differently, and one of the values is printed until an officer settles it on the "
        "Conflicts page of PartnerDesk. It is marked IN CONFLICT.",
        "conflicts_note": "{count} records on this sheet are in conflict: two laptops changed "
        "them differently, and one of the values is printed until an officer settles them on "
        "the Conflicts page of PartnerDesk. They are marked IN CONFLICT.",
        "no_follow_ups": "No open follow-up action.",
        "generated": "Generated on {day} at {time} by {who}",
        "generated_anonymous": "Generated on {day} at {time}",
        "summary": "Summary",
        "participants_named": "Participants",
        "days": "{count} days",
        "day_one": "1 day",
        "hours": "{count} hours",
        "hour_one": "1 hour",
        "minutes": "{count} minutes",
        "hours_minutes": "{hours} h {minutes} min",
        "page": "page {page} of {pages}",
        "online": "Online",
        "none": "—",
        "more": "… and {count} more, not shown here: see PartnerDesk.",
        "more_one": "… and 1 more, not shown here: see PartnerDesk.",
    },
    "fr": {
        "briefing": "Note d'information",
        "marking": "Usage interne",
        "meeting": "Réunion",
        "our_organization": "Notre organisation",
        "period": "Période couverte",
        "period_from": "depuis le {start}\u00a0; tout ce qui est à venir",
        "period_between": "du {start} au {end}",
        "situation": "Situation au {day}",
        "purpose": "Objet de la réunion",
        "at_a_glance": "Le partenaire en bref",
        "framework": "Cadre de la coopération",
        "focal_points": "Points focaux",
        "thematic_areas": "Domaines de coopération",
        "consultations": "Consultations",
        "activities": "Activités conjointes",
        "follow_ups": "Actions de suivi en cours",
        "talking_points": "Éléments de langage",
        "kind": "Type",
        "headquarters": "Siège",
        "mandate": "Mandat",
        "relationship": "Relation",
        "signed": "Signature",
        "entry_into_force": "En vigueur depuis le",
        "duration": "Durée",
        "expires": "Expire le {day}",
        "notice_deadline": "préavis à donner au plus tard le {day}",
        "open_ended": "Durée indéterminée",
        "notice": "dénonciation par l'une ou l'autre partie avec un préavis écrit de {months} mois",
        "notice_one": "dénonciation par l'une ou l'autre partie avec un préavis écrit d'un mois",
        "next_review": "Prochain examen",
        "overdue": "en retard",
        "under": "Au titre de",
        "provisions": "Dispositions clés",
        "assessment": "Évaluation des agents",
        "article": "Art. {article}",
        "no_agreements": "Aucun accord n'est enregistré avec ce partenaire.",
        "no_contacts": "Aucun contact actuel n'est enregistré.",
        "area": "Domaine",
        "agreements": "Accords",
        "activities_short": "Activités",
        "no_areas": "Aucune réunion ni activité de la période n'est rattachée à un domaine.",
        "other_areas": "Également couverts par les accords, sans réunion ni activité pendant la période\u00a0: {areas}.",
        "this_meeting": "la réunion que prépare cette note",
        "present": "Présents",
        "agenda_missing": "Aucun ordre du jour n'est enregistré pour cette réunion.",
        "next_scheduled": "Prochaines réunions",
        "recent": "Réunions récentes",
        "no_next": "Aucune consultation n'est prévue.",
        "no_recent": "Aucune consultation ne s'est tenue pendant la période.",
        "before_period": "antérieure à la période ; la plus récente",
        "decisions": "Décisions",
        "no_decisions": "Aucune décision enregistrée.",
        "dates": "Dates",
        "date": "Date",
        "meetings": "Réunions",
        "activity": "Activité",
        "place": "Lieu",
        "participants": "Participants",
        "status": "Statut",
        "upcoming": "À venir",
        "recently": "Tenues récemment",
        "no_activities": "Aucune activité conjointe pendant la période.",
        "participants_count": "{total}",
        "participants_split": "{total} (dont {women} femmes)",
        "participants_split_men": "{total} (femmes\u00a0: {women}, hommes\u00a0: {men})",
        "participants_countries": "de {count} pays",
        "participants_expected": "{count} attendus",
        "postponed_from": "reportée (initialement {span})",
        "results": "Résultats",
        "due": "Échéance",
        "action": "Action",
        "who": "Qui",
        "late": "EN RETARD",
        "in_conflict": "EN CONFLIT",
        "conflicts_note_one": "Un enregistrement de cette note est en conflit\u00a0: deux "
        "ordinateurs l’ont modifié différemment, et l’une des valeurs est imprimée tant qu’un "
        "agent n’a pas tranché dans la page Conflits de PartnerDesk. Il est marqué EN CONFLIT.",
        "conflicts_note": "{count} enregistrements de cette note sont en conflit\u00a0: deux "
        "ordinateurs les ont modifiés différemment, et l’une des valeurs est imprimée tant qu’un "
        "agent n’a pas tranché dans la page Conflits de PartnerDesk. Ils sont marqués EN CONFLIT.",
        "no_follow_ups": "Aucune action de suivi en cours.",
        "generated": "Généré le {day} à {time} par {who}",
        "generated_anonymous": "Généré le {day} à {time}",
        "summary": "Résumé",
        "participants_named": "Participants",
        "days": "{count} jours",
        "day_one": "1 jour",
        "hours": "{count} heures",
        "hour_one": "1 heure",
        "minutes": "{count} minutes",
        "hours_minutes": "{hours}\u00a0h\u00a0{minutes}",
        "page": "page {page} sur {pages}",
        "online": "En ligne",
        "none": "—",
        "more": "… et {count} autres, à consulter dans PartnerDesk.",
        "more_one": "… et 1 autre, à consulter dans PartnerDesk.",
    },
}

# The names of enumeration values, in the officer's words (db.schema.words).
CHOICES = CHOICE_WORDS


@dataclass(frozen=True)
class Words:
    """The sheet's wording in one language."""

    language: str

    def __call__(self, key: str, **values: object) -> str:
        return TEXTS[self.language][key].format(**values)

    @property
    def colon(self) -> str:
        """Between a label and its value: French puts a (non-breaking) space before the colon."""
        return "\u00a0: " if self.language == "fr" else ": "

    @property
    def semicolon(self) -> str:
        return "\u00a0; " if self.language == "fr" else "; "

    def number(self, value: int) -> str:
        """1,234 / 1 234 (French groups thousands with a non-breaking space)."""
        return f"{value:,}".replace(",", "\u00a0" if self.language == "fr" else ",")

    def more(self, count: int) -> str:
        """The line under a list cut short: how many entries it leaves out."""
        return self("more_one") if count == 1 else self("more", count=self.number(count))

    def choice(self, value: str | None) -> str:
        if not value:
            return ""
        return CHOICES[self.language].get(value, value.replace("_", " ").capitalize())

    def day(self, value: date | None) -> str:
        """8 May 2018 / 8 mai 2018 (1er mai 2018)."""
        return day_text(value, self.language)

    def time(self, value: datetime) -> str:
        return f"{value:%H}\u00a0h\u00a0{value:%M}" if self.language == "fr" else f"{value:%H:%M}"

    def moment(self, starts_at: str | None) -> str:
        """A consultation's local start as typed ("2027-02-17T10:00"): 17 February 2027, 10:00."""
        if not starts_at:
            return ""
        parsed = datetime.fromisoformat(starts_at)
        if len(starts_at) <= 10:
            return self.day(parsed.date())
        return f"{self.day(parsed.date())}, {self.time(parsed)}"

    def duration(self, minutes: int | None) -> str:
        """How long a meeting lasts, as an officer says it: 2 days, 3 hours, 1 h 30 min."""
        if not minutes or minutes <= 0:
            return ""
        days, rest = divmod(minutes, 24 * 60)
        if days and not rest:
            return self("day_one") if days == 1 else self("days", count=days)
        hours, mins = divmod(minutes, 60)
        if not mins:
            return self("hour_one") if hours == 1 else self("hours", count=self.number(hours))
        if not hours:
            return self("minutes", count=mins)
        padded = f"{mins:02d}" if self.language == "fr" else mins  # 1 h 05 / 1 h 5 min
        return self("hours_minutes", hours=hours, minutes=padded)

    def meeting_time(self, starts_at: str | None, minutes: int | None) -> str:
        """When a meeting is held: its days when it lasts whole days ("27–28 June 2019"), else
        its day and hours ("17 February 2027, 10:00–13:00"), else its start as typed."""
        if not starts_at:
            return ""
        start = datetime.fromisoformat(starts_at)
        if minutes and minutes > 0 and minutes % (24 * 60) == 0:
            return self.span(start.date(), start.date() + timedelta(days=minutes // (24 * 60) - 1))
        if minutes and minutes > 0 and len(starts_at) > 10:
            end = start + timedelta(minutes=minutes)
            if end.date() == start.date():
                return f"{self.day(start.date())}, {self.time(start)}–{self.time(end)}"
            return f"{self.moment(starts_at)} – {self.day(end.date())}, {self.time(end)}"
        return self.moment(starts_at)

    def span(self, start: date | None, end: date | None) -> str:
        """One day, or a range written once: 8–12 March 2027, 30 June – 2 July 2026."""
        if start is None:
            return self.day(end)
        if end is None or end == start:
            return self.day(start)
        if (start.year, start.month) == (end.year, end.month):
            first = "1er" if self.language == "fr" and start.day == 1 else str(start.day)
            return f"{first}–{self.day(end)}"
        if start.year == end.year:
            head = self.day(start).rsplit(" ", 1)[0]
            return f"{head} – {self.day(end)}"
        return f"{self.day(start)} – {self.day(end)}"

    def country(self, code: str | None) -> str:
        if not code:
            return ""
        return countries.name_of(code, self.language)
