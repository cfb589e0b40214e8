"""The ways a store file gets damaged in the field, done to a file for tests."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path


def truncated(path: Path) -> None:
    """A copy cut short, as by a full disk or an interrupted sync."""
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def noise(path: Path) -> None:
    """Pages overwritten with noise after the header, as by a failing disk."""
    data = bytearray(path.read_bytes())
    rng = random.Random(5)
    page = 4096
    for start in range(page, len(data), page * 2):
        data[start : start + page] = rng.randbytes(min(page, len(data) - start))
    path.write_bytes(bytes(data))


def not_a_database(path: Path) -> None:
    """Something else saved under the store's name."""
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)


def newer_version(path: Path) -> None:
    """A store that a newer PartnerDesk has migrated to a schema this version does not know."""
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = 'f00dfeed9999'")
    conn.commit()
    conn.close()


DAMAGE = {
    "truncated": truncated,
    "noise": noise,
    "not a database": not_a_database,
    "newer version": newer_version,
}
