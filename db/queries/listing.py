"""Lists for the window: which records match a filter, in which order, and what their columns
show — all computed by SQLite, so that a list of 100,000 records never loads them into Python.

``matching_ids`` returns only ids (cheap: 100,000 short strings); ``column_values`` fetches the
shown values for the few rows on screen. Column expressions serve both display and sorting.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    Column,
    and_,
    bindparam,
    case,
    exists,
    func,
    literal,
    or_,
    select,
    text,
    true,
    tuple_,
)
from sqlalchemy.sql import ColumnElement, Select
from sqlmodel import Session

from db.records import derived
from db.records.search import match_expression
from db.records.thematic import area_and_descendants_ids
from db.schema.kinds import BY_NAME
from db.schema.models import (
    SORTED_BY_KEY,
    ActivityPartner,
    ActivityThematicArea,
    Agreement,
    AgreementParty,
    AgreementThematicArea,
    Consultation,
    ConsultationOrganization,
    ConsultationThematicArea,
    Contact,
    FollowUp,
    JointActivity,
    Organization,
    ThematicArea,
)
from db.schema.naming import short_name_sql, sort_key
from db.store.sql import ids_in, in_chunks


@dataclass(frozen=True)
class ListColumn:
    key: str
    label: str
    expression: Callable[[date], ColumnElement]  # given today (for derived values)
    # text, date, datetime, count, choice, flag, country (a code), place ("city, country
    # code"): how the window formats it (a country by its name; sorted by its code)
    kind: str = "text"
    # A value read from one row of another table: the list's query joined to that row, and the
    # value there. Sorting by it then reads each row once, where the correlated ``expression``
    # in ORDER BY looks it up again for every comparison.
    joined: Callable[[Select], tuple[Select, ColumnElement]] | None = None


@dataclass(frozen=True)
class ListFilter:
    """What an officer can narrow a list to. Unset fields do not filter."""

    text: str = ""
    status: str | None = None
    kind: str | None = None
    thematic_area_id: str | None = None  # the area and all its sub-areas
    partner_id: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    year: int | None = None  # records whose main date falls in that year
    late_only: bool = False
    upcoming_only: bool = False
    archived: bool = False  # show archived records instead of current ones
    # Exactly these records (those behind a figure of the portfolio review), the other fields
    # narrowing them further; None: any record.
    ids: tuple[str, ...] | None = None
    sort_key: str | None = None
    descending: bool = False

    def with_(self, **changes: Any) -> ListFilter:
        return replace(self, **changes)


def _joined(query: Select) -> ColumnElement:
    return query.scalar_subquery()


def _party_names(_today: date) -> ColumnElement:
    inner = (
        select(short_name_sql().label("n"))
        .select_from(AgreementParty)
        .join(Organization, Organization.id == AgreementParty.organization_id)
        .where(AgreementParty.agreement_id == Agreement.id)
        .order_by(AgreementParty.position)
        .correlate(Agreement)
        .subquery()
    )
    return _joined(select(func.group_concat(inner.c.n, ", ")))


def _consultation_orgs(_today: date) -> ColumnElement:
    inner = (
        select(short_name_sql().label("n"))
        .select_from(ConsultationOrganization)
        .join(Organization, Organization.id == ConsultationOrganization.organization_id)
        .where(ConsultationOrganization.consultation_id == Consultation.id)
        .order_by(short_name_sql())
        .correlate(Consultation)
        .subquery()
    )
    return _joined(select(func.group_concat(inner.c.n, ", ")))


def _activity_partners(_today: date) -> ColumnElement:
    inner = (
        select(short_name_sql().label("n"))
        .select_from(ActivityPartner)
        .join(Organization, Organization.id == ActivityPartner.organization_id)
        .where(ActivityPartner.activity_id == JointActivity.id)
        .order_by(ActivityPartner.position)
        .correlate(JointActivity)
        .subquery()
    )
    return _joined(select(func.group_concat(inner.c.n, ", ")))


def _lead_name(_today: date) -> ColumnElement:
    lead = Organization.__table__.alias("lead")
    return _joined(
        select(short_name_sql(lead))
        .where(lead.c.id == JointActivity.lead_organization_id)
        .correlate(JointActivity)
    )


def _contact_org(_today: date) -> ColumnElement:
    return _joined(
        select(short_name_sql())
        .where(Organization.id == Contact.organization_id)
        .correlate(Contact)
    )


def _joined_organization(owner_column) -> Callable[[Select], tuple[Select, ColumnElement]]:
    def join(query: Select) -> tuple[Select, ColumnElement]:
        partner = Organization.__table__.alias("sorted_by")
        name = short_name_sql(partner)
        return query.outerjoin(partner, partner.c.id == owner_column), name

    return join


def _agreement_count(_today: date) -> ColumnElement:
    return _joined(
        select(func.count())
        .select_from(AgreementParty)
        .join(Agreement, Agreement.id == AgreementParty.agreement_id)
        .where(AgreementParty.organization_id == Organization.id, Agreement.archived_at.is_(None))
        .correlate(Organization)
    )


def _place(table) -> Callable[[date], ColumnElement]:
    def expression(_today: date) -> ColumnElement:
        city, country = func.coalesce(table.city, ""), func.coalesce(table.country, "")
        joined = case(
            (and_(city != "", country != ""), city + ", " + country), else_=city + country
        )
        return func.nullif(joined, "")  # no place at all is empty, and sorts last

    return expression


def _col(table, name: str) -> Callable[[date], ColumnElement]:
    return lambda _today: getattr(table, name)


@dataclass(frozen=True)
class ListSpec:
    """How one record kind is listed and filtered."""

    kind: str
    table: type
    columns: tuple[ListColumn, ...]
    default_sort: str
    default_descending: bool = False
    status: Callable[[date], ColumnElement] | None = None
    main_date: Any = None  # the column the date range and "upcoming" apply to
    thematic_link: Any = None  # (link table, owner column)
    partner: Callable[[str], ColumnElement] | None = None
    filters: tuple[str, ...] = field(default=())

    def column(self, key: str) -> ListColumn:
        return next(c for c in self.columns if c.key == key)


# Partner filters select the partner's few rows first (IN), rather than a correlated EXISTS per
# record: SQLite would answer that through the organization index and re-read the partner's rows
# for each of 100,000 records.
def _involves_partner_in_agreement(partner_id: str) -> ColumnElement:
    parties = select(AgreementParty.agreement_id).where(
        AgreementParty.organization_id == partner_id
    )
    return Agreement.id.in_(parties)


def _involves_partner_in_consultation(partner_id: str) -> ColumnElement:
    present = select(ConsultationOrganization.consultation_id).where(
        ConsultationOrganization.organization_id == partner_id
    )
    return Consultation.id.in_(present)


def _involves_partner_in_activity(partner_id: str) -> ColumnElement:
    partners = select(ActivityPartner.activity_id).where(
        ActivityPartner.organization_id == partner_id
    )
    return or_(JointActivity.lead_organization_id == partner_id, JointActivity.id.in_(partners))


def _follow_up_partner(partner_id: str) -> ColumnElement:
    agreements = select(AgreementParty.agreement_id).where(
        AgreementParty.organization_id == partner_id
    )
    consultations = select(ConsultationOrganization.consultation_id).where(
        ConsultationOrganization.organization_id == partner_id
    )
    activities = select(JointActivity.id).where(_involves_partner_in_activity(partner_id))
    return or_(
        and_(FollowUp.source_kind == "agreement", FollowUp.source_id.in_(agreements)),
        and_(FollowUp.source_kind == "consultation", FollowUp.source_id.in_(consultations)),
        and_(FollowUp.source_kind == "activity", FollowUp.source_id.in_(activities)),
    )


SPECS: dict[str, ListSpec] = {
    "organization": ListSpec(
        kind="organization",
        table=Organization,
        columns=(
            ListColumn("name", "Name", _col(Organization, "name")),
            ListColumn("acronym", "Acronym", _col(Organization, "acronym")),
            ListColumn("kind", "Kind", _col(Organization, "kind"), "choice"),
            ListColumn("country", "Country", _col(Organization, "country"), "country"),
            ListColumn("status", "Relationship", _col(Organization, "status"), "choice"),
            ListColumn("agreements", "Agreements", _agreement_count, "count"),
        ),
        default_sort="name",
        status=_col(Organization, "status"),
        filters=("status", "kind"),
    ),
    "contact": ListSpec(
        kind="contact",
        table=Contact,
        columns=(
            ListColumn("name", "Name", _col(Contact, "name")),
            ListColumn("title", "Title / position", _col(Contact, "title")),
            ListColumn(
                "organization",
                "Organization",
                _contact_org,
                joined=_joined_organization(Contact.organization_id),
            ),
            ListColumn("role", "Role", _col(Contact, "role"), "choice"),
            ListColumn("email", "Email", _col(Contact, "email")),
        ),
        default_sort="name",
        partner=lambda p: Contact.organization_id == p,
        filters=("partner",),
    ),
    "agreement": ListSpec(
        kind="agreement",
        table=Agreement,
        columns=(
            ListColumn("reference", "Reference", _col(Agreement, "reference")),
            ListColumn("title", "Title", _col(Agreement, "title")),
            ListColumn("kind", "Kind", _col(Agreement, "kind"), "choice"),
            ListColumn("status", "Status", derived.effective_status_sql, "choice"),
            ListColumn("parties", "Parties", _party_names),
            ListColumn(
                "entry_into_force", "In force since", _col(Agreement, "entry_into_force"), "date"
            ),
            ListColumn("expires_on", "Expires", _col(Agreement, "expires_on"), "date"),
            ListColumn("review_on", "Next review", _col(Agreement, "review_on"), "date"),
        ),
        default_sort="entry_into_force",
        default_descending=True,
        status=derived.effective_status_sql,
        main_date=Agreement.entry_into_force,
        thematic_link=(AgreementThematicArea, AgreementThematicArea.agreement_id),
        partner=_involves_partner_in_agreement,
        filters=("status", "kind", "thematic_area", "partner", "dates"),
    ),
    "consultation": ListSpec(
        kind="consultation",
        table=Consultation,
        columns=(
            ListColumn("starts_at", "Date", _col(Consultation, "starts_at"), "datetime"),
            ListColumn("title", "Title", _col(Consultation, "title")),
            ListColumn("kind", "Kind", _col(Consultation, "kind"), "choice"),
            ListColumn("organizations", "Organizations", _consultation_orgs),
            ListColumn("location", "Place", _col(Consultation, "location")),
        ),
        default_sort="starts_at",
        default_descending=True,
        main_date=Consultation.starts_at,
        thematic_link=(ConsultationThematicArea, ConsultationThematicArea.consultation_id),
        partner=_involves_partner_in_consultation,
        filters=("kind", "thematic_area", "partner", "dates", "upcoming"),
    ),
    "activity": ListSpec(
        kind="activity",
        table=JointActivity,
        columns=(
            ListColumn("start_on", "Start", _col(JointActivity, "start_on"), "date"),
            ListColumn("end_on", "End", _col(JointActivity, "end_on"), "date"),
            ListColumn("title", "Title", _col(JointActivity, "title")),
            ListColumn("kind", "Kind", _col(JointActivity, "kind"), "choice"),
            ListColumn("status", "Status", _col(JointActivity, "status"), "choice"),
            ListColumn("place", "Place", _place(JointActivity), "place"),
            ListColumn(
                "participants_total",
                "Participants",
                _col(JointActivity, "participants_total"),
                "count",
            ),
            ListColumn("partners", "Partners", _activity_partners),
            ListColumn(
                "lead",
                "Lead",
                _lead_name,
                joined=_joined_organization(JointActivity.lead_organization_id),
            ),
        ),
        default_sort="start_on",
        default_descending=True,
        status=_col(JointActivity, "status"),
        main_date=JointActivity.start_on,
        thematic_link=(ActivityThematicArea, ActivityThematicArea.activity_id),
        partner=_involves_partner_in_activity,
        filters=("status", "kind", "thematic_area", "partner", "year", "dates", "upcoming"),
    ),
    "follow_up": ListSpec(
        kind="follow_up",
        table=FollowUp,
        columns=(
            ListColumn("due_on", "Due", _col(FollowUp, "due_on"), "date"),
            ListColumn("text", "Action", _col(FollowUp, "text")),
            ListColumn("owner", "Who", _col(FollowUp, "owner")),
            ListColumn("status", "Status", _col(FollowUp, "status"), "choice"),
            ListColumn(
                "late",
                "Late",
                lambda today: case(
                    (derived.is_late_sql(today), literal(True)), else_=literal(False)
                ),
                "flag",
            ),
            ListColumn("source_kind", "Comes from", _col(FollowUp, "source_kind"), "choice"),
        ),
        default_sort="due_on",
        status=_col(FollowUp, "status"),
        main_date=FollowUp.due_on,
        partner=_follow_up_partner,
        filters=("status", "partner", "dates", "late", "upcoming"),
    ),
}


def spec(kind: str) -> ListSpec:
    return SPECS[kind]


def _conditions(
    session: Session, list_spec: ListSpec, flt: ListFilter, today: date
) -> list[ColumnElement]:
    table = list_spec.table
    where: list[ColumnElement] = [
        table.archived_at.is_not(None) if flt.archived else table.archived_at.is_(None)
    ]
    if flt.ids is not None:
        # The ids as one JSON parameter: the records behind a figure may be 20,000, beyond what
        # SQLite binds one by one.
        where.append(table.id.in_(ids_in(flt.ids)))
    if flt.status and list_spec.status is not None:
        where.append(list_spec.status(today) == flt.status)
    if flt.kind and "kind" in list_spec.filters:
        where.append(table.kind == flt.kind)
    if flt.thematic_area_id and list_spec.thematic_link is not None:
        link, owner = list_spec.thematic_link
        where.append(
            exists().where(
                owner == table.id,
                # The few area ids, fetched first: a recursive query inside the correlated EXISTS
                # would run again for every record.
                link.thematic_area_id.in_(area_and_descendants_ids(session, flt.thematic_area_id)),
            )
        )
    if flt.partner_id and list_spec.partner is not None:
        where.append(list_spec.partner(flt.partner_id))
    column = list_spec.main_date
    if column is not None:
        if flt.date_from:
            where.append(
                column >= flt.date_from.isoformat()
                if column is Consultation.starts_at
                else column >= flt.date_from
            )
        if flt.date_to:
            end = flt.date_to + timedelta(days=1)
            where.append(
                column < end.isoformat()
                if column is Consultation.starts_at
                else column <= flt.date_to
            )
        if flt.year and "year" in list_spec.filters:
            # A range of the main date, not strftime: the list's index on it answers.
            first, last = date(flt.year, 1, 1), date(flt.year, 12, 31)
            where.append(column.between(first, last))
        if flt.upcoming_only:
            where.append(
                column >= (today.isoformat() if column is Consultation.starts_at else today)
            )
            if list_spec.kind == "follow_up":
                where.append(FollowUp.status.in_(("open", "in_progress")))
    if flt.late_only and list_spec.kind == "follow_up":
        where.append(derived.is_late_sql(today))
    if flt.text.strip():
        expression = match_expression(flt.text)
        if expression is None:
            where.append(literal(False))
        else:
            matches = text(
                "SELECT e.record_id FROM search_index JOIN search_entry e ON e.rowid = search_index.rowid "
                "WHERE search_index MATCH :expression AND e.record_kind = :kind"
            ).bindparams(expression=expression, kind=list_spec.kind)
            where.append(table.id.in_(matches.columns(record_id=table.id.type)))
    return where


@dataclass(frozen=True)
class Ordered:
    """A list's matching records in the order shown. A list sorted by a column of the record
    itself is read a page at a time, in the order of that column's list index (db.models
    LISTED_BY): the records with a value first, then those without one (``valued`` of them
    have one). A list sorted by a computed value (a count, the parties' names) holds ``ids``."""

    kind: str
    flt: ListFilter
    today: date
    total: int
    valued: int = 0
    ids: tuple[str, ...] | None = None
    # The filter and order as SQL, made once: each page would otherwise build them again (and
    # look up a thematic area's sub-areas again).
    order: _Order | None = field(default=None, compare=False, repr=False)

    @property
    def paged(self) -> bool:
        return self.ids is None

    def order_in(self, session: Session) -> _Order:
        return self.order or _order(session, self.kind, self.flt, self.today)


@dataclass(frozen=True)
class _Order:
    table: Any  # the record kind's table
    where: ColumnElement
    column: ColumnElement  # the sort expression
    descending: bool
    by_column: bool  # a column of the record itself: read in index order, a page at a time
    joined: Callable[[Select], tuple[Select, ColumnElement]] | None = None  # see ListColumn

    @functools.cached_property
    def halves(self) -> tuple[Select, Select]:
        """The two halves of a list sorted by a column, each in its index order: the records
        with a value, then those without one (empty values last whichever way it is sorted)."""
        table, column = self.table, self.column
        tie = table.id.desc() if self.descending else table.id.asc()
        by_value = column.desc() if self.descending else column.asc()
        with_value = select(table.id).where(self.where, column.is_not(None))
        without = select(table.id).where(self.where, column.is_(None))
        return with_value.order_by(by_value, tie), without.order_by(tie)


def _order(session: Session, kind: str, flt: ListFilter, today: date) -> _Order:
    list_spec = SPECS[kind]
    key = flt.sort_key or list_spec.default_sort
    descending = flt.descending if flt.sort_key else list_spec.default_descending
    keys = {c.key for c in list_spec.columns}
    chosen = list_spec.column(key if key in keys else list_spec.default_sort)
    column = _sorted_by(list_spec, chosen.expression(today))
    where = and_(true(), *_conditions(session, list_spec, flt, today))
    # A text filter keeps a few records of many: matched once and sorted whole, where reading by
    # pages would make SQLite match the words again for each count and each page.
    by_column = isinstance(getattr(column, "expression", None), Column) and not flt.text.strip()
    return _Order(list_spec.table, where, column, descending, by_column, chosen.joined)


def _sorted_by(list_spec: ListSpec, column: ColumnElement) -> ColumnElement:
    """A text column with a stored sort key (db.schema.models.SORTED_BY_KEY) sorts by its key:
    case and accents folded, read in the order of the key's list index."""
    inner = getattr(column, "expression", None)
    if isinstance(inner, Column) and inner.name in SORTED_BY_KEY.get(inner.table.name, ()):
        return getattr(list_spec.table, f"{inner.name}_key")
    return column


def ordered(session: Session, kind: str, flt: ListFilter, today: date) -> Ordered:
    """How many records match, and (for a list sorted by a computed value) which, in order."""
    order = _order(session, kind, flt, today)
    if not order.by_column:
        ids = _all_ids(session, order)
        return Ordered(kind, flt, today, total=len(ids), ids=tuple(ids))
    # One count per half, as each half is read: a single count(*), count(column) lets SQLite
    # pick another list's index and look up every record for the column (0.5 s for 200,000).
    connection = session.connection()
    valued, empty = (
        connection.execute(select(func.count()).where(order.where, half)).scalar()
        for half in (order.column.is_not(None), order.column.is_(None))
    )
    return Ordered(kind, flt, today, total=valued + empty, valued=valued, order=order)


def ids_between(session: Session, listed: Ordered, start: int, stop: int) -> list[str]:
    """The ids of rows ``start`` to ``stop`` (excluded) of the list."""
    start, stop = max(0, start), min(stop, listed.total)
    if listed.ids is not None or stop <= start:
        return list((listed.ids or ())[start:stop])
    first, second = listed.order_in(session).halves
    connection = session.connection()
    ids: list[str] = []
    if start < listed.valued:
        query = first.limit(min(stop, listed.valued) - start).offset(start)
        ids += connection.execute(query).scalars().all()
    if stop > listed.valued:
        offset = max(0, start - listed.valued)
        query = second.limit(stop - listed.valued - offset).offset(offset)
        ids += connection.execute(query).scalars().all()
    return ids


def page(
    session: Session, listed: Ordered, start: int, stop: int
) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """Rows ``start`` to ``stop`` of the list: their ids, and their shown values by id."""
    ids = ids_between(session, listed, start, stop)
    return ids, column_values(session, listed.kind, ids, listed.today)


def position_of(session: Session, listed: Ordered, record_id: str) -> int:
    """The row of a record in the list, or -1 when it is not in it."""
    if listed.ids is not None:
        try:
            return listed.ids.index(record_id)
        except ValueError:
            return -1
    order = listed.order_in(session)
    table = order.table
    connection = session.connection()
    found = connection.execute(
        select(order.column).where(order.where, table.id == record_id)
    ).first()
    if found is None:
        return -1
    value = found[0]
    if value is None:  # in the second half, ordered by id alone
        half = order.column.is_(None)
        before = table.id > record_id if order.descending else table.id < record_id
    else:  # rows before it in index order: a row-value comparison SQLite answers from the index
        half = order.column.is_not(None)
        pair, mine = tuple_(order.column, table.id), tuple_(value, record_id)
        before = pair > mine if order.descending else pair < mine
    query = select(func.count()).where(order.where, half, before)
    rows_before = connection.execute(query).scalar()
    return rows_before + (listed.valued if value is None else 0)


def matching_ids(session: Session, kind: str, flt: ListFilter, today: date) -> list[str]:
    """Every id of the list, in order (for exports and counts of a whole list)."""
    return _all_ids(session, _order(session, kind, flt, today))


def _all_ids(session: Session, order: _Order) -> list[str]:
    table = order.table
    # Through the session's connection, not its ORM layer: 100,000 ids are plain values, and
    # ORM result handling would cost more per row than SQLite's sort itself.
    connection = session.connection()
    if order.by_column:
        first, second = order.halves
        return (
            connection.execute(first).scalars().all() + connection.execute(second).scalars().all()
        )
    query, value = select(table.id), order.column
    if order.joined is not None:
        query, value = order.joined(query)
    # Empty values last whichever way the list is sorted; the id keeps equal rows in a stable
    # order, the same way round as the list (as the list indexes read them).
    ordering = [
        case((value.is_(None), 1), else_=0),
        value.desc() if order.descending else value.asc(),
        table.id.desc() if order.descending else table.id.asc(),
    ]
    return connection.execute(query.where(order.where).order_by(*ordering)).scalars().all()


def count(session: Session, kind: str, flt: ListFilter, today: date) -> int:
    list_spec = SPECS[kind]
    query = (
        select(func.count())
        .select_from(list_spec.table)
        .where(and_(true(), *_conditions(session, list_spec, flt, today)))
    )
    return session.execute(query).scalar()


def column_values(
    session: Session, kind: str, ids: list[str], today: date
) -> dict[str, dict[str, Any]]:
    """The shown values of the given rows, keyed by id then column key."""
    if not ids:
        return {}
    keys = [c.key for c in SPECS[kind].columns]
    rows = session.connection().execute(_values_query(kind, today), {"ids": list(ids)})
    return {row[0]: dict(zip(keys, row[1:], strict=True)) for row in rows}


@functools.lru_cache(maxsize=32)
def _values_query(kind: str, today: date) -> Select:
    """The query of a page's shown values, made once per list and day: building its column
    expressions (subqueries for parties, places, leads…) cost more than running it."""
    list_spec = SPECS[kind]
    columns = [c.expression(today).label(c.key) for c in list_spec.columns]
    table = list_spec.table
    return select(table.id.label("_id"), *columns).where(
        table.id.in_(bindparam("ids", expanding=True))
    )


def years(session: Session, kind: str) -> list[int]:
    """The years a list's Year filter offers, newest first: from the last record's main date to
    the first one's (two lookups in the list's index, not a pass over every record)."""
    list_spec = SPECS[kind]
    column, table = list_spec.main_date, list_spec.table
    connection = session.connection()
    # One aggregate per query: SQLite reads a lone min() or max() off the index's end.
    first, last = (
        connection.execute(select(edge(column)).where(table.archived_at.is_(None))).scalar()
        for edge in (func.min, func.max)
    )
    if first is None or last is None:
        return []
    return list(range(_year_of(last), _year_of(first) - 1, -1))


def _year_of(value: date | str) -> int:
    return value.year if isinstance(value, date) else int(str(value)[:4])


def label_of(kind: str) -> str:
    return BY_NAME[kind].label


def options(session: Session, kind: str) -> list[tuple[str, str]]:
    """(id, short description) of every current record of a kind, for pickers, by name."""
    table = BY_NAME[kind].table
    found = _labelled(session, kind, table.archived_at.is_(None))
    return sorted(found, key=lambda item: sort_key(item[1]))


def labels_of(
    session: Session,
    kind: str,
    ids: Iterable[str],
    *,
    include_archived: bool = False,
    language: str = "en",
) -> dict[str, str]:
    """``options`` for these records only, by id (archived ones are left out, as there, unless
    asked for: a history names what a record once referred to): a record's view names what it
    refers to without reading every record of that kind. In French (``language`` "fr"), a
    thematic area is named by its French name where it has one."""
    table = BY_NAME[kind].table
    found: dict[str, str] = {}
    for chunk in in_chunks(sorted({i for i in ids if i})):
        where = table.id.in_(chunk)
        if not include_archived:
            where = where & table.archived_at.is_(None)
        found.update(_labelled(session, kind, where, language))
    return found


def _labelled(
    session: Session, kind: str, where: ColumnElement, language: str = "en"
) -> list[tuple[str, str]]:
    record_kind = BY_NAME[kind]
    table = record_kind.table
    names = [
        f.name
        for f in record_kind.stored_in_columns
        if f.name in ("name", "acronym", "title", "reference", "code", "starts_at", "text")
    ]
    french = language == "fr" and kind == "thematic_area"
    if french:
        names.append("name_fr")
    query = select(table.id, *[getattr(table, n) for n in names]).where(where)
    found = []
    for row in session.execute(query):
        values = dict(zip(names, row[1:], strict=True))
        if french and values.get("name_fr"):
            values["name"] = values["name_fr"]
        found.append((row[0], record_kind.describe(values)))
    return found


@dataclass(frozen=True)
class AreaNode:
    id: str
    code: str | None
    name: str
    depth: int
    parent_id: str | None
    archived: bool
    name_fr: str | None = None  # its name in French, when it has one


def area_tree(session: Session, *, include_archived: bool = False) -> list[AreaNode]:
    """Thematic areas in tree order (each parent followed by its sub-areas, by code then name)."""
    query = select(
        ThematicArea.id,
        ThematicArea.code,
        ThematicArea.name,
        ThematicArea.parent_id,
        ThematicArea.archived_at,
        ThematicArea.name_fr,
    )
    rows = list(session.execute(query))
    if not include_archived:
        rows = [r for r in rows if r.archived_at is None]
    present = {r.id for r in rows}
    children: dict[str | None, list] = {}
    for row in rows:
        parent = row.parent_id if row.parent_id in present else None
        children.setdefault(parent, []).append(row)
    ordered: list[AreaNode] = []

    def walk(parent: str | None, depth: int) -> None:
        for row in sorted(
            children.get(parent, []), key=lambda r: ((r.code or "").casefold(), r.name.casefold())
        ):
            ordered.append(
                AreaNode(
                    row.id,
                    row.code,
                    row.name,
                    depth,
                    row.parent_id,
                    row.archived_at is not None,
                    row.name_fr,
                )
            )
            walk(row.id, depth + 1)

    walk(None, 0)
    return ordered
