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


def checkpoint_cut_short(path: Path) -> None:
    """Not damage: a crash in the middle of a checkpoint, which copies the journal's pages into
    the file in page order. Page 1 (with the new page count) reached the file, the pages after
    it did not; they are still in the write-ahead journal, and SQLite finishes on opening."""
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        live = Path(folder) / "live.sqlite"
        shutil.copyfile(path, live)
        conn = sqlite3.connect(live, isolation_level=None)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        # Pages enough to grow the file, in a table of PartnerDesk's own (a store's schema is
        # exactly PartnerDesk's, or it is refused: that is not what this damage is about).
        conn.executemany(
            "INSERT INTO setting (key, value) VALUES (?, ?)",
            [(f"grown {n}", "x" * 500) for n in range(2000)],
        )
        journal = Path(f"{live}-wal").read_bytes()
        shutil.copyfile(live, path)  # the file and its journal as the crash left them
        Path(f"{path}-wal").write_bytes(journal)
        conn.close()
    page_size = int.from_bytes(journal[8:12], "big")
    first_page, offset = None, 32
    while offset + 24 + page_size <= len(journal):
        if int.from_bytes(journal[offset : offset + 4], "big") == 1:
            first_page = journal[offset + 24 : offset + 24 + page_size]
        offset += 24 + page_size
    assert first_page is not None
    with path.open("r+b") as fh:
        fh.write(first_page)


DAMAGE = {
    "truncated": truncated,
    "noise": noise,
    "not a database": not_a_database,
    "newer version": newer_version,
}
