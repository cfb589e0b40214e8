"""Moving one record between its three shapes, driven by the declarations in db.kinds:

- raw: what an editor or an exchange file gives (strings, lists, dicts);
- values: clean Python values (dates as ``date``), the shape the rules and services work on;
- rows: the table row plus its part and link rows.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlmodel import Session

from db.clock import utc_now
from db.errors import Problem
from db.fields import Flag, Timestamp, _short, parse_id
from db.kinds import RecordKind

ARCHIVED = Flag("archived", "Archived")
CREATED_AT = Timestamp("created_at", "Created at")
UPDATED_AT = Timestamp("updated_at", "Updated at")
META = ("id", "archived", "created_at", "updated_at")


def parse(
    kind: RecordKind, raw: Any, *, record: str = "", id_required: bool = False
) -> tuple[dict[str, Any], list[Problem]]:
    """Clean every field of ``raw``; returns the values and every problem found."""
    problems: list[Problem] = []

    def report(path: str, message: str) -> None:
        problems.append(Problem(path, message, record))

    if not isinstance(raw, dict):
        report("", f"Each {kind.label} must be an object with named fields.")
        return {}, problems
    known = {f.name for f in kind.fields} | set(META)
    for key in sorted(set(raw) - known, key=str):  # keys of any type, not only text
        report(str(key), f"“{_short(key)}” is not a field of a {kind.label}.")
    values: dict[str, Any] = {}
    raw_id = raw.get("id")
    if raw_id in (None, ""):
        if id_required:
            report("id", "Id is required.")
        values["id"] = None
    else:
        values["id"] = parse_id(raw_id, "id", "Id", report)
    for spec in kind.fields:
        values[spec.name] = spec.parse(raw.get(spec.name), spec.name, report)
    values["archived"] = ARCHIVED.parse(raw.get("archived"), "archived", report)
    values["created_at"] = CREATED_AT.parse(raw.get("created_at"), "created_at", report)
    values["updated_at"] = UPDATED_AT.parse(raw.get("updated_at"), "updated_at", report)
    return values, problems


def dump(kind: RecordKind, values: dict[str, Any]) -> dict[str, Any]:
    """The exchange-format object of a record, every key present, in a fixed order."""
    out: dict[str, Any] = {"id": values["id"]}
    for spec in kind.fields:
        out[spec.name] = spec.dump(values.get(spec.name, spec.empty()))
    out["archived"] = bool(values.get("archived"))
    out["created_at"] = CREATED_AT.dump(values.get("created_at"))
    out["updated_at"] = UPDATED_AT.dump(values.get("updated_at"))
    return out


def content(kind: RecordKind, values: dict[str, Any]) -> dict[str, Any]:
    """What an officer entered, as JSON values: the part of a record that history tracks."""
    dumped = dump(kind, values)
    return {key: dumped[key] for key in dumped if key not in ("id", "created_at", "updated_at")}


def differences(
    kind: RecordKind, old: dict[str, Any] | None, new: dict[str, Any]
) -> list[tuple[str, Any, Any]]:
    """(field, old, new) for every field whose content changed; a new record lists its filled fields."""
    after = content(kind, new)
    if old is None:
        return [
            (key, None, value) for key, value in after.items() if value not in (None, [], False)
        ]
    before = content(kind, old)
    return [(key, before[key], after[key]) for key in after if before[key] != after[key]]


def as_text(value: Any) -> str | None:
    """How a field's value is written into the change history."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=False)


# -- reading rows -----------------------------------------------------------------------------------
def read(session: Session, kind: RecordKind, record_id: str) -> dict[str, Any] | None:
    found = read_many(session, kind, [record_id])
    return found[0] if found else None


def read_many(
    session: Session, kind: RecordKind, ids: Iterable[str] | None = None
) -> list[dict[str, Any]]:
    """Records with their parts and links, loaded with one query per table (not per record)."""
    table = kind.table
    query = select(table)
    id_list = None if ids is None else list(ids)
    if id_list is not None:
        if not id_list:
            return []
        query = query.where(table.id.in_(id_list))
    rows = list(session.execute(query).scalars())
    owner_ids = [row.id for row in rows]
    parts = {
        name: _parts_by_owner(session, kind, name, part_table, owner_ids)
        for name, part_table in kind.parts.items()
    }
    links = {
        name: _links_by_owner(session, kind, link, owner_ids) for name, link in kind.links.items()
    }
    records = []
    for row in rows:
        values: dict[str, Any] = {"id": row.id}
        for spec in kind.stored_in_columns:
            values[spec.name] = getattr(row, spec.name)
        for name in kind.parts:
            values[name] = parts[name].get(row.id, [])
        for name in kind.links:
            values[name] = sorted(links[name].get(row.id, []))
        values["archived"] = row.archived_at is not None
        values["created_at"] = row.created_at
        values["updated_at"] = row.updated_at
        records.append(values)
    return records


def _chunks(ids: list[str], size: int = 500) -> Iterable[list[str]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _parts_by_owner(
    session: Session, kind: RecordKind, name: str, part_table: type, owner_ids: list[str]
) -> dict[str, list[dict[str, Any]]]:
    owner_col = getattr(part_table, kind.owner_column)
    names = [f.name for f in kind.field(name).fields]
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for chunk in _chunks(owner_ids):
        query = (
            select(part_table).where(owner_col.in_(chunk)).order_by(owner_col, part_table.position)
        )
        for part in session.execute(query).scalars():
            grouped[getattr(part, kind.owner_column)].append({n: getattr(part, n) for n in names})
    return grouped


def _links_by_owner(
    session: Session, kind: RecordKind, link, owner_ids: list[str]
) -> dict[str, list[str]]:
    owner_col = getattr(link.table, kind.owner_column)
    target_col = getattr(link.table, link.column)
    grouped: dict[str, list[str]] = defaultdict(list)
    for chunk in _chunks(owner_ids):
        for owner, target in session.execute(
            select(owner_col, target_col).where(owner_col.in_(chunk))
        ):
            grouped[owner].append(target)
    return grouped


# -- writing rows -----------------------------------------------------------------------------------
def write(
    session: Session,
    kind: RecordKind,
    values: dict[str, Any],
    old: dict[str, Any] | None,
    *,
    now: datetime | None = None,
) -> None:
    """Make the rows say ``values``; parts and links are rewritten only when they changed."""
    now = now or utc_now()
    row = session.get(kind.table, values["id"]) if old is not None else None
    if row is None:
        row = kind.table(id=values["id"], created_at=values.get("created_at") or now)
    elif values.get("created_at"):
        row.created_at = values["created_at"]
    for spec in kind.stored_in_columns:
        setattr(row, spec.name, values.get(spec.name))
    if values.get("archived"):
        row.archived_at = row.archived_at or values.get("updated_at") or now
    else:
        row.archived_at = None
    row.updated_at = values.get("updated_at") or now
    session.add(row)
    session.flush()  # the owner row must exist before its parts point at it
    for name, part_table in kind.parts.items():
        if old is None or old[name] != values[name]:
            owner_col = getattr(part_table, kind.owner_column)
            session.execute(delete(part_table).where(owner_col == row.id))
            for position, part in enumerate(values[name]):
                session.add(part_table(**{kind.owner_column: row.id, "position": position, **part}))
    for name, link in kind.links.items():
        if old is None or old[name] != values[name]:
            owner_col = getattr(link.table, kind.owner_column)
            session.execute(delete(link.table).where(owner_col == row.id))
            for target in values[name]:
                session.add(link.table(**{kind.owner_column: row.id, link.column: target}))
    session.flush()
