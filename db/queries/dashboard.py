"""What the dashboard shows on opening: deadlines of agreements in force, follow-ups late or due
soon, activities whose dates have passed while still planned, the next consultations and
activities, and activities counted per area and year.

Every query is done by SQLite and takes ``today`` from its caller (the window, or a test), so
that what is "late" or "upcoming" is decided in one place and can be fixed in tests.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from sqlalchemy import Date, Integer, and_, case, cast, distinct, func, or_, select
from sqlalchemy.orm import aliased
from sqlalchemy.sql import Select
from sqlmodel import Session

from db.records import derived
from db.records.rules import OPEN_STATUSES
from db.schema.models import (
    ActivityPartner,
    ActivityThematicArea,
    Agreement,
    AgreementParty,
    Consultation,
    ConsultationOrganization,
    FollowUp,
    JointActivity,
    Organization,
    ThematicArea,
)
from db.schema.naming import agreement_label_sql, short_name_sql
from db.store.engine import Store

# Words for the kinds of agreement deadline, as an officer says them.
DEADLINE_LABELS = {
    "review": "Next review",
    "expiry": "Expiry",
    "notice": "Last day to give notice of termination",
}


@contextmanager
def session_of(source: Store | Session) -> Iterator[Session]:
    """A read session: the caller's own, or a fresh one from the store."""
    if isinstance(source, Session):
        yield source
    else:
        with source.reading() as session:
            yield session


@dataclass(frozen=True)
class Counted:
    """How many records a dashboard section stands for, of which ``late`` are late."""

    total: int
    late: int = 0


# -- agreements -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class AgreementDeadline:
    agreement_id: str
    reference: str | None
    title: str
    parties: tuple[str, ...]  # short names, in the instrument's order
    which: str  # "review", "expiry" or "notice" (see DEADLINE_LABELS)
    due_on: date
    overdue: bool  # only a review can be overdue: an expired agreement is no longer in force


def agreement_deadlines(
    source: Store | Session, today: date, horizon_days: int
) -> list[AgreementDeadline]:
    """Reviews, expiries and notice deadlines of agreements in force within the horizon, and
    reviews already overdue; one row per deadline, soonest first."""
    return first_agreement_deadlines(source, today, horizon_days, None)[0]


def first_agreement_deadlines(
    source: Store | Session, today: date, horizon_days: int, limit: int | None
) -> tuple[list[AgreementDeadline], Counted]:
    """The first ``limit`` deadlines (all when None) and how many there are: the parties'
    names, the costly part, are read for the deadlines returned only."""
    end = today + timedelta(days=horizon_days)
    # SQLite moves 31 May back 3 months to 3 March where add_months says 28 February: the SQL
    # guess is at most 3 days late, so widen by 3 days and decide exactly in Python.
    notice_guess = func.date(
        Agreement.expires_on, func.printf("-%d months", Agreement.notice_months), type_=Date
    )
    query = (
        select(
            Agreement.id,
            Agreement.reference,
            Agreement.title,
            Agreement.review_on,
            Agreement.expires_on,
            Agreement.notice_months,
        )
        .where(
            Agreement.archived_at.is_(None),
            derived.effective_status_sql(today) == "in_force",
            or_(
                Agreement.review_on <= end,
                Agreement.expires_on.between(today, end),
                and_(
                    Agreement.notice_months > 0,
                    notice_guess.between(today, end + timedelta(days=3)),
                ),
            ),
        )
        .order_by(Agreement.id)
    )
    with session_of(source) as session:
        rows = list(session.execute(query))
    deadlines: list[AgreementDeadline] = []
    for row in rows:
        candidates = [
            ("review", row.review_on),
            ("expiry", row.expires_on),
            ("notice", derived.notice_deadline(row._mapping)),
        ]
        for which, day in candidates:
            if day is None or day > end or (day < today and which != "review"):
                continue
            deadlines.append(
                AgreementDeadline(
                    agreement_id=row.id,
                    reference=row.reference,
                    title=row.title,
                    parties=(),
                    which=which,
                    due_on=day,
                    overdue=day < today,
                )
            )
    order = {name: i for i, name in enumerate(DEADLINE_LABELS)}
    deadlines.sort(key=lambda d: (d.due_on, order[d.which], d.reference or "", d.title))
    shown = deadlines[:limit] if limit is not None else deadlines
    with session_of(source) as session:
        parties = _party_names(session, list({d.agreement_id for d in shown}))
    named = [replace(d, parties=parties.get(d.agreement_id, ())) for d in shown]
    return named, Counted(len(deadlines))


def _party_names(session: Session, agreement_ids: list[str]) -> dict[str, tuple[str, ...]]:
    if not agreement_ids:
        return {}
    query = (
        select(AgreementParty.agreement_id, short_name_sql())
        .join(Organization, Organization.id == AgreementParty.organization_id)
        .where(AgreementParty.agreement_id.in_(agreement_ids))
        .order_by(AgreementParty.agreement_id, AgreementParty.position)
    )
    grouped: dict[str, list[str]] = defaultdict(list)
    for agreement_id, name in session.execute(query):
        grouped[agreement_id].append(name)
    return {key: tuple(names) for key, names in grouped.items()}


# -- follow-ups -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class FollowUpDue:
    follow_up_id: str
    text: str
    owner: str | None
    due_on: date
    status: str  # "open" or "in_progress"
    is_late: bool
    source_kind: str | None  # "agreement", "consultation", "activity"
    source_id: str | None
    source_title: (
        str | None
    )  # an agreement's reference (else title), a meeting's or activity's title


def with_follow_up_sources(query: Select) -> Select:
    """The query joined to each follow-up's source (an agreement, a consultation or a joint
    activity, whichever it comes from), so that the source's title can be selected."""
    return (
        query.outerjoin(
            Agreement,
            and_(FollowUp.source_kind == "agreement", Agreement.id == FollowUp.source_id),
        )
        .outerjoin(
            Consultation,
            and_(FollowUp.source_kind == "consultation", Consultation.id == FollowUp.source_id),
        )
        .outerjoin(
            JointActivity,
            and_(FollowUp.source_kind == "activity", JointActivity.id == FollowUp.source_id),
        )
    )


def _follow_ups_due_where(today: date, soon_days: int) -> list:
    end = today + timedelta(days=soon_days)
    return [
        FollowUp.archived_at.is_(None),
        FollowUp.status.in_(OPEN_STATUSES),
        FollowUp.due_on.is_not(None),
        FollowUp.due_on <= end,
    ]


def follow_ups_due(
    source: Store | Session, today: date, soon_days: int, limit: int | None = None
) -> list[FollowUpDue]:
    """Open or in-progress follow-ups already late or due within ``soon_days``, soonest first
    (so the late ones come first); the first ``limit`` of them when a limit is given."""
    source_title = case(
        (
            FollowUp.source_kind == "agreement",
            agreement_label_sql(),
        ),
        (FollowUp.source_kind == "consultation", Consultation.title),
        (FollowUp.source_kind == "activity", JointActivity.title),
    )
    query = with_follow_up_sources(
        select(
            FollowUp.id,
            FollowUp.text,
            FollowUp.owner,
            FollowUp.due_on,
            FollowUp.status,
            FollowUp.source_kind,
            FollowUp.source_id,
            source_title.label("source_title"),
        )
    ).order_by(FollowUp.due_on, FollowUp.text, FollowUp.id)
    # The shown follow-ups are chosen first, without the joins to their sources: joined, SQLite
    # would look up the source of every one of tens of thousands of late follow-ups.
    chosen = (
        select(FollowUp.id)
        .where(*_follow_ups_due_where(today, soon_days))
        .order_by(FollowUp.due_on, FollowUp.text, FollowUp.id)
        .limit(limit)
    )
    query = query.where(FollowUp.id.in_(chosen.scalar_subquery()))
    with session_of(source) as session:
        rows = list(session.execute(query))
    return [
        FollowUpDue(
            follow_up_id=row.id,
            text=row.text,
            owner=row.owner,
            due_on=row.due_on,
            status=row.status,
            is_late=row.due_on < today,
            source_kind=row.source_kind,
            source_id=row.source_id,
            source_title=row.source_title,
        )
        for row in rows
    ]


def count_follow_ups_due(source: Store | Session, today: date, soon_days: int) -> Counted:
    """How many follow-ups ``follow_ups_due`` would give without a limit, and how many are late."""
    query = select(
        func.count(), func.coalesce(func.sum(case((FollowUp.due_on < today, 1), else_=0)), 0)
    ).where(*_follow_ups_due_where(today, soon_days))
    with session_of(source) as session:
        total, late = session.execute(query).one()
    return Counted(total, late)


# -- consultations and activities -------------------------------------------------------------------
@dataclass(frozen=True)
class UpcomingConsultation:
    consultation_id: str
    title: str
    kind: str
    starts_at: str  # local ISO time as typed: "2026-12-10T09:00"
    on: date  # the day of starts_at
    place: str | None  # the location, or "Online" for an online meeting without one
    online: bool
    organizations: tuple[str, ...]  # short names, alphabetical


def _upcoming_consultations_where(today: date, horizon_days: int) -> list:
    after_end = (today + timedelta(days=horizon_days + 1)).isoformat()
    return [
        Consultation.archived_at.is_(None),
        Consultation.starts_at >= today.isoformat(),
        Consultation.starts_at < after_end,
    ]


def upcoming_consultations(
    source: Store | Session, today: date, horizon_days: int, limit: int | None = None
) -> list[UpcomingConsultation]:
    """Consultations starting from today to the end of the horizon's last day, soonest first;
    the first ``limit`` of them when a limit is given."""
    query = (
        select(
            Consultation.id,
            Consultation.title,
            Consultation.kind,
            Consultation.starts_at,
            Consultation.location,
            Consultation.online,
        )
        .where(*_upcoming_consultations_where(today, horizon_days))
        .order_by(Consultation.starts_at, Consultation.title, Consultation.id)
        .limit(limit)
    )
    with session_of(source) as session:
        rows = list(session.execute(query))
        names = _names_by_owner(
            session,
            ConsultationOrganization.consultation_id,
            ConsultationOrganization.organization_id,
            [row.id for row in rows],
        )
    return [
        UpcomingConsultation(
            consultation_id=row.id,
            title=row.title,
            kind=row.kind,
            starts_at=row.starts_at,
            on=date.fromisoformat(row.starts_at[:10]),
            place=row.location or ("Online" if row.online else None),
            online=bool(row.online),
            organizations=tuple(sorted(names.get(row.id, []), key=str.casefold)),
        )
        for row in rows
    ]


@dataclass(frozen=True)
class UpcomingActivity:
    activity_id: str
    title: str
    kind: str
    status: str
    start_on: date
    end_on: date | None
    place: str | None  # "Lomé, TG"; the city or the country alone when only one is known
    mode: str | None  # "in_person", "online", "hybrid"
    organizations: tuple[str, ...]  # short names: the lead first, then partners in their order


def _upcoming_activities_where(today: date, horizon_days: int) -> list:
    return [
        JointActivity.archived_at.is_(None),
        JointActivity.status != "cancelled",
        JointActivity.start_on.between(today, today + timedelta(days=horizon_days)),
    ]


def upcoming_activities(
    source: Store | Session, today: date, horizon_days: int, limit: int | None = None
) -> list[UpcomingActivity]:
    """Activities, other than cancelled ones, starting from today to the horizon, soonest first;
    the first ``limit`` of them when a limit is given."""
    return _activities(
        source,
        _upcoming_activities_where(today, horizon_days),
        (JointActivity.start_on, JointActivity.title, JointActivity.id),
        limit,
    )


def _activities(
    source: Store | Session, where: list, order: tuple, limit: int | None
) -> list[UpcomingActivity]:
    """The activities ``where`` selects, in ``order``, with their lead's and partners' names
    (read for the activities returned only)."""
    lead = aliased(Organization)
    query = (
        select(
            JointActivity.id,
            JointActivity.title,
            JointActivity.kind,
            JointActivity.status,
            JointActivity.start_on,
            JointActivity.end_on,
            JointActivity.city,
            JointActivity.country,
            JointActivity.mode,
            short_name_sql(lead).label("lead"),
        )
        .outerjoin(lead, lead.id == JointActivity.lead_organization_id)
        .where(*where)
        .order_by(*order)
        .limit(limit)
    )
    with session_of(source) as session:
        rows = list(session.execute(query))
        partners = _names_by_owner(
            session,
            ActivityPartner.activity_id,
            ActivityPartner.organization_id,
            [row.id for row in rows],
            order=ActivityPartner.position,
        )
    result = []
    for row in rows:
        names = [row.lead] if row.lead else []
        names += [n for n in partners.get(row.id, []) if n not in names]
        place = ", ".join(part for part in (row.city, row.country) if part) or None
        result.append(
            UpcomingActivity(
                activity_id=row.id,
                title=row.title,
                kind=row.kind,
                status=row.status,
                start_on=row.start_on,
                end_on=row.end_on,
                place=place,
                mode=row.mode,
                organizations=tuple(names),
            )
        )
    return result


def count_coming_up(source: Store | Session, today: date, horizon_days: int) -> Counted:
    """How many consultations and activities the two lists above would give without a limit."""
    consultations = select(func.count()).where(*_upcoming_consultations_where(today, horizon_days))
    activities = select(func.count()).where(*_upcoming_activities_where(today, horizon_days))
    with session_of(source) as session:
        return Counted(session.scalar(consultations) + session.scalar(activities))


def _names_by_owner(
    session: Session, owner_col, organization_col, owner_ids: list[str], order=None
) -> dict[str, list[str]]:
    """Short names of the organizations linked to each owner (one query for all owners)."""
    if not owner_ids:
        return {}
    query = (
        select(owner_col, short_name_sql())
        .join(Organization, Organization.id == organization_col)
        .where(owner_col.in_(owner_ids))
    )
    if order is not None:
        query = query.order_by(owner_col, order)
    grouped: dict[str, list[str]] = defaultdict(list)
    for owner, name in session.execute(query):
        grouped[owner].append(name)
    return grouped


# -- activities whose dates have passed while still planned ---------------------------------------
def _needing_update_where(today: date) -> list:
    return [JointActivity.archived_at.is_(None), derived.needs_update_sql(today)]


def activities_needing_update(
    source: Store | Session, today: date, limit: int | None = None
) -> list[UpcomingActivity]:
    """Activities still proposed, planned, confirmed or ongoing whose dates have passed
    (derived.needs_update): what happened there is not recorded yet. The most recent first —
    the one just held is the one the officer can record now; the first ``limit`` of them."""
    last_day = func.coalesce(JointActivity.end_on, JointActivity.start_on)
    return _activities(
        source,
        _needing_update_where(today),
        (last_day.desc(), JointActivity.title, JointActivity.id),
        limit,
    )


def count_activities_needing_update(source: Store | Session, today: date) -> Counted:
    """How many activities ``activities_needing_update`` would give without a limit."""
    query = select(func.count()).select_from(JointActivity).where(*_needing_update_where(today))
    with session_of(source) as session:
        return Counted(session.scalar(query))


# -- activities per area and year -------------------------------------------------------------------
@dataclass(frozen=True)
class AreaRow:
    area_id: str
    code: str | None
    name: str


@dataclass(frozen=True)
class ActivityCounts:
    """Joint activities per top-level thematic area and year of start: a table for the window."""

    areas: tuple[AreaRow, ...]  # every top-level area not archived, by code then name
    years: tuple[int, ...]  # the years that have at least one counted activity, ascending
    counts: dict[tuple[str, int], int] = field(default_factory=dict)  # (area_id, year) -> count

    def count(self, area_id: str, year: int) -> int:
        return self.counts.get((area_id, year), 0)


def top_level_areas():
    """A CTE mapping every thematic area (column ``area_id``) to its top-level ancestor
    (``top_id``); a top-level area maps to itself."""
    tree = (
        select(ThematicArea.id.label("area_id"), ThematicArea.id.label("top_id"))
        .where(ThematicArea.parent_id.is_(None))
        .cte("top_area", recursive=True)
    )
    child = aliased(ThematicArea)
    # UNION (not UNION ALL): stops even if a cycle slipped into the store.
    return tree.union(select(child.id, tree.c.top_id).where(child.parent_id == tree.c.area_id))


def activity_counts_by_area_and_year(source: Store | Session) -> ActivityCounts:
    """Activities (not archived, not cancelled, with a start date) per top-level area and year.

    An activity linked to sub-areas counts for their top-level area, once per area."""
    tree = top_level_areas()
    top = aliased(ThematicArea)
    year = cast(func.strftime("%Y", JointActivity.start_on), Integer).label("year")
    counts_query = (
        select(tree.c.top_id, year, func.count(distinct(JointActivity.id)))
        .select_from(ActivityThematicArea)
        .join(tree, tree.c.area_id == ActivityThematicArea.thematic_area_id)
        .join(JointActivity, JointActivity.id == ActivityThematicArea.activity_id)
        .join(top, top.id == tree.c.top_id)
        .where(
            top.archived_at.is_(None),
            JointActivity.archived_at.is_(None),
            JointActivity.status != "cancelled",
            JointActivity.start_on.is_not(None),
        )
        .group_by(tree.c.top_id, year)
    )
    areas_query = (
        select(ThematicArea.id, ThematicArea.code, ThematicArea.name)
        .where(ThematicArea.parent_id.is_(None), ThematicArea.archived_at.is_(None))
        .order_by(
            case((ThematicArea.code.is_(None), 1), else_=0), ThematicArea.code, ThematicArea.name
        )
    )
    with session_of(source) as session:
        counts = {(area_id, y): n for area_id, y, n in session.execute(counts_query)}
        areas = tuple(AreaRow(*row) for row in session.execute(areas_query))
    return ActivityCounts(areas=areas, years=tuple(sorted({y for _, y in counts})), counts=counts)
