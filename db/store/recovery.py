"""Getting back to a sound store: a damaged or replaced store is set aside (renamed, never
written to or deleted), and a verified backup takes its place."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from db import clock
from db.errors import StorageError
from db.i18n import translate
from db.store.backups import problem_with_backup, verified_copy
from db.store.files import flush_folder
from db.store.outside import existing_regular_file, regular_file

# SQLite keeps a store's recent commits in these files beside it: they travel with the store.
COMPANIONS = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class Restored:
    store: Path
    backup: Path
    set_aside: Path | None  # where the replaced store now is; None when there was none


def set_aside(store_path: Path, why: str, *, now: datetime | None = None) -> Path | None:
    """Rename the store and its companion files to ``<stem>.<why>-<UTC time>.sqlite`` beside it.
    Their bytes are untouched, and SQLite would still pair them if the file were opened."""
    store_path = Path(store_path)
    if not existing_regular_file(store_path, translate("rules", "a PartnerDesk store")):
        return None
    stamp = (now or clock.now()).astimezone(UTC)
    base = f"{store_path.stem}.{why}-{stamp:%Y%m%dT%H%M%SZ}"
    target, n = store_path.with_name(base + store_path.suffix), 1
    while target.exists():
        n += 1
        target = store_path.with_name(f"{base}-{n}{store_path.suffix}")
    try:
        for ending in COMPANIONS:
            companion = Path(str(store_path) + ending)
            if companion.exists():
                os.rename(companion, str(target) + ending)
        os.rename(store_path, target)
        flush_folder(store_path.parent)
    except OSError as exc:
        raise StorageError(
            translate("storage", "Cannot set {path} aside: {reason}.").format(
                path=store_path, reason=exc.strerror
            )
        ) from exc
    return target


def restore_backup(
    store_path: Path, backup_path: Path, *, why: str = "replaced", now: datetime | None = None
) -> Restored:
    """Put a verified copy of the backup in the store's place; the store it replaces (damaged or
    not) is set aside first, named after ``why``. The caller makes sure no window has the store
    open."""
    # Only regular files are replaced or read: a store path naming a device or a pipe is
    # refused before the copy is made beside it, let alone anything renamed.
    existing_regular_file(store_path, translate("rules", "a PartnerDesk store"))
    regular_file(backup_path, translate("rules", "a backup"))
    store_path, backup_path = Path(store_path).resolve(), Path(backup_path).resolve()
    if backup_path == store_path:
        raise StorageError(
            translate("storage", "A store cannot be restored from itself; choose a backup file.")
        )
    problem = problem_with_backup(backup_path)
    if problem:
        raise StorageError(
            translate(
                "storage", "{path} cannot be restored: {problem}. Nothing was changed."
            ).format(path=backup_path, problem=problem)
        )
    incoming = store_path.with_name(f".{store_path.name}.restoring")
    verified_copy(backup_path, incoming)  # the backup itself is never moved or changed
    try:
        replaced = set_aside(store_path, why, now=now)
        os.replace(incoming, store_path)
        flush_folder(store_path.parent)
    except OSError as exc:
        raise StorageError(
            translate("storage", "Cannot put the backup in place of {path}: {reason}.").format(
                path=store_path, reason=exc.strerror
            )
        ) from exc
    finally:
        if incoming.exists():
            incoming.unlink()
    return Restored(store_path, backup_path, replaced)
