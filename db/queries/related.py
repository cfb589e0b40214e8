"""What a detail view shows beside a record: the records linked to it, section by section.

Each section is one SQL query that returns only the linked rows; archived records are left out
(they are put away, and the window should not lead an officer to them).

``RelatedItem.note`` is a short qualifier shown beside the title: an enumeration value in
snake_case (an agreement's effective status, a consultation's or organization's kind, an
activity's or follow-up's status, a contact's role), ``late`` for a late follow-up, the role of
an organization in an activity (``lead`` or ``partner``), a party's signatory, or a participant's
organization (short name). It is "" when there is nothing to say.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Row, Select, and_, case, exists, func, or_, select, union
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session

from db.queries.dashboard import session_of
from db.records import derived
from db.records.rules import OPEN_STATUSES
from db.records.thematic import area_and_descendants
from db.schema.models import (
    ActivityPartner,
    ActivityThematicArea,
    Agreement,
    AgreementParty,
    AgreementThematicArea,
    Consultation,
    ConsultationAgreement,
    ConsultationOrganization,
    ConsultationParticipant,
    ConsultationThematicArea,
    Contact,
    FollowUp,
    JointActivity,
    Organization,
    ThematicArea,
)
from db.schema.naming import agreement_title, full_name, short_name_sql
from db.store.engine import Store

# The entries a section lists; the others are counted ("and 13,052 more"): a partner holding a
# tenth of a large portfolio has tens of thousands of related records, which no officer reads
# one by one and no view can lay out quickly.
SHOWN = 50


class Section(list):
    """The first entries of a section (at most SHOWN) and, in ``total``, how many there are."""

    total: int = 0


@dataclass(frozen=True)
class RelatedItem:
    kind: str | None  # a record kind ("agreement", ...); None for a participant typed by name
    id: str | None
    title: str
    date: dt.date | None
    note: str


# The sections of each kind, in the order a detail view shows them.
SECTIONS: dict[str, tuple[str, ...]] = {
    "organization": (
        "agreements",
        "consultations",
        "activities",
        "follow_ups",
        "contacts",
        "sub_organizations",
    ),
    "agreement": (
        "parties",
        "sub_agreements",
        "consultations",
        "activities",
        "follow_ups",
        "thematic_areas",
    ),
    "consultation": ("organizations", "agreements", "follow_ups", "thematic_areas", "participants"),
    "activity": ("agreement", "organizations", "follow_ups", "thematic_areas"),
    "contact": ("organization", "consultations"),
    "follow_up": ("source",),
    "thematic_area": ("sub_areas", "agreements", "consultations", "activities"),
}


def related(
    source: Store | Session, kind: str, record_id: str, today: dt.date
) -> dict[str, Section]:
    """Every section of ``kind`` (see SECTIONS), empty when nothing is linked; each lists at
    most SHOWN entries and knows how many there are in all (``total``)."""
    if kind not in SECTIONS:
        raise ValueError(f"unknown record kind {kind!r}")
    with session_of(source) as session:
        found = _BUILDERS[kind](session, record_id, today)
    return {key: _section(found.get(key, [])) for key in SECTIONS[kind]}


def _section(items: list[RelatedItem]) -> Section:
    """A section as read, or a short list put together from several (an activity's lead and
    partners), which lists everything it has."""
    if isinstance(items, Section):
        return items
    whole = Section(items)
    whole.total = len(items)
    return whole


# -- titles -----------------------------------------------------------------------------------------


def _area_title(code: str | None, name: str) -> str:
    return f"{code} {name}" if code else name


def _day(starts_at: str | None) -> dt.date | None:
    return dt.date.fromisoformat(starts_at[:10]) if starts_at else None


def _read(session: Session, query: Select, make: Callable[[Row], RelatedItem]) -> Section:
    """The first SHOWN rows of ``query`` made into items, and the count of them all."""
    rows = list(session.execute(query.limit(SHOWN + 1)))
    found = Section(make(row) for row in rows[:SHOWN])
    found.total = len(rows)
    if len(rows) > SHOWN:
        counted = select(func.count()).select_from(query.order_by(None).subquery())
        found.total = session.execute(counted).scalar_one()
    return found


def _nulls_last(column) -> ColumnElement:
    return case((column.is_(None), 1), else_=0)


# -- one query per kind of linked record ------------------------------------------------------------
def _agreements(session: Session, today: dt.date, where: ColumnElement) -> list[RelatedItem]:
    query = (
        select(
            Agreement.id,
            Agreement.reference,
            Agreement.title,
            Agreement.entry_into_force,
            derived.effective_status_sql(today).label("status"),
        )
        .where(Agreement.archived_at.is_(None), where)
        .order_by(
            _nulls_last(Agreement.entry_into_force),
            Agreement.entry_into_force.desc(),
            Agreement.title,
        )
    )
    return _read(
        session,
        query,
        lambda row: RelatedItem(
            "agreement",
            row.id,
            agreement_title(row.reference, row.title),
            row.entry_into_force,
            row.status,
        ),
    )


def _consultations(session: Session, where: ColumnElement) -> list[RelatedItem]:
    query = (
        select(Consultation.id, Consultation.title, Consultation.starts_at, Consultation.kind)
        .where(Consultation.archived_at.is_(None), where)
        .order_by(
            _nulls_last(Consultation.starts_at), Consultation.starts_at.desc(), Consultation.title
        )
    )
    return _read(
        session,
        query,
        lambda row: RelatedItem("consultation", row.id, row.title, _day(row.starts_at), row.kind),
    )


def _activities(
    session: Session, where: ColumnElement, note: ColumnElement | None = None
) -> list[RelatedItem]:
    note_column = JointActivity.status if note is None else note
    query = (
        select(
            JointActivity.id,
            JointActivity.title,
            JointActivity.start_on,
            note_column.label("note"),
        )
        .where(JointActivity.archived_at.is_(None), where)
        .order_by(
            _nulls_last(JointActivity.start_on), JointActivity.start_on.desc(), JointActivity.title
        )
    )
    return _read(
        session,
        query,
        lambda row: RelatedItem("activity", row.id, row.title, row.start_on, row.note),
    )


def _follow_ups(session: Session, today: dt.date, where: ColumnElement) -> list[RelatedItem]:
    """Soonest due first, so that the late ones lead; those without a due date come last."""
    query = (
        select(FollowUp.id, FollowUp.text, FollowUp.due_on, FollowUp.status)
        .where(FollowUp.archived_at.is_(None), where)
        .order_by(_nulls_last(FollowUp.due_on), FollowUp.due_on, FollowUp.text)
    )
    return _read(
        session,
        query,
        lambda row: RelatedItem(
            "follow_up",
            row.id,
            row.text,
            row.due_on,
            "late" if derived.is_late(row._mapping, today) else row.status,
        ),
    )


def _organizations(session: Session, where: ColumnElement) -> list[RelatedItem]:
    query = (
        select(Organization.id, Organization.name, Organization.acronym, Organization.kind)
        .where(Organization.archived_at.is_(None), where)
        .order_by(Organization.name_key, Organization.id)
    )
    return _read(
        session,
        query,
        lambda row: RelatedItem(
            "organization", row.id, full_name(row.name, row.acronym), None, row.kind
        ),
    )


def _contacts(session: Session, where: ColumnElement) -> list[RelatedItem]:
    query = (
        select(Contact.id, Contact.name, Contact.role)
        .where(Contact.archived_at.is_(None), where)
        .order_by(Contact.name_key, Contact.id)
    )
    return _read(
        session,
        query,
        lambda row: RelatedItem("contact", row.id, row.name, None, row.role or ""),
    )


def _areas(session: Session, where: ColumnElement) -> list[RelatedItem]:
    query = (
        select(ThematicArea.id, ThematicArea.code, ThematicArea.name)
        .where(ThematicArea.archived_at.is_(None), where)
        .order_by(_nulls_last(ThematicArea.code), ThematicArea.code, ThematicArea.name)
    )
    return _read(
        session,
        query,
        lambda row: RelatedItem("thematic_area", row.id, _area_title(row.code, row.name), None, ""),
    )


def _areas_linked(session: Session, link, owner_column, owner_id: str) -> list[RelatedItem]:
    return _areas(
        session,
        ThematicArea.id.in_(select(link.thematic_area_id).where(owner_column == owner_id)),
    )


def _follow_ups_from(session: Session, today: dt.date, kind: str, record_id: str):
    where = and_(FollowUp.source_kind == kind, FollowUp.source_id == record_id)
    return _follow_ups(session, today, where)


# -- the sections of each kind ----------------------------------------------------------------------
def _organization(session: Session, org_id: str, today: dt.date) -> dict[str, list[RelatedItem]]:
    agreement_ids = select(AgreementParty.agreement_id).where(
        AgreementParty.organization_id == org_id
    )
    consultation_ids = select(ConsultationOrganization.consultation_id).where(
        ConsultationOrganization.organization_id == org_id
    )
    # Led or joined, as one set of ids from the two indexes: an OR with EXISTS scanned every
    # activity (1 s of a heavy partner's 200,000).
    in_activity = JointActivity.id.in_(
        union(
            select(JointActivity.id).where(JointActivity.lead_organization_id == org_id),
            select(ActivityPartner.activity_id).where(ActivityPartner.organization_id == org_id),
        )
    )
    # Follow-ups of the records listed in this view, so archived sources are left out too.
    sources = or_(
        and_(
            FollowUp.source_kind == "agreement",
            FollowUp.source_id.in_(
                select(Agreement.id).where(
                    Agreement.id.in_(agreement_ids), Agreement.archived_at.is_(None)
                )
            ),
        ),
        and_(
            FollowUp.source_kind == "consultation",
            FollowUp.source_id.in_(
                select(Consultation.id).where(
                    Consultation.id.in_(consultation_ids), Consultation.archived_at.is_(None)
                )
            ),
        ),
        and_(
            FollowUp.source_kind == "activity",
            FollowUp.source_id.in_(
                select(JointActivity.id).where(in_activity, JointActivity.archived_at.is_(None))
            ),
        ),
    )
    role = case((JointActivity.lead_organization_id == org_id, "lead"), else_="partner")
    return {
        "agreements": _agreements(session, today, Agreement.id.in_(agreement_ids)),
        "consultations": _consultations(session, Consultation.id.in_(consultation_ids)),
        "activities": _activities(session, in_activity, note=role),
        "follow_ups": _follow_ups(
            session, today, and_(FollowUp.status.in_(OPEN_STATUSES), sources)
        ),
        "contacts": _contacts(session, Contact.organization_id == org_id),
        "sub_organizations": _organizations(session, Organization.parent_id == org_id),
    }


def _parties(session: Session, agreement_id: str) -> list[RelatedItem]:
    """In the order of the instrument, each with its signatory and date of signature."""
    query = (
        select(
            Organization.id,
            Organization.name,
            Organization.acronym,
            AgreementParty.signatory_name,
            AgreementParty.signed_on,
        )
        .join(AgreementParty, AgreementParty.organization_id == Organization.id)
        .where(AgreementParty.agreement_id == agreement_id, Organization.archived_at.is_(None))
        .order_by(AgreementParty.position)
    )
    return _read(
        session,
        query,
        lambda row: RelatedItem(
            "organization",
            row.id,
            full_name(row.name, row.acronym),
            row.signed_on,
            row.signatory_name or "",
        ),
    )


def _agreement(session: Session, agreement_id: str, today: dt.date) -> dict[str, list[RelatedItem]]:
    consultation_ids = select(ConsultationAgreement.consultation_id).where(
        ConsultationAgreement.agreement_id == agreement_id
    )
    return {
        "parties": _parties(session, agreement_id),
        "sub_agreements": _agreements(session, today, Agreement.parent_id == agreement_id),
        "consultations": _consultations(session, Consultation.id.in_(consultation_ids)),
        "activities": _activities(session, JointActivity.agreement_id == agreement_id),
        "follow_ups": _follow_ups_from(session, today, "agreement", agreement_id),
        "thematic_areas": _areas_linked(
            session, AgreementThematicArea, AgreementThematicArea.agreement_id, agreement_id
        ),
    }


def _participants(session: Session, consultation_id: str) -> list[RelatedItem]:
    """In the order typed. A contact who was archived since is still shown, by name, unlinked:
    the person did attend."""
    contact_org = select(short_name_sql()).where(Organization.id == Contact.organization_id)
    part_org = select(short_name_sql()).where(
        Organization.id == ConsultationParticipant.organization_id
    )
    query = (
        select(
            ConsultationParticipant.contact_id,
            ConsultationParticipant.name,
            Contact.name.label("contact_name"),
            Contact.archived_at,
            part_org.scalar_subquery().label("part_org"),
            contact_org.scalar_subquery().label("contact_org"),
        )
        .outerjoin(Contact, Contact.id == ConsultationParticipant.contact_id)
        .where(ConsultationParticipant.consultation_id == consultation_id)
        .order_by(ConsultationParticipant.position)
    )
    items = []
    for row in session.execute(query):
        linked = row.contact_id is not None and row.archived_at is None
        items.append(
            RelatedItem(
                "contact" if linked else None,
                row.contact_id if linked else None,
                row.contact_name or row.name or "",
                None,
                row.part_org or row.contact_org or "",
            )
        )
    return items


def _consultation(
    session: Session, consultation_id: str, today: dt.date
) -> dict[str, list[RelatedItem]]:
    org_ids = select(ConsultationOrganization.organization_id).where(
        ConsultationOrganization.consultation_id == consultation_id
    )
    agreement_ids = select(ConsultationAgreement.agreement_id).where(
        ConsultationAgreement.consultation_id == consultation_id
    )
    return {
        "organizations": _organizations(session, Organization.id.in_(org_ids)),
        "agreements": _agreements(session, today, Agreement.id.in_(agreement_ids)),
        "follow_ups": _follow_ups_from(session, today, "consultation", consultation_id),
        "thematic_areas": _areas_linked(
            session,
            ConsultationThematicArea,
            ConsultationThematicArea.consultation_id,
            consultation_id,
        ),
        "participants": _participants(session, consultation_id),
    }


def _activity(session: Session, activity_id: str, today: dt.date) -> dict[str, list[RelatedItem]]:
    lead_id = (
        select(JointActivity.lead_organization_id)
        .where(JointActivity.id == activity_id)
        .scalar_subquery()
    )
    partner_ids = select(ActivityPartner.organization_id).where(
        ActivityPartner.activity_id == activity_id
    )
    lead = [
        RelatedItem(i.kind, i.id, i.title, i.date, "lead")
        for i in _organizations(session, Organization.id == lead_id)
    ]
    partners = [
        RelatedItem(i.kind, i.id, i.title, i.date, "partner")
        for i in _organizations(session, Organization.id.in_(partner_ids))
        if not any(i.id == chosen.id for chosen in lead)
    ]
    agreement_id = select(JointActivity.agreement_id).where(JointActivity.id == activity_id)
    return {
        "agreement": _agreements(session, today, Agreement.id == agreement_id.scalar_subquery()),
        "organizations": lead + partners,
        "follow_ups": _follow_ups_from(session, today, "activity", activity_id),
        "thematic_areas": _areas_linked(
            session, ActivityThematicArea, ActivityThematicArea.activity_id, activity_id
        ),
    }


def _contact(session: Session, contact_id: str, today: dt.date) -> dict[str, list[RelatedItem]]:
    org_id = select(Contact.organization_id).where(Contact.id == contact_id).scalar_subquery()
    attended = select(ConsultationParticipant.consultation_id).where(
        ConsultationParticipant.contact_id == contact_id
    )
    return {
        "organization": _organizations(session, Organization.id == org_id),
        "consultations": _consultations(session, Consultation.id.in_(attended)),
    }


def _follow_up(session: Session, follow_up_id: str, today: dt.date) -> dict[str, list[RelatedItem]]:
    row = session.execute(
        select(FollowUp.source_kind, FollowUp.source_id).where(FollowUp.id == follow_up_id)
    ).first()
    if row is None or not row.source_kind or not row.source_id:
        return {}
    by_kind: dict[str, Callable[[], list[RelatedItem]]] = {
        "agreement": lambda: _agreements(session, today, Agreement.id == row.source_id),
        "consultation": lambda: _consultations(session, Consultation.id == row.source_id),
        "activity": lambda: _activities(session, JointActivity.id == row.source_id),
    }
    return {"source": by_kind[row.source_kind]()} if row.source_kind in by_kind else {}


def _thematic_area(session: Session, area_id: str, today: dt.date) -> dict[str, list[RelatedItem]]:
    """Records filed under the area or under any of its sub-areas, at any depth."""
    tree = area_and_descendants(area_id)

    def filed(link, owner_column, owner_id_column) -> ColumnElement:
        return exists().where(owner_column == owner_id_column, link.thematic_area_id.in_(tree))

    return {
        "sub_areas": _areas(session, ThematicArea.parent_id == area_id),
        "agreements": _agreements(
            session,
            today,
            filed(AgreementThematicArea, AgreementThematicArea.agreement_id, Agreement.id),
        ),
        "consultations": _consultations(
            session,
            filed(
                ConsultationThematicArea, ConsultationThematicArea.consultation_id, Consultation.id
            ),
        ),
        "activities": _activities(
            session,
            filed(ActivityThematicArea, ActivityThematicArea.activity_id, JointActivity.id),
        ),
    }


_BUILDERS: dict[str, Callable[[Session, str, dt.date], dict[str, list[RelatedItem]]]] = {
    "organization": _organization,
    "agreement": _agreement,
    "consultation": _consultation,
    "activity": _activity,
    "contact": _contact,
    "follow_up": _follow_up,
    "thematic_area": _thematic_area,
}
