"""Moving one record between its three shapes, driven by the declarations in db.kinds:

- raw: what an editor or an exchange file gives (strings, lists, dicts);
- values: clean Python values (dates as ``date``), the shape the rules and services work on;
- rows: the table row plus its part and link rows.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import bindparam, delete, func, update
from sqlmodel import Session

from db.clock import utc_now
from db.errors import Problem
from db.schema.fields import Flag, Parts, Timestamp, _short, parse_id
from db.schema.kinds import RecordKind
from db.schema.models import SORTED_BY_KEY
from db.schema.naming import sort_key
from db.store.sql import in_chunks, marker

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
    known = _known_keys(kind)
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
        given = raw.get(spec.name)
        if given is None and not spec.required:  # what an import leaves out, most fields
            values[spec.name] = spec.empty()
        else:
            values[spec.name] = spec.parse(given, spec.name, report)
    values["archived"] = ARCHIVED.parse(raw.get("archived"), "archived", report)
    values["created_at"] = CREATED_AT.parse(raw.get("created_at"), "created_at", report)
    values["updated_at"] = UPDATED_AT.parse(raw.get("updated_at"), "updated_at", report)
    return values, problems


_KNOWN_KEYS: dict[str, frozenset[str]] = {}


def _known_keys(kind: RecordKind) -> frozenset[str]:
    """The keys a record of this kind may have (computed once per kind: parse runs per record)."""
    known = _KNOWN_KEYS.get(kind.name)
    if known is None:
        known = _KNOWN_KEYS[kind.name] = frozenset({f.name for f in kind.fields} | set(META))
    return known


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
    if old is None:
        return [
            (key, None, value)
            for key, value in content(kind, new).items()
            if value not in (None, [], False)
        ]
    found = []
    for spec in kind.fields:
        empty = spec.empty()
        was, now = old.get(spec.name, empty), new.get(spec.name, empty)
        if was == now:  # most fields: equal values dump alike, nothing to dump
            continue
        before, after = spec.dump(was), spec.dump(now)
        if before != after:
            found.append((spec.name, before, after))
    was_archived, now_archived = bool(old.get("archived")), bool(new.get("archived"))
    if was_archived != now_archived:
        found.append(("archived", was_archived, now_archived))
    return found


def as_text(value: Any) -> str | None:
    """How a field's value is written into the change history."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=False)


def keep_row_ids(kind: RecordKind, values: dict[str, Any], old: dict[str, Any] | None) -> None:
    """Give every part that has an id of its own (a participant, a session, a cost) and was
    given without one the id of the same row in the stored record — the first stored row with
    the same content whose id is not taken — or a new one. A file written without row ids
    (a spreadsheet, another tool) then changes nothing when it is imported a second time."""
    for spec in kind.fields:
        if not (isinstance(spec, Parts) and spec.keyed):
            continue
        parts = values.get(spec.name) or []
        if all(part.get("id") for part in parts):
            continue
        stored = (old or {}).get(spec.name) or []
        taken = {part["id"] for part in parts if part.get("id")}
        free: dict[tuple, list[str]] = defaultdict(list)
        for part in stored:
            if part["id"] not in taken:
                free[_row_content(spec, part)].append(part["id"])
        for part in parts:
            if not part.get("id"):
                same = free.get(_row_content(spec, part))
                part["id"] = same.pop(0) if same else str(uuid.uuid4())
                taken.add(part["id"])


def _row_content(spec: Parts, part: dict[str, Any]) -> tuple:
    return tuple(part.get(f.name) for f in spec.fields if f.name != "id")


# -- reading rows -----------------------------------------------------------------------------------


def read(session: Session, kind: RecordKind, record_id: str) -> dict[str, Any] | None:
    found = read_many(session, kind, [record_id])
    return found[0] if found else None


def read_many(
    session: Session, kind: RecordKind, ids: Iterable[str] | None = None
) -> list[dict[str, Any]]:
    """Records with their parts and links, loaded a table at a time (not a record at a time):
    plain column rows rather than ORM objects, and whole part tables when every record is read."""
    table = kind.table.__table__
    owner_ids = None if ids is None else list(dict.fromkeys(ids))
    columns = [spec.name for spec in kind.stored_in_columns]
    head = ["id", "archived_at", "created_at", "updated_at"]
    rows = select_in(session, table, [*head, *columns], "id", owner_ids)
    parts = {
        name: _parts_by_owner(session, kind, name, part_table, owner_ids)
        for name, part_table in kind.parts.items()
    }
    links = {
        name: _links_by_owner(session, kind, link, owner_ids) for name, link in kind.links.items()
    }
    records = []
    for record_id, archived_at, created_at, updated_at, *stored in rows:
        values: dict[str, Any] = {"id": record_id}
        values.update(zip(columns, stored, strict=True))
        for name in kind.parts:
            values[name] = parts[name].get(record_id, [])
        for name in kind.links:
            values[name] = sorted(links[name].get(record_id, []))
        values["archived"] = archived_at is not None
        values["created_at"] = created_at
        values["updated_at"] = updated_at
        records.append(values)
    return records


def select_in(
    session: Session,
    table: Any,
    names: list[str],
    key: str,
    keys: list[str] | None,
    order_by: tuple[str, ...] = (),
    *,
    where: tuple[str, Any] | None = None,
) -> list[tuple]:
    """The ``names`` columns of the rows whose ``key`` is in ``keys`` (every row for None; and
    whose ``where`` column, if given, has that value), each value converted by its column's type
    as SQLAlchemy converts it: one statement with the keys as one JSON parameter. Building the
    rows through SQLAlchemy's statements (an IN list of 500 per statement) was most of the time
    of reading 10,000 records."""
    connection = session.connection()
    dialect = connection.dialect
    quote = dialect.identifier_preparer.quote
    columns = ", ".join(quote(n) for n in names)
    sql = f"SELECT {columns} FROM {dialect.identifier_preparer.format_table(table)}"
    parameters: tuple = ()
    mark = marker(dialect)
    if keys is not None:
        if not keys:
            return []
        if dialect.name == "sqlite":
            sql += f" WHERE {quote(key)} IN (SELECT value FROM json_each(?))"
            parameters = (json.dumps(keys),)
        else:  # a team server: the keys as one array
            sql += f" WHERE {quote(key)} = ANY({mark})"
            parameters = (list(keys),)
        if where is not None:
            sql += f" AND {quote(where[0])} = {mark}"
            parameters += (where[1],)
    if order_by:
        sql += " ORDER BY " + ", ".join(quote(n) for n in order_by)
    found = connection.exec_driver_sql(sql, parameters).fetchall()
    convert = [
        (position, processor)
        for position, name in enumerate(names)
        if (processor := table.c[name].type.dialect_impl(dialect).result_processor(dialect, None))
        is not None
    ]
    return _converted(found, convert)


def _converted(rows: Iterable[Any], convert: list[tuple[int, Any]]) -> list[tuple]:
    """Each row as a tuple, the values at the positions given passed through their processor."""
    if not convert:
        return [tuple(row) for row in rows]
    done = []
    for row in rows:
        row = list(row)
        for position, processor in convert:
            row[position] = processor(row[position])
        done.append(tuple(row))
    return done


def _parts_by_owner(
    session: Session,
    kind: RecordKind,
    name: str,
    part_table: type,
    owner_ids: list[str] | None,
) -> dict[str, list[dict[str, Any]]]:
    """Parts grouped by owner, in their order; every owner's when ``owner_ids`` is None."""
    table = part_table.__table__
    names = [f.name for f in kind.field(name).fields]
    owner = kind.owner_column
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in select_in(session, table, [owner, *names], owner, owner_ids, (owner, "position")):
        grouped[row[0]].append(dict(zip(names, row[1:], strict=True)))
    return grouped


def _links_by_owner(
    session: Session, kind: RecordKind, link, owner_ids: list[str] | None
) -> dict[str, list[str]]:
    table = link.table.__table__
    owner = kind.owner_column
    grouped: dict[str, list[str]] = defaultdict(list)
    for row_owner, target in select_in(session, table, [owner, link.column], owner, owner_ids):
        grouped[row_owner].append(target)
    return grouped


def write(
    session: Session,
    kind: RecordKind,
    values: dict[str, Any],
    old: dict[str, Any] | None,
    *,
    now: datetime | None = None,
) -> None:
    """Make the rows say ``values``; parts and links are rewritten only when they changed."""
    write_many(session, kind, [(values, old)], now=now)


def write_many(
    session: Session,
    kind: RecordKind,
    items: list[tuple[dict[str, Any], dict[str, Any] | None]],
    *,
    now: datetime | None = None,
) -> None:
    """``write`` for many records of one kind, a statement per table rather than per record:
    new rows inserted in the order given (a parent before its children, as one by one), existing
    rows updated, and the parts and links of new and changed records rewritten."""
    if not items:
        return
    now = now or utc_now()
    table = kind.table.__table__
    columns = [spec.name for spec in kind.stored_in_columns]
    keyed = SORTED_BY_KEY.get(table.name, ())
    inserts: list[dict[str, Any]] = []
    # Updates by the columns they change: SQLite rewrites every index of a column it sets, so
    # a row is set only where it changed (a merge of notes touches none of the sorted columns).
    updates: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for values, old in items:
        stamp = values.get("updated_at") or now
        if old is None:
            row = {name: values.get(name) for name in columns}
            row.update({f"{name}_key": sort_key(values.get(name)) for name in keyed})
            row["id"] = values["id"]
            row["created_at"] = values.get("created_at") or now
            row["updated_at"] = stamp
            row["archived_at"] = stamp if values.get("archived") else None
            inserts.append(row)
        else:
            changed = [n for n in columns if n not in old or old[n] != values.get(n)]
            row = {name: values.get(name) for name in changed}
            row.update({f"{n}_key": sort_key(values.get(n)) for n in keyed if n in row})
            row["b_id"] = values["id"]
            row["b_created"] = values.get("created_at")
            row["b_updated"] = stamp
            row["b_archived"] = bool(values.get("archived"))
            updates.setdefault(tuple(row), []).append(row)
    insert_rows(session, table, inserts)
    for rows in updates.values():
        _update_rows(session, table, rows)
    for name, part_table in kind.parts.items():
        _rewrite(
            session,
            part_table.__table__,
            kind.owner_column,
            [
                {kind.owner_column: values["id"], "position": position, **part}
                for values, old in items
                if old is None or old[name] != values[name]
                for position, part in enumerate(values[name])
            ],
            [
                values["id"]
                for values, old in items
                if old is not None and old[name] != values[name]
            ],
        )
    for name, link in kind.links.items():
        _rewrite(
            session,
            link.table.__table__,
            kind.owner_column,
            [
                {kind.owner_column: values["id"], link.column: target}
                for values, old in items
                if old is None or old[name] != values[name]
                for target in values[name]
            ],
            [
                values["id"]
                for values, old in items
                if old is not None and old[name] != values[name]
            ],
        )


def insert_rows(session: Session, table: Any, rows: list[dict[str, Any]]) -> None:
    """INSERT rows that all have the same keys into a table, with one executemany: each value
    converted by its column's own type, as SQLAlchemy converts it, without building a statement
    per row (that was most of the time of a large import)."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    quote = dialect.identifier_preparer.quote
    names = list(rows[0])
    # On SQLite each value as SQLAlchemy's generic type gives it (how every store so far was
    # written: a time without its zero microseconds); on a server by the dialect's own type (a
    # list into a json column as JSON, never as an array).
    convert = [
        (position, processor)
        for position, name in enumerate(names)
        if (processor := _type_of(table.c[name], dialect).bind_processor(dialect)) is not None
    ]
    getter = itemgetter(*names)
    values: list[Any] = [getter(row) for row in rows]
    if len(names) == 1:
        values = [(value,) for value in values]
    if convert:
        values = _converted(values, convert)
    marks = ", ".join([marker(dialect)] * len(names))
    sql = (
        f"INSERT INTO {dialect.identifier_preparer.format_table(table)} "
        f"({', '.join(quote(name) for name in names)}) VALUES ({marks})"
    )
    connection.exec_driver_sql(sql, values)


def _type_of(column: Any, dialect: Any) -> Any:
    return column.type if dialect.name == "sqlite" else column.type.dialect_impl(dialect)


def _update_rows(session: Session, table: Any, rows: list[dict[str, Any]]) -> None:
    """UPDATE the records' rows (as ``write_many`` builds them) with one executemany, values
    converted as ``insert_rows`` does: SQLAlchemy's executemany built the parameters of every row
    through the statement, most of the time of a merge that updates thousands of records."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    quote = dialect.identifier_preparer.quote
    columns = [name for name in rows[0] if not name.startswith("b_")]
    # Each parameter converted by the type of its column (None: as SQLite takes it), as
    # SQLAlchemy's own statement converted them (the dialect's types: a time to the microsecond).
    typed_as = [*columns, "created_at", "updated_at", None, "updated_at", None]
    convert = [
        (position, processor)
        for position, name in enumerate(typed_as)
        if name
        and (processor := table.c[name].type.dialect_impl(dialect).bind_processor(dialect))
        is not None
    ]
    mark = marker(dialect)
    assignments = ", ".join(f"{quote(name)} = {mark}" for name in columns)
    # An archived record keeps the moment it was archived.
    sql = (
        f"UPDATE {dialect.identifier_preparer.format_table(table)} SET {assignments}"
        f"{', ' if columns else ''}created_at = coalesce({mark}, created_at), updated_at = {mark}, "
        f"archived_at = CASE WHEN {mark} THEN coalesce(archived_at, {mark}) ELSE NULL END "
        f"WHERE id = {mark}"
    )
    values = [
        (
            *(row[name] for name in columns),
            row["b_created"],
            row["b_updated"],
            bool(row["b_archived"]),
            row["b_updated"],
            row["b_id"],
        )
        for row in rows
    ]
    connection.exec_driver_sql(sql, _converted(values, convert))


def _rewrite(
    session: Session, table, owner_column: str, rows: list[dict[str, Any]], stale: list[str]
) -> None:
    """Remove the rows of the ``stale`` owners, then insert ``rows``."""
    owner_col = table.c[owner_column]
    for chunk in in_chunks(stale):
        session.execute(delete(table).where(owner_col.in_(chunk)))
    insert_rows(session, table, rows)


def align_timestamps(
    session: Session, kind: RecordKind, stamps: list[tuple[str, datetime | None, datetime | None]]
) -> None:
    """Set the created_at and updated_at of unchanged records (id, created, updated; None keeps)."""
    if not stamps:
        return
    table = kind.table.__table__
    statement = (
        update(table)
        .where(table.c.id == bindparam("b_id"))
        .values(
            created_at=func.coalesce(
                bindparam("b_created", type_=table.c.created_at.type), table.c.created_at
            ),
            updated_at=func.coalesce(
                bindparam("b_updated", type_=table.c.updated_at.type), table.c.updated_at
            ),
        )
    )
    session.execute(
        statement,
        [
            {"b_id": rid, "b_created": created, "b_updated": updated}
            for rid, created, updated in stamps
        ],
    )
