"""What the portfolio review reads, counted by SQLite: one aggregate statement per kind of record
(grouped by agreement, along the covering indexes of migration 0009), never the records
themselves — a portfolio of 20,000 agreements and 200,000 activities is read in a few hundred
milliseconds. The rules of what counts are in ``db.queries.portfolio``'s docstring and
docs/portfolio-review.md; this module only reads.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import String, and_, case, cast, func, or_, select, union_all
from sqlmodel import Session

from db.records import derived
from db.records.derived import add_months
from db.records.rules import OPEN_STATUSES
from db.schema.models import (
    Agreement,
    AgreementAssessment,
    AgreementCommitment,
    AgreementParty,
    AgreementThematicArea,
    Change,
    Consultation,
    ConsultationAgreement,
    FollowUp,
    JointActivity,
    Organization,
    ThematicArea,
)
from db.schema.naming import short_name
from db.store.sql import ids_in

# The look-back windows of the counts, in years.
WINDOWS = (1, 3, 5)


def end_of(day: date) -> datetime:
    """The first moment after ``day``, as the store writes moments (UTC, naive)."""
    return datetime.combine(day + timedelta(days=1), time())


def years_before(day: date, years: int) -> date:
    return add_months(day, -12 * years)


def _rows(session: Session, statement) -> list:
    # Core, not the ORM: the rows are plain tuples, and the ORM's row loading was a third of
    # the time on a large portfolio.
    return session.connection().execute(statement).all()


def _last(text: str | None) -> tuple[date, str] | None:
    """'2026-03-02 <id>' (the latest day and its record, by one max()) -> (day, id)."""
    if not text:
        return None
    day, _, record_id = text.partition(" ")
    try:
        return date.fromisoformat(day[:10]), record_id
    except ValueError:
        return None


# -- agreements ----------------------------------------------------------------------------------
def agreements(session: Session, as_of: date, today: bool) -> dict[str, dict[str, Any]]:
    """The agreements in the review, each as a dict of its fields, with ``signed_on`` (its last
    signature) and, on a past day, the status it had then."""
    signed = (
        select(
            AgreementParty.agreement_id.label("agreement_id"),
            func.max(AgreementParty.signed_on).label("signed_on"),
        )
        .group_by(AgreementParty.agreement_id)
        .subquery()
    )
    rows = _rows(
        session,
        select(
            Agreement.id,
            Agreement.reference,
            Agreement.title,
            Agreement.kind,
            Agreement.status,
            Agreement.entry_into_force,
            Agreement.expires_on,
            Agreement.notice_months,
            Agreement.review_on,
            Agreement.parent_id,
            Agreement.supersedes_id,
            Agreement.created_at,
            signed.c.signed_on,
        )
        .outerjoin(signed, signed.c.agreement_id == Agreement.id)
        .where(Agreement.archived_at.is_(None))
        .order_by(Agreement.title_key, Agreement.id),
    )
    changed_status = {} if today else _status_then(session, as_of)
    found: dict[str, dict[str, Any]] = {}
    for row in rows:
        one = dict(row._mapping)
        if not today:
            one["status"] = changed_status.get(one["id"], one["status"])
            known = [d for d in (one["signed_on"], one["entry_into_force"]) if d]
            if known and min(known) > as_of:
                continue  # neither signed nor in force yet on that day
            if not known and one["created_at"] >= end_of(as_of):
                continue  # not recorded yet on that day
        found[one["id"]] = one
    if not today:
        # A successor not in force yet on that day had not superseded anything (unless the
        # history says when the old one's status changed).
        for one in found.values():
            before = found.get(one["supersedes_id"] or "")
            if (
                before is not None
                and before["status"] == "superseded"
                and before["id"] not in changed_status
                and one["entry_into_force"] is not None
                and one["entry_into_force"] > as_of
            ):
                before["status"] = "in_force"
    return found


def _status_then(session: Session, as_of: date) -> dict[str, str]:
    """Agreement id -> the status it had on ``as_of``, for those whose status changed since: the
    old value of the first change after that day."""
    rows = _rows(
        session,
        select(Change.record_id, Change.old_value)
        .where(
            Change.record_kind == "agreement",
            Change.field == "status",
            Change.changed_at >= end_of(as_of),
        )
        .order_by(Change.changed_at, Change.id),
    )
    then: dict[str, str] = {}
    for record_id, old_value in rows:
        if record_id not in then and old_value:
            then[record_id] = old_value
    return then


def families(found: dict[str, dict[str, Any]]) -> dict[str, tuple[str, ...]]:
    """Each agreement with its project agreements at any depth (a cycle is cut)."""
    kids: dict[str, list[str]] = defaultdict(list)
    for one in found.values():
        if one["parent_id"] in found:
            kids[one["parent_id"]].append(one["id"])
    result = {}
    for agreement_id in found:
        seen, todo = [agreement_id], [agreement_id]
        while todo:
            for child in kids.get(todo.pop(), ()):
                if child not in seen:
                    seen.append(child)
                    todo.append(child)
        result[agreement_id] = tuple(seen)
    return result


def parties(session: Session) -> dict[str, list[tuple[str, str, str, str | None]]]:
    """Agreement id -> its partners in order: (organization id, short name, kind, country)."""
    rows = _rows(
        session,
        select(
            AgreementParty.agreement_id,
            Organization.id,
            Organization.name,
            Organization.acronym,
            Organization.kind,
            Organization.country,
        )
        .join(Organization, Organization.id == AgreementParty.organization_id)
        .where(Organization.is_ours.is_(False))
        .order_by(AgreementParty.agreement_id, AgreementParty.position),
    )
    found: dict[str, list] = defaultdict(list)
    for agreement_id, org_id, name, acronym, kind, country in rows:
        found[agreement_id].append((org_id, short_name(name, acronym), kind, country))
    return found


def areas(session: Session) -> dict[str, tuple[frozenset[str], tuple[str, ...]]]:
    """Agreement id -> (the current areas it is filed under with their ancestors, the names of
    their top-level areas)."""
    tree = {
        row[0]: (row[1], row[2], row[3])
        for row in _rows(
            session,
            select(
                ThematicArea.id,
                ThematicArea.parent_id,
                ThematicArea.name,
                ThematicArea.archived_at,
            ),
        )
    }

    def line(area_id: str) -> list[str]:
        found: list[str] = []
        while area_id in tree and area_id not in found:
            found.append(area_id)
            area_id = tree[area_id][0]
        return found

    filed: dict[str, list[str]] = defaultdict(list)
    for agreement_id, area_id in _rows(
        session,
        select(AgreementThematicArea.agreement_id, AgreementThematicArea.thematic_area_id),
    ):
        if area_id in tree and tree[area_id][2] is None:
            filed[agreement_id].append(area_id)
    result = {}
    for agreement_id, area_ids in filed.items():
        lines = [line(a) for a in area_ids]
        tops = sorted({ln[-1] for ln in lines if ln}, key=lambda a: tree[a][1].casefold())
        result[agreement_id] = (
            frozenset(a for ln in lines for a in ln),
            tuple(tree[a][1] for a in tops),
        )
    return result


# -- what was held -------------------------------------------------------------------------------
@dataclass
class Figures:
    """What was held under one agreement (or its family): the last one, and per window (years)
    the activities, participants, women, men and consultations."""

    last_activity: tuple[date, str] | None = None
    last_consultation: tuple[date, str] | None = None
    # years -> (count, participants, women, men)
    activities: dict[int, tuple[int, ...]] | None = None
    consultations: dict[int, int] | None = None

    def add_activities(self, other: Figures) -> None:
        if other.activities is None:
            return
        if self.activities is None:
            self.activities = other.activities
        else:
            self.activities = {
                years: tuple(a + b for a, b in zip(mine, other.activities[years], strict=True))
                for years, mine in self.activities.items()
            }
        if other.last_activity and (
            self.last_activity is None or other.last_activity > self.last_activity
        ):
            self.last_activity = other.last_activity


def _held_activities_where(as_of: date) -> list:
    # The status through coalesce(): SQLite would otherwise read the activities through the
    # status index (two values, most rows) and sort them, where the review index holds every
    # column wanted in agreement order (a third of the time on the stress store).
    return [
        JointActivity.archived_at.is_(None),
        JointActivity.agreement_id.is_not(None),
        func.coalesce(JointActivity.status, "").in_(derived.HELD),
        JointActivity.start_on <= as_of,
    ]


def activity_figures(session: Session, as_of: date) -> dict[str, Figures]:
    """Agreement id -> its own activities held by ``as_of`` (not its project agreements')."""
    columns: list = [
        JointActivity.agreement_id,
        func.max(cast(JointActivity.start_on, String) + " " + JointActivity.id),
    ]
    for years in WINDOWS:
        inside = JointActivity.start_on > years_before(as_of, years)
        columns += [
            func.coalesce(func.sum(case((inside, 1), else_=0)), 0),
            *(
                func.coalesce(func.sum(case((inside, value), else_=0)), 0)
                for value in (
                    JointActivity.participants_total,
                    JointActivity.participants_women,
                    JointActivity.participants_men,
                )
            ),
        ]
    rows = _rows(
        session,
        select(*columns).where(*_held_activities_where(as_of)).group_by(JointActivity.agreement_id),
    )
    return {
        row[0]: Figures(
            last_activity=_last(row[1]),
            activities={years: row[2 + i * 4 : 6 + i * 4] for i, years in enumerate(WINDOWS)},
        )
        for row in rows
    }


def _consultation_day():
    return func.substr(Consultation.starts_at, 1, 10)


def _held_consultations_where(as_of: date) -> list:
    # The day as typed, compared as text: "2026-03-02T10:00" starts with its ISO day.
    return [
        Consultation.archived_at.is_(None),
        Consultation.starts_at.is_not(None),
        _consultation_day() <= as_of.isoformat(),
    ]


def consultation_figures(session: Session, as_of: date) -> dict[str, Figures]:
    """Agreement id -> its own consultations held by ``as_of``."""
    day = _consultation_day()
    columns: list = [ConsultationAgreement.agreement_id, func.max(day + " " + Consultation.id)]
    for years in WINDOWS:
        inside = day > years_before(as_of, years).isoformat()
        columns.append(func.sum(case((inside, 1), else_=0)))
    rows = _rows(
        session,
        select(*columns)
        .select_from(ConsultationAgreement)
        .join(Consultation, Consultation.id == ConsultationAgreement.consultation_id)
        .where(*_held_consultations_where(as_of))
        .group_by(ConsultationAgreement.agreement_id),
    )
    return {
        row[0]: Figures(
            last_consultation=_last(row[1]),
            consultations={years: int(row[2 + i] or 0) for i, years in enumerate(WINDOWS)},
        )
        for row in rows
    }


def family_consultation_figures(
    session: Session, as_of: date, members_of: dict[str, tuple[str, ...]]
) -> dict[str, Figures]:
    """Agreement id -> the consultations held by ``as_of`` linked to it or to any of its project
    agreements (``members_of``), each counted once: one statement for every family."""
    wanted = sorted({m for members in members_of.values() for m in members})
    if not wanted:
        return {}
    rows = _rows(
        session,
        select(ConsultationAgreement.agreement_id, Consultation.id, _consultation_day())
        .select_from(ConsultationAgreement)
        .join(Consultation, Consultation.id == ConsultationAgreement.consultation_id)
        .where(*_held_consultations_where(as_of))
        .where(ConsultationAgreement.agreement_id.in_(ids_in(wanted))),
    )
    held: dict[str, list[tuple[date, str]]] = defaultdict(list)
    for agreement_id, consultation_id, text in rows:
        try:
            held[agreement_id].append((date.fromisoformat(text), consultation_id))
        except ValueError:
            continue  # a start typed wrongly is shown on its record, not counted
    since = {years: years_before(as_of, years) for years in WINDOWS}
    found = {}
    for root, members in members_of.items():
        mine = {c for m in members for c in held.get(m, ())}
        if mine:
            found[root] = Figures(
                last_consultation=max(mine),
                consultations={y: sum(1 for c in mine if c[0] > d) for y, d in since.items()},
            )
    return found


def commitments(session: Session) -> dict[str, dict[str, int]]:
    found: dict[str, dict[str, int]] = defaultdict(dict)
    for agreement_id, status, count in _rows(
        session,
        select(
            AgreementCommitment.agreement_id,
            AgreementCommitment.status,
            func.count(),
        ).group_by(AgreementCommitment.agreement_id, AgreementCommitment.status),
    ):
        found[agreement_id][status] = count
    return found


def latest_assessments(session: Session, as_of: date) -> dict[str, dict[str, Any]]:
    """Agreement id -> the officers' latest dated assessment of it made by ``as_of`` (the last
    in the list when two share a day)."""
    rows = _rows(
        session,
        select(
            AgreementAssessment.agreement_id,
            AgreementAssessment.assessed_on,
            AgreementAssessment.rating,
            AgreementAssessment.recommendation,
            AgreementAssessment.narrative,
            AgreementAssessment.assessed_by,
        )
        .where(AgreementAssessment.assessed_on <= as_of)
        .order_by(AgreementAssessment.assessed_on, AgreementAssessment.position),
    )
    return {row[0]: dict(row._mapping) for row in rows}  # the latest overwrites the others


# -- follow-ups ----------------------------------------------------------------------------------
def _open_then(as_of: date, today: bool) -> list:
    """A follow-up open on ``as_of``: open now; on a past day, recorded by then and open then
    (still open, or done after that day)."""
    if today:
        return [FollowUp.archived_at.is_(None), FollowUp.status.in_(OPEN_STATUSES)]
    return [
        FollowUp.archived_at.is_(None),
        FollowUp.created_at < end_of(as_of),
        or_(
            FollowUp.status.in_(OPEN_STATUSES),
            and_(
                FollowUp.status == "done",
                FollowUp.completed_on.is_not(None),
                FollowUp.completed_on > as_of,
            ),
        ),
    ]


def _follow_ups_by_agreement(as_of: date, today: bool):
    """(agreement id, follow-up id, due day) of every follow-up open on that day whose source is
    an agreement, an activity under one, or a consultation linked to one."""
    where = _open_then(as_of, today)
    own = select(FollowUp.source_id.label("agreement_id"), FollowUp.id, FollowUp.due_on).where(
        FollowUp.source_kind == "agreement", *where
    )
    of_activities = (
        select(JointActivity.agreement_id, FollowUp.id, FollowUp.due_on)
        .join(JointActivity, JointActivity.id == FollowUp.source_id)
        .where(FollowUp.source_kind == "activity", JointActivity.agreement_id.is_not(None), *where)
    )
    of_consultations = (
        select(ConsultationAgreement.agreement_id, FollowUp.id, FollowUp.due_on)
        .join(ConsultationAgreement, ConsultationAgreement.consultation_id == FollowUp.source_id)
        .where(FollowUp.source_kind == "consultation", *where)
    )
    return union_all(own, of_activities, of_consultations).subquery()


def follow_up_figures(session: Session, as_of: date, today: bool) -> dict[str, tuple[int, int]]:
    """Agreement id -> (open, late) follow-ups of the agreement, of the activities under it and
    of the consultations linked to it, as they stood on ``as_of``."""
    inner = _follow_ups_by_agreement(as_of, today)
    late = and_(inner.c.due_on.is_not(None), inner.c.due_on < as_of)
    rows = _rows(
        session,
        select(inner.c.agreement_id, func.count(), func.sum(case((late, 1), else_=0))).group_by(
            inner.c.agreement_id
        ),
    )
    return {row[0]: (int(row[1]), int(row[2] or 0)) for row in rows}


def follow_up_ids(
    session: Session, agreement_id: str, as_of: date, today: bool, late_only: bool
) -> tuple[str, ...]:
    inner = _follow_ups_by_agreement(as_of, today)
    query = select(inner.c.id).where(inner.c.agreement_id == agreement_id)
    if late_only:
        query = query.where(inner.c.due_on.is_not(None), inner.c.due_on < as_of)
    return tuple(dict.fromkeys(r[0] for r in _rows(session, query.order_by(inner.c.due_on))))


# -- the records behind a count, and the years ------------------------------------------------------
def activity_ids(
    session: Session, members: Iterable[str], as_of: date, since: date | None
) -> tuple[str, ...]:
    query = select(JointActivity.id).where(
        *_held_activities_where(as_of), JointActivity.agreement_id.in_(list(members))
    )
    if since is not None:
        query = query.where(JointActivity.start_on > since)
    return tuple(r[0] for r in _rows(session, query.order_by(JointActivity.start_on.desc())))


def consultation_ids(
    session: Session, members: Iterable[str], as_of: date, since: date | None
) -> tuple[str, ...]:
    day = _consultation_day()
    query = (
        select(Consultation.id)
        .join(ConsultationAgreement, ConsultationAgreement.consultation_id == Consultation.id)
        .where(*_held_consultations_where(as_of))
        .where(ConsultationAgreement.agreement_id.in_(list(members)))
    )
    if since is not None:
        query = query.where(day > since.isoformat())
    return tuple(
        dict.fromkeys(r[0] for r in _rows(session, query.order_by(Consultation.starts_at.desc())))
    )


def held_by_year(
    session: Session, as_of: date, members: Iterable[str] | None = None
) -> dict[int, tuple[int, int]]:
    """Year -> (activities, consultations) held by ``as_of`` under the given agreements (every
    agreement: None), each record once."""
    # Every agreement the review holds (those not archived), or the ones given.
    chosen = (
        select(Agreement.id).where(Agreement.archived_at.is_(None))
        if members is None
        else ids_in(sorted(set(members)))
    )
    year = func.substr(cast(JointActivity.start_on, String), 1, 4)
    acts = (
        select(year, func.count())
        .where(*_held_activities_where(as_of))
        .where(JointActivity.agreement_id.in_(chosen))
    )
    cons_ids = (
        select(Consultation.id.label("id"), func.substr(_consultation_day(), 1, 4).label("year"))
        .join(ConsultationAgreement, ConsultationAgreement.consultation_id == Consultation.id)
        .where(*_held_consultations_where(as_of))
        .where(ConsultationAgreement.agreement_id.in_(chosen))
    )
    cons_ids = cons_ids.distinct().subquery()
    found: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for text, count in _rows(session, acts.group_by(year)):
        found[int(text)][0] += count
    for text, count in _rows(
        session, select(cons_ids.c.year, func.count()).group_by(cons_ids.c.year)
    ):
        found[int(text)][1] += count
    return {y: (v[0], v[1]) for y, v in sorted(found.items())}
