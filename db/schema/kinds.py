"""What each record kind holds, declared once.

Every other part of the core reads these declarations: parsing and checking input, reading and
writing rows, the change history, the search index, the exchange format and its JSON Schema. A
field's ``name`` is its exchange-format key and, for scalar fields, its column.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from db.schema import enums, models
from db.schema.fields import (
    PARAGRAPH,
    SHORT,
    TEXT,
    TITLE,
    URL,
    Amount,
    Choice,
    Count,
    Country,
    Currency,
    Date,
    Email,
    FieldSpec,
    Flag,
    Group,
    Language,
    ListOf,
    LocalDateTime,
    Parts,
    Ref,
    RowId,
    Text,
    TimeZone,
    YesNo,
)
from db.schema.naming import agreement_title, full_name


@dataclass(frozen=True)
class Link:
    """A list of ids kept in a link table (owner column, target column)."""

    table: type
    column: str


@dataclass(frozen=True)
class RecordKind:
    name: str  # "agreement": used in history, search results and follow-up sources
    key: str  # "agreements": the exchange document's list
    label: str  # "agreement": how an officer calls one
    table: type[models.Record]
    fields: tuple[FieldSpec, ...]
    describe: Callable[[dict[str, Any]], str]  # a short name for messages and search results
    owner_column: str = ""  # the column naming the owner in part and link tables
    parts: dict[str, type] = field(default_factory=dict)  # Parts field name -> part table
    links: dict[str, Link] = field(default_factory=dict)  # ListOf field name -> link table
    dated_by: str = ""  # the date field shown beside the record in search results
    # What the kind takes part in, declared here once and read by every feature:
    importable: bool = False  # from a spreadsheet of its own (window and command line)
    in_calendar: bool = False  # its dates go out in calendar files
    listed: bool = True  # a list page in the window (the thematic tree has a page of its own)

    @property
    def filed_under_areas(self) -> bool:
        """Filed under thematic areas: counted in coverage, moved when areas are merged."""
        return "thematic_area_ids" in self.links

    def field(self, name: str) -> FieldSpec:
        return self._fields_by_name[name]

    @cached_property
    def _fields_by_name(self) -> dict[str, FieldSpec]:  # a merge asks for fields by the thousand
        return {f.name: f for f in self.fields}

    @property
    def stored_in_columns(self) -> tuple[FieldSpec, ...]:
        return tuple(
            f for f in self.fields if f.name not in self.parts and f.name not in self.links
        )


def _id_list(name: str, label: str, target: str) -> ListOf:
    return ListOf(name, label, item=Ref(name, label, target=target))


def _countries(name: str, label: str) -> ListOf:
    return ListOf(name, label, item=Country(name, label))


def _languages() -> ListOf:
    return ListOf("languages", "Languages", item=Language("languages", "Language"))


def _named(values: dict[str, Any], *keys: str) -> str:
    for key in keys:
        if values.get(key):
            return str(values[key])
    return "(untitled)"


THEMATIC_AREAS = _id_list("thematic_area_ids", "Thematic areas", "thematic_area")

ORGANIZATION = RecordKind(
    name="organization",
    key="organizations",
    label="organization",
    table=models.Organization,
    fields=(
        Text("name", "Name", required=True, searchable=True),
        Text("acronym", "Acronym", searchable=True, max_length=SHORT),
        Choice("kind", "Kind", required=True, enum=enums.OrganizationKind),
        Ref("parent_id", "Parent organization", target="organization"),
        Text("address", "Headquarters address", searchable=True, max_length=PARAGRAPH),
        Text("city", "City", searchable=True),
        Country("country", "Country"),
        Text("website", "Website", max_length=URL),
        Text("mandate", "Mandate summary", searchable=True, max_length=TEXT),
        Choice("status", "Relationship status", enum=enums.RelationshipStatus, default="active"),
        Flag("is_ours", "Our organization"),
        Text("notes", "Notes", searchable=True, max_length=TEXT),
    ),
    describe=lambda v: full_name(_named(v, "name"), v.get("acronym")),
    importable=True,
)

CONTACT = RecordKind(
    name="contact",
    key="contacts",
    label="contact",
    table=models.Contact,
    fields=(
        Ref("organization_id", "Organization", target="organization"),
        Text("name", "Name", required=True, searchable=True),
        Text("title", "Title / position", searchable=True),
        Choice("role", "Role", enum=enums.ContactRole),
        Email("email", "Email"),
        Text("phone", "Phone", max_length=SHORT),
        _languages(),
        Date("active_from", "Active from"),
        Date("active_to", "Active to"),
        Text("notes", "Notes", searchable=True, max_length=TEXT),
    ),
    describe=lambda v: _named(v, "name"),
    importable=True,
)

THEMATIC_AREA = RecordKind(
    name="thematic_area",
    key="thematic_areas",
    label="thematic area",
    table=models.ThematicArea,
    fields=(
        Text("code", "Code", searchable=True, max_length=SHORT),
        Text("name", "Name", required=True, searchable=True),
        Text("description", "Description", searchable=True, max_length=PARAGRAPH),
        Ref("parent_id", "Parent area", target="thematic_area"),
        Text("name_fr", "Name in French", searchable=True),
    ),
    describe=lambda v: f"{v['code']} {v['name']}" if v.get("code") else _named(v, "name"),
    listed=False,
)

AGREEMENT = RecordKind(
    name="agreement",
    key="agreements",
    label="agreement",
    table=models.Agreement,
    fields=(
        Text("reference", "Reference code", searchable=True),
        Text("title", "Title", required=True, searchable=True, max_length=TITLE),
        Choice("kind", "Kind", required=True, enum=enums.AgreementKind),
        Choice("status", "Status", enum=enums.AgreementStatus, default="draft"),
        Parts(
            "parties",
            "Parties",
            item_label="Party",
            fields=(
                Ref("organization_id", "Organization", required=True, target="organization"),
                Text("signatory_name", "Signatory", searchable=True),
                Text("signatory_title", "Signatory's title"),
                Date("signed_on", "Date of signature"),
                Text("signed_at", "Place of signature"),
            ),
        ),
        Date("entry_into_force", "Entry into force"),
        Date("expires_on", "Expiry date"),
        Count("notice_months", "Termination notice (months)"),
        Date("review_on", "Next review"),
        Ref("parent_id", "Parent agreement", target="agreement"),
        Ref("supersedes_id", "Supersedes", target="agreement"),
        _languages(),
        Text("summary", "Summary", searchable=True, max_length=TEXT),
        Parts(
            "provisions",
            "Key provisions",
            item_label="Provision",
            fields=(
                Text("article", "Article", max_length=SHORT),
                Text("heading", "Heading", searchable=True, max_length=TITLE),
                Text("summary", "Summary", searchable=True, max_length=TEXT),
            ),
        ),
        Parts(
            "commitments",
            "Commitments",
            item_label="Commitment",
            fields=(
                Ref("party_id", "Party", target="organization"),
                Text("text", "Commitment", required=True, searchable=True, max_length=PARAGRAPH),
                Choice("status", "Status", enum=enums.CommitmentStatus, default="pending"),
            ),
        ),
        Parts(
            "amendments",
            "Amendments",
            item_label="Amendment",
            fields=(
                Date("date", "Date"),
                Text("summary", "Summary", searchable=True, max_length=PARAGRAPH),
            ),
        ),
        Parts(
            "assessments",
            "Assessments",
            item_label="Assessment",
            fields=(
                RowId("id", "Id"),
                Date("assessed_on", "Date of assessment", required=True),
                Choice("rating", "Rating", enum=enums.AssessmentRating),
                Choice(
                    "recommendation", "Recommendation", required=True, enum=enums.Recommendation
                ),
                Text("narrative", "Assessment", searchable=True, max_length=TEXT),
                Text("assessed_by", "Assessed by"),
            ),
        ),
        THEMATIC_AREAS,
    ),
    describe=lambda v: agreement_title(v.get("reference"), _named(v, "title")),
    dated_by="entry_into_force",
    owner_column="agreement_id",
    parts={
        "parties": models.AgreementParty,
        "provisions": models.AgreementProvision,
        "commitments": models.AgreementCommitment,
        "amendments": models.AgreementAmendment,
        "assessments": models.AgreementAssessment,
    },
    links={"thematic_area_ids": Link(models.AgreementThematicArea, "thematic_area_id")},
    importable=True,
    in_calendar=True,
)

CONSULTATION = RecordKind(
    name="consultation",
    key="consultations",
    label="consultation",
    table=models.Consultation,
    fields=(
        Text("title", "Title", required=True, searchable=True, max_length=TITLE),
        Choice("kind", "Kind", required=True, enum=enums.ConsultationKind),
        LocalDateTime("starts_at", "Start"),
        TimeZone("timezone", "Time zone"),
        Count("duration_minutes", "Duration (minutes)"),
        Text("location", "Place", searchable=True),
        Flag("online", "Online"),
        _id_list("organization_ids", "Organizations present", "organization"),
        _id_list("agreement_ids", "Agreements", "agreement"),
        THEMATIC_AREAS,
        Parts(
            "participants",
            "Participants",
            item_label="Participant",
            fields=(
                Ref("contact_id", "Contact", target="contact", searchable=True),
                Text("name", "Name", searchable=True),
                Ref("organization_id", "Organization", target="organization"),
            ),
        ),
        Text("agenda", "Agenda", searchable=True, max_length=TEXT),
        Text("summary", "Summary", searchable=True, max_length=TEXT),
        Text("decisions", "Decisions", searchable=True, max_length=TEXT),
    ),
    describe=lambda v: (
        f"{v['title']} ({v['starts_at'][:10]})" if v.get("starts_at") else _named(v, "title")
    ),
    owner_column="consultation_id",
    parts={"participants": models.ConsultationParticipant},
    links={
        "organization_ids": Link(models.ConsultationOrganization, "organization_id"),
        "agreement_ids": Link(models.ConsultationAgreement, "agreement_id"),
        "thematic_area_ids": Link(models.ConsultationThematicArea, "thematic_area_id"),
    },
    in_calendar=True,
)

ACTIVITY = RecordKind(
    name="activity",
    key="activities",
    label="joint activity",
    table=models.JointActivity,
    fields=(
        Text("title", "Title", required=True, searchable=True, max_length=TITLE),
        Choice("kind", "Kind", required=True, enum=enums.ActivityKind, searchable=True),
        Choice("status", "Status", enum=enums.ActivityStatus, default="planned"),
        Date("start_on", "Start date"),
        Date("end_on", "End date"),
        Text("city", "City", searchable=True),
        Country("country", "Country", searchable=True),
        Choice("mode", "Mode", enum=enums.ActivityMode),
        Ref("lead_organization_id", "Lead organization", target="organization", searchable=True),
        Parts(
            "partners",
            "Partners",
            item_label="Partner",
            fields=(
                Ref(
                    "organization_id",
                    "Organization",
                    required=True,
                    target="organization",
                    searchable=True,
                ),
                Text("contribution", "Contribution", searchable=True, max_length=PARAGRAPH),
            ),
        ),
        Ref("agreement_id", "Agreement", target="agreement"),
        THEMATIC_AREAS,
        _countries("beneficiary_countries", "Beneficiary countries"),
        Count("participants_total", "Participants (total)"),
        Count("participants_women", "Participants (women)"),
        Count("participants_men", "Participants (men)"),
        Count("participants_expected", "Participants expected"),
        Date("original_start_on", "Original start date"),
        Date("original_end_on", "Original end date"),
        Text(
            "postponement_reason", "Reason for postponement", searchable=True, max_length=PARAGRAPH
        ),
        Parts(
            "participants",
            "Participant list",
            item_label="Participant",
            fields=(
                RowId("id", "Id"),
                Text("name", "Name", required=True, searchable=True),
                Ref("organization_id", "Organization", target="organization"),
                Text("organization_name", "Organization (not a partner)", searchable=True),
                Country("country", "Country"),
                Choice("sex", "Sex", enum=enums.ParticipantSex, default="not_recorded"),
                Choice("role", "Role", enum=enums.ParticipantRole, default="participant"),
                YesNo("attended", "Attended"),
                Email("email", "Email"),
            ),
        ),
        Parts(
            "sessions",
            "Sessions",
            item_label="Session",
            fields=(
                RowId("id", "Id"),
                Date("start_on", "Date", required=True),
                Date("end_on", "End date"),
                LocalDateTime("starts_at", "Start"),
                Text("city", "City", searchable=True),
                Country("country", "Country", searchable=True),
                Choice("mode", "Mode", enum=enums.ActivityMode),
                Count("participants_total", "Participants"),
            ),
        ),
        Parts(
            "costs",
            "Costs",
            item_label="Cost",
            fields=(
                RowId("id", "Id"),
                Ref("organization_id", "Paid by", target="organization"),
                Choice("kind", "Kind", required=True, enum=enums.CostKind),
                Amount("amount", "Amount", decimals=3),
                Currency("currency", "Currency"),
                Text("description", "Description", searchable=True, max_length=PARAGRAPH),
            ),
        ),
        Group(
            "evaluation",
            "Evaluation",
            fields=(
                Count("forms_returned", "Evaluation forms returned"),
                Amount("satisfaction_average", "Average satisfaction", maximum=100),
                Amount("satisfaction_scale_max", "Satisfaction scale (highest score)", maximum=100),
                Text("feedback", "Key feedback", max_length=TEXT),
            ),
        ),
        Text("objectives", "Objectives", searchable=True, max_length=TEXT),
        Text("results", "Results", searchable=True, max_length=TEXT),
        Text("lessons", "Lessons learned", searchable=True, max_length=TEXT),
        Text("report", "Narrative report", searchable=True, max_length=TEXT),
    ),
    describe=lambda v: _named(v, "title"),
    dated_by="start_on",
    owner_column="activity_id",
    parts={
        "partners": models.ActivityPartner,
        "participants": models.ActivityParticipant,
        "sessions": models.ActivitySession,
        "costs": models.ActivityCost,
    },
    links={"thematic_area_ids": Link(models.ActivityThematicArea, "thematic_area_id")},
    importable=True,
    in_calendar=True,
)

FOLLOW_UP = RecordKind(
    name="follow_up",
    key="follow_ups",
    label="follow-up",
    table=models.FollowUp,
    fields=(
        Text("text", "Action", required=True, searchable=True, max_length=PARAGRAPH),
        Text("owner", "Who", searchable=True),
        Date("due_on", "Due date"),
        Choice("status", "Status", enum=enums.FollowUpStatus, default="open"),
        Date("completed_on", "Completed on"),
        Choice("source_kind", "Comes from", enum=enums.SourceKind),
        Ref("source_id", "Source record"),
    ),
    describe=lambda v: _named(v, "text")[:80],
    dated_by="due_on",
    in_calendar=True,
)

# In dependency order: a record only refers to kinds listed before it (or to its own kind, or,
# for follow-ups, to any source), which is also the order of the exchange document.
KINDS: tuple[RecordKind, ...] = (
    ORGANIZATION,
    CONTACT,
    THEMATIC_AREA,
    AGREEMENT,
    CONSULTATION,
    ACTIVITY,
    FOLLOW_UP,
)
BY_NAME = {k.name: k for k in KINDS}
IMPORTABLE = tuple(k for k in KINDS if k.importable)
IN_CALENDAR = tuple(k for k in KINDS if k.in_calendar)
LISTED = tuple(k for k in KINDS if k.listed)
FILED_UNDER_AREAS = tuple(k for k in KINDS if k.filed_under_areas)
BY_KEY = {k.key: k for k in KINDS}


def kind(name: str) -> RecordKind:
    return BY_NAME[name]
