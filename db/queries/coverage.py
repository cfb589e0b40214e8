"""Who we work with on what: partners × thematic areas (× year), and participants in joint
activities by area and year — for the coverage page and its XLSX export.

How a record counts (every count is of distinct records; SQLite selects and rolls up):

- **Records.** Agreements, consultations and joint activities that are not archived; an agreement
  whatever its status; an activity unless it is cancelled (as on the dashboard).
- **Partner.** An agreement counts for each of its parties; a consultation for each organization
  present; an activity for its lead organization and each partner organization. Partners are the
  organizations not archived and not marked as ours (ours is in everything). Contacts and
  participants named in a meeting do not make their organization present.
- **Area.** A record filed under sub-areas counts for their top-level area, once however many of
  its sub-areas it names (``dashboard.top_level_areas``). With ``under=<area id>`` the columns
  are that area itself (records filed directly under it) and its sub-areas, into which deeper
  areas roll up; only records filed somewhere in that branch count. Archived areas are not
  columns. A record with no current area counts in the ``NO_AREA`` column (only at the top level).
- **Year.** An agreement's year is that of its entry into force (else of its last signature); a
  consultation's, that of its start (the local date as typed); an activity's, that of its first
  day. A record without a date counts under "all years" only.
- **Totals.** ``year=None``, ``partner_id=None`` or ``area_id=None`` mean "all": a record under
  two areas or with two partners counts in both cells but once in their total.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Integer, case, cast, func, literal, or_, select, union
from sqlalchemy.orm import aliased
from sqlalchemy.sql import Select
from sqlmodel import Session

from db.queries.dashboard import AreaRow, session_of, top_level_areas
from db.records import derived
from db.schema.kinds import FILED_UNDER_AREAS
from db.schema.models import (
    ActivityPartner,
    ActivityThematicArea,
    Agreement,
    AgreementParty,
    AgreementThematicArea,
    Consultation,
    ConsultationOrganization,
    ConsultationThematicArea,
    JointActivity,
    Organization,
    ThematicArea,
)
from db.schema.naming import short_name, sort_key
from db.store.engine import Store

# The column of records filed under no (current) thematic area.
NO_AREA = AreaRow(area_id="", code=None, name="No thematic area")
KINDS = tuple(kind.key for kind in FILED_UNDER_AREAS)  # also the fields of Counts


# -- what the page shows ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Partner:
    organization_id: str
    name: str
    acronym: str | None

    @property
    def short_name(self) -> str:
        return short_name(self.name, self.acronym)


@dataclass(frozen=True)
class Counts:
    agreements: int = 0
    consultations: int = 0
    activities: int = 0

    @property
    def total(self) -> int:
        return self.agreements + self.consultations + self.activities

    def __bool__(self) -> bool:
        return self.total > 0


@dataclass(frozen=True)
class CoverageMatrix:
    """Rows ``partners``, columns ``areas`` (ending with ``NO_AREA`` when some record has no
    area), optionally by ``years``; ``cell(partner, area, year)`` where None means all."""

    partners: tuple[Partner, ...]
    areas: tuple[AreaRow, ...]
    years: tuple[int, ...]  # the years that have at least one counted record, ascending
    under: str | None = None  # the area whose sub-areas are the columns; None: top-level areas
    cells: dict[tuple[str | None, str | None, int | None], Counts] = field(default_factory=dict)

    def cell(
        self, partner_id: str | None = None, area_id: str | None = None, year: int | None = None
    ) -> Counts:
        return self.cells.get((partner_id, area_id, year), Counts())


@dataclass(frozen=True)
class Participation:
    activities: int = 0
    with_figures: int = 0  # held activities whose total number of participants is recorded
    participants: int = 0  # of held activities only (completed or ongoing)
    women: int = 0
    men: int = 0
    expected: int = 0  # expected at activities not held yet (proposed, planned, postponed…)


@dataclass(frozen=True)
class ActivitiesReport:
    """Joint activities and their participants (total, women, men) per area and year:
    ``row(area, year)`` where None means all (an activity under two areas counts once in all)."""

    areas: tuple[AreaRow, ...]  # ends with NO_AREA when some activity has no area
    years: tuple[int, ...]
    under: str | None = None
    rows: dict[tuple[str | None, int | None], Participation] = field(default_factory=dict)

    def row(self, area_id: str | None = None, year: int | None = None) -> Participation:
        return self.rows.get((area_id, year), Participation())


# -- areas as columns -----------------------------------------------------------------------------------
def area_columns(under: str | None = None):
    """A CTE mapping every thematic area (``area_id``) to the column it counts in (``top_id``):
    its top-level ancestor, or, under a chosen area, the sub-area of that area it lies in (the
    chosen area maps to itself, and areas outside that branch to nothing). Shared helper for
    the coverage queries; at the top level it is ``dashboard.top_level_areas``."""
    if under is None:
        return top_level_areas()
    tree = (
        select(ThematicArea.id.label("area_id"), ThematicArea.id.label("top_id"))
        .where(or_(ThematicArea.parent_id == under, ThematicArea.id == under))
        .cte("branch_area", recursive=True)
    )
    child = aliased(ThematicArea)
    # Not below the chosen area's own row (its sub-areas are columns of their own); UNION stops
    # even if a cycle slipped into the store.
    return tree.union(
        select(child.id, tree.c.top_id).where(
            child.parent_id == tree.c.area_id, tree.c.top_id != under
        )
    )


def _columns(session: Session, under: str | None) -> list[AreaRow]:
    order = (
        case((ThematicArea.code.is_(None), 1), else_=0),
        ThematicArea.code,
        ThematicArea.name,
    )
    query = select(ThematicArea.id, ThematicArea.code, ThematicArea.name).where(
        ThematicArea.archived_at.is_(None)
    )
    if under is None:
        rows = session.execute(query.where(ThematicArea.parent_id.is_(None)).order_by(*order))
        return [AreaRow(*row) for row in rows]
    itself = session.execute(query.where(ThematicArea.id == under)).first()
    if itself is None:
        raise ValueError(f"There is no current thematic area with the id {under}.")
    children = session.execute(query.where(ThematicArea.parent_id == under).order_by(*order))
    return [AreaRow(*itself), *(AreaRow(*row) for row in children)]


def _filed_under(link, owner_column, under: str | None) -> Select:
    """(record_id, column_id): each record once per current column it is filed under."""
    tree = area_columns(under)
    column = aliased(ThematicArea)
    return (
        select(owner_column.label("record_id"), tree.c.top_id.label("column_id"))
        .join(tree, tree.c.area_id == link.thematic_area_id)
        .join(column, column.id == tree.c.top_id)
        .where(column.archived_at.is_(None))
        .distinct()
    )


def _year(day) -> Any:
    return cast(func.substr(day, 1, 4), Integer)


# -- partners -----------------------------------------------------------------------------------------
def _partner_rows(query: Select) -> Select:
    """Keep the rows whose ``partner_id`` is a current organization other than ours."""
    sub = query.subquery()
    return (
        select(sub.c.record_id, sub.c.partner_id, sub.c.year)
        .join(Organization, Organization.id == sub.c.partner_id)
        .where(Organization.archived_at.is_(None), Organization.is_ours.is_(False))
    )


def _agreement_partners() -> Select:
    signature = aliased(AgreementParty)
    last_signed = (
        select(func.max(signature.signed_on))
        .where(signature.agreement_id == Agreement.id)
        .correlate(Agreement)
        .scalar_subquery()
    )
    return _partner_rows(
        select(
            Agreement.id.label("record_id"),
            AgreementParty.organization_id.label("partner_id"),
            _year(func.coalesce(Agreement.entry_into_force, last_signed)).label("year"),
        )
        .join(AgreementParty, AgreementParty.agreement_id == Agreement.id)
        .where(Agreement.archived_at.is_(None))
    )


def _consultation_partners() -> Select:
    return _partner_rows(
        select(
            Consultation.id.label("record_id"),
            ConsultationOrganization.organization_id.label("partner_id"),
            _year(Consultation.starts_at).label("year"),
        )
        .join(ConsultationOrganization, ConsultationOrganization.consultation_id == Consultation.id)
        .where(Consultation.archived_at.is_(None))
    )


def _counted_activities():
    return (JointActivity.archived_at.is_(None), JointActivity.status != "cancelled")


def _activity_partners() -> Select:
    year = _year(JointActivity.start_on).label("year")
    lead = select(
        JointActivity.id.label("record_id"),
        JointActivity.lead_organization_id.label("partner_id"),
        year,
    ).where(JointActivity.lead_organization_id.is_not(None), *_counted_activities())
    partners = (
        select(
            JointActivity.id.label("record_id"),
            ActivityPartner.organization_id.label("partner_id"),
            year,
        )
        .join(ActivityPartner, ActivityPartner.activity_id == JointActivity.id)
        .where(*_counted_activities())
    )
    return _partner_rows(union(lead, partners))  # a lead also listed as partner counts once


_SOURCES = {
    "agreements": (
        _agreement_partners,
        AgreementThematicArea,
        AgreementThematicArea.agreement_id,
    ),
    "consultations": (
        _consultation_partners,
        ConsultationThematicArea,
        ConsultationThematicArea.consultation_id,
    ),
    "activities": (_activity_partners, ActivityThematicArea, ActivityThematicArea.activity_id),
}


# -- the coverage matrix --------------------------------------------------------------------------------
def coverage_matrix(
    source: Store | Session, *, under: str | None = None, include_empty: bool = False
) -> CoverageMatrix:
    """Agreements, consultations and activities per partner, thematic area and year (see the
    module docstring for what counts). ``include_empty`` lists partners with nothing counted
    too. Raises ValueError when ``under`` is not a current thematic area."""
    found: dict[str, dict[tuple, int]] = {}
    years: set[int] = set()
    with session_of(source) as session:
        columns = _columns(session, under)
        for kind, (partners_of, link, owner) in _SOURCES.items():
            # SQLite selects the records, their partners and years, and rolls their areas up to
            # the columns; the distinct records of each cell and total are counted here, in one
            # pass (four GROUP BYs over the join took four times as long on 100,000 activities).
            filed: dict[str, list[str]] = defaultdict(list)
            for record_id, column_id in session.execute(_filed_under(link, owner, under)):
                filed[record_id].append(column_id)
            found[kind] = _count_distinct(session.execute(partners_of()), filed, under, years)
        partners = _partners(session, include_empty, {key[0] for f in found.values() for key in f})
    keys = {key for f in found.values() for key in f}
    cells = {key: Counts(**{kind: found[kind].get(key, 0) for kind in KINDS}) for key in keys}
    if any(key[1] == NO_AREA.area_id for key in keys):
        columns.append(NO_AREA)
    return CoverageMatrix(
        partners=partners,
        areas=tuple(columns),
        years=tuple(sorted(years)),
        under=under,
        cells=cells,
    )


def _count_distinct(
    pairs: Iterable[tuple[str, str, int | None]],
    filed: dict[str, list[str]],
    under: str | None,
    years: set[int],
) -> dict[tuple, int]:
    """How many distinct records fall in each (partner, column, year) cell and in each total,
    where None stands for all partners, all columns or all years."""
    records: dict[tuple, set[str]] = defaultdict(set)
    for record_id, partner_id, year in pairs:
        columns = filed.get(record_id)
        if not columns:
            if under is not None:  # outside the chosen branch
                continue
            columns = [NO_AREA.area_id]
        if year is not None:
            years.add(year)
        for y in (None, year) if year is not None else (None,):
            records[(partner_id, None, y)].add(record_id)
            records[(None, None, y)].add(record_id)
            for column in columns:
                records[(partner_id, column, y)].add(record_id)
                records[(None, column, y)].add(record_id)
    return {key: len(ids) for key, ids in records.items()}


def _partners(session: Session, include_empty: bool, counted: set[str | None]) -> tuple:
    query = select(Organization.id, Organization.name, Organization.acronym).where(
        Organization.archived_at.is_(None), Organization.is_ours.is_(False)
    )
    rows = [Partner(row.id, row.name, row.acronym or None) for row in session.execute(query)]
    if not include_empty:
        rows = [p for p in rows if p.organization_id in counted]
    return tuple(sorted(rows, key=lambda p: (sort_key(p.short_name), sort_key(p.name))))


# -- the activities report ------------------------------------------------------------------------------
def activities_report(source: Store | Session, *, under: str | None = None) -> ActivitiesReport:
    """Joint activities (not archived, not cancelled) and their participants per area and year:
    the actual participants of the activities held (completed or ongoing) only, and apart, the
    participants expected at those not held yet; the area columns and years follow the coverage
    matrix's rules."""
    areas = _filed_under(ActivityThematicArea, ActivityThematicArea.activity_id, under).subquery()
    column = func.coalesce(areas.c.column_id, literal(NO_AREA.area_id))
    year = _year(JointActivity.start_on)

    held = JointActivity.status.in_(derived.HELD)

    def when_held(column, *, otherwise: bool = False):
        return case((~held if otherwise else held, column), else_=None)

    def measures():
        return (
            func.count(JointActivity.id),
            func.count(when_held(JointActivity.participants_total)),
            func.coalesce(func.sum(when_held(JointActivity.participants_total)), 0),
            func.coalesce(func.sum(when_held(JointActivity.participants_women)), 0),
            func.coalesce(func.sum(when_held(JointActivity.participants_men)), 0),
            func.coalesce(
                func.sum(when_held(JointActivity.participants_expected, otherwise=True)), 0
            ),
        )

    joined = (
        JointActivity.__table__.join(areas, areas.c.record_id == JointActivity.id)
        if under is not None
        else JointActivity.__table__.outerjoin(areas, areas.c.record_id == JointActivity.id)
    )
    by_area = (
        select(column, year, *measures())
        .select_from(joined)
        .where(*_counted_activities())
        .group_by(column, year)
    )
    # All areas: each activity once, however many areas it is filed under.
    in_branch = JointActivity.id.in_(select(areas.c.record_id)) if under is not None else None
    overall = select(literal(None), year, *measures()).where(*_counted_activities())
    if in_branch is not None:
        overall = overall.where(in_branch)
    overall = overall.group_by(year)
    totals: dict[tuple[str | None, int | None], list[int]] = defaultdict(lambda: [0] * 6)
    years: set[int] = set()
    with session_of(source) as session:
        columns = _columns(session, under)
        for query in (by_area, overall):
            for area_id, y, *values in session.execute(query):
                keys = [(area_id, None)] + ([(area_id, y)] if y is not None else [])
                if y is not None:
                    years.add(y)
                for key in keys:
                    totals[key] = [a + b for a, b in zip(totals[key], values, strict=True)]
    if any(key[0] == NO_AREA.area_id for key in totals):
        columns.append(NO_AREA)
    return ActivitiesReport(
        areas=tuple(columns),
        years=tuple(sorted(years)),
        under=under,
        rows={key: Participation(*values) for key, values in totals.items()},
    )
