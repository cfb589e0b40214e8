"""Which records each section of the sheet shows, chosen in SQL: the first ``limit`` in the
section's order and how many there are in all, so that a partner with 20,000 activities has 15
of them read, not 20,000 (gather.py then reads the chosen ones whole).

Each choice is one query returning ids only, with the total beside them (``COUNT(*) OVER ()``,
counted before LIMIT). The partner's records are found through the indexed link columns
(agreement_party, consultation_organization, activity.lead_organization_id, activity_partner).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session

from db.records import derived
from db.records.rules import OPEN_STATUSES
from db.schema.models import (
    ActivityPartner,
    ActivityThematicArea,
    Agreement,
    AgreementParty,
    AgreementThematicArea,
    Consultation,
    ConsultationOrganization,
    ConsultationParticipant,
    ConsultationThematicArea,
    Contact,
    FollowUp,
    JointActivity,
)


@dataclass(frozen=True)
class Chosen:
    ids: list[str]  # in the section's order
    total: int  # how many the section has in all

    @property
    def more(self) -> int:
        """How many are left out."""
        return self.total - len(self.ids)


@dataclass(frozen=True)
class Period:
    start: date
    end: date | None  # None: no end

    @property
    def after_end(self) -> date | None:
        """The first day after the period."""
        return self.end + timedelta(days=1) if self.end else None


def first(session: Session, query: Select, limit: int | None) -> Chosen:
    """The ids of ``query`` (one id column, ordered), at most ``limit`` (None: all), and the
    number of rows it has in all."""
    counted = query.add_columns(func.count().over().label("total"))
    if limit:
        counted = counted.limit(limit)
    rows = session.execute(counted).all()
    return Chosen([row[0] for row in rows], rows[0].total if rows else 0)


# -- the partner's records --------------------------------------------------------------------------
def _agreement_ids(org_id: str) -> Select:
    return select(AgreementParty.agreement_id).where(AgreementParty.organization_id == org_id)


def _consultation_ids(org_id: str) -> Select:
    return select(ConsultationOrganization.consultation_id).where(
        ConsultationOrganization.organization_id == org_id
    )


def _agreements_of(org_id: str) -> ColumnElement:
    return and_(Agreement.archived_at.is_(None), Agreement.id.in_(_agreement_ids(org_id)))


def _consultations_of(org_id: str) -> ColumnElement:
    return and_(Consultation.archived_at.is_(None), Consultation.id.in_(_consultation_ids(org_id)))


def _activities_of(org_id: str) -> ColumnElement:
    # "lead = ? OR id IN (partners)": SQLite reads each half through its index and the activity
    # row once (a UNION of ids would look every activity up twice, four times slower).
    partner_of = select(ActivityPartner.activity_id).where(
        ActivityPartner.organization_id == org_id
    )
    return and_(
        JointActivity.archived_at.is_(None),
        or_(JointActivity.lead_organization_id == org_id, JointActivity.id.in_(partner_of)),
    )


# -- the sections -----------------------------------------------------------------------------------
def agreements(session: Session, org_id: str, today: date, limit: int | None) -> Chosen:
    """In force first, then the newest; the sheet lays the chosen ones out in its own order."""
    query = (
        select(Agreement.id)
        .where(_agreements_of(org_id))
        .order_by(
            derived.effective_status_sql(today) != "in_force",
            Agreement.entry_into_force.is_(None),
            Agreement.entry_into_force.desc(),
            Agreement.title,
            Agreement.id,
        )
    )
    return first(session, query, limit)


def _consultations_between(org_id: str, start: date, end: date | None) -> Select:
    """Dated consultations of the partner from ``start`` to the day before ``end``. The local
    start as typed ("2026-11-23T10:00") is compared as text, so the index on starts_at serves."""
    query = select(Consultation.id).where(
        _consultations_of(org_id), Consultation.starts_at >= start.isoformat()
    )
    return query.where(Consultation.starts_at < end.isoformat()) if end else query


def next_consultations(
    session: Session, org_id: str, period: Period, today: date, limit: int | None
) -> Chosen:
    """Those from today on in the period, the nearest first."""
    query = _consultations_between(org_id, max(today, period.start), period.after_end)
    order = (Consultation.starts_at, Consultation.title, Consultation.id)
    return first(session, query.order_by(*order), limit)


def recent_consultations(
    session: Session, org_id: str, period: Period, today: date, limit: int | None
) -> Chosen:
    """Those before today in the period, the newest first."""
    end = min(today, period.after_end) if period.after_end else today
    query = _consultations_between(org_id, period.start, end)
    order = (Consultation.starts_at.desc(), Consultation.title.desc(), Consultation.id.desc())
    return first(session, query.order_by(*order), limit)


def _with_decisions() -> ColumnElement:
    return func.trim(func.coalesce(Consultation.decisions, ""), " \t\r\n") != ""


def earlier_decisions(session: Session, org_id: str, period: Period, today: date) -> str | None:
    """The newest consultation with decisions before the period, when none held in the period
    has any: the sheet then shows it, so that the latest decisions are never missing."""
    end = min(today, period.after_end) if period.after_end else today
    newest = (Consultation.starts_at.desc(), Consultation.title.desc(), Consultation.id.desc())
    in_period = _consultations_between(org_id, period.start, end).where(_with_decisions())
    if session.execute(in_period.limit(1)).first() is not None:
        return None
    before = (
        select(Consultation.id)
        .where(
            _consultations_of(org_id),
            Consultation.starts_at < period.start.isoformat(),
            Consultation.starts_at != "",
            _with_decisions(),
        )
        .order_by(*newest)
        .limit(1)
    )
    return session.execute(before).scalar()


def _activities_in(org_id: str, period: Period) -> Select:
    """Activities of the partner, not cancelled, that overlap the period."""
    query = select(JointActivity.id).where(
        _activities_of(org_id),
        func.coalesce(JointActivity.status, "") != "cancelled",
        JointActivity.start_on.is_not(None),
        func.coalesce(JointActivity.end_on, JointActivity.start_on) >= period.start,
    )
    return query.where(JointActivity.start_on <= period.end) if period.end else query


def upcoming_activities(
    session: Session, org_id: str, period: Period, today: date, limit: int | None
) -> Chosen:
    """Starting today or later, the nearest first."""
    query = _activities_in(org_id, period).where(JointActivity.start_on >= today)
    order = (JointActivity.start_on, JointActivity.title, JointActivity.id)
    return first(session, query.order_by(*order), limit)


def recent_activities(
    session: Session, org_id: str, period: Period, today: date, limit: int | None
) -> Chosen:
    """Started before today, the newest first."""
    query = _activities_in(org_id, period).where(JointActivity.start_on < today)
    order = (JointActivity.start_on.desc(), JointActivity.title.desc(), JointActivity.id.desc())
    return first(session, query.order_by(*order), limit)


def open_follow_ups(session: Session, org_id: str, limit: int | None) -> Chosen:
    """Open follow-ups of the partner's agreements, consultations and activities (archived
    sources left out), the earliest due first (so the late ones lead), undated ones last."""
    sources = or_(
        and_(
            FollowUp.source_kind == "agreement",
            FollowUp.source_id.in_(select(Agreement.id).where(_agreements_of(org_id))),
        ),
        and_(
            FollowUp.source_kind == "consultation",
            FollowUp.source_id.in_(select(Consultation.id).where(_consultations_of(org_id))),
        ),
        and_(
            FollowUp.source_kind == "activity",
            FollowUp.source_id.in_(select(JointActivity.id).where(_activities_of(org_id))),
        ),
    )
    query = (
        select(FollowUp.id)
        .where(FollowUp.archived_at.is_(None), FollowUp.status.in_(OPEN_STATUSES), sources)
        .order_by(FollowUp.due_on.is_(None), FollowUp.due_on, FollowUp.text, FollowUp.id)
    )
    return first(session, query, limit)


# -- contacts ---------------------------------------------------------------------------------------
_ROLE_ORDER = {"head": 0, "focal_point": 1, "technical_contact": 2, "other": 3, None: 4}


def _current_contacts(
    session: Session, where: ColumnElement, today: date, limit: int | None
) -> Chosen:
    """Current contacts by role, then name. Sorted here, not in SQL: SQLite's lower() leaves
    accented letters alone, and "Élise" must not follow "Zoé"."""
    query = select(Contact.id, Contact.name, Contact.role).where(
        Contact.archived_at.is_(None),
        or_(Contact.active_to.is_(None), Contact.active_to >= today),
        where,
    )
    rows = sorted(
        session.execute(query), key=lambda r: (_ROLE_ORDER.get(r.role, 4), r.name.casefold())
    )
    ids = [row.id for row in rows]
    return Chosen(ids[:limit] if limit else ids, len(ids))


def partner_contacts(session: Session, org_id: str, today: date, limit: int | None) -> Chosen:
    """The partner's current contacts, signatories left out (they sign, they are not met)."""
    where = and_(
        Contact.organization_id == org_id,
        or_(Contact.role.is_(None), Contact.role != "signatory"),
    )
    return _current_contacts(session, where, today, limit)


def our_contacts(
    session: Session, org_id: str, ours_id: str, today: date, limit: int | None
) -> Chosen:
    """Our current colleagues who took part in a consultation with the partner."""
    met = select(ConsultationParticipant.contact_id).where(
        ConsultationParticipant.consultation_id.in_(
            select(Consultation.id).where(_consultations_of(org_id))
        )
    )
    where = and_(Contact.organization_id == ours_id, Contact.id.in_(met))
    return _current_contacts(session, where, today, limit)


# -- thematic areas ---------------------------------------------------------------------------------
def agreement_areas(session: Session, org_id: str) -> dict[str, list[str]]:
    """The thematic areas of each of the partner's agreements, shown or not."""
    query = select(
        AgreementThematicArea.agreement_id, AgreementThematicArea.thematic_area_id
    ).where(
        AgreementThematicArea.agreement_id.in_(select(Agreement.id).where(_agreements_of(org_id)))
    )
    return _grouped(session, query)


def consultation_areas(session: Session, org_id: str, period: Period) -> dict[str, list[str]]:
    """The thematic areas of each consultation held or scheduled in the period, shown or not."""
    ids = _consultations_between(org_id, period.start, period.after_end)
    query = select(
        ConsultationThematicArea.consultation_id, ConsultationThematicArea.thematic_area_id
    ).where(ConsultationThematicArea.consultation_id.in_(ids))
    return _grouped(session, query)


def activity_areas(session: Session, org_id: str, period: Period) -> dict[str, list[str]]:
    """The thematic areas of each activity of the period, shown or not."""
    query = select(ActivityThematicArea.activity_id, ActivityThematicArea.thematic_area_id).where(
        ActivityThematicArea.activity_id.in_(_activities_in(org_id, period))
    )
    return _grouped(session, query)


def _grouped(session: Session, query: Select) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for owner, area in session.execute(query):
        grouped[owner].append(area)
    return dict(grouped)
