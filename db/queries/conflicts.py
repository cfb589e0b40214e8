"""The open conflicts as the window lists them (docs/sync.md, "Conflicts in the window"): each
record with a field two stores changed to different values, its fields' sides (who, on which
store, when, the value) and the value the record shows meanwhile. Read only: the officer's
choice is written by db.records.merge.resolve."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session

from db.queries.detail import ids_in_history
from db.queries.listing import labels_of
from db.records import batch, shape
from db.schema.kinds import BY_NAME
from db.schema.models import Conflict
from db.store import identity


@dataclass(frozen=True)
class Side:
    """One store's value of a clashing field, and the change that made it (none: as created)."""

    value: Any
    store_id: str | None
    changed_by: str | None
    changed_at: datetime | None  # UTC
    here: bool  # made on this store


@dataclass(frozen=True)
class FieldClash:
    name: str
    shown: Any  # the value the record shows until the officer chooses
    sides: tuple[Side, ...]


@dataclass(frozen=True)
class ConflictedRecord:
    kind: str
    record_id: str
    title: str
    fields: tuple[FieldClash, ...]
    found_at: datetime  # UTC, when the latest of its clashes was found
    names: dict[str, str]  # the records the sides' values refer to, by id


def conflict_count(session: Session) -> int:
    """How many fields are in conflict, on every record."""
    return session.execute(select(func.count()).select_from(Conflict)).scalar_one()


def conflicting_ids(session: Session, kind: str) -> set[str]:
    """The ids of a kind's records with an open conflict: read once for a whole list."""
    query = select(Conflict.record_id).where(Conflict.record_kind == kind).distinct()
    return set(session.execute(query).scalars())


def conflicted_records(session: Session, language: str = "en") -> list[ConflictedRecord]:
    """Every record with an open conflict, the latest found first."""
    rows = session.execute(
        select(Conflict).order_by(Conflict.record_kind, Conflict.record_id, Conflict.field)
    ).scalars()
    by_record: dict[tuple[str, str], list[Conflict]] = defaultdict(list)
    for row in rows:
        if row.record_kind in BY_NAME:
            by_record[(row.record_kind, row.record_id)].append(row)
    keys = list(by_record)
    olds = batch.read_olds(session, [(BY_NAME[kind], record_id) for kind, record_id in keys])
    here = identity.store_id(session)
    out = []
    for (kind_name, record_id), values in zip(keys, olds, strict=True):
        kind = BY_NAME[kind_name]
        shown = shape.dump(kind, values) if values else {}
        clashes = by_record[(kind_name, record_id)]
        wanted: dict[str, set[str]] = defaultdict(set)
        for row in clashes:
            for side in row.sides:
                value = side.get("value")
                text = value if isinstance(value, str) or value is None else json.dumps(value)
                for target, some_id in ids_in_history(kind.field(row.field), text):
                    wanted[target].add(some_id)
        names: dict[str, str] = {}
        for target, ids in wanted.items():
            names.update(labels_of(session, target, ids, include_archived=True, language=language))
        out.append(
            ConflictedRecord(
                kind=kind_name,
                record_id=record_id,
                title=kind.describe(values) if values else record_id,
                fields=tuple(
                    FieldClash(
                        name=row.field,
                        shown=shown.get(row.field),
                        sides=tuple(_side(side, here) for side in row.sides),
                    )
                    for row in clashes
                ),
                found_at=max(row.found_at for row in clashes),
                names=names,
            )
        )
    out.sort(key=lambda record: (record.found_at, record.title), reverse=True)
    return out


def _side(side: dict[str, Any], here: str) -> Side:
    at = side.get("changed_at")
    return Side(
        value=side.get("value"),
        store_id=side.get("store_id"),
        changed_by=side.get("changed_by"),
        changed_at=datetime.fromisoformat(at).replace(tzinfo=None) if at else None,
        here=side.get("store_id") == here,
    )
