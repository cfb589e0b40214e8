"""Sync bundles: what one store hands another on a file carried between laptops (docs/sync.md,
"Sync bundles"; the format in docs/sync-bundle-format.md, its JSON Schema in resources/schema/).

A bundle is a zip container: ``bundle.json`` (the sending store's id and schema revision, its
version vector, the changes the receiver lacks, the records they touch, the open conflicts on
those records, and the attachments those records hold) and one part ``attachments/<sha256>`` per
attached file's content. A zip rather than base64 inside the JSON: the files travel as they are
(no third larger, no giant JSON string held in memory), and the guard bounds a zip part by part
(db/store/outside.py: parts counted from its directory before anything unpacks, each part counted
as it unpacks), so a zip bomb or a lying directory is refused at a named limit.

Reading a bundle checks all of it before the store is touched: the guard's limits, the parts'
names (only those two forms: a name that climbs out of a folder or names anything else is
refused), the JSON's shape and types, each change, record and conflict, and every attachment's
bytes against its size and SHA-256. ``sync_in`` then merges it in one unit of work
(db/records/merge.py): all of it or, refused, nothing.
"""

from __future__ import annotations

import gc
import hashlib
import io
import json
import os
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from db.clock import utc_now
from db.errors import Problem, ValidationError
from db.exchange.document import _parsed
from db.i18n import translate
from db.records import batch, changelog, merge, shape
from db.records.settings import get_setting, put_setting
from db.schema.fields import _short, is_canonical_id
from db.schema.kinds import BY_KEY, BY_NAME, KINDS
from db.schema.models import Attachment, AttachmentContent
from db.store import identity, migrations
from db.store.engine import Store
from db.store.files import write_bytes_atomically
from db.store.outside import GuardedZip, limit, read_outside, refusing_failures
from db.store.sql import in_chunks

FORMAT = "partnerdesk-sync"
VERSION = 1
JSON_PART = "bundle.json"
ATTACHMENT_FOLDER = "attachments/"
_ATTACHMENT_PART = re.compile(r"attachments/[0-9a-f]{64}")
# What this store last heard another store held: its version vector, from its latest bundle.
_HEARD_FROM = "sync_vector:"
TOP_KEYS = (
    "format",
    "version",
    "written_at",
    "store_id",
    "schema_revision",
    "for_store_id",
    "vector",
    "changes",
    "records",
    "conflicts",
    "attachments",
)
SIDE_KEYS = ("store_id", "seq", "changed_at", "changed_by", "value")
ATTACHMENT_KEYS = (
    "id",
    "owner_kind",
    "owner_id",
    "name",
    "media_type",
    "size",
    "sha256",
    "created_at",
    "archived_at",
)


@dataclass
class Bundle:
    """A bundle read and checked: the merge's payload, the attachments of its records, and the
    zip their bytes come from."""

    payload: merge.Payload
    schema_revision: str
    attachments: list[dict[str, Any]]
    archive: GuardedZip | None = None
    source: str = ""


@dataclass
class SyncReport:
    """What a bundle brought: changes received, records added, records merged by themselves
    (updated without a conflict), the conflicts open on its records, attached files taken."""

    from_store: str
    changes: int = 0
    added: list[tuple[str, str, str]] = field(default_factory=list)  # kind, id, described
    merged: list[tuple[str, str, str]] = field(default_factory=list)
    conflicts: list[tuple[str, str, str, str]] = field(default_factory=list)  # + field
    attachments: int = 0


# -- writing -------------------------------------------------------------------------------------
def write_bundle(store: Store, path: str | os.PathLike[str], *, for_store: str | None = None):
    """Everything this store holds, or what ``for_store`` lacks as far as this store heard
    (its vector in its latest bundle received here; everything when none came yet). Written to a
    temporary file, flushed, then renamed: never a half-written bundle. Returns (the bundle's
    document, whether the receiver's vector was known)."""
    vector: changelog.VersionVector = {}
    known = False
    if for_store:
        with store.reading() as session:
            heard = get_setting(session, _HEARD_FROM + for_store)
        known = heard is not None
        vector = json.loads(heard) if heard else {}
    with _no_collector_passes():  # as sync_in: tens of thousands of objects, none to free
        return _write_bundle(store, path, for_store, vector, known)


def _write_bundle(
    store: Store,
    path: str | os.PathLike[str],
    for_store: str | None,
    vector: changelog.VersionVector,
    known: bool,
) -> tuple[dict[str, Any], bool]:
    payload = merge.payload_for(store, vector)
    with store.reading() as session:
        attachments = _attachments_of(session, [values["id"] for _k, values in payload.records])
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "written_at": utc_now().isoformat() + "Z",
            "store_id": payload.store_id,
            "schema_revision": store.schema_revision(),
            "for_store_id": for_store,
            "vector": payload.vector,
            "changes": [change.to_json() for change in payload.changes],
            "records": _records_json(payload),
            "conflicts": [
                {"record_kind": k, "record_id": rid, "field": name, "sides": sides}
                for (k, rid, name), sides in sorted(payload.conflicts.items())
            ],
            "attachments": [_attachment_json(a) for a in attachments],
        }
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            # The fastest deflate: a third of the writing's time at the default level, for a
            # bundle about a tenth larger.
            archive.writestr(JSON_PART, json.dumps(doc, ensure_ascii=False), compresslevel=1)
            for digest in sorted({a.sha256 for a in attachments}):
                content = session.get(AttachmentContent, digest)
                archive.writestr(ATTACHMENT_FOLDER + digest, content.data if content else b"")
    write_bytes_atomically(Path(path), buffer.getvalue())
    return doc, known


def _records_json(payload: merge.Payload) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for kind, values in payload.records:
        out.setdefault(kind.key, []).append(shape.dump(kind, values))
    return out


def _attachments_of(session: Session, owner_ids: list[str]) -> list[Attachment]:
    found: list[Attachment] = []
    for chunk in in_chunks(owner_ids):
        query = select(Attachment).where(Attachment.owner_id.in_(chunk)).order_by(Attachment.id)
        found.extend(session.execute(query).scalars())
    return found


def _attachment_json(row: Attachment) -> dict[str, Any]:
    return {
        "id": row.id,
        "owner_kind": row.owner_kind,
        "owner_id": row.owner_id,
        "name": row.name,
        "media_type": row.media_type,
        "size": row.size,
        "sha256": row.sha256,
        "created_at": row.created_at.isoformat(),
        "archived_at": row.archived_at.isoformat() if row.archived_at else None,
    }


# -- reading -------------------------------------------------------------------------------------
def read_bundle(path: str | os.PathLike[str]) -> Bundle:
    """A bundle from outside, read through the guard and checked whole; ValidationError or
    FileRefused (naming the limit, the part or the field) when anything is wrong."""
    path = Path(path)
    data = read_outside(path, translate("rules", "a sync bundle"), limit("bundle_bytes"))
    with refusing_failures(path):
        if not zipfile.is_zipfile(io.BytesIO(data)):
            raise _refused(
                "file",
                translate(
                    "rules", "{file} is not a sync bundle (it is not a zip container)."
                ).format(file=path.name),
            )
        try:
            archive = GuardedZip(
                data, path.name, parts=limit("bundle_parts"), part_bytes=limit("bundle_json_bytes")
            )
        except (zipfile.BadZipFile, ValueError, EOFError) as exc:
            raise _damaged(path.name, exc) from None
        del data
        _check_part_names(archive, path.name)
        try:
            with archive.open(JSON_PART) as stream:
                raw = stream.read()
        except (zipfile.BadZipFile, ValueError, EOFError, OSError) as exc:
            raise _damaged(path.name, exc) from None
        doc = _parsed(raw, path)
        del raw
        bundle = parse_bundle(doc, path.name)
        _check_attachment_parts(bundle, archive, path.name)
        bundle.archive, bundle.source = archive, path.name
        return bundle


def _refused(where: str, message: str) -> ValidationError:
    return ValidationError([Problem(where, message, "bundle")])


def _damaged(source: str, exc: Exception) -> ValidationError:
    return _refused(
        "file",
        translate("rules", "{file} is damaged: its zip container cannot be read ({error}).").format(
            file=source, error=_short(str(exc), 80)
        ),
    )


def _check_part_names(archive: GuardedZip, source: str) -> None:
    """Only ``bundle.json`` and ``attachments/<sha256>``, each once: no name climbs out of a
    folder or names another file (the parts are never written to the disk by their names, and
    a bundle naming one is not one PartnerDesk wrote)."""
    names = [info.filename for info in archive.infolist()]
    for name in names:
        if name != JSON_PART and not _ATTACHMENT_PART.fullmatch(name):
            raise _refused(
                "file",
                translate(
                    "rules",
                    "{file}: the part “{part}” is not one a sync bundle holds (only {json} and "
                    "attachments/ followed by a SHA-256).",
                ).format(file=source, part=_short(name, 80), json=JSON_PART),
            )
    if len(set(names)) != len(names):
        raise _refused(
            "file", translate("rules", "{file}: a part is named twice.").format(file=source)
        )
    if JSON_PART not in names:
        raise _refused(
            "file",
            translate("rules", "{file} is not a sync bundle: it holds no {json}.").format(
                file=source, json=JSON_PART
            ),
        )


def parse_bundle(doc: Any, source: str = "") -> Bundle:
    """The bundle's JSON checked field by field: every problem found, or the bundle."""
    if not isinstance(doc, dict):
        raise _refused(
            "file",
            translate("rules", "{file} is not a sync bundle (its JSON must be an object).").format(
                file=source
            ),
        )
    _check_header(doc)
    problems: list[Problem] = []

    def bad(where: str, message: str, place: str = "bundle") -> None:
        problems.append(Problem(where, message, place))

    for key in sorted(set(doc) - set(TOP_KEYS), key=str):
        bad(
            str(key),
            translate("rules", "“{key}” is not a part of a sync bundle.").format(key=_short(key)),
        )
    if not is_canonical_id(doc.get("store_id")):
        bad("store_id", translate("rules", "store_id must be an id (a UUID)."))
    if doc.get("for_store_id") is not None and not is_canonical_id(doc.get("for_store_id")):
        bad("for_store_id", translate("rules", "for_store_id must be an id (a UUID) or empty."))
    vector = doc.get("vector")
    if not isinstance(vector, dict) or not all(
        is_canonical_id(k) and _whole(n, 0) for k, n in vector.items()
    ):
        bad("vector", translate("rules", "vector must map store ids to whole numbers."))
    for key in ("changes", "conflicts", "attachments"):
        if not isinstance(doc.get(key), list):
            bad(key, translate("rules", "“{key}” must be a list.").format(key=key))
    if not isinstance(doc.get("records"), dict) or set(doc["records"]) - set(BY_KEY):
        bad("records", translate("rules", "records must map kinds of record to lists."))
    if problems:
        raise ValidationError(problems)
    count = len(doc["changes"])
    _within("bundle_changes", count, source, translate("rules", "{count} changes"))
    records_raw = doc["records"]
    count = sum(len(v) for v in records_raw.values() if isinstance(v, list))
    _within("bundle_records", count, source, translate("rules", "{count} records"))

    changes: list[changelog.LoggedChange] = []
    for n, raw in enumerate(doc["changes"]):
        change, found = changelog.parse_change(raw, f"changes[{n}]")
        problems.extend(found)
        if change:
            changes.append(change)
    records = []
    for kind in KINDS:
        items = records_raw.get(kind.key, [])
        if not isinstance(items, list):
            bad(
                kind.key,
                translate("rules", "“{key}” must be a list of records.").format(key=kind.key),
            )
            continue
        for n, raw in enumerate(items):
            place = f"records.{kind.key}[{n}]"
            if not isinstance(raw, dict) or not is_canonical_id(raw.get("id")):
                bad(
                    "id",
                    translate("rules", "A record must be an object with an id (a UUID)."),
                    place,
                )
                continue
            clean, found = shape.parse(kind, raw)
            problems.extend(Problem(p.field, p.message, place) for p in found)
            if not found:
                records.append((kind, clean))
    conflicts = _parse_conflicts(doc["conflicts"], problems)
    attachments = _parse_attachments(doc["attachments"], problems)
    if problems:
        raise ValidationError(problems)
    payload = merge.Payload(doc["store_id"], dict(vector), changes, records, conflicts)
    return Bundle(payload, doc["schema_revision"], attachments)


def _check_header(doc: dict[str, Any]) -> None:
    """Format, version and schema revision first: a bundle from a newer PartnerDesk is refused
    with both versions named, before anything else of it is judged."""
    if doc.get("format") != FORMAT:
        raise _refused(
            "format",
            translate(
                "rules",
                "The file is not a PartnerDesk sync bundle (format is “{found}”, expected “{expected}”).",
            ).format(found=_short(doc.get("format")), expected=FORMAT),
        )
    version = doc.get("version")
    if not _whole(version, 1):
        raise _refused(
            "version",
            translate("rules", "Bundle version “{version}” is not a whole number.").format(
                version=_short(version)
            ),
        )
    if version > VERSION:
        raise _refused(
            "version",
            translate(
                "rules",
                "The bundle was written by a newer PartnerDesk (bundle format version {version}); "
                "this version reads version {supported}. Update PartnerDesk, then sync again.",
            ).format(version=version, supported=VERSION),
        )
    revision = doc.get("schema_revision")
    if not isinstance(revision, str):
        raise _refused("schema_revision", translate("rules", "schema_revision must be text."))
    if revision not in migrations.known_revisions():
        raise _refused(
            "schema_revision",
            translate(
                "rules",
                "The bundle comes from a store with a newer schema (revision {theirs}) than this "
                "PartnerDesk knows (revision {ours}). Update PartnerDesk, then sync again; nothing "
                "was changed.",
            ).format(theirs=_short(revision, 40), ours=migrations.head_revision()),
        )


def _whole(value: Any, lowest: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= lowest


def _within(key: str, count: int, source: str, counted: str) -> None:
    bound = limit(key)
    if count > bound.value:
        raise bound.refusal(source, counted.format(count=f"{count:,}"))


def _parse_conflicts(items: list[Any], problems: list[Problem]) -> dict[tuple[str, str, str], list]:
    conflicts: dict[tuple[str, str, str], list] = {}
    for n, raw in enumerate(items):
        place = f"conflicts[{n}]"
        ok = (
            isinstance(raw, dict)
            and set(raw) == {"record_kind", "record_id", "field", "sides"}
            and raw["record_kind"] in BY_NAME
            and is_canonical_id(raw["record_id"])
            and isinstance(raw["field"], str)
            and isinstance(raw["sides"], list)
            and len(raw["sides"]) >= 2
            and all(_is_side(side) for side in raw["sides"])
        )
        if not ok:
            problems.append(
                Problem(
                    "conflicts",
                    translate(
                        "rules",
                        "A conflict must name a record (kind, id), a field and at least two "
                        "sides, each with store_id, seq, changed_at, changed_by and value.",
                    ),
                    place,
                )
            )
            continue
        conflicts[(raw["record_kind"], raw["record_id"], raw["field"])] = raw["sides"]
    return conflicts


def _is_side(side: Any) -> bool:
    if not isinstance(side, dict) or set(side) != set(SIDE_KEYS):
        return False
    if side["store_id"] is None:
        return side["seq"] is None and side["changed_at"] is None
    return (
        is_canonical_id(side["store_id"])
        and _whole(side["seq"], 1)
        and _is_timestamp(side["changed_at"])
        and isinstance(side["changed_by"], str)
    )


def _is_timestamp(value: Any) -> bool:
    try:
        return datetime.fromisoformat(value).tzinfo is None
    except (TypeError, ValueError):
        return False


def _parse_attachments(items: list[Any], problems: list[Problem]) -> list[dict[str, Any]]:
    found = []
    most = limit("attachment_bytes").value
    for n, raw in enumerate(items):
        ok = (
            isinstance(raw, dict)
            and set(raw) == set(ATTACHMENT_KEYS)
            and is_canonical_id(raw["id"])
            and raw["owner_kind"] in BY_NAME
            and is_canonical_id(raw["owner_id"])
            and _is_file_name(raw["name"])
            and (raw["media_type"] is None or isinstance(raw["media_type"], str))
            and _whole(raw["size"], 0)
            and raw["size"] <= most
            and isinstance(raw["sha256"], str)
            and re.fullmatch(r"[0-9a-f]{64}", raw["sha256"]) is not None
            and _is_timestamp(raw["created_at"])
            and (raw["archived_at"] is None or _is_timestamp(raw["archived_at"]))
        )
        if not ok:
            problems.append(
                Problem(
                    "attachments",
                    translate(
                        "rules",
                        "An attachment must have an id, its record's kind and id, a file name "
                        "(at most 255 characters, no folder in it), a size of at most {limit}, a SHA-256 and when it "
                        "was attached.",
                    ).format(limit="256 MB"),
                    f"attachments[{n}]",
                )
            )
            continue
        found.append(raw)
    return found


def _is_file_name(name: Any) -> bool:
    """A file's own name, as attaching keeps it: never a path that could climb out of a folder
    when the file is saved or opened by that name."""
    return (
        isinstance(name, str)
        and 0 < len(name) <= 255
        and name not in (".", "..")
        and not any(char in name for char in "/\\\0")
        and not any(ord(char) < 32 for char in name)
    )


def _check_attachment_parts(bundle: Bundle, archive: GuardedZip, source: str) -> None:
    """Every attachment's file is in the bundle, of the size it says, whatever the directory
    says about the other parts; the bytes are checked against the SHA-256 as they are taken."""
    sizes = {info.filename: info.file_size for info in archive.infolist()}
    for n, item in enumerate(bundle.attachments):
        part = ATTACHMENT_FOLDER + item["sha256"]
        if sizes.get(part) != item["size"]:
            raise _refused(
                "attachments",
                translate(
                    "rules",
                    "{file}: the attached file “{name}” is missing or not of the size it says "
                    "(attachments[{n}]).",
                ).format(file=source, name=_short(item["name"], 80), n=n),
            )


# -- merging -------------------------------------------------------------------------------------
def sync_in(store: Store, path: str | os.PathLike[str]) -> SyncReport:
    """Merge a bundle into the store: its changes held, its records merged field by field, its
    conflicts kept, its attached files taken, and what the sending store holds remembered (for
    ``sync-out --for``) — in one unit of work, or nothing."""
    with _no_collector_passes():
        bundle = read_bundle(path)
        with store.unit_of_work() as session:
            report = merge_bundle(session, bundle, who=store.officer)
    return report


@contextmanager
def _no_collector_passes() -> Iterator[None]:
    """A bundle's changes and records, and the merge's values of them, are hundreds of thousands
    of objects that live until the merge ends: the garbage collector's full passes over them,
    each freeing nothing, took a fifth of a large merge. What the merge lets go of is still freed
    (reference counting); the collector runs again afterwards, as it was."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def merge_bundle(session: Session, bundle: Bundle, *, who: str) -> SyncReport:
    payload = bundle.payload
    merged = merge.merge_into(session, payload, who=who)
    taken = _take_attachments(session, bundle)
    remember(session, payload.store_id, payload.vector)
    report = SyncReport(payload.store_id, changes=merged.changes, attachments=taken)
    report.added, report.merged, report.conflicts = merge.described(merged)
    return report


def remember(session: Session, store_id: str, vector: changelog.VersionVector) -> None:
    """What the sending store held when it wrote the bundle, kept for a bundle back to it; a
    vector never goes back (an older bundle carried late says less than one already taken)."""
    if store_id == identity.store_id(session):
        return
    heard = json.loads(get_setting(session, _HEARD_FROM + store_id) or "{}")
    for other, n in vector.items():
        heard[other] = max(n, heard.get(other, 0))
    put_setting(session, _HEARD_FROM + store_id, json.dumps(heard, sort_keys=True))
    session.flush()


def _take_attachments(session: Session, bundle: Bundle) -> int:
    """Every attachment not held yet, its bytes checked against its SHA-256 (stored once per
    content); one held that the bundle says was removed is removed here too."""
    taken = 0
    for item in bundle.attachments:
        row = session.get(Attachment, item["id"])
        owner = BY_NAME[item["owner_kind"]].table
        if session.get(owner, item["owner_id"]) is None:
            raise _refused(
                "attachments",
                translate(
                    "rules",
                    "{file}: the attached file “{name}” belongs to a record that is neither in "
                    "the bundle nor in this store.",
                ).format(file=bundle.source, name=_short(item["name"], 80)),
            )
        if row is not None:
            if item["archived_at"] and row.archived_at is None:
                row.archived_at = datetime.fromisoformat(item["archived_at"])
            continue
        if session.get(AttachmentContent, item["sha256"]) is None:
            data = _attachment_bytes(bundle, item)
            session.add(AttachmentContent(sha256=item["sha256"], data=data))
            session.flush()  # the content row first: the attachment's foreign key points at it
        session.add(
            Attachment(
                id=item["id"],
                owner_kind=item["owner_kind"],
                owner_id=item["owner_id"],
                name=item["name"],
                media_type=item["media_type"],
                size=item["size"],
                sha256=item["sha256"],
                created_at=datetime.fromisoformat(item["created_at"]),
                updated_at=datetime.fromisoformat(item["created_at"]),
                archived_at=(
                    datetime.fromisoformat(item["archived_at"]) if item["archived_at"] else None
                ),
            )
        )
        session.flush()
        taken += 1
    return taken


def _attachment_bytes(bundle: Bundle, item: dict[str, Any]) -> bytes:
    part = ATTACHMENT_FOLDER + item["sha256"]
    try:
        with bundle.archive.open(part) as stream:
            data = stream.read(item["size"] + 1)  # never more than it says, whatever it holds
    except (zipfile.BadZipFile, ValueError, EOFError, OSError) as exc:
        raise _damaged(bundle.source, exc) from None
    if len(data) != item["size"] or hashlib.sha256(data).hexdigest() != item["sha256"]:
        raise _refused(
            "attachments",
            translate(
                "rules",
                "{file}: the attached file “{name}” is damaged (its bytes do not match its "
                "SHA-256).",
            ).format(file=bundle.source, name=_short(item["name"], 80)),
        )
    return data


def _described(session: Session, keys: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    keys = list(dict.fromkeys(keys))
    wanted = [(BY_NAME[kind], record_id) for kind, record_id in keys]
    olds = batch.read_olds(session, wanted)
    return {
        key: (kind.describe(values) if values else key[1])
        for key, (kind, _id), values in zip(keys, wanted, olds, strict=True)
    }


def open_conflicts(store: Store) -> list[dict[str, Any]]:
    """Every open conflict: the record (kind, id, as officers name it), the field, the value
    shown and every side with who made it, on which store and when."""
    with store.reading() as session:
        found = merge.open_conflicts(session)
        names = _described(session, [(kind, record_id) for kind, record_id, _n, _s in found])
        wanted = [(BY_NAME[kind], record_id) for kind, record_id, _n, _s in found]
        olds = batch.read_olds(session, wanted)
    out = []
    for (kind, record_id, name, sides), values in zip(found, olds, strict=True):
        shown = shape.dump(BY_NAME[kind], values).get(name) if values else None
        out.append(
            {
                "record_kind": kind,
                "record_id": record_id,
                "record": names[(kind, record_id)],
                "field": name,
                "shown": shown,
                "sides": sides,
            }
        )
    return out
