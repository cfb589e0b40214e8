"""A store's own id, and a copy told apart from its original (docs/sync.md, "Identity").

Every store holds a UUID of its own (setting ``store_id``, made by migration 0005), which names
the changes it makes on every other store. A copy of a store's file — a backup restored, the file
carried to another laptop or copied by hand — holds the same id; if the copy and the original both
went on writing under it, two different changes would carry one name. So a store also records
where it lives (``store_home``: its file's device and inode, read with ``stat``, which does not
open the file), and a store opened for work whose file is not the one it recorded takes a new id
before anything is written, keeping its earlier ids (``store_ids_before``). History rows already
written keep the id they were written under: they are the common past of the copy and the
original. Taking a new id is always safe; sharing one is not.
"""

from __future__ import annotations

import json
import logging
import uuid
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlmodel import Session

from db.store import connections

log = logging.getLogger("partnerdesk.store")

STORE_ID_KEY = "store_id"
HOME_KEY = "store_home"
EARLIER_KEY = "store_ids_before"


def home_of(path: Path) -> str | None:
    """Where a store's file lives, as the store records it: "device:inode"."""
    found = connections.identity(path)
    return None if found is None else f"{found[0]}:{found[1]}"


def _setting(conn: Connection | Session, key: str) -> str | None:
    return conn.execute(text("SELECT value FROM setting WHERE key = :key"), {"key": key}).scalar()


def _put(conn: Connection | Session, key: str, value: str) -> None:
    conn.execute(
        text(
            "INSERT INTO setting (key, value) VALUES (:key, :value) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        ),
        {"key": key, "value": value},
    )


def store_id(conn: Connection | Session) -> str:
    """This store's id (inside any session or connection of it)."""
    found = _setting(conn, STORE_ID_KEY)
    if not found:  # migration 0005 makes it; a store without one is not PartnerDesk's
        raise RuntimeError("This store has no id: it was not made by PartnerDesk's migrations.")
    return found


def earlier_ids(conn: Connection | Session) -> list[str]:
    """The ids this store had before it found itself a copy, oldest first."""
    try:
        found = json.loads(_setting(conn, EARLIER_KEY) or "[]")
    except ValueError:
        return []
    return [i for i in found if isinstance(i, str)] if isinstance(found, list) else []


def settle(conn: Connection | Session, path: Path) -> str | None:
    """Inside a write of a store opened for work: record where its file lives, and when the
    file is not the one recorded (a copy), give the store a new id. Returns the new id when the
    store took one, else None."""
    home = home_of(path)
    recorded = _setting(conn, HOME_KEY)
    if home is None or recorded == home:
        return None
    _put(conn, HOME_KEY, home)
    if recorded is None:  # the first opening since migration 0005, or a new store
        return None
    return take_new_id(conn)


def take_new_id(conn: Connection | Session) -> str:
    """Inside a write: this store goes on under a new id (it was found to be a copy, or to have
    a copy that wrote under its id), its earlier ids kept. Returns the new id."""
    before = store_id(conn)
    new = str(uuid.uuid4())
    _put(conn, EARLIER_KEY, json.dumps([*earlier_ids(conn), before]))
    _put(conn, STORE_ID_KEY, new)
    log.info("Store %s is a copy, or has one: it goes on as store %s.", before, new)
    return new


def needs_settling(conn: Connection | Session, path: Path) -> bool:
    """Whether ``settle`` would write anything (read first: opening a store writes nothing
    when it is where it was)."""
    home = home_of(path)
    return home is not None and _setting(conn, HOME_KEY) != home
