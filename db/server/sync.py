"""A laptop's sync with the team server: push what the server lacks, then pull what the laptop
lacks, each through the merge between stores (db.records.merge), each in one unit of work.

- **Push** (one transaction on the server, behind its one writer's lock): the server's version
  vector, read under the lock, says what it lacks; the laptop's payload for it is merged there,
  field by field, conflicts kept, as a laptop merges a bundle. The batch is recorded with the id
  the laptop gave it and the server's ``current_user``. A push cut short (a kill, a lost
  network, a server restart) is rolled back whole; sent again, it takes only what the server
  still lacks, and a batch the server took already is recorded once. A laptop with nothing to
  send (most syncs in the background) does not queue for the lock at all.
- **Pull** (one snapshot of the server, one unit of work here): everything beyond the laptop's
  version vector, store by store. Nothing is read by a server-wide sequence, so a change that
  another laptop committed late (after changes numbered after it) is never skipped: it is
  beyond this laptop's vector until it is held here.
- Attached files go with the records that hold them, both ways, each content once.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlmodel import Session

from db.clock import utc_now
from db.exchange.bundles import remember
from db.i18n import translate
from db.records import changelog, merge
from db.records.settings import get_setting, put_setting
from db.schema.models import Attachment, AttachmentContent, PushedBatch
from db.server.team_server import TeamServer
from db.store.engine import Store
from db.store.sql import in_chunks

# The batch a push is sending, kept on the laptop until the push is known to have landed.
_PENDING = "server_push_pending:"

Progress = Callable[[str], None]


@dataclass
class ServerSyncReport:
    """What a sync with the server did: changes sent and records merged there, changes received
    and what they did here (as a bundle's report says), files both ways."""

    server: str
    sent: int = 0
    merged_there: int = 0
    received: int = 0
    added: list[tuple[str, str, str]] = field(default_factory=list)  # kind, id, described
    merged: list[tuple[str, str, str]] = field(default_factory=list)
    conflicts: list[tuple[str, str, str, str]] = field(default_factory=list)  # + field
    files_sent: int = 0
    files_taken: int = 0


def sync_with_server(
    store: Store, server: TeamServer, progress: Progress | None = None
) -> ServerSyncReport:
    say = progress or (lambda _message: None)
    say(translate("server", "Connecting to {server}…").format(server=server.name))
    server.check_ready()
    report = ServerSyncReport(server.name)
    _push(store, server, report, say)
    _pull(store, server, report, say)
    return report


def _push(store: Store, server: TeamServer, report: ServerSyncReport, say: Progress) -> None:
    laptop_id = store.store_id()
    server_id = server.store_id()
    # What the server holds, read once outside the lock: a push committed meanwhile can only
    # make some of these changes held there already, which the merge skips.
    with server.reading() as remote:
        held_there = changelog.version_vector(remote)
    with store.reading() as local:
        if not changelog.changes_lacking(local, held_there):
            return  # nothing to send (most background syncs): no queue behind another push
    payload = merge.payload_for(store, held_there)
    batch_id = _pending_batch(store, server_id)
    say(
        translate("server", "Sending {count} changes to the team server…").format(
            count=f"{len(payload.changes):,}"
        )
    )
    with server.unit_of_work() as remote:
        merged = merge.merge_into(remote, payload, who=server.officer)
        report.sent, report.merged_there = merged.changes, len(merged.updated)
        with store.reading() as local:
            report.files_sent = _copy_attachments(local, remote, payload)
        if remote.get(PushedBatch, batch_id) is None:  # a batch sent again is kept once
            remote.add(
                PushedBatch(
                    id=batch_id,
                    store_id=laptop_id,
                    pushed_by=server.officer,
                    pushed_at=utc_now(),
                    changes=merged.changes,
                )
            )
        remember(remote, laptop_id, payload.vector)
    with store.unit_of_work() as local:  # landed: the next push is a new batch
        put_setting(local, _PENDING + server_id, None)


def _pending_batch(store: Store, server_id: str) -> str:
    """The id of the batch being pushed: the one of a push not known to have landed, or a new
    one, kept on the laptop before anything is sent."""
    with store.unit_of_work() as local:
        batch_id = get_setting(local, _PENDING + server_id)
        if batch_id is None:
            batch_id = str(uuid.uuid4())
            put_setting(local, _PENDING + server_id, batch_id)
    return batch_id


def _pull(store: Store, server: TeamServer, report: ServerSyncReport, say: Progress) -> None:
    with store.reading() as local:
        held = changelog.version_vector(local)
    say(translate("server", "Receiving what changed on the team server…"))
    payload = merge.payload_for(server, held)
    with server.reading() as remote, store.unit_of_work() as local:
        merged = merge.merge_into(local, payload, who=store.officer)
        report.files_taken = _copy_attachments(remote, local, payload)
        remember(local, payload.store_id, payload.vector)
    report.received = merged.changes
    report.added, report.merged, report.conflicts = merge.described(merged)


def _copy_attachments(source: Session, target: Session, payload: merge.Payload) -> int:
    """The attachments of the payload's records that the target lacks, with their content
    (stored once per SHA-256); an attachment archived at the source is archived at the target."""
    owners = [values["id"] for _kind, values in payload.records]
    copied = 0
    for chunk in in_chunks(owners):
        query = select(Attachment).where(Attachment.owner_id.in_(chunk)).order_by(Attachment.id)
        for row in source.execute(query).scalars():
            held = target.get(Attachment, row.id)
            if held is not None:
                if row.archived_at and held.archived_at is None:
                    held.archived_at = row.archived_at
                continue
            if target.get(AttachmentContent, row.sha256) is None:
                content = source.get(AttachmentContent, row.sha256)
                target.add(AttachmentContent(sha256=row.sha256, data=content.data))
                target.flush()  # the content first: the attachment's key points at it
            values = {c.name: getattr(row, c.name) for c in Attachment.__table__.columns}
            target.add(Attachment(**values))
            target.flush()
            copied += 1
    return copied
