"""The operations an officer performs, each one unit of work: validate, write, record the
history, update the search index, commit once. Nothing is written when any rule fails.

Records travel in and out as dicts shaped like the exchange format (see db.kinds); dates may be
``date`` objects or ISO text.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import DatabaseError

from db.clock import utc_now
from db.errors import DamagedStoreError, NotFoundError, Problem, StorageError
from db.i18n import translate
from db.records import batch, history, search, shape, thematic, upkeep
from db.records.settings import put_setting
from db.schema.kinds import BY_NAME, RecordKind
from db.schema.models import Attachment, AttachmentContent
from db.store.engine import OFFICER_KEY, Store
from db.store.outside import limit, read_outside


def open_store(path: str | os.PathLike[str], **options: Any) -> Store:
    """A store opened for work: ``Store.open`` (the file checked, migrated after a verified
    backup; see its options), then what every PartnerDesk store holds, its thematic tree, and
    the data steps of this version (db.records.upkeep)."""
    store = Store.open(path, **options)
    try:
        thematic.ensure_default_tree(store)
        upkeep.run_data_steps(store, thematic.default_tree)
    except DatabaseError as exc:
        store.close()
        raise DamagedStoreError(store.path, f"it is damaged ({exc.orig or exc})") from exc
    except BaseException:
        store.close()
        raise
    return store


def _kind(name: str) -> RecordKind:
    try:
        return BY_NAME[name]
    except KeyError:
        raise ValueError(f"unknown record kind {name!r}") from None


def save(store: Store, kind_name: str, raw: dict[str, Any]) -> str:
    """Create or update one record; returns its id. Raises ValidationError listing every problem."""
    return save_many(store, [(kind_name, raw)])[0]


def save_many(store: Store, items: list[tuple[str, dict[str, Any]]]) -> list[str]:
    """Several records saved as one operation (follow-ups made from a meeting's decisions): all
    of them, or none when any breaks a rule."""
    proposed, problems = _proposed(items)
    return batch.write_batch(store, proposed, problems=problems).ids


def _proposed(items: list[tuple[str, Any]]) -> tuple[list[batch.Proposed], list[Problem]]:
    """What an editor sends, as the batch write takes it: the store keeps its own timestamps,
    and a record's archiving unless the editor says otherwise."""
    return batch.parse(
        (
            (
                _kind(kind_name),
                _without_timestamps(raw),
                f"{_kind(kind_name).label} {position + 1}" if len(items) > 1 else "",
            )
            for position, (kind_name, raw) in enumerate(items)
        ),
        kept_unless_given=("created_at", "archived"),
    )


def check(store: Store, kind_name: str, raw: dict[str, Any]) -> list[Problem]:
    """The problems ``save`` would report, without writing (for editors, as the officer types)."""
    proposed, problems = _proposed([(kind_name, raw)])
    if not proposed:  # as save: no rules for what is not a record
        return problems
    with store.reading() as session:
        return problems + batch.check(session, proposed)[1]


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
    with store.unit_of_work() as session:
        batch.set_archived(session, _kind(kind_name), record_id, archived, who=store.officer)


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
        put_setting(session, OFFICER_KEY, cleaned or None)
    store.forget_officer()


# -- attachments ------------------------------------------------------------------------------------
def attach_file(store: Store, owner_kind: str, owner_id: str, path: str | Path) -> str:
    """Copy a file into the store (never just its path); returns the attachment's id. The store
    itself, its journal, its lock and its backups are refused: they are never read as files
    while the store is open."""
    kind = _kind(owner_kind)
    path = Path(path)
    data = read_outside(path, translate("rules", "a file to attach"), limit("attachment_bytes"))
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
