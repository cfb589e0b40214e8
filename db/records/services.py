"""The operations an officer performs, each one unit of work: validate, write, record the
history, update the search index, commit once. Nothing is written when any rule fails.

Records travel in and out as dicts shaped like the exchange format (see db.kinds); dates may be
``date`` objects or ISO text.
"""

from __future__ import annotations

import hashlib
import mimetypes
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from db.clock import utc_now
from db.errors import NotFoundError, Problem, StorageError, ValidationError
from db.records import history, rules, search, shape
from db.records.settings import put_setting
from db.schema.kinds import BY_NAME, RecordKind
from db.schema.models import Attachment, AttachmentContent
from db.store.engine import Store


def _kind(name: str) -> RecordKind:
    try:
        return BY_NAME[name]
    except KeyError:
        raise ValueError(f"unknown record kind {name!r}") from None


def store_record(
    session: Session,
    kind: RecordKind,
    values: dict[str, Any],
    old: dict[str, Any] | None,
    *,
    who: str,
    now: datetime,
) -> bool:
    """Write one checked record with its history and index entry; False when nothing changed."""
    return store_records(session, [(kind, values, old)], who=who, now=now)[0]


def store_records(
    session: Session,
    batch: list[tuple[RecordKind, dict[str, Any], dict[str, Any] | None]],
    *,
    who: str,
    now: datetime,
) -> list[bool]:
    """``store_record`` for many checked records at once, with the same rows as one by one: each
    run of records of one kind is written with a statement per table (rows, parts and links,
    search entries), then the history of them all, in the order given. For each record, whether
    it changed."""
    changed: list[bool] = []
    history_rows: list[dict[str, Any]] = []
    for kind, run in _runs_of_one_kind(batch):
        written: list[tuple[dict[str, Any], dict[str, Any] | None]] = []
        stamps: list[tuple[str, datetime | None, datetime | None]] = []
        for values, old in run:
            changes = shape.differences(kind, old, values)
            if not changes and old is not None:
                # An import that brings the same content with other timestamps adopts the file's
                # timestamps (no history: nothing an officer typed changed), so that export,
                # import, export is exact.
                created, updated = (
                    values[k] if values.get(k) and values[k] != old[k] else None
                    for k in ("created_at", "updated_at")
                )
                if created or updated:
                    stamps.append((values["id"], created, updated))
                changed.append(False)
                continue
            if old is not None and not values.get("updated_at"):
                values = {**values, "updated_at": now}
            written.append((values, old))
            if old is None:
                history_rows.append(history.creation_row(who, kind.name, values["id"], now))
            else:
                history_rows += history.change_rows(
                    who, "update", kind.name, values["id"], changes, now
                )
            changed.append(True)
        shape.write_many(session, kind, written, now=now)
        shape.align_timestamps(session, kind, stamps)
        search.index_many(session, kind, [values for values, _old in written])
    history.record_many(session, history_rows)
    return changed


def _runs_of_one_kind(
    batch: list[tuple[RecordKind, dict[str, Any], dict[str, Any] | None]],
) -> list[tuple[RecordKind, list[tuple[dict[str, Any], dict[str, Any] | None]]]]:
    """The batch cut where the kind changes, the order kept: what refers to an earlier record
    of the batch is still written after it."""
    runs: list[tuple[RecordKind, list[tuple[dict[str, Any], dict[str, Any] | None]]]] = []
    for kind, values, old in batch:
        if not runs or runs[-1][0] is not kind:
            runs.append((kind, []))
        runs[-1][1].append((values, old))
    return runs


def read_olds(
    session: Session, batch: list[tuple[RecordKind, dict[str, Any]]]
) -> list[dict[str, Any] | None]:
    """The stored version of each record of the batch (None for a new one), a query per kind
    and table rather than per record."""
    wanted: dict[str, list[str]] = {}
    for kind, values in batch:
        wanted.setdefault(kind.name, []).append(values["id"])
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for name, ids in wanted.items():
        for values in shape.read_many(session, BY_NAME[name], ids):
            found[(name, values["id"])] = values
    return [found.get((kind.name, values["id"])) for kind, values in batch]


def save(store: Store, kind_name: str, raw: dict[str, Any]) -> str:
    """Create or update one record; returns its id. Raises ValidationError listing every problem."""
    return save_many(store, [(kind_name, raw)])[0]


def save_many(store: Store, batch: list[tuple[str, dict[str, Any]]]) -> list[str]:
    """Several records saved as one operation (follow-ups made from a meeting's decisions): all
    of them, or none when any breaks a rule."""
    from db.exchange.document import _ids_taken_by_other_kinds

    prepared = []
    problems: list[Problem] = []
    first_seen: dict[str, str] = {}
    for position, (kind_name, raw) in enumerate(batch):
        kind = _kind(kind_name)
        label = f"{kind.label} {position + 1}" if len(batch) > 1 else ""
        if not isinstance(raw, dict):  # refused by shape.parse, not an AttributeError here
            problems += shape.parse(kind, raw, record=label)[1]
            continue
        raw = _without_timestamps(raw)
        values, found = shape.parse(kind, raw, record=label)
        values["id"] = values.get("id") or str(uuid.uuid4())
        if values["id"] in first_seen:  # one id twice: a primary-key error, or a shared index entry
            message = f"The id {values['id']} is also given to {first_seen[values['id']]}."
            found.append(Problem("id", message, label))
        first_seen.setdefault(values["id"], label)
        prepared.append((kind, raw, values, label))
        problems += found
    with store.unit_of_work() as session:
        lookup = rules.StoreLookup(session)
        # An id of another kind's record would take over that record's search entry.
        problems += _ids_taken_by_other_kinds(session, [(k, v, lb) for k, _r, v, lb in prepared])
        checked = [(kind, values) for kind, _raw, values, _label in prepared]
        olds = read_olds(session, checked)
        rules.preload_references(lookup, checked)
        for (kind, raw, values, label), old in zip(prepared, olds, strict=True):
            if "archived" not in raw:
                values["archived"] = bool(old and old["archived"])
            if old is not None:
                values["created_at"] = old["created_at"]
            problems += rules.check(kind, values, lookup, record=label)
        if problems:
            raise ValidationError(problems)
        batch = [(kind, values, old) for (kind, values), old in zip(checked, olds, strict=True)]
        store_records(session, batch, who=store.officer, now=utc_now())
    return [values["id"] for _kind_, _raw, values, _label in prepared]


def check(store: Store, kind_name: str, raw: dict[str, Any]) -> list[Problem]:
    """The problems ``save`` would report, without writing (for editors, as the officer types)."""
    from db.exchange.document import _ids_taken_by_other_kinds

    kind = _kind(kind_name)
    values, problems = shape.parse(kind, _without_timestamps(raw))  # ignored by save as well
    if not isinstance(raw, dict):  # as save: no rules for what is not a record
        return problems
    values["id"] = values.get("id") or str(uuid.uuid4())
    with store.reading() as session:
        problems += _ids_taken_by_other_kinds(session, [(kind, values, "")])
        return problems + rules.check(kind, values, rules.StoreLookup(session))


def _without_timestamps(raw: Any) -> Any:
    """The store keeps its own created_at and updated_at; an editor's copies are not checked."""
    if not isinstance(raw, dict):
        return raw
    return {k: v for k, v in raw.items() if k not in ("created_at", "updated_at")}


def get(store: Store, kind_name: str, record_id: str) -> dict[str, Any]:
    with store.reading() as session:
        found = shape.read(session, _kind(kind_name), record_id)
    if found is None:
        raise NotFoundError(f"No {_kind(kind_name).label} has the id {record_id}.")
    return found


def get_exchange(store: Store, kind_name: str, record_id: str) -> dict[str, Any]:
    """A record in its exchange-format shape (ISO dates), ready to edit and ``save`` again."""
    return shape.dump(_kind(kind_name), get(store, kind_name, record_id))


def _set_archived(store: Store, kind_name: str, record_id: str, archived: bool) -> None:
    kind = _kind(kind_name)
    with store.unit_of_work() as session:
        row = session.get(kind.table, record_id)
        if row is None:
            raise NotFoundError(f"No {kind.label} has the id {record_id}.")
        if (row.archived_at is not None) == archived:
            return
        now = utc_now()
        row.archived_at = now if archived else None
        row.updated_at = now
        session.add(row)
        history.record_changes(
            session,
            who=store.officer,
            operation="archive" if archived else "restore",
            kind=kind.name,
            record_id=record_id,
            changes=[("archived", not archived, archived)],
            at=now,
        )
        search.set_archived(session, record_id, archived)


def archive(store: Store, kind_name: str, record_id: str) -> None:
    """Put a record away: it leaves lists and searches but is kept, with a way back (restore)."""
    _set_archived(store, kind_name, record_id, True)


def restore(store: Store, kind_name: str, record_id: str) -> None:
    _set_archived(store, kind_name, record_id, False)


def change_history(store: Store, kind_name: str, record_id: str) -> list[history.ChangeEntry]:
    with store.reading() as session:
        return history.history_of(session, _kind(kind_name).name, record_id)


def find(store: Store, query: str, **options: Any) -> list[search.Hit]:
    with store.reading() as session:
        return search.search(session, query, **options)


def set_officer_name(store: Store, name: str | None) -> None:
    """The name written into the change history instead of the computer's user name."""
    cleaned = name.strip() if name else None
    with store.unit_of_work() as session:
        put_setting(session, "officer_name", cleaned or None)
    store.forget_officer()


# -- attachments ------------------------------------------------------------------------------------
def attach_file(store: Store, owner_kind: str, owner_id: str, path: str | Path) -> str:
    """Copy a file into the store (never just its path); returns the attachment's id."""
    kind = _kind(owner_kind)
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise StorageError(f"Cannot read {path.name}: {exc.strerror}.") from exc
    digest = hashlib.sha256(data).hexdigest()
    media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    with store.unit_of_work() as session:
        if session.get(kind.table, owner_id) is None:
            raise NotFoundError(f"No {kind.label} has the id {owner_id}.")
        if session.get(AttachmentContent, digest) is None:
            session.add(AttachmentContent(sha256=digest, data=data))
            session.flush()  # the content row first: the attachment's foreign key points at it
        attachment = Attachment(
            owner_kind=kind.name,
            owner_id=owner_id,
            name=path.name,
            media_type=media_type,
            size=len(data),
            sha256=digest,
        )
        session.add(attachment)
        session.flush()
        history.record_changes(
            session,
            who=store.officer,
            operation="update",
            kind=kind.name,
            record_id=owner_id,
            changes=[("attachments", None, path.name)],
            at=utc_now(),
        )
        return attachment.id


def attachments_of(store: Store, owner_kind: str, owner_id: str) -> list[Attachment]:
    with store.reading() as session:
        query = select(Attachment).where(
            Attachment.owner_kind == owner_kind,
            Attachment.owner_id == owner_id,
            Attachment.archived_at.is_(None),
        )
        return list(session.execute(query.order_by(Attachment.created_at)).scalars())


def attachment_bytes(store: Store, attachment_id: str) -> bytes:
    """The file's bytes, verified against the SHA-256 recorded when it was attached."""
    with store.reading() as session:
        attachment = session.get(Attachment, attachment_id)
        if attachment is None:
            raise NotFoundError(f"No attachment has the id {attachment_id}.")
        content = session.get(AttachmentContent, attachment.sha256)
        data = content.data if content else b""
    if hashlib.sha256(data).hexdigest() != attachment.sha256:
        raise StorageError(
            f"The attached file {attachment.name} is damaged (its checksum does not match); restore a backup."
        )
    return data
