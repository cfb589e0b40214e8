"""Every label the window shows for a field or an enumeration value, marked for translation.

db/ speaks English and knows nothing of Qt; these tables give lupdate the strings to translate
(context "fields" and "choices"). A test keeps them complete against db.kinds and db.enums.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QObject
from PySide6.QtGui import QKeySequence

from db.schema import countries

if TYPE_CHECKING:
    from db.queries.listing import AreaNode

CHOICES: dict[str, str] = {
    "academia": QT_TRANSLATE_NOOP("choices", "Academia / research"),
    "active": QT_TRANSLATE_NOOP("choices", "Active"),
    "activity": QT_TRANSLATE_NOOP("choices", "Activity"),
    "agreement": QT_TRANSLATE_NOOP("choices", "Agreement"),
    "arrangement_on_cooperation": QT_TRANSLATE_NOOP("choices", "Arrangement on cooperation"),
    "assessment": QT_TRANSLATE_NOOP("choices", "Joint assessment"),
    "awaiting_signature": QT_TRANSLATE_NOOP("choices", "Awaiting signature"),
    "bilateral_consultation": QT_TRANSLATE_NOOP("choices", "Bilateral consultation"),
    "call": QT_TRANSLATE_NOOP("choices", "Call"),
    "campaign": QT_TRANSLATE_NOOP("choices", "Awareness campaign"),
    "cancelled": QT_TRANSLATE_NOOP("choices", "Cancelled"),
    "completed": QT_TRANSLATE_NOOP("choices", "Completed"),
    "conference": QT_TRANSLATE_NOOP("choices", "Conference"),
    "confirmed": QT_TRANSLATE_NOOP("choices", "Confirmed"),
    "consultation": QT_TRANSLATE_NOOP("choices", "Consultation"),
    "cooperation_agreement": QT_TRANSLATE_NOOP("choices", "Cooperation agreement"),
    "done": QT_TRANSLATE_NOOP("choices", "Done"),
    "dormant": QT_TRANSLATE_NOOP("choices", "Dormant"),
    "draft": QT_TRANSLATE_NOOP("choices", "Draft"),
    "dropped": QT_TRANSLATE_NOOP("choices", "Dropped"),
    "exchange_of_letters": QT_TRANSLATE_NOOP("choices", "Exchange of letters"),
    "expired": QT_TRANSLATE_NOOP("choices", "Expired"),
    "focal_point": QT_TRANSLATE_NOOP("choices", "Focal point"),
    "head": QT_TRANSLATE_NOOP("choices", "Head of organization"),
    "high_level_visit": QT_TRANSLATE_NOOP("choices", "High-level visit"),
    "hybrid": QT_TRANSLATE_NOOP("choices", "Hybrid"),
    "in_force": QT_TRANSLATE_NOOP("choices", "In force"),
    "late": QT_TRANSLATE_NOOP("choices", "Late"),
    "lead": QT_TRANSLATE_NOOP("choices", "Lead"),
    "in_person": QT_TRANSLATE_NOOP("choices", "In person"),
    "in_progress": QT_TRANSLATE_NOOP("choices", "In progress"),
    "information_material": QT_TRANSLATE_NOOP("choices", "Information material"),
    "intergovernmental_organization": QT_TRANSLATE_NOOP(
        "choices", "Intergovernmental organization"
    ),
    "joint_declaration": QT_TRANSLATE_NOOP("choices", "Joint declaration"),
    "letter_of_intent": QT_TRANSLATE_NOOP("choices", "Letter of intent"),
    "memorandum_of_understanding": QT_TRANSLATE_NOOP("choices", "Memorandum of understanding"),
    "very_good": QT_TRANSLATE_NOOP("choices", "Very good"),
    "good": QT_TRANSLATE_NOOP("choices", "Good"),
    "fair": QT_TRANSLATE_NOOP("choices", "Fair"),
    "poor": QT_TRANSLATE_NOOP("choices", "Poor"),
    "keep": QT_TRANSLATE_NOOP("choices", "Keep"),
    "revise": QT_TRANSLATE_NOOP("choices", "Revise"),
    "renew": QT_TRANSLATE_NOOP("choices", "Renew"),
    "terminate": QT_TRANSLATE_NOOP("choices", "Terminate"),
    "met": QT_TRANSLATE_NOOP("choices", "Met"),
    "national_administration": QT_TRANSLATE_NOOP("choices", "National administration"),
    "ngo": QT_TRANSLATE_NOOP("choices", "NGO / civil society"),
    "not_met": QT_TRANSLATE_NOOP("choices", "Not met"),
    "observer": QT_TRANSLATE_NOOP("choices", "Observer at a partner's meeting"),
    "ongoing": QT_TRANSLATE_NOOP("choices", "Ongoing"),
    "online": QT_TRANSLATE_NOOP("choices", "Online"),
    "open": QT_TRANSLATE_NOOP("choices", "Open"),
    "other": QT_TRANSLATE_NOOP("choices", "Other"),
    "partner": QT_TRANSLATE_NOOP("choices", "Partner"),
    "pending": QT_TRANSLATE_NOOP("choices", "Pending"),
    "planned": QT_TRANSLATE_NOOP("choices", "Planned"),
    "postponed": QT_TRANSLATE_NOOP("choices", "Postponed"),
    "private_sector": QT_TRANSLATE_NOOP("choices", "Private sector"),
    "project_agreement": QT_TRANSLATE_NOOP("choices", "Project agreement"),
    "proposed": QT_TRANSLATE_NOOP("choices", "Proposed"),
    "prospective": QT_TRANSLATE_NOOP("choices", "Prospective"),
    "regional_body": QT_TRANSLATE_NOOP("choices", "Regional body"),
    "research": QT_TRANSLATE_NOOP("choices", "Joint research / publication"),
    "seminar": QT_TRANSLATE_NOOP("choices", "Seminar"),
    "signatory": QT_TRANSLATE_NOOP("choices", "Signatory"),
    "sop": QT_TRANSLATE_NOOP("choices", "Standard operating procedure"),
    "steering_committee": QT_TRANSLATE_NOOP("choices", "Steering committee"),
    "superseded": QT_TRANSLATE_NOOP("choices", "Superseded"),
    "technical_assistance": QT_TRANSLATE_NOOP("choices", "Technical assistance mission"),
    "technical_contact": QT_TRANSLATE_NOOP("choices", "Technical contact"),
    "technical_meeting": QT_TRANSLATE_NOOP("choices", "Technical meeting"),
    "terminated": QT_TRANSLATE_NOOP("choices", "Terminated"),
    "training": QT_TRANSLATE_NOOP("choices", "Training course"),
    "un_entity": QT_TRANSLATE_NOOP("choices", "UN entity"),
    "under_negotiation": QT_TRANSLATE_NOOP("choices", "Under negotiation"),
    "workshop": QT_TRANSLATE_NOOP("choices", "Workshop"),
    "woman": QT_TRANSLATE_NOOP("choices", "Woman"),
    "man": QT_TRANSLATE_NOOP("choices", "Man"),
    "not_recorded": QT_TRANSLATE_NOOP("choices", "Not recorded"),
    "participant": QT_TRANSLATE_NOOP("choices", "Participant"),
    "speaker": QT_TRANSLATE_NOOP("choices", "Speaker"),
    "expert": QT_TRANSLATE_NOOP("choices", "Expert"),
    "organizer": QT_TRANSLATE_NOOP("choices", "Organizer"),
    "funding": QT_TRANSLATE_NOOP("choices", "Funding"),
    "travel": QT_TRANSLATE_NOOP("choices", "Travel"),
    "venue": QT_TRANSLATE_NOOP("choices", "Venue"),
    "experts": QT_TRANSLATE_NOOP("choices", "Experts"),
    "interpretation": QT_TRANSLATE_NOOP("choices", "Interpretation"),
    "materials": QT_TRANSLATE_NOOP("choices", "Materials"),
}

FIELDS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("fields", "Acronym"),
    QT_TRANSLATE_NOOP("fields", "Action"),
    QT_TRANSLATE_NOOP("fields", "Active from"),
    QT_TRANSLATE_NOOP("fields", "Active to"),
    QT_TRANSLATE_NOOP("fields", "Agenda"),
    QT_TRANSLATE_NOOP("fields", "Agreement"),
    QT_TRANSLATE_NOOP("fields", "Agreements"),
    QT_TRANSLATE_NOOP("fields", "Amendment"),
    QT_TRANSLATE_NOOP("fields", "Amendments"),
    QT_TRANSLATE_NOOP("fields", "Archived"),
    QT_TRANSLATE_NOOP("fields", "Article"),
    QT_TRANSLATE_NOOP("fields", "Assessed by"),
    QT_TRANSLATE_NOOP("fields", "Assessment"),
    QT_TRANSLATE_NOOP("fields", "Assessments"),
    QT_TRANSLATE_NOOP("fields", "Beneficiary countries"),
    QT_TRANSLATE_NOOP("fields", "City"),
    QT_TRANSLATE_NOOP("fields", "Code"),
    QT_TRANSLATE_NOOP("fields", "Comes from"),
    QT_TRANSLATE_NOOP("fields", "Commitment"),
    QT_TRANSLATE_NOOP("fields", "Commitments"),
    QT_TRANSLATE_NOOP("fields", "Completed on"),
    QT_TRANSLATE_NOOP("fields", "Contact"),
    QT_TRANSLATE_NOOP("fields", "Contribution"),
    QT_TRANSLATE_NOOP("fields", "Country"),
    QT_TRANSLATE_NOOP("fields", "Created at"),
    QT_TRANSLATE_NOOP("fields", "Date"),
    QT_TRANSLATE_NOOP("fields", "Date of signature"),
    QT_TRANSLATE_NOOP("fields", "Date of assessment"),
    QT_TRANSLATE_NOOP("fields", "Dormant after (years)"),
    QT_TRANSLATE_NOOP("fields", "Decisions"),
    QT_TRANSLATE_NOOP("fields", "Description"),
    QT_TRANSLATE_NOOP("fields", "Due"),
    QT_TRANSLATE_NOOP("fields", "Due date"),
    QT_TRANSLATE_NOOP("fields", "Duration"),  # the editor's, in minutes, hours or days
    QT_TRANSLATE_NOOP("fields", "Duration (minutes)"),
    QT_TRANSLATE_NOOP("fields", "Email"),
    QT_TRANSLATE_NOOP("fields", "End"),
    QT_TRANSLATE_NOOP("fields", "End date"),
    QT_TRANSLATE_NOOP("fields", "Entry into force"),
    QT_TRANSLATE_NOOP("fields", "Expiring within (days)"),
    QT_TRANSLATE_NOOP("fields", "Expires"),
    QT_TRANSLATE_NOOP("fields", "Expiry date"),
    QT_TRANSLATE_NOOP("fields", "Heading"),
    QT_TRANSLATE_NOOP("fields", "Headquarters address"),
    QT_TRANSLATE_NOOP("fields", "In force since"),
    QT_TRANSLATE_NOOP("fields", "Key provisions"),
    QT_TRANSLATE_NOOP("fields", "Kind"),
    QT_TRANSLATE_NOOP("fields", "Language"),  # one of "Languages", in messages from db
    QT_TRANSLATE_NOOP("fields", "Languages"),
    QT_TRANSLATE_NOOP("fields", "Late"),
    QT_TRANSLATE_NOOP("fields", "Lead"),
    QT_TRANSLATE_NOOP("fields", "Lead organization"),
    QT_TRANSLATE_NOOP("fields", "Lessons learned"),
    QT_TRANSLATE_NOOP("fields", "Mandate summary"),
    QT_TRANSLATE_NOOP("fields", "Mode"),
    QT_TRANSLATE_NOOP("fields", "Name"),
    QT_TRANSLATE_NOOP("fields", "Name in French"),
    QT_TRANSLATE_NOOP("fields", "Next review"),
    QT_TRANSLATE_NOOP("fields", "Notes"),
    QT_TRANSLATE_NOOP("fields", "Objectives"),
    QT_TRANSLATE_NOOP("fields", "Online"),
    QT_TRANSLATE_NOOP("fields", "Organization"),
    QT_TRANSLATE_NOOP("fields", "Organizations"),
    QT_TRANSLATE_NOOP("fields", "Organizations present"),
    QT_TRANSLATE_NOOP("fields", "Our organization"),
    QT_TRANSLATE_NOOP("fields", "Parent agreement"),
    QT_TRANSLATE_NOOP("fields", "Parent area"),
    QT_TRANSLATE_NOOP("fields", "Parent organization"),
    QT_TRANSLATE_NOOP("fields", "Participant"),
    QT_TRANSLATE_NOOP("fields", "Participants"),
    QT_TRANSLATE_NOOP("fields", "Participants (men)"),
    QT_TRANSLATE_NOOP("fields", "Participants (total)"),
    QT_TRANSLATE_NOOP("fields", "Participants (women)"),
    QT_TRANSLATE_NOOP("fields", "Parties"),
    QT_TRANSLATE_NOOP("fields", "Partner"),
    QT_TRANSLATE_NOOP("fields", "Partners"),
    QT_TRANSLATE_NOOP("fields", "Party"),
    QT_TRANSLATE_NOOP("fields", "Phone"),
    QT_TRANSLATE_NOOP("fields", "Place"),
    QT_TRANSLATE_NOOP("fields", "Place of signature"),
    QT_TRANSLATE_NOOP("fields", "Provision"),
    QT_TRANSLATE_NOOP("fields", "Quiet after (years)"),
    QT_TRANSLATE_NOOP("fields", "Rating"),
    QT_TRANSLATE_NOOP("fields", "Recommendation"),
    QT_TRANSLATE_NOOP("fields", "Reference"),
    QT_TRANSLATE_NOOP("fields", "Reference code"),
    QT_TRANSLATE_NOOP("fields", "Relationship"),
    QT_TRANSLATE_NOOP("fields", "Relationship status"),
    QT_TRANSLATE_NOOP("fields", "Results"),
    QT_TRANSLATE_NOOP("fields", "Review due within (days)"),
    QT_TRANSLATE_NOOP("fields", "Role"),
    QT_TRANSLATE_NOOP("fields", "Signatory"),
    QT_TRANSLATE_NOOP("fields", "Signatory's title"),
    QT_TRANSLATE_NOOP("fields", "Source record"),
    QT_TRANSLATE_NOOP("fields", "Start"),
    QT_TRANSLATE_NOOP("fields", "Start date"),
    QT_TRANSLATE_NOOP("fields", "Status"),
    QT_TRANSLATE_NOOP("fields", "Summary"),
    QT_TRANSLATE_NOOP("fields", "Supersedes"),
    QT_TRANSLATE_NOOP("fields", "Termination notice (months)"),
    QT_TRANSLATE_NOOP("fields", "Thematic areas"),
    QT_TRANSLATE_NOOP("fields", "Time zone"),
    QT_TRANSLATE_NOOP("fields", "Title"),
    QT_TRANSLATE_NOOP("fields", "Title / position"),
    QT_TRANSLATE_NOOP("fields", "Updated at"),
    QT_TRANSLATE_NOOP("fields", "Website"),
    QT_TRANSLATE_NOOP("fields", "Who"),
    QT_TRANSLATE_NOOP("fields", "Amount"),
    QT_TRANSLATE_NOOP("fields", "Attended"),
    QT_TRANSLATE_NOOP("fields", "Average satisfaction"),
    QT_TRANSLATE_NOOP("fields", "Cost"),
    QT_TRANSLATE_NOOP("fields", "Costs"),
    QT_TRANSLATE_NOOP("fields", "Currency"),
    QT_TRANSLATE_NOOP("fields", "Evaluation"),
    QT_TRANSLATE_NOOP("fields", "Evaluation forms returned"),
    QT_TRANSLATE_NOOP("fields", "First name"),  # a registration sheet's column
    QT_TRANSLATE_NOOP("fields", "Id"),
    QT_TRANSLATE_NOOP("fields", "Key feedback"),
    QT_TRANSLATE_NOOP("fields", "Last name"),  # a registration sheet's column
    QT_TRANSLATE_NOOP("fields", "Narrative report"),
    QT_TRANSLATE_NOOP("fields", "Organization (not a partner)"),
    QT_TRANSLATE_NOOP("fields", "Original end date"),
    QT_TRANSLATE_NOOP("fields", "Original start date"),
    QT_TRANSLATE_NOOP("fields", "Paid by"),
    QT_TRANSLATE_NOOP("fields", "Participant list"),
    QT_TRANSLATE_NOOP("fields", "Participants expected"),
    QT_TRANSLATE_NOOP("fields", "Reason for postponement"),
    QT_TRANSLATE_NOOP("fields", "Satisfaction scale (highest score)"),
    QT_TRANSLATE_NOOP("fields", "Session"),
    QT_TRANSLATE_NOOP("fields", "Sessions"),
    QT_TRANSLATE_NOOP("fields", "Sex"),
)

KIND_NAMES: dict[str, tuple[str, str]] = {  # one, many
    "organization": (QT_TRANSLATE_NOOP("kinds", "Partner"), QT_TRANSLATE_NOOP("kinds", "Partners")),
    "contact": (QT_TRANSLATE_NOOP("kinds", "Contact"), QT_TRANSLATE_NOOP("kinds", "Contacts")),
    "thematic_area": (
        QT_TRANSLATE_NOOP("kinds", "Thematic area"),
        QT_TRANSLATE_NOOP("kinds", "Thematic areas"),
    ),
    "agreement": (
        QT_TRANSLATE_NOOP("kinds", "Agreement"),
        QT_TRANSLATE_NOOP("kinds", "Agreements"),
    ),
    "consultation": (
        QT_TRANSLATE_NOOP("kinds", "Consultation"),
        QT_TRANSLATE_NOOP("kinds", "Consultations"),
    ),
    "activity": (
        QT_TRANSLATE_NOOP("kinds", "Joint activity"),
        QT_TRANSLATE_NOOP("kinds", "Joint activities"),
    ),
    "follow_up": (
        QT_TRANSLATE_NOOP("kinds", "Follow-up"),
        QT_TRANSLATE_NOOP("kinds", "Follow-ups"),
    ),
}


def choice_label(value: str | None) -> str:
    """The officer's words for an enumeration value, in the window's language."""
    if not value:
        return ""
    return QCoreApplication.translate("choices", CHOICES.get(value, value))


def field_label(label: str) -> str:
    return QCoreApplication.translate("fields", label)


def labelled(label: str, text: str) -> str:
    """ "Joint activity: Workshop on…", the colon as the window's language writes it (French
    puts a no-break space before it)."""
    template = QCoreApplication.translate("labels", "%1: %2")
    at = template.index("%2")
    return template[:at].replace("%1", label) + text + template[at + 2 :].replace("%1", label)


def window_language() -> str:
    """The window's language as db's queries take it: "fr" or "en"."""
    return "fr" if QLocale().language() == QLocale.Language.French else "en"


def country_name(code: str) -> str:
    """A country's name in the window's language ("Autriche", not "AT"); an unknown code as it
    is."""
    return countries.name_of(code, window_language())


def area_label(node: AreaNode) -> str:
    """A thematic area as the tree and the pickers show it: its code, then its name in the
    window's language (its French name where it has one)."""
    name = node.name_fr if window_language() == "fr" and node.name_fr else node.name
    return f"{node.code}  {name}" if node.code else name


class StorageCounts(QObject):
    """The counted phrases of db's messages (db.i18n.COUNTED), one method per key, with Qt's
    plural forms: French « et 1 autre », « et 2 autres »."""

    def and_more(self, n: int) -> str:
        return self.tr("and %n more", "", n)


def storage_count(key: str, n: int) -> str:
    """db.i18n's counter for the window: the phrase ``key`` for ``n`` in its language."""
    return getattr(StorageCounts(), key)(n)


class Counted(QObject):
    """A number of things said with the plural forms of the window's language: Qt's numerus
    forms, from partnerdesk_<lang>.qm (English's from partnerdesk_en.qm, which holds only them):
    "1 contact", "2 contacts"; in French « 0 contact », « 1 contact », « 2 contacts ». (lupdate
    collects numerus forms from ``self.tr`` only, hence a class; its name is their context.)"""

    def of_kind(self, kind: str, n: int) -> str:
        """Records of a kind, as a list counts them: "3 partners", "1 joint activity"."""
        if kind == "organization":
            return self.tr("%Ln partners", "", n)
        if kind == "contact":
            return self.tr("%Ln contacts", "", n)
        if kind == "thematic_area":
            return self.tr("%Ln thematic areas", "", n)
        if kind == "agreement":
            return self.tr("%Ln agreements", "", n)
        if kind == "consultation":
            return self.tr("%Ln consultations", "", n)
        if kind == "activity":
            return self.tr("%Ln joint activities", "", n)
        if kind == "follow_up":
            return self.tr("%Ln follow-ups", "", n)
        raise KeyError(kind)

    def days(self, n: int) -> str:
        return self.tr("%Ln days", "", n)

    def hours(self, n: int) -> str:
        return self.tr("%Ln hours", "", n)

    def minutes(self, n: int) -> str:
        return self.tr("%Ln minutes", "", n)

    def records(self, n: int) -> str:
        return self.tr("%Ln records", "", n)

    def changes(self, n: int) -> str:
        return self.tr("%Ln changes", "", n)

    def attached_files(self, n: int) -> str:
        return self.tr("%Ln attached files", "", n)


def kind_count(kind: str, n: int) -> str:
    """How many records of a kind, in the window's language: "1 contact", "12 agreements"."""
    return Counted().of_kind(kind, n)


def duration_text(minutes: int | None) -> str:
    """How long a meeting lasts, as an officer says it: 2 days, 3 hours, 1 h 30 min."""
    if not isinstance(minutes, int) or minutes <= 0:
        return ""
    counted = Counted()
    days, rest = divmod(minutes, 24 * 60)
    if days and not rest:
        return counted.days(days)
    hours, mins = divmod(minutes, 60)
    if not mins:
        return counted.hours(hours)
    if not hours:
        return counted.minutes(mins)
    return (
        QCoreApplication.translate("durations", "%1 h %2 min")
        .replace("%1", str(hours))
        .replace("%2", f"{mins:02d}")
    )


# Fields the window shows under another name than the exchange format's label: a meeting's
# duration is typed and shown in days, hours or minutes.
SHOWN_AS = {"duration_minutes": "Duration"}


def label_of(spec) -> str:
    """A field's name as the window shows it (beside its input, in a record's view)."""
    return field_label(SHOWN_AS.get(spec.name, spec.label))


def kind_name(kind: str, *, plural: bool = False) -> str:
    one, many = KIND_NAMES[kind]
    return QCoreApplication.translate("kinds", many if plural else one)


def shortcut_text(keys: QKeySequence | QKeySequence.StandardKey | str) -> str:
    """A shortcut as this system writes it for the officer: "Ctrl+N" on Windows and Linux, "⌘N"
    on macOS (where Qt's Ctrl is the Command key). A standard key is the platform's first
    binding of it. Never write "Ctrl+" into a shown text: tests/desktop/test_shortcut_texts.py."""
    if isinstance(keys, QKeySequence.StandardKey):
        bindings = QKeySequence.keyBindings(keys)
        keys = bindings[0] if bindings else QKeySequence()
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
