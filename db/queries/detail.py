"""Everything a record's view shows, read in one go (off the window's thread): the record, the
names of the records it refers to, the records related to it, its attached files and its change
history."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from db.errors import NotFoundError
from db.queries.listing import labels_of
from db.queries.related import RelatedItem, related
from db.records import derived, shape
from db.records.history import ChangeEntry, history_of
from db.records.rules import references
from db.schema.enums import SourceKind
from db.schema.fields import FieldSpec, ListOf, Parts, Ref
from db.schema.kinds import BY_NAME, RecordKind
from db.schema.models import Attachment, Conflict


@dataclass(frozen=True)
class AttachedFile:
    id: str
    name: str
    size: int


@dataclass(frozen=True)
class RecordView:
    kind: str
    record_id: str
    values: dict[str, Any]  # the exchange format's shape (ISO dates)
    # id -> short description of each current record it refers to, and of the records its
    # history's old and new values name (archived ones too)
    names: dict[str, str]
    sections: dict[str, list[RelatedItem]]
    attachments: list[AttachedFile]
    history: list[ChangeEntry]
    # A joint activity whose dates have passed while still planned (derived.needs_update).
    needs_update: bool = False
    # Its fields two stores changed to different values, not resolved yet (docs/sync.md).
    conflicts: tuple[str, ...] = ()


def record_view(
    session: Session, kind: str, record_id: str, today: dt.date, language: str = "en"
) -> RecordView:
    """``language``: the window's ("en" or "fr"), in which thematic areas are named."""
    record_kind = BY_NAME[kind]
    stored = shape.read(session, record_kind, record_id)
    if stored is None:
        raise NotFoundError(f"No {record_kind.label} has the id {record_id}.")
    history = history_of(session, kind, record_id)
    names = history_names(session, record_kind, history, language)
    for target, ids in references(record_kind, stored).items():
        names.update(labels_of(session, target, ids, language=language))
    files = select(Attachment.id, Attachment.name, Attachment.size).where(
        Attachment.owner_kind == kind,
        Attachment.owner_id == record_id,
        Attachment.archived_at.is_(None),
    )
    return RecordView(
        kind=kind,
        record_id=record_id,
        values=shape.dump(record_kind, stored),
        names=names,
        sections=related(session, kind, record_id, today),
        attachments=[
            AttachedFile(*row) for row in session.execute(files.order_by(Attachment.created_at))
        ],
        history=history,
        needs_update=kind == "activity" and derived.needs_update(stored, today),
        conflicts=tuple(
            session.execute(
                select(Conflict.field)
                .where(Conflict.record_kind == kind, Conflict.record_id == record_id)
                .order_by(Conflict.field)
            ).scalars()
        ),
    )


def history_names(
    session: Session, kind: RecordKind, history: list[ChangeEntry], language: str = "en"
) -> dict[str, str]:
    """The names of the records that the history's old and new values refer to, by id."""
    specs = {spec.name: spec for spec in kind.fields}
    wanted: dict[str, set[str]] = {}
    for change in history:
        spec = specs.get(change.field)
        if spec is None:
            continue
        for text in (change.old_value, change.new_value):
            for target, record_id in ids_in_history(spec, text):
                wanted.setdefault(target, set()).add(record_id)
    names: dict[str, str] = {}
    for target, ids in wanted.items():
        names.update(labels_of(session, target, ids, include_archived=True, language=language))
    return names


def ids_in_history(spec: FieldSpec, text: str | None) -> list[tuple[str, str]]:
    """(kind, id) of each record a field's value, as the history writes it, refers to. A
    follow-up's source may be of any kind a follow-up comes from."""
    if not text:
        return []
    if isinstance(spec, Ref):
        targets = [spec.target] if spec.target else [k.value for k in SourceKind]
        return [(target, text) for target in targets]
    try:
        value = json.loads(text)
    except ValueError:
        return []
    if isinstance(spec, ListOf) and spec.target and isinstance(value, list):
        return [(spec.target, item) for item in value if isinstance(item, str)]
    if isinstance(spec, Parts) and isinstance(value, list):
        return [
            (sub.target, part[sub.name])
            for part in value
            if isinstance(part, dict)
            for sub in spec.fields
            if isinstance(sub, Ref) and sub.target and isinstance(part.get(sub.name), str)
        ]
    return []
