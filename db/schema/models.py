"""SQLModel tables: one per record kind of DESIGN.md, plus their parts and link tables.

Column names follow the exchange format so that a field has one name everywhere. Enumerations
are stored as their snake_case text; ids are UUID strings; lists of codes are JSON arrays.
Records are never deleted: ``archived_at`` is set instead, and cleared to bring one back.
"""

import datetime as dt
import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import JSON, Column, DateTime, ForeignKey, Index, String, text
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

from db.clock import utc_now


def new_id() -> str:
    return str(uuid.uuid4())


def _fk(target: str, *, nullable: bool = True, cascade: bool = False, index: bool = True) -> Column:
    return Column(
        String(36),
        ForeignKey(target, ondelete="CASCADE" if cascade else None),
        nullable=nullable,
        index=index,
    )


class DecimalText(TypeDecorator):
    """An exact decimal number (an amount of money) kept as its text, "12500" or "0.75":
    SQLite has no decimal type, and a float would make sums inexact."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else format(Decimal(value), "f")

    def process_result_value(self, value, dialect):
        return None if value is None else Decimal(value)


def _row_of(owner: str) -> tuple[Column, Column]:
    """The key of a part that has an id of its own: (owner, id), so that a row's id needs to
    be unique only within its record, and a file naming a row of another record cannot take it."""
    return (
        Column(
            f"{owner}_id",
            String(36),
            ForeignKey(f"{owner}.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        Column("id", String(36), primary_key=True),
    )


# The text columns lists and pickers sort by, each with a stored sort key beside it ("name" ->
# "name_key"): the text with case and accents folded (db.schema.naming.sort_key), so that
# "École…" and "agence…" sort among the E and A, where SQLite's byte order puts them after Z.
# Written with the record's row (db.records.shape); the lists sort by the key's index.
SORTED_BY_KEY = {
    "organization": ("name",),
    "contact": ("name",),
    "agreement": ("title",),
    "consultation": ("title",),
    "activity": ("title",),
    "follow_up": ("owner",),
}

# The columns each list opens sorted by, and the ones officers sort long lists by most: an index
# of the current records in that order lets a list of 200,000 activities be read in order
# instead of sorted (db.listing). Archived records are left out of them: the archive is small.
# (A partner's id: sorting by the partner's name then joins partners from an index alone.)
LISTED_BY = {
    "organization": ("name_key", "country"),
    "contact": ("name_key", "organization_id"),
    "agreement": ("entry_into_force", "title_key"),
    "consultation": ("starts_at", "title_key"),
    "activity": ("start_on", "title_key", "lead_organization_id"),
    "follow_up": ("due_on", "owner_key"),
}


# The records a list shows (the archive is left out of its index), on SQLite and PostgreSQL alike.
_CURRENT = text("archived_at IS NULL")


def list_indexes(table: str) -> tuple[Index, ...]:
    return tuple(
        Index(
            f"ix_list_{table}_{column}",
            column,
            "id",
            sqlite_where=_CURRENT,
            postgresql_where=_CURRENT,
        )
        for column in LISTED_BY[table]
    )


# What the portfolio review counts under each agreement, read from an index alone (the records'
# long texts left on disk): migration 0009, docs/portfolio-review.md.
REVIEWED_BY = {
    "activity": (
        "agreement_id",
        "status",
        "start_on",
        "participants_total",
        "participants_women",
        "participants_men",
        "id",
    ),
    "consultation": ("id", "starts_at"),
    "follow_up": (
        "source_kind",
        "source_id",
        "status",
        "due_on",
        "completed_on",
        "created_at",
        "id",
    ),
}


def review_index(table: str) -> Index:
    return Index(
        f"ix_review_{table}",
        *REVIEWED_BY[table],
        sqlite_where=_CURRENT,
        postgresql_where=_CURRENT,
    )


class Record(SQLModel):
    """What every top-level record has: a stable id, timestamps, and a way to archive it."""

    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    # Naive UTC (see db.clock): the same on every laptop and exact through export and import.
    created_at: datetime = Field(default_factory=utc_now, sa_type=DateTime())
    updated_at: datetime = Field(default_factory=utc_now, sa_type=DateTime())
    archived_at: datetime | None = Field(default=None, sa_type=DateTime())


class Organization(Record, table=True):
    __table_args__ = list_indexes("organization")

    name: str
    name_key: str | None = None  # SORTED_BY_KEY
    acronym: str | None = None
    kind: str = Field(index=True)
    parent_id: str | None = Field(default=None, sa_column=_fk("organization.id"))
    address: str | None = None
    city: str | None = None
    country: str | None = Field(default=None, max_length=2)
    website: str | None = None
    mandate: str | None = None
    status: str = Field(default="active", index=True)
    is_ours: bool = Field(default=False)
    notes: str | None = None


class Contact(Record, table=True):
    __table_args__ = list_indexes("contact")

    organization_id: str | None = Field(default=None, sa_column=_fk("organization.id"))
    name: str
    name_key: str | None = None  # SORTED_BY_KEY
    title: str | None = None
    role: str | None = Field(default=None, index=True)
    email: str | None = None
    phone: str | None = None
    languages: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    active_from: date | None = None
    active_to: date | None = None
    notes: str | None = None


class ThematicArea(Record, table=True):
    __tablename__ = "thematic_area"

    code: str | None = Field(default=None, index=True)
    name: str
    description: str | None = None
    parent_id: str | None = Field(default=None, sa_column=_fk("thematic_area.id"))
    name_fr: str | None = None


class Agreement(Record, table=True):
    __table_args__ = list_indexes("agreement")

    reference: str | None = Field(default=None, index=True)
    title: str
    title_key: str | None = None  # SORTED_BY_KEY
    kind: str = Field(index=True)
    status: str = Field(default="draft", index=True)
    entry_into_force: date | None = None
    expires_on: date | None = Field(default=None, index=True)
    notice_months: int | None = None
    review_on: date | None = Field(default=None, index=True)
    parent_id: str | None = Field(default=None, sa_column=_fk("agreement.id"))
    supersedes_id: str | None = Field(default=None, sa_column=_fk("agreement.id"))
    languages: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    summary: str | None = None


class AgreementParty(SQLModel, table=True):
    __tablename__ = "agreement_party"

    id: int | None = Field(default=None, primary_key=True)
    agreement_id: str = Field(sa_column=_fk("agreement.id", nullable=False, cascade=True))
    position: int
    organization_id: str = Field(sa_column=_fk("organization.id", nullable=False))
    signatory_name: str | None = None
    signatory_title: str | None = None
    signed_on: date | None = None
    signed_at: str | None = None

    # Every agreement's partners and last signature, without reading the signatories' names.
    __table_args__ = (
        Index(
            "ix_review_agreement_party",
            "agreement_id",
            "position",
            "organization_id",
            "signed_on",
        ),
    )


class AgreementProvision(SQLModel, table=True):
    __tablename__ = "agreement_provision"

    id: int | None = Field(default=None, primary_key=True)
    agreement_id: str = Field(sa_column=_fk("agreement.id", nullable=False, cascade=True))
    position: int
    article: str | None = None
    heading: str | None = None
    summary: str | None = None


class AgreementCommitment(SQLModel, table=True):
    __tablename__ = "agreement_commitment"

    id: int | None = Field(default=None, primary_key=True)
    agreement_id: str = Field(sa_column=_fk("agreement.id", nullable=False, cascade=True))
    position: int
    party_id: str | None = Field(default=None, sa_column=_fk("organization.id"))
    text: str
    status: str = "pending"


class AgreementAmendment(SQLModel, table=True):
    __tablename__ = "agreement_amendment"

    id: int | None = Field(default=None, primary_key=True)
    agreement_id: str = Field(sa_column=_fk("agreement.id", nullable=False, cascade=True))
    position: int
    date: dt.date | None = None
    summary: str | None = None


class AgreementAssessment(SQLModel, table=True):
    """An officer's dated assessment of an instrument (docs/portfolio-review.md): kept over the
    years, each row with an id of its own (as an activity's participants) so that two offices'
    assessments stay told apart."""

    __tablename__ = "agreement_assessment"

    agreement_id: str = Field(sa_column=_row_of("agreement")[0])
    id: str = Field(sa_column=_row_of("agreement")[1])
    position: int
    assessed_on: dt.date
    rating: str | None = None
    recommendation: str
    narrative: str | None = None
    assessed_by: str | None = None


class AgreementThematicArea(SQLModel, table=True):
    __tablename__ = "agreement_thematic_area"

    agreement_id: str = Field(
        sa_column=Column(
            String(36), ForeignKey("agreement.id", ondelete="CASCADE"), primary_key=True
        )
    )
    thematic_area_id: str = Field(
        sa_column=Column(String(36), ForeignKey("thematic_area.id"), primary_key=True, index=True)
    )


class Consultation(Record, table=True):
    __table_args__ = (*list_indexes("consultation"), review_index("consultation"))

    title: str
    title_key: str | None = None  # SORTED_BY_KEY
    kind: str = Field(index=True)
    starts_at: str | None = Field(default=None, index=True)  # local ISO time, as typed
    timezone: str | None = None
    duration_minutes: int | None = None
    location: str | None = None
    online: bool = False
    agenda: str | None = None
    summary: str | None = None
    decisions: str | None = None


class ConsultationOrganization(SQLModel, table=True):
    __tablename__ = "consultation_organization"

    consultation_id: str = Field(
        sa_column=Column(
            String(36), ForeignKey("consultation.id", ondelete="CASCADE"), primary_key=True
        )
    )
    organization_id: str = Field(
        sa_column=Column(String(36), ForeignKey("organization.id"), primary_key=True, index=True)
    )


class ConsultationAgreement(SQLModel, table=True):
    __tablename__ = "consultation_agreement"

    consultation_id: str = Field(
        sa_column=Column(
            String(36), ForeignKey("consultation.id", ondelete="CASCADE"), primary_key=True
        )
    )
    agreement_id: str = Field(
        sa_column=Column(String(36), ForeignKey("agreement.id"), primary_key=True, index=True)
    )


class ConsultationThematicArea(SQLModel, table=True):
    __tablename__ = "consultation_thematic_area"

    consultation_id: str = Field(
        sa_column=Column(
            String(36), ForeignKey("consultation.id", ondelete="CASCADE"), primary_key=True
        )
    )
    thematic_area_id: str = Field(
        sa_column=Column(String(36), ForeignKey("thematic_area.id"), primary_key=True, index=True)
    )


class ConsultationParticipant(SQLModel, table=True):
    __tablename__ = "consultation_participant"

    id: int | None = Field(default=None, primary_key=True)
    consultation_id: str = Field(sa_column=_fk("consultation.id", nullable=False, cascade=True))
    position: int
    contact_id: str | None = Field(default=None, sa_column=_fk("contact.id"))
    name: str | None = None
    organization_id: str | None = Field(default=None, sa_column=_fk("organization.id"))


class JointActivity(Record, table=True):
    __tablename__ = "activity"
    __table_args__ = (*list_indexes("activity"), review_index("activity"))

    title: str
    title_key: str | None = None  # SORTED_BY_KEY
    kind: str = Field(index=True)
    status: str = Field(default="planned", index=True)
    start_on: date | None = Field(default=None, index=True)
    end_on: date | None = None
    city: str | None = None
    country: str | None = Field(default=None, max_length=2)
    mode: str | None = None
    lead_organization_id: str | None = Field(default=None, sa_column=_fk("organization.id"))
    agreement_id: str | None = Field(default=None, sa_column=_fk("agreement.id"))
    beneficiary_countries: list[str] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    participants_total: int | None = None
    participants_women: int | None = None
    participants_men: int | None = None
    participants_expected: int | None = None
    original_start_on: date | None = None
    original_end_on: date | None = None
    postponement_reason: str | None = None
    # forms_returned, satisfaction_average, satisfaction_scale_max, feedback (db.kinds)
    evaluation: dict | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    objectives: str | None = None
    results: str | None = None
    lessons: str | None = None
    report: str | None = None


class ActivityPartner(SQLModel, table=True):
    __tablename__ = "activity_partner"

    id: int | None = Field(default=None, primary_key=True)
    activity_id: str = Field(sa_column=_fk("activity.id", nullable=False, cascade=True))
    position: int
    organization_id: str = Field(sa_column=_fk("organization.id", nullable=False))
    contribution: str | None = None


class ActivityParticipant(SQLModel, table=True):
    """A person on an activity's participant list."""

    __tablename__ = "activity_participant"

    activity_id: str = Field(sa_column=_row_of("activity")[0])
    id: str = Field(sa_column=_row_of("activity")[1])
    position: int
    name: str
    organization_id: str | None = Field(default=None, sa_column=_fk("organization.id"))
    organization_name: str | None = None
    country: str | None = Field(default=None, max_length=2)
    sex: str = "not_recorded"
    role: str = "participant"
    attended: bool | None = None
    email: str | None = None


class ActivitySession(SQLModel, table=True):
    """One session of an activity held over several dates, or of a series."""

    __tablename__ = "activity_session"

    activity_id: str = Field(sa_column=_row_of("activity")[0])
    id: str = Field(sa_column=_row_of("activity")[1])
    position: int
    start_on: date
    end_on: date | None = None
    starts_at: str | None = None  # local ISO time, as typed
    city: str | None = None
    country: str | None = Field(default=None, max_length=2)
    mode: str | None = None
    participants_total: int | None = None


class ActivityCost(SQLModel, table=True):
    """What one organization paid or gave for an activity."""

    __tablename__ = "activity_cost"

    activity_id: str = Field(sa_column=_row_of("activity")[0])
    id: str = Field(sa_column=_row_of("activity")[1])
    position: int
    organization_id: str | None = Field(default=None, sa_column=_fk("organization.id"))
    kind: str
    amount: Decimal | None = Field(default=None, sa_column=Column(DecimalText, nullable=True))
    currency: str | None = Field(default=None, max_length=3)
    description: str | None = None


class ActivityThematicArea(SQLModel, table=True):
    __tablename__ = "activity_thematic_area"

    activity_id: str = Field(
        sa_column=Column(
            String(36), ForeignKey("activity.id", ondelete="CASCADE"), primary_key=True
        )
    )
    thematic_area_id: str = Field(
        sa_column=Column(String(36), ForeignKey("thematic_area.id"), primary_key=True, index=True)
    )


class FollowUp(Record, table=True):
    __tablename__ = "follow_up"

    text: str
    owner: str | None = None
    owner_key: str | None = None  # SORTED_BY_KEY
    due_on: date | None = Field(default=None, index=True)
    status: str = Field(default="open", index=True)
    completed_on: date | None = None
    source_kind: str | None = None
    source_id: str | None = Field(default=None, max_length=36)

    __table_args__ = (
        Index("ix_follow_up_source", "source_kind", "source_id"),
        review_index("follow_up"),
        *list_indexes("follow_up"),
    )


class AttachmentContent(SQLModel, table=True):
    """File bytes, stored once per SHA-256 so that a backup of the store carries them."""

    __tablename__ = "attachment_content"

    sha256: str = Field(primary_key=True, max_length=64)
    data: bytes


class Attachment(Record, table=True):
    owner_kind: str = Field(index=True)
    owner_id: str = Field(index=True, max_length=36)
    name: str
    media_type: str | None = None
    size: int
    sha256: str = Field(
        sa_column=Column(
            String(64), ForeignKey("attachment_content.sha256"), nullable=False, index=True
        )
    )


class Change(SQLModel, table=True):
    """One field of one record changed by one officer at one moment, on one store.

    ``id`` is this store's own key (the order rows were written here); across stores a change is
    named by the store that made it and the number that store gave it, (``store_id``, ``seq``):
    a row that came from another store keeps its origin's name (docs/sync.md)."""

    id: int | None = Field(default=None, primary_key=True)
    changed_at: datetime = Field(default_factory=utc_now, index=True, sa_type=DateTime())
    changed_by: str
    operation: str  # create, update, archive, restore
    record_kind: str
    record_id: str = Field(max_length=36)
    field: str
    old_value: str | None = None
    new_value: str | None = None
    store_id: str = Field(max_length=36)
    seq: int
    # On a team server, the database role that pushed the change there, set by the server
    # (docs/team-server.md); empty on a laptop.
    pushed_by: str | None = None

    __table_args__ = (
        Index("ix_change_record", "record_kind", "record_id"),
        Index("ux_change_origin", "store_id", "seq", unique=True),
    )


class Conflict(SQLModel, table=True):
    """One field of one record changed on two stores to different values, not settled yet: every
    side kept (``sides``: the change that made each — store and sequence — and its value), one
    shown in the record (docs/sync.md, "The merge")."""

    record_kind: str = Field(primary_key=True)
    record_id: str = Field(primary_key=True, max_length=36)
    field: str = Field(primary_key=True)
    sides: list = Field(sa_column=Column(JSON, nullable=False))
    found_at: datetime = Field(sa_type=DateTime())


class PushedBatch(SQLModel, table=True):
    """A batch of changes a laptop pushed to a team server (docs/team-server.md): kept so that
    the same batch sent again after a push was cut short is recognised, and who pushed it."""

    __tablename__ = "pushed_batch"

    id: str = Field(primary_key=True, max_length=36)
    store_id: str = Field(max_length=36, index=True)
    pushed_by: str  # the server's current_user, not what the laptop says
    pushed_at: datetime = Field(sa_type=DateTime())
    changes: int


class Setting(SQLModel, table=True):
    key: str = Field(primary_key=True)
    value: str


class SearchEntry(SQLModel, table=True):
    """Maps a record to the rowid of its row in the FTS5 index (created by the migrations)."""

    __tablename__ = "search_entry"

    rowid: int | None = Field(default=None, primary_key=True)
    record_kind: str
    record_id: str = Field(max_length=36, unique=True)
    archived: bool = False
