"""The crash soak: a writer is killed with SIGKILL at random moments, and the store must survive.

    python scripts/soak.py --kills 200 [--seed N] [--folder DIR] [--json FILE] [--calm]

The parent starts a child process (this script with ``--child``) on one store again and again;
the store accumulates from one child to the next. The child opens the store with
``open_store`` and writes through the real services (``save``, ``save_many``, ``archive``,
``attach_file``) in a loop: organizations, contacts, agreements with their parties,
consultations, joint activities, follow-ups, batches, updates, archives and attachments. Before
each operation it prints what it is about to write, and after the commit returns it prints
``ok``; each line is flushed as soon as it is written. The parent kills the child after a random delay (now and
then very early, while the store is being opened), keeps the complete lines it received, and
checks the store with a plain ``sqlite3`` connection:

- ``PRAGMA integrity_check`` is ``ok`` and ``PRAGMA foreign_key_check`` is empty;
- every reported commit is there, with the content it was reported with (each record carries a
  marker naming the operation that last wrote it, and its number of parts);
- the operation in flight when the kill came is either wholly there or wholly absent;
- nothing is in the store that no operation wrote;
- ``db.records.maintenance.check_store`` (which also checks the search index) finds no problem.

Half of the checks run on the store itself (the checker is then the one who recovers the
write-ahead log); the other half on a byte-for-byte snapshot of the store's files, so that the
next child finds the log exactly as the kill left it and recovers it itself.

Two disturbances run beside the writer (unless ``--calm``), as an officer's laptop has them: the
child opens and closes the store's file beside SQLite now and then, as a file dialog does to show
a file's type (on Linux and macOS this releases SQLite's locks in that process), and a reader in
another process opens, reads and closes a plain read-write ``sqlite3`` connection again and again
(a program that, closing, takes itself for the last connection checkpoints and deletes the
write-ahead log). The store must notice and take its log back (``Store.confirm_on_disk``).

The exit status is 0 only when every kill was made, nothing reported was lost and every store
was sound.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import os
import platform
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

STORE_NAME = "soak.sqlite"
CHILD_TIME_LIMIT = 120.0  # seconds: a child left alone stops by itself
STRAY_CHANCE = 0.2  # before an operation: the child opens and closes the store's file
# The reader in another process: a plain read-write connection, opened, read and closed in a loop.
READER = """
import random, signal, sqlite3, sys, time
path, reads, stop = sys.argv[1], 0, []
signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
while not stop:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=10)
        try:
            conn.execute("SELECT count(*) FROM organization").fetchone()
            reads += 1
        finally:
            conn.close()
    except sqlite3.Error:
        pass  # no store yet, or not yet its tables
    time.sleep(random.uniform(0.002, 0.03))
print(reads, flush=True)
"""

# The column of each kind that carries the marker of the operation that last wrote the record.
MARKER_COLUMN = {
    "organization": "notes",
    "contact": "notes",
    "agreement": "summary",
    "consultation": "decisions",
    "activity": "results",
    "follow_up": "owner",
    "thematic_area": "description",
}
# The part table (and its owner column) whose rows are counted for each kind that has parts, and
# the exchange-format field that lists those parts.
PARTS_FIELD = {"agreement": "parties", "consultation": "participants", "activity": "partners"}
PARTS = {
    "agreement": ("agreement_party", "agreement_id"),
    "consultation": ("consultation_participant", "consultation_id"),
    "activity": ("activity_partner", "activity_id"),
}


# == the child: writes until it is killed =========================================================
def child_main(store_path: Path, round_no: int, seed: int, files: Path, stray: float) -> int:
    # Everything is imported before the parent says "go", so that the delay before the kill is
    # spent opening the store and writing, not importing.
    import alembic.command  # noqa: F401

    import db.exchange.document  # noqa: F401
    import db.records.thematic  # noqa: F401
    import db.store.migrations  # noqa: F401
    from db.records import services
    from db.records.services import open_store

    out = sys.stdout.buffer

    def say(message: dict[str, Any]) -> None:
        out.write(json.dumps(message, separators=(",", ":")).encode() + b"\n")
        out.flush()

    say({"ready": round_no})
    if sys.stdin.readline().strip() != "go":
        return 0
    store = open_store(store_path)
    say({"opened": round_no})
    writer = ChildWriter(store, services, round_no, random.Random(f"{seed}/{round_no}"), files)
    strays = random.Random(f"{seed}/{round_no}/stray")
    deadline = time.monotonic() + CHILD_TIME_LIMIT
    taken_back = 0
    while time.monotonic() < deadline:
        if strays.random() < stray:
            # As a file dialog does to show the file's type: the process's locks are released.
            fd = os.open(store_path, os.O_RDONLY)
            os.read(fd, 100)
            os.close(fd)
            say({"stray": writer.op + 1})
        writer.step(say)
        if store.log_replacements != taken_back:
            taken_back = store.log_replacements
            say({"taken_back": taken_back})
    return 0


class ChildWriter:
    """One operation per step, chosen at random among what the store's contents allow."""

    OPERATIONS = (
        ("new_organization", 3),
        ("new_contact", 3),
        ("new_agreement", 3),
        ("new_consultation", 2),
        ("new_activity", 2),
        ("new_follow_up", 2),
        ("new_thematic_area", 1),
        ("batch", 1),
        ("update", 4),
        ("archive", 1),
        ("attach", 1),
    )

    def __init__(self, store, services, round_no: int, rng: random.Random, files: Path):
        from sqlalchemy import select

        from db.records.thematic import default_tree
        from db.schema.kinds import BY_NAME

        self.store = store
        self.services = services
        self.round = round_no
        self.rng = rng
        self.files = files
        self.op = 0
        self.live: dict[str, list[str]] = {}
        with store.reading() as session:
            for kind in MARKER_COLUMN:
                table = BY_NAME[kind].table
                query = select(table.id).where(table.archived_at.is_(None)).order_by(table.id)
                self.live[kind] = list(session.execute(query).scalars())
        # Every area can be linked to; the soak updates and archives only those it made.
        self.areas = list(self.live["thematic_area"])
        default = {area["id"] for area in default_tree()}
        self.live["thematic_area"] = [a for a in self.areas if a not in default]
        names, weights = zip(*self.OPERATIONS, strict=True)
        self.names, self.weights = names, weights

    # -- helpers -------------------------------------------------------------------------------
    def new_id(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def pick(self, kind: str, count: int = 1) -> list[str]:
        pool = self.live[kind]
        return self.rng.sample(pool, min(count, len(pool)))

    def marker(self) -> str:
        return f"r{self.round}.{self.op}"

    def step(self, say) -> None:
        self.op += 1
        name = self.rng.choices(self.names, self.weights)[0]
        if len(self.live["organization"]) < 3:
            name = "new_organization"
        getattr(self, name)(say)

    def save(self, say, batch: list[tuple[str, dict[str, Any]]]) -> None:
        marker = self.marker()
        recs = []
        for kind, raw in batch:
            raw[MARKER_COLUMN[kind]] = marker
            parts = len(raw[PARTS_FIELD[kind]]) if kind in PARTS_FIELD else None
            recs.append([kind, raw["id"], marker, parts])
        say({"b": self.op, "do": "save", "recs": recs})
        if len(batch) == 1:
            self.services.save(self.store, *batch[0])
        else:
            self.services.save_many(self.store, batch)
        say({"ok": self.op})
        for kind, raw in batch:
            if raw["id"] not in self.live[kind]:
                self.live[kind].append(raw["id"])

    # -- records ---------------------------------------------------------------------------------
    def organization(self) -> dict[str, Any]:
        rng = self.rng
        parent = self.pick("organization") if rng.random() < 0.3 else []
        return {
            "id": self.new_id(),
            "name": f"Soak organization {self.marker()}",
            "acronym": f"SO{self.op}",
            "kind": rng.choice(["un_entity", "ngo", "national_administration", "academia"]),
            "parent_id": parent[0] if parent else None,
            "city": rng.choice(["Brussels", "Geneva", "Nairobi", "Lima"]),
            "country": rng.choice(["BE", "CH", "KE", "PE"]),
            "mandate": "A partner written by the crash soak.",
        }

    def parties(self) -> list[dict[str, Any]]:
        orgs = self.pick("organization", self.rng.randint(2, 3))
        return [
            {
                "organization_id": org,
                "signatory_name": f"Signatory {i + 1}",
                "signed_on": f"2024-0{i + 1}-1{i}",
                "signed_at": self.rng.choice(["Brussels", "Geneva"]),
            }
            for i, org in enumerate(orgs)
        ]

    def participants(self) -> list[dict[str, Any]]:
        people: list[dict[str, Any]] = [{"contact_id": c} for c in self.pick("contact", 2)]
        people.append({"name": f"Guest {self.op}", "organization_id": self.pick("organization")[0]})
        return people

    def partners(self) -> list[dict[str, Any]]:
        orgs = self.pick("organization", self.rng.randint(1, 3))
        return [{"organization_id": org, "contribution": "Trainers"} for org in orgs]

    def new_organization(self, say) -> None:
        self.save(say, [("organization", self.organization())])

    def new_contact(self, say) -> None:
        contact = {
            "id": self.new_id(),
            "organization_id": self.pick("organization")[0],
            "name": f"Soak contact {self.marker()}",
            "title": "Focal point",
            "role": "focal_point",
            "email": f"contact{self.op}@example.org",
            "languages": ["en", "fr"],
        }
        self.save(say, [("contact", contact)])

    def new_agreement(self, say) -> None:
        parties = self.parties()
        parent = self.pick("agreement") if self.rng.random() < 0.2 else []
        agreement = {
            "id": self.new_id(),
            "reference": f"SOAK/{self.round}/{self.op}",
            "title": f"Soak agreement {self.marker()}",
            "kind": "memorandum_of_understanding",
            "status": "in_force",
            "parties": parties,
            "entry_into_force": "2025-01-01",
            "expires_on": "2030-12-31",
            "notice_months": 6,
            "parent_id": parent[0] if parent else None,
            "languages": ["en"],
            "provisions": [{"article": "1", "heading": "Purpose", "summary": "Cooperation."}],
            "commitments": [
                {"party_id": parties[0]["organization_id"], "text": "Share information."}
            ],
            "thematic_area_ids": self.rng.sample(self.areas, min(2, len(self.areas))),
        }
        self.save(say, [("agreement", agreement)])

    def new_consultation(self, say) -> None:
        consultation = {
            "id": self.new_id(),
            "title": f"Soak consultation {self.marker()}",
            "kind": "technical_meeting",
            "starts_at": "2026-12-10T09:00",
            "timezone": "Europe/Brussels",
            "duration_minutes": 90,
            "organization_ids": self.pick("organization", 2),
            "agreement_ids": self.pick("agreement", 2),
            "thematic_area_ids": self.rng.sample(self.areas, min(1, len(self.areas))),
            "participants": self.participants(),
            "agenda": "1. Progress. 2. Next steps.",
        }
        self.save(say, [("consultation", consultation)])

    def new_activity(self, say) -> None:
        agreement = self.pick("agreement")
        activity = {
            "id": self.new_id(),
            "title": f"Soak activity {self.marker()}",
            "kind": "workshop",
            "status": "planned",
            "start_on": "2026-03-02",
            "end_on": "2026-03-04",
            "lead_organization_id": self.pick("organization")[0],
            "partners": self.partners(),
            "agreement_id": agreement[0] if agreement else None,
            "beneficiary_countries": ["KE", "PE"],
            "participants_total": 30,
            "participants_women": 14,
            "participants_men": 16,
        }
        self.save(say, [("activity", activity)])

    def follow_up(self, source_kind: str, source_id: str) -> dict[str, Any]:
        return {
            "id": self.new_id(),
            "text": f"Soak follow-up {self.marker()}",
            "due_on": "2026-12-01",
            "status": "open",
            "source_kind": source_kind,
            "source_id": source_id,
        }

    def new_follow_up(self, say) -> None:
        agreement = self.pick("agreement")
        if not agreement:
            return self.new_organization(say)
        self.save(say, [("follow_up", self.follow_up("agreement", agreement[0]))])

    def new_thematic_area(self, say) -> None:
        parent = self.rng.choice(self.areas) if self.areas and self.rng.random() < 0.7 else None
        area = {
            "id": self.new_id(),
            "code": f"S{self.round}.{self.op}",
            "name": f"Soak area {self.marker()}",
            "parent_id": parent,
        }
        self.save(say, [("thematic_area", area)])
        self.areas.append(area["id"])

    def batch(self, say) -> None:
        """Follow-ups from an agreement, the agreement updated and a new contact: one commit."""
        agreement = self.pick("agreement")
        if not agreement:
            return self.new_organization(say)
        raw = self.services.get_exchange(self.store, "agreement", agreement[0])
        raw["status"] = self.rng.choice(["in_force", "awaiting_signature"])
        raw["title"] = f"Soak agreement {self.marker()}"
        batch = [("agreement", raw)]
        batch += [
            ("follow_up", self.follow_up("agreement", agreement[0]))
            for _ in range(self.rng.randint(1, 3))
        ]
        contact = {
            "id": self.new_id(),
            "organization_id": raw["parties"][0]["organization_id"],
            "name": f"Soak contact {self.marker()}",
        }
        batch.append(("contact", contact))
        self.save(say, batch)

    def update(self, say) -> None:
        """A second save of an existing record, its fields (and parts) changed."""
        kinds = [k for k in MARKER_COLUMN if self.live[k]]
        kind = self.rng.choice(kinds)
        record_id = self.pick(kind)[0]
        raw = self.services.get_exchange(self.store, kind, record_id)
        marker = self.marker()
        if kind == "organization":
            raw["name"] = f"Soak organization {marker}"
            raw["status"] = self.rng.choice(["active", "dormant", "prospective"])
        elif kind == "contact":
            raw["title"] = f"Title {marker}"
        elif kind == "agreement":
            raw["title"] = f"Soak agreement {marker}"
            raw["parties"] = self.parties()
            raw["commitments"] = [
                {"party_id": raw["parties"][-1]["organization_id"], "text": f"Report ({marker})."}
            ]
        elif kind == "consultation":
            raw["title"] = f"Soak consultation {marker}"
            raw["participants"] = self.participants()
        elif kind == "activity":
            raw["title"] = f"Soak activity {marker}"
            raw["partners"] = self.partners()
            raw["thematic_area_ids"] = self.rng.sample(self.areas, min(2, len(self.areas)))
        elif kind == "thematic_area":
            raw["name"] = f"Soak area {marker}"
        else:
            raw["status"] = self.rng.choice(["in_progress", "open"])
            raw["text"] = f"Soak follow-up {marker}"
        self.save(say, [(kind, raw)])

    def archive(self, say) -> None:
        kinds = [k for k in MARKER_COLUMN if len(self.live[k]) > (3 if k == "organization" else 0)]
        kind = self.rng.choice(kinds)
        record_id = self.pick(kind)[0]
        say({"b": self.op, "do": "archive", "recs": [[kind, record_id]]})
        self.services.archive(self.store, kind, record_id)
        say({"ok": self.op})
        self.live[kind].remove(record_id)
        if record_id in self.areas:
            self.areas.remove(record_id)

    def attach(self, say) -> None:
        owner_kind = self.rng.choice([k for k in ("agreement", "organization") if self.live[k]])
        owner_id = self.pick(owner_kind)[0]
        name = f"soak-{self.marker()}.txt"
        # Now and then the same bytes as earlier attachments: the content row is then shared.
        if self.rng.random() < 0.3:
            data = b"Shared minutes of the soak.\n"
        else:
            data = f"Minutes {self.marker()}\n".encode() + self.rng.randbytes(200)
        path = self.files / name
        path.write_bytes(data)
        sha = hashlib.sha256(data).hexdigest()
        say(
            {
                "b": self.op,
                "do": "attach",
                "owner": [owner_kind, owner_id],
                "name": name,
                "sha": sha,
            }
        )
        attachment_id = self.services.attach_file(self.store, owner_kind, owner_id, path)
        say({"ok": self.op, "att": attachment_id})
        path.unlink()


# == the parent: kills, then checks ================================================================
@dataclass
class SoakReport:
    seed: int
    kills_requested: int
    kills: int = 0
    commits_reported: int = 0
    commits_verified: int = 0
    lost_commits: int = 0
    unsound_stores: int = 0  # integrity_check not ok, or foreign_key_check not empty
    torn_operations: int = 0  # the operation in flight found half-written
    check_failures: int = 0  # check_store problems, unexplained rows, children that failed
    kills_during_open: int = 0
    kills_between_operations: int = 0
    kills_in_flight: int = 0
    in_flight_found_committed: int = 0
    in_flight_found_absent: int = 0
    checked_in_place: int = 0
    checked_on_snapshot: int = 0
    stray_opens: int = 0  # the store's file opened and closed beside SQLite in the writer
    reader_connections: int = 0  # connections opened, read and closed by the other process
    logs_taken_back: int = 0  # times the writer found its log deleted and took it back
    elapsed_s: float = 0.0
    writing_s: float = 0.0
    store_bytes: int = 0
    records: dict[str, int] = field(default_factory=dict)
    attachments: int = 0
    default_thematic_areas: int = 0
    python: str = field(default_factory=platform.python_version)
    sqlite: str = sqlite3.sqlite_version
    cores: int = field(default_factory=lambda: os.cpu_count() or 0)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (
            self.kills == self.kills_requested
            and self.lost_commits == 0
            and self.unsound_stores == 0
            and self.torn_operations == 0
            and self.check_failures == 0
            and self.commits_verified == self.commits_reported
        )

    @property
    def commits_per_s(self) -> float:
        return self.commits_reported / self.writing_s if self.writing_s else 0.0

    def table(self) -> str:
        rows = [
            ("kills", f"{self.kills} of {self.kills_requested}"),
            ("commits reported", self.commits_reported),
            ("commits verified", self.commits_verified),
            ("lost commits", self.lost_commits),
            ("unsound stores (integrity, foreign keys)", self.unsound_stores),
            ("torn operations (half-written)", self.torn_operations),
            ("check failures", self.check_failures),
            (
                "where the kills landed",
                f"{self.kills_during_open} opening, {self.kills_in_flight} in an operation, "
                f"{self.kills_between_operations} between operations",
            ),
            (
                "operation in flight found",
                f"{self.in_flight_found_committed} committed, {self.in_flight_found_absent} absent",
            ),
            (
                "checked",
                f"{self.checked_in_place} in place, {self.checked_on_snapshot} on a snapshot",
            ),
            (
                "disturbances",
                f"{self.stray_opens} stray opens in the writer, {self.reader_connections} "
                f"connections of a reader in another process; log taken back "
                f"{self.logs_taken_back} times",
            ),
            ("elapsed", f"{self.elapsed_s:.1f} s"),
            ("commits/s (while a child was writing)", f"{self.commits_per_s:.0f}"),
            (
                "store at the end",
                f"{self.store_bytes / 1e6:.1f} MB, "
                + ", ".join(f"{n} {k}" for k, n in self.records.items())
                + f", {self.attachments} attachments",
            ),
            (
                "default thematic areas at the end",
                f"{self.default_thematic_areas} of {len(_default_area_ids())}",
            ),
            ("seed", self.seed),
            (
                "machine",
                f"{self.cores} cores, Python {self.python}, SQLite {self.sqlite}, {platform.system()}",
            ),
        ]
        width = max(len(name) for name, _ in rows)
        return "\n".join(f"{name:<{width}}  {value}" for name, value in rows)


Key = tuple[str, str]  # ("rec", record id) or ("att", attachment name)


class Expected:
    """What the store must hold: the state each record was last reported in, and by which
    operation (round, number)."""

    def __init__(self) -> None:
        self.state: dict[Key, tuple] = {}
        self.by: dict[Key, tuple[int, int]] = {}

    def copy(self) -> Expected:
        other = Expected()
        other.state, other.by = dict(self.state), dict(self.by)
        return other

    def apply(self, begin: dict[str, Any], ok: dict[str, Any] | None, op: tuple[int, int]) -> list:
        """Apply one operation; returns the keys it touches."""
        keys: list[Key] = []
        if begin["do"] == "save":
            for kind, record_id, marker, parts in begin["recs"]:
                key = ("rec", record_id)
                archived = self.state[key][2] if key in self.state else False
                self.state[key] = (kind, marker, archived, parts)
                self.by[key] = op
                keys.append(key)
        elif begin["do"] == "archive":
            kind, record_id = begin["recs"][0]
            key = ("rec", record_id)
            old = self.state.get(key, (kind, None, False, None))
            self.state[key] = (old[0], old[1], True, old[3])
            self.by[key] = op
            keys.append(key)
        elif begin["do"] == "attach":
            key = ("att", begin["name"])
            owner_kind, owner_id = begin["owner"]
            attachment_id = ok.get("att") if ok else None
            self.state[key] = (attachment_id, owner_kind, owner_id, begin["sha"])
            self.by[key] = op
            keys.append(key)
        return keys


def _same(key: Key, expected: tuple | None, found: tuple | None) -> bool:
    if expected is None or found is None:
        return expected is found
    if key[0] == "att" and expected[0] is None:  # the id of an attachment not yet reported
        return expected[1:] == found[1:]
    return expected == found


def _differences(expected: Expected, found: dict[Key, tuple]) -> dict[Key, str]:
    out = {}
    for key in expected.state.keys() | found.keys():
        want, got = expected.state.get(key), found.get(key)
        if not _same(key, want, got):
            out[key] = f"{key[0]} {key[1]}: expected {want}, found {got}"
    return out


@functools.cache
def _default_area_ids() -> frozenset[str]:
    from db.records.thematic import default_tree

    return frozenset(area["id"] for area in default_tree())


def read_state(conn: sqlite3.Connection) -> tuple[dict[Key, tuple], list[str]]:
    """The soak's records and attachments as the store holds them, and damaged attachment bytes."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    found: dict[Key, tuple] = {}
    damaged: list[str] = []
    default_areas = _default_area_ids()
    for kind, column in MARKER_COLUMN.items():
        table = kind  # each kind's table has the kind's name
        if table not in tables:
            continue
        counts: dict[str, int] = {}
        if kind in PARTS:
            part_table, owner = PARTS[kind]
            counts = dict(conn.execute(f"SELECT {owner}, count(*) FROM {part_table} GROUP BY 1"))
        query = f"SELECT id, {column}, archived_at IS NOT NULL FROM {table}"
        for record_id, marker, archived in conn.execute(query):
            if record_id in default_areas:  # loaded by open_store, not written by the soak
                continue
            parts = counts.get(record_id, 0) if kind in PARTS else None
            found[("rec", record_id)] = (kind, marker, bool(archived), parts)
    if "attachment" in tables:
        query = "SELECT name, id, owner_kind, owner_id, sha256 FROM attachment"
        for name, attachment_id, owner_kind, owner_id, sha in conn.execute(query):
            found[("att", name)] = (attachment_id, owner_kind, owner_id, sha)
        for sha, data in conn.execute("SELECT sha256, data FROM attachment_content"):
            if hashlib.sha256(data).hexdigest() != sha:
                damaged.append(f"attachment content {sha} does not match its checksum")
    return found, damaged


@dataclass
class Round:
    number: int
    lines: list[dict[str, Any]]
    returncode: int
    stderr: str
    writing_s: float
    reads: int = 0


class Child:
    """A child started ahead of time: it imports while the parent checks the previous kill."""

    def __init__(self, store: Path, round_no: int, seed: int, files: Path, calm: bool = False):
        self.round = round_no
        self.store = store
        self.calm = calm
        self.stderr = tempfile.TemporaryFile()  # noqa: SIM115  (closed by run or dismiss)
        self.proc = subprocess.Popen(
            [
                sys.executable,
                str(Path(__file__).resolve()),
                "--child",
                str(store),
                "--round",
                str(round_no),
                "--seed",
                str(seed),
                "--files",
                str(files),
                "--stray",
                str(0.0 if calm else STRAY_CHANCE),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.stderr,
        )

    def run(self, delay: float) -> Round:
        first = self.proc.stdout.readline()  # {"ready": n} once the imports are done
        reader = None
        if not self.calm:
            reader = subprocess.Popen(
                [sys.executable, "-c", READER, str(self.store)], stdout=subprocess.PIPE
            )
        started = time.monotonic()
        try:
            self.proc.stdin.write(b"go\n")
            self.proc.stdin.flush()
        except BrokenPipeError:
            pass
        time.sleep(delay)
        self.proc.send_signal(signal.SIGKILL)
        writing = time.monotonic() - started
        reads = 0
        if reader is not None:  # stopped between two connections, before the store is checked
            reader.send_signal(signal.SIGTERM)
            out, _ = reader.communicate()
            reads = int(out.strip() or 0)
        rest = self.proc.stdout.read()
        returncode = self.proc.wait()
        self.proc.stdin.close()
        self.proc.stdout.close()
        self.stderr.seek(0)
        stderr = self.stderr.read().decode(errors="replace")
        self.stderr.close()
        raw = first + rest
        complete = raw.split(b"\n")[:-1]  # a line cut by the kill does not count
        lines = []
        for line in complete:
            try:
                lines.append(json.loads(line))
            except ValueError:
                lines.append({"garbled": line.decode(errors="replace")})
        return Round(self.round, lines, returncode, stderr, writing, reads)

    def dismiss(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.stderr.close()


def _delay(rng: random.Random, fresh: bool) -> float:
    if fresh:  # the store is created by this child: kill it while migrating, or soon after
        return rng.uniform(0.0, 0.5)
    if rng.random() < 0.15:  # very early: while open_store recovers the log and checks the schema
        return rng.uniform(0.0, 0.04)
    return rng.uniform(0.04, 0.8)


def _snapshot(store: Path, folder: Path) -> Path:
    """A byte-for-byte copy of the store's files as the kill left them (log and index too)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for suffix in ("", "-wal", "-shm"):
        source = store.with_name(store.name + suffix)
        if source.exists():
            shutil.copyfile(source, folder / source.name)
    return folder / store.name


def run_soak(
    folder: Path,
    kills: int,
    seed: int = 1,
    *,
    progress=None,
    calm: bool = False,
) -> SoakReport:
    """Kill ``kills`` writers on one store in ``folder`` and check the store after each kill;
    unless ``calm``, with stray opens of the store's file in the writer and a reader in another
    process."""
    from db.records.maintenance import check_store
    from db.records.services import open_store

    folder = Path(folder).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    store = folder / STORE_NAME
    for suffix in ("", "-wal", "-shm"):
        store.with_name(store.name + suffix).unlink(missing_ok=True)
    files = folder / "files"
    files.mkdir(exist_ok=True)
    rng = random.Random(seed)
    report = SoakReport(seed=seed, kills_requested=kills)
    expected = Expected()
    started = time.monotonic()
    # The next child is started as soon as the previous one is killed: it imports while the
    # parent checks the store. (Starting it earlier would make it compete with the writer for
    # the processor, and the writer would then write far less between two kills.)
    child: Child | None = Child(store, 1, seed, files, calm)
    try:
        for round_no in range(1, kills + 1):
            fresh = not store.exists()
            delay = _delay(rng, fresh)
            result = child.run(delay)
            child = Child(store, round_no + 1, seed, files, calm) if round_no < kills else None
            report.writing_s += result.writing_s
            report.reader_connections += result.reads
            in_place = rng.random() < 0.5
            target = store if in_place else _snapshot(store, folder / "snapshot")
            _check_round(report, expected, result, target, open_store, check_store)
            if in_place:
                report.checked_in_place += 1
            else:
                report.checked_on_snapshot += 1
            if progress and (round_no % 25 == 0 or round_no == kills):
                progress(
                    f"kill {round_no}/{kills}: {report.commits_reported} commits reported, "
                    f"{report.lost_commits} lost, {report.unsound_stores} unsound, "
                    f"{report.check_failures} check failures, "
                    f"{time.monotonic() - started:.0f} s"
                )
    finally:
        if child is not None:
            child.dismiss()
    report.elapsed_s = time.monotonic() - started
    _final_counts(report, store)
    shutil.rmtree(folder / "snapshot", ignore_errors=True)
    shutil.rmtree(files, ignore_errors=True)
    return report


def _check_round(
    report: SoakReport, expected: Expected, result: Round, target: Path, open_store, check_store
) -> None:
    """Everything the soak asserts after one kill; what goes wrong is counted in ``report``."""
    where = f"round {result.number} (seed {report.seed})"

    def problem(message: str) -> None:
        report.problems.append(f"{where}: {message}")

    if result.returncode == -signal.SIGKILL:
        report.kills += 1
    else:
        report.check_failures += 1
        problem(f"the child ended by itself (status {result.returncode}):\n{result.stderr}")

    committed, in_flight, opened = _reported(result, report, problem)
    report.commits_reported += len(committed)
    if not opened:
        report.kills_during_open += 1
    elif in_flight is not None:
        report.kills_in_flight += 1
    else:
        report.kills_between_operations += 1

    if not target.exists():  # killed before the store's file was made: nothing to check
        if committed:
            report.lost_commits += len(committed)
            problem(f"{len(committed)} commits reported, but there is no store")
        return

    # SQLite's own checks, and the store's contents, through a plain connection.
    conn = sqlite3.connect(target, isolation_level=None)
    try:
        integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        foreign = conn.execute("PRAGMA foreign_key_check").fetchall()
        found, damaged = read_state(conn)
    finally:
        conn.close()
    if integrity != ["ok"] or foreign:
        report.unsound_stores += 1
        problem(f"integrity_check {integrity[:5]}, foreign_key_check {foreign[:5]}")
    for message in damaged:
        report.check_failures += 1
        problem(message)

    # The store must hold everything reported so far, and the operation in flight wholly or
    # not at all.
    round_ops = []
    for begin, ok in committed:
        op = (result.number, begin["b"])
        expected.apply(begin, ok, op)
        round_ops.append(op)
    if in_flight is not None:
        _settle_in_flight(
            report, expected, in_flight, (result.number, in_flight["b"]), found, problem
        )
    lost_ops: set[tuple[int, int]] = set()
    for key, message in sorted(_differences(expected, found).items()):
        if key in expected.state:
            lost_ops.add(expected.by[key])
            round_no, op_no = expected.by[key]
            problem(f"lost: {message} (reported by round {round_no}, operation {op_no})")
        else:
            report.check_failures += 1
            problem(f"unexplained: {message}")
        _adopt(expected, key, found, (result.number, 0))  # one loss is counted once
    report.lost_commits += len(lost_ops)
    report.commits_verified += sum(1 for op in round_ops if op not in lost_ops)

    # The application's own check, through open_store: the search index and the schema too.
    try:
        with open_store(target) as opened_store:
            checked = check_store(opened_store)
    except Exception as exc:  # any failure to open after a kill is a finding
        report.check_failures += 1
        problem(f"open_store or check_store failed: {type(exc).__name__}: {exc}")
    else:
        if not checked.ok:
            report.check_failures += 1
            problem("check_store: " + "; ".join(checked.problems[:10]))


def _reported(result: Round, report: SoakReport, problem):
    """The operations whose commit the child reported, the one begun and not reported (if
    any), and whether the child got past open_store."""
    begun: dict[int, dict[str, Any]] = {}
    committed: list[tuple[dict[str, Any], dict[str, Any]]] = []
    in_flight: dict[str, Any] | None = None
    opened = False
    for line in result.lines:
        if "opened" in line:
            opened = True
        elif "b" in line:
            begun[line["b"]] = in_flight = line
        elif "ok" in line and line["ok"] in begun:
            committed.append((begun[line["ok"]], line))
            in_flight = None
        elif "stray" in line:
            report.stray_opens += 1
        elif "taken_back" in line:
            report.logs_taken_back += 1
        elif "ready" not in line:
            report.check_failures += 1
            problem(f"a line the soak does not understand: {line!r}")
    return committed, in_flight, opened


def _settle_in_flight(report, expected, in_flight, op, found, problem) -> None:
    """The operation the kill interrupted: committed (its ``ok`` line was not printed yet) or
    absent, never half-written. ``expected`` then follows what the store holds."""
    after = expected.copy()
    keys = after.apply(in_flight, None, op)
    unlike_before = _differences(expected, found)
    unlike_after = _differences(after, found)
    written = [k for k in keys if k in unlike_before]
    unwritten = [k for k in keys if k in unlike_after]
    if not written:
        report.in_flight_found_absent += 1
        return
    if not unwritten:
        report.in_flight_found_committed += 1
    else:
        report.torn_operations += 1
        problem(
            f"operation {op[1]} ({in_flight['do']}) is half-written: "
            + "; ".join(unlike_after[k] for k in unwritten[:5])
        )
    for key in keys:
        _adopt(expected, key, found, op)


def _adopt(expected: Expected, key: Key, found: dict[Key, tuple], op: tuple[int, int]) -> None:
    """From now on, expect what the store holds for ``key``."""
    if key in found:
        expected.state[key] = found[key]
        expected.by[key] = op
    else:
        expected.state.pop(key, None)
        expected.by.pop(key, None)


def _final_counts(report: SoakReport, store: Path) -> None:
    if not store.exists():
        return
    conn = sqlite3.connect(store, isolation_level=None)
    try:
        for kind in MARKER_COLUMN:
            report.records[kind] = conn.execute(f"SELECT count(*) FROM {kind}").fetchone()[0]
        report.attachments = conn.execute("SELECT count(*) FROM attachment").fetchone()[0]
        areas = {r[0] for r in conn.execute("SELECT id FROM thematic_area")}
        report.default_thematic_areas = len(areas & _default_area_ids())
    except sqlite3.DatabaseError as exc:
        report.problems.append(f"final counts: {exc}")
    finally:
        conn.close()
    report.store_bytes = sum(
        p.stat().st_size for p in store.parent.glob(store.name + "*") if p.is_file()
    )


# == command line ==================================================================================
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200, help="how many writers to kill")
    parser.add_argument("--seed", type=int, default=None, help="the random seed (default: new)")
    parser.add_argument("--folder", type=Path, help="where the store is kept (default: temporary)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument(
        "--calm",
        action="store_true",
        help="no stray opens of the store's file in the writer, no reader in another process",
    )
    parser.add_argument("--stray", type=float, default=STRAY_CHANCE, help=argparse.SUPPRESS)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--round", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--files", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child_main(args.child, args.round, args.seed or 0, args.files, args.stray)

    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 31)
    temporary = args.folder is None
    folder = Path(tempfile.mkdtemp(prefix="soak-")) if temporary else args.folder
    print(
        f"crash soak: {args.kills} kills, seed {seed}, store in {folder / STORE_NAME}", flush=True
    )
    report = run_soak(
        folder, args.kills, seed, progress=lambda line: print(line, flush=True), calm=args.calm
    )
    print()
    print(report.table())
    for line in report.problems[:50]:
        print(f"PROBLEM {line}")
    if args.json:
        data = asdict(report) | {"ok": report.ok, "commits_per_s": report.commits_per_s}
        args.json.write_text(json.dumps(data, indent=2) + "\n")
    if temporary and report.ok:
        shutil.rmtree(folder, ignore_errors=True)
    print("\nOK: nothing lost, every store sound." if report.ok else "\nFAILED.")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
