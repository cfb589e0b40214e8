"""The change log: the history each store keeps, as stores hand it to one another (docs/sync.md).

Every row of the change history is named on every store by the store that made it and that
store's number for it, (store, sequence). What a store has seen is its *version vector*: for each
store, the highest ``n`` such that it holds that store's changes 1 to ``n``. Another store's
vector says which changes it lacks: every row beyond its number for that row's store. Applying
changes adds the rows not held yet and skips the others, so that applying a change twice, out of
order, or a set of changes cut into any deliveries ends with the same rows and the same vector.

Two stores that wrote under one id (a copy that its file's identity did not reveal: a disk
without inodes) are found here: a change under this store's own id that this store never made
makes it take a new id before it holds that change (the change stays the other copy's); a change
named like one this store holds but saying something else is refused, with nothing written.

This module hands over and takes history rows; bringing the records themselves to the content the
changes describe is the merge's work (docs/sync.md, "to come").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, text
from sqlmodel import Session

from db.errors import Problem, ValidationError
from db.i18n import translate
from db.records.shape import insert_rows
from db.schema.fields import is_canonical_id
from db.schema.kinds import BY_NAME
from db.schema.models import Change
from db.store import identity

OPERATIONS = ("create", "update", "archive", "restore")
VersionVector = dict[str, int]


@dataclass(frozen=True)
class LoggedChange:
    """One row of the change history as it travels between stores."""

    store_id: str
    seq: int
    changed_at: datetime
    changed_by: str
    operation: str
    record_kind: str
    record_id: str
    field: str
    old_value: str | None
    new_value: str | None

    @property
    def name(self) -> tuple[str, int]:
        return self.store_id, self.seq

    def to_json(self) -> dict[str, Any]:
        out = {name: getattr(self, name) for name in FIELDS}  # dataclasses.asdict deep-copies
        out["changed_at"] = self.changed_at.isoformat()  # to the microsecond: rows compare exact
        return out


FIELDS = tuple(f.name for f in fields(LoggedChange))


def parse_change(raw: Any, place: str = "") -> tuple[LoggedChange | None, list[Problem]]:
    """A change from outside (a bundle), checked field by field: the change, or every problem."""
    if not isinstance(raw, dict):
        return None, [Problem("", translate("rules", "A change must be an object."), place)]
    problems: list[Problem] = []

    def bad(key: str, message: str) -> None:
        problems.append(Problem(key, message, place))

    for key in sorted(set(raw) - set(FIELDS), key=str):
        bad(str(key), translate("rules", "“{key}” is not a field of a change.").format(key=key))
    for key in ("store_id", "record_id"):
        if not is_canonical_id(raw.get(key)):
            bad(key, translate("rules", "{key} must be an id (a UUID).").format(key=key))
    seq = raw.get("seq")
    if isinstance(seq, bool) or not isinstance(seq, int) or seq < 1:
        bad("seq", translate("rules", "seq must be a whole number from 1."))
    try:
        at = datetime.fromisoformat(raw.get("changed_at"))
    except (TypeError, ValueError):
        at = None
        bad("changed_at", translate("rules", "changed_at must be an ISO 8601 timestamp."))
    if at is not None and at.tzinfo is not None:
        bad("changed_at", translate("rules", "changed_at must be in UTC, without an offset."))
    if raw.get("operation") not in OPERATIONS:
        bad(
            "operation",
            translate("rules", "operation must be one of {names}.").format(
                names=", ".join(OPERATIONS)
            ),
        )
    if raw.get("record_kind") not in BY_NAME:
        bad("record_kind", translate("rules", "record_kind is not a kind of record."))
    for key in ("changed_by", "field"):
        if not isinstance(raw.get(key), str):
            bad(key, translate("rules", "{key} must be text.").format(key=key))
    for key in ("old_value", "new_value"):
        if raw.get(key) is not None and not isinstance(raw.get(key), str):
            bad(key, translate("rules", "{key} must be text or empty.").format(key=key))
    if problems:
        return None, problems
    return LoggedChange(**{**{key: raw.get(key) for key in FIELDS}, "changed_at": at}), []


def version_vector(session: Session) -> VersionVector:
    """For each store whose changes this one holds, the highest n such that it holds that
    store's changes 1 to n (a change held beyond a gap is not counted until the gap is filled)."""
    vector: VersionVector = {}
    counted = select(Change.store_id, func.count(), func.max(Change.seq)).group_by(Change.store_id)
    for store_id, count, highest in session.execute(counted):
        vector[store_id] = highest if count == highest else _before_first_gap(session, store_id)
    return {store_id: n for store_id, n in vector.items() if n > 0}


def _before_first_gap(session: Session, store_id: str) -> int:
    following = Change.__table__.alias("following")
    ends = (
        select(func.min(Change.seq))
        .where(Change.store_id == store_id)
        .where(
            ~select(following.c.seq)
            .where(following.c.store_id == store_id, following.c.seq == Change.seq + 1)
            .exists()
        )
    )
    held_first = session.execute(
        select(Change.id).where(Change.store_id == store_id, Change.seq == 1)
    ).first()
    return session.execute(ends).scalar() if held_first else 0


def stores_held(session: Session) -> list[str]:
    """The stores whose changes this one holds, in order: a seek of the index on (store,
    sequence) per store, where DISTINCT reads the whole index."""
    found = session.execute(
        text(
            "WITH RECURSIVE held(store_id) AS ("
            " SELECT min(store_id) FROM change"
            " UNION ALL"
            " SELECT (SELECT min(store_id) FROM change WHERE store_id > held.store_id)"
            " FROM held WHERE held.store_id IS NOT NULL)"
            " SELECT store_id FROM held WHERE store_id IS NOT NULL"
        )
    )
    return list(found.scalars())


def changes_lacking(session: Session, vector: Mapping[str, int]) -> list[LoggedChange]:
    """Every change this store holds that a store with ``vector`` lacks, by store and number."""
    # Store by store, each a range of the index on (store, sequence): one query with "not one
    # of these stores, or beyond n" read the whole history.
    columns = [Change.__table__.c[n] for n in FIELDS]
    found: list[LoggedChange] = []
    for store_id in stores_held(session):
        query = (
            select(*columns)
            .where(Change.store_id == store_id, Change.seq > vector.get(store_id, 0))
            .order_by(Change.seq)
        )
        found.extend(LoggedChange(*row) for row in session.execute(query))
    return found


def apply_changes(session: Session, changes: Iterable[LoggedChange]) -> list[LoggedChange]:
    """Hold the changes this store does not hold yet, inside the caller's unit of work; returns
    them (in the order given, each once). Changes held already are skipped; a change named like
    a held one that says something else is refused (ValidationError), with nothing written."""
    given: dict[tuple[str, int], LoggedChange] = {}
    for change in changes:
        given.setdefault(change.name, change)
    held = _held(session, list(given))
    clashes = [change for name, change in given.items() if name in held and held[name] != change]
    if clashes:
        raise ValidationError([_clash(change) for change in clashes])
    new = [change for name, change in given.items() if name not in held]
    own = identity.store_id(session)  # read once: a query per change made big merges crawl
    if any(change.store_id == own for change in new):
        # Another store wrote under this store's id: it is a copy of this one (or this one of
        # it). This store goes on under a new id; those changes stay the other's.
        identity.take_new_id(session)
    rows = [{name: getattr(change, name) for name in FIELDS} for change in new]
    insert_rows(session, Change.__table__, rows)
    return new


def _held(session: Session, names: list[tuple[str, int]]) -> dict[tuple[str, int], LoggedChange]:
    found: dict[tuple[str, int], LoggedChange] = {}
    columns = [Change.__table__.c[n] for n in FIELDS]
    # Store by store, so that the index on (store, sequence) is used: SQLite reads the whole
    # history for a list of (store, sequence) pairs.
    by_store: dict[str, list[int]] = {}
    for store_id, seq in names:
        by_store.setdefault(store_id, []).append(seq)
    for store_id, seqs in by_store.items():
        for start in range(0, len(seqs), 900):
            chunk = seqs[start : start + 900]
            query = select(*columns).where(Change.store_id == store_id, Change.seq.in_(chunk))
            for row in session.execute(query):
                change = LoggedChange(*row)
                found[change.name] = change
    return found


def _clash(change: LoggedChange) -> Problem:
    return Problem(
        f"{change.store_id}/{change.seq}",
        translate(
            "rules",
            "This change is named like one this store holds but says something else: two "
            "stores wrote under one id. Nothing was taken; ask for help before syncing again.",
        ),
    )
