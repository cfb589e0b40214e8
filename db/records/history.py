"""The change history: who changed which field of which record, when, from what to what.

A new record has one "create" row (no field, no values): what it was created with is the old
value of each field's first update, or its current value. (Stores written before this rule have
a "create" row per field; they read the same.)"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, tuple_
from sqlmodel import Session

from db.records.shape import as_text, insert_rows
from db.schema.models import Change, Conflict
from db.store import identity
from db.store.sql import in_chunks


def record_changes(
    session: Session,
    *,
    who: str,
    operation: str,
    kind: str,
    record_id: str,
    changes: list[tuple[str, Any, Any]],
    at: datetime,
) -> None:
    record_many(session, change_rows(who, operation, kind, record_id, changes, at))


def change_rows(
    who: str,
    operation: str,
    kind: str,
    record_id: str,
    changes: list[tuple[str, Any, Any]],
    at: datetime,
) -> list[dict[str, Any]]:
    """The history rows of one record's changes, in field order, for ``record_many``."""
    return [
        {
            "changed_at": at,
            "changed_by": who,
            "operation": operation,
            "record_kind": kind,
            "record_id": record_id,
            "field": field,
            "old_value": as_text(old),
            "new_value": as_text(new),
        }
        for field, old, new in changes
    ]


def creation_row(who: str, kind: str, record_id: str, at: datetime) -> dict[str, Any]:
    """The history row of a new record, for ``record_many``: one row, no field and no values,
    not one per field (an import of 450,000 records would otherwise write 6 million rows)."""
    return change_rows(who, "create", kind, record_id, [("", None, None)], at)[0]


def record_many(session: Session, rows: list[dict[str, Any]]) -> None:
    """Write history rows (from ``change_rows``) with one statement, in the order given, each
    named by this store's id and the next of its numbers (docs/sync.md)."""
    if not rows:
        return
    origin = identity.store_id(session)
    last = session.execute(select(func.max(Change.seq)).where(Change.store_id == origin)).scalar()
    first = (last or 0) + 1
    insert_rows(
        session,
        Change.__table__,
        [{**row, "store_id": origin, "seq": first + n} for n, row in enumerate(rows)],
    )
    _settle_conflicts(session, rows)


def _settle_conflicts(session: Session, rows: list[dict[str, Any]]) -> None:
    """A field changed here settles the conflict open on it: the change was made on a store that
    holds every side, so it replaces them all, here and wherever it travels (docs/sync.md)."""
    if session.execute(select(Conflict.field).limit(1)).first() is None:
        return  # the usual case, and an import of 450,000 records asks once
    keys = list({(r["record_kind"], r["record_id"], r["field"]) for r in rows if r["field"]})
    for chunk in in_chunks(keys, 300):  # three parameters each
        session.execute(
            delete(Conflict).where(
                tuple_(Conflict.record_kind, Conflict.record_id, Conflict.field).in_(chunk)
            )
        )


@dataclass(frozen=True)
class ChangeEntry:
    changed_at: datetime
    changed_by: str
    operation: str
    field: str
    old_value: str | None
    new_value: str | None


def history_of(session: Session, kind: str, record_id: str) -> list[ChangeEntry]:
    query = (
        select(Change)
        .where(Change.record_kind == kind, Change.record_id == record_id)
        .order_by(Change.changed_at.desc(), Change.id.desc())
    )
    return [
        ChangeEntry(c.changed_at, c.changed_by, c.operation, c.field, c.old_value, c.new_value)
        for c in session.execute(query).scalars()
    ]
