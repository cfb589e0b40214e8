"""The team server (issue 17), against a throwaway PostgreSQL on this machine (tests/postgres.py):
a laptop's first sync of the whole store to an empty server, an incremental sync of 100 changed
records, and twenty laptops syncing at once — each beside its floor in the same run, the same
rows written to PostgreSQL by plain psycopg: COPY for the first sync, one executemany for the
others.

A copy of the benchmark's store stands for the laptop (it takes an id of its own). The server's
cluster does not flush to disk (as in the tests): both sides of each ratio are measured on it.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from bench.figures import Figure
from db.records import services, shape
from db.records.maintenance import backup
from db.schema.kinds import BY_NAME
from db.schema.models import SQLModel
from db.server import setup
from db.server.sync import sync_with_server
from db.server.team_server import TeamServer
from db.store.engine import Store

CHANGED = 100
LAPTOPS = 20


def measure_team_server(store: Store, folder: Path) -> list[Figure]:
    from tests import postgres

    binaries = postgres.find_binaries()
    if binaries is None:  # nothing to measure against: said, not a figure of zero
        print("team server: not measured, PostgreSQL is not installed", file=sys.stderr)
        return []
    laptop_path = folder / "laptop.sqlite"
    backup(store, laptop_path)
    with postgres.running_cluster(binaries) as cluster:
        # The laptop's server and its floor's; the twenty laptops' own and its floor's (both
        # start empty: the twenty laptops are small, whatever the size of the benchmark).
        servers = [cluster.url(cluster.create_database()) for _ in range(4)]
        for url in servers:  # each prepared as a team server, the floors' too (same tables)
            with TeamServer(url) as server:
                setup.init_server(server)
        with services.open_store(laptop_path) as laptop, TeamServer(servers[0]) as server:
            start = time.perf_counter()
            report = sync_with_server(laptop, server)
            first_s = time.perf_counter() - start
            records = _records(laptop)
            copy_s = _copy_floor(laptop_path, servers[1])
            items = _changed(laptop, CHANGED)
            start = time.perf_counter()
            again = sync_with_server(laptop, server)
            incremental_s = time.perf_counter() - start
            update_s = _update_floor(servers[1], items)
        laptops = [_small_laptop(folder / f"laptop-{n:02}.sqlite", n) for n in range(LAPTOPS)]
        concurrent_s, each_changes = _twenty_at_once(laptops, servers[2])
        floor_s = _twenty_floor(servers[3], LAPTOPS, each_changes)
    for path in (laptop_path, *laptops):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    first_rate, copy_rate = records / first_s, records / copy_s
    return [
        Figure(
            "team server: a laptop's first sync of the whole store",
            round(first_rate),
            "records/s",
            round(copy_rate),
            round(copy_rate / first_rate, 2),
            "— (measured)",
            None,
            f"{records:,} records, {report.sent:,} changes in {first_s:.1f} s; COPY of the same "
            f"rows {copy_s:.1f} s",
        ),
        Figure(
            f"team server: an incremental sync of {len(items)} changed records",
            round(incremental_s * 1000),
            "ms",
            round(update_s * 1000, 1),
            round(incremental_s / update_s, 1) if update_s else None,
            "— (measured)",
            None,
            f"{again.sent} changes sent, {again.received} received; the floor: one executemany "
            "of the same rows",
        ),
        Figure(
            f"team server: {LAPTOPS} laptops syncing at once",
            round(concurrent_s, 1),
            "s",
            round(floor_s, 2),
            round(concurrent_s / floor_s, 1) if floor_s else None,
            "— (measured)",
            None,
            f"{LAPTOPS} processes at once, each sending its {each_changes} changes and taking "
            f"those already on the server; the floor: {LAPTOPS} connections each inserting as "
            "many rows and reading them all back",
        ),
    ]


def _records(store: Store) -> int:
    with store.reading() as session:
        return sum(
            session.execute(select(func.count()).select_from(kind.table)).scalar()
            for kind in BY_NAME.values()
        )


# What a first sync writes on the server, which the floor copies: records, their parts and links,
# the history, attached files (the server's own settings and logs are not the laptop's rows).
_NOT_COPIED = {"alembic_version", "setting", "pushed_batch", "conflict", "search_entry"}


def _copy_floor(laptop: Path, url) -> float:
    """The laptop's rows written to an empty server with COPY, table by table in the order of
    their foreign keys: the fastest way PostgreSQL takes rows."""
    import psycopg

    source = sqlite3.connect(f"file:{laptop}?mode=ro", uri=True)
    tables = [t for t in SQLModel.metadata.sorted_tables if t.name not in _NOT_COPIED]
    start = time.perf_counter()
    with _connect(url) as target, target.cursor() as cursor:
        for table in tables:
            names = [c.name for c in table.columns]
            columns = ", ".join(f'"{n}"' for n in names)
            rows = source.execute(f'SELECT {columns} FROM "{table.name}"')
            with cursor.copy(
                psycopg.sql.SQL("COPY {} ({}) FROM STDIN").format(
                    psycopg.sql.Identifier(table.name),
                    psycopg.sql.SQL(", ").join(map(psycopg.sql.Identifier, names)),
                )
            ) as copy:
                for row in rows:
                    copy.write_row(row)
        for table in tables:  # rows given their keys: the sequences go on after them
            if table.autoincrement_column is not None:
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f'coalesce(max(id), 0) + 1, false) FROM "{table.name}"'
                )
        target.commit()
    seconds = time.perf_counter() - start
    source.close()
    return seconds


def _connect(url):
    import psycopg

    return psycopg.connect(
        host=url.query["host"], port=url.query["port"], user=url.username, dbname=url.database
    )


def _changed(laptop: Store, count: int) -> list[tuple[str, dict]]:
    """The notes of ``count`` partners changed, as an officer's edits."""
    kind = BY_NAME["organization"]
    with laptop.reading() as session:
        found = shape.read_many(session, kind)[:count]
    items = [
        ("organization", {**shape.dump(kind, values), "notes": f"Met again ({n})."})
        for n, values in enumerate(found)
    ]
    services.save_many(laptop, items)
    return items


def _update_floor(url, items: list[tuple[str, dict]]) -> float:
    """The same records updated and one history row each, by one executemany apiece."""
    start = time.perf_counter()
    with _connect(url) as target, target.cursor() as cursor:
        cursor.executemany(
            "UPDATE organization SET notes = %s, updated_at = now() WHERE id = %s",
            [(raw["notes"], raw["id"]) for _kind, raw in items],
        )
        cursor.executemany(
            "INSERT INTO change (changed_at, changed_by, operation, record_kind, record_id, "
            "field, old_value, new_value, store_id, seq) "
            "VALUES (now(), 'floor', 'update', 'organization', %s, 'notes', NULL, %s, %s, %s)",
            [
                (raw["id"], raw["notes"], "00000000-0000-4000-8000-000000000000", n + 1)
                for n, (_kind, raw) in enumerate(items)
            ],
        )
        target.commit()
    return time.perf_counter() - start


PARTNERS_EACH = 50


def _small_laptop(path: Path, n: int) -> Path:
    """A laptop of its own: the default thematic tree and fifty partners it records."""
    with services.open_store(path) as laptop:
        services.save_many(
            laptop,
            [
                (
                    "organization",
                    {"name": f"Partner {n:02}-{k:02}", "kind": "national_administration"},
                )
                for k in range(PARTNERS_EACH)
            ],
        )
    return path


def _sync_one(args: tuple[str, str]) -> int:
    from sqlalchemy.engine import make_url

    path, url = args
    with services.open_store(Path(path)) as laptop, TeamServer(make_url(url)) as server:
        return sync_with_server(laptop, server).sent


def _twenty_at_once(laptops: list[Path], url) -> tuple[float, int]:
    """Every laptop syncs at the same moment, each in a process of its own (as twenty
    computers): the time until the last one is done."""
    address = url.render_as_string(hide_password=False)
    context = multiprocessing.get_context("spawn")
    with context.Pool(len(laptops)) as pool:
        pool.map(_warm, range(len(laptops)))  # the processes started and their imports done
        start = time.perf_counter()
        sent = pool.map(_sync_one, [(str(path), address) for path in laptops])
        seconds = time.perf_counter() - start
    return seconds, max(sent)


def _warm(_n: int) -> None:
    import db.server.sync  # noqa: F401


def _twenty_floor(url, laptops: int, changes: int) -> float:
    """As many connections at once, each inserting as many history rows in one executemany,
    then reading every row there is."""
    from concurrent.futures import ThreadPoolExecutor

    def insert(n: int) -> None:
        store_id = f"00000000-0000-4000-8000-{n + 1:012d}"
        with _connect(url) as target, target.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO change (changed_at, changed_by, operation, record_kind, record_id, "
                "field, old_value, new_value, store_id, seq) VALUES (now(), 'floor', 'create', "
                "'organization', %s, '', NULL, NULL, %s, %s)",
                [(store_id, store_id, k + 1) for k in range(changes)],
            )
            target.commit()
            cursor.execute("SELECT * FROM change")
            cursor.fetchall()

    start = time.perf_counter()
    with ThreadPoolExecutor(laptops) as pool:
        list(pool.map(insert, range(laptops)))
    return time.perf_counter() - start
