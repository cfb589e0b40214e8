"""Everything a record's view shows, read in one go (off the window's thread): the record, the
names of the records it refers to, the records related to it, its attached files and its change
history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from db.errors import NotFoundError
from db.queries.listing import labels_of
from db.queries.related import RelatedItem, related
from db.records import shape
from db.records.history import ChangeEntry, history_of
from db.records.rules import references
from db.schema.kinds import BY_NAME
from db.schema.models import Attachment


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
    names: dict[str, str]  # id -> short description of each current record it refers to
    sections: dict[str, list[RelatedItem]]
    attachments: list[AttachedFile]
    history: list[ChangeEntry]


def record_view(session: Session, kind: str, record_id: str, today: dt.date) -> RecordView:
    record_kind = BY_NAME[kind]
    stored = shape.read(session, record_kind, record_id)
    if stored is None:
        raise NotFoundError(f"No {record_kind.label} has the id {record_id}.")
    names: dict[str, str] = {}
    for target, ids in references(record_kind, stored).items():
        names.update(labels_of(session, target, ids))
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
        history=history_of(session, kind, record_id),
    )
