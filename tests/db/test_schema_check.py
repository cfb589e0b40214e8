"""A store or a backup is data, never code: a schema that is not exactly PartnerDesk's is refused
before anything is written to it, and no connection runs functions a file's schema names."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import sys

import pytest

from db.errors import DamagedStoreError, StorageError
from db.exchange.document import import_document
from db.records import services
from db.records.maintenance import check_store
from db.records.search import unmarked
from db.records.services import open_store
from db.store import schema_check
from db.store.backups import problem_with_backup
from db.store.recovery import restore_backup
from desktop import cli
from tests import builders as b

# What an attacker adds with the sqlite3 tool: on the next ordinary insert, every follow-up goes.
WIPE = "CREATE TRIGGER wipe AFTER INSERT ON organization BEGIN DELETE FROM follow_up; END"


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _with_follow_up(store) -> str:
    services.save(store, "follow_up", b.follow_up(text="Send the minutes"))
    return store.path


def _tampered(path, sql: str) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.executescript(sql)
    finally:
        conn.close()


def test_the_schemas_kept_are_those_the_migrations_make(tmp_path):
    """A migration changed or added without ``python -m db.store.schema_check`` fails here."""
    written = schema_check.write_expected(tmp_path)
    assert [p.name for p in written] == sorted(p.name for p in schema_check.SCHEMAS.glob("*.json"))
    for fresh in written:
        kept = schema_check.SCHEMAS / fresh.name
        assert json.loads(fresh.read_text()) == json.loads(kept.read_text()), fresh.name


def test_a_store_and_the_first_schema_fixture_are_exactly_partnerdesks(store):
    conn = store.raw_connection()
    try:
        assert schema_check.foreign_objects(conn, store.schema_revision()) == []
    finally:
        conn.close()


def test_a_store_with_a_trigger_added_by_hand_is_refused_untouched(store_path):
    with open_store(store_path) as store:
        _with_follow_up(store)
    _tampered(store_path, WIPE)
    before = _sha(store_path)
    with pytest.raises(DamagedStoreError, match="trigger “wipe” that PartnerDesk never makes"):
        open_store(store_path)
    assert _sha(store_path) == before
    conn = sqlite3.connect(store_path)
    assert conn.execute("SELECT count(*) FROM follow_up").fetchone()[0] == 1


def test_a_backup_holding_a_trigger_is_not_restored(tmp_path, store_path):
    backup = tmp_path / "from-a-colleague.sqlite"
    with open_store(store_path) as store:
        _with_follow_up(store)
        shutil.copyfile(store_path, backup)
    _tampered(backup, WIPE)
    assert "trigger “wipe” that PartnerDesk never makes" in problem_with_backup(backup)
    before = _sha(store_path)
    with pytest.raises(StorageError, match="cannot be restored: its schema is not PartnerDesk"):
        restore_backup(store_path, backup)
    assert _sha(store_path) == before


@pytest.mark.parametrize(
    ("sql", "words"),
    [
        ("CREATE VIEW everything AS SELECT * FROM organization", "view “everything”"),
        ("CREATE INDEX ix_extra ON organization (notes)", "index “ix_extra”"),
        ("CREATE TABLE loot (x)", "table “loot”"),
        (
            "DROP INDEX ix_activity_kind",
            "an index “ix_activity_kind” that PartnerDesk makes is missing",
        ),
    ],
)
def test_any_object_partnerdesk_does_not_make_is_named(store_path, sql, words):
    _tampered(store_path, sql)
    with pytest.raises(DamagedStoreError, match=words):
        open_store(store_path)


def test_a_table_changed_in_place_is_not_as_partnerdesk_makes_it(store_path):
    """A CHECK or DEFAULT can call functions too: the table's whole definition is compared."""
    conn = sqlite3.connect(store_path)
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'setting'").fetchone()[0]
    changed = sql.replace("value VARCHAR", "value VARCHAR DEFAULT (upper('x'))")
    assert changed != sql
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = 'setting'", (changed,))
    conn.commit()
    conn.close()
    with pytest.raises(
        DamagedStoreError, match="a table “setting” whose definition is not PartnerDesk"
    ):
        open_store(store_path)


def test_check_reports_a_trigger_added_while_the_store_was_open(store):
    _with_follow_up(store)
    _tampered(store.path, WIPE)
    report = check_store(store)
    assert "schema: a trigger “wipe” that PartnerDesk never makes" in report.problems


def test_the_command_line_refuses_the_store_and_the_import_never_fires_it(store_path, capsys):
    with open_store(store_path) as store:
        _with_follow_up(store)
    _tampered(store_path, WIPE)
    code = cli.main(["--db", str(store_path), "import", str(_exchange_file(store_path.parent))])
    assert code != 0
    assert "trigger “wipe” that PartnerDesk never makes" in capsys.readouterr().err
    conn = sqlite3.connect(store_path)
    assert conn.execute("SELECT count(*) FROM follow_up").fetchone()[0] == 1
    assert cli.main(["--db", str(store_path), "check"]) != 0


def _exchange_file(folder):
    path = folder / "partners.json"
    doc = {"format": "partnerdesk", "version": 1, "organizations": [b.organization()]}
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_no_connection_trusts_the_schema(store):
    conn = store.raw_connection()
    try:
        assert conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0
    finally:
        conn.close()
    with store.reading() as session:
        assert session.connection().exec_driver_sql("PRAGMA trusted_schema").scalar() == 0
    with store.unit_of_work() as session:
        assert session.connection().exec_driver_sql("PRAGMA trusted_schema").scalar() == 0
    # PartnerDesk's own writes and its search keep working under it.
    import_document(store, {"format": "partnerdesk", "version": 1,
                            "organizations": [b.organization(name="Interpol", acronym="")]})  # fmt: skip
    assert [unmarked(h.title) for h in services.find(store, "interpol")] == ["Interpol"]


@pytest.mark.skipif(
    not hasattr(sqlite3.Connection, "getconfig"), reason="defensive mode needs Python 3.12+"
)
def test_connections_are_defensive_where_python_offers_it(store):  # pragma: no cover on 3.11
    conn = store.raw_connection()
    try:
        assert conn.getconfig(sqlite3.SQLITE_DBCONFIG_DEFENSIVE)
    finally:
        conn.close()


def test_this_python_says_whether_it_offers_defensive_mode():
    """On Python 3.11 (this project's oldest) the sqlite3 module cannot set defensive mode: the
    guard is trusted_schema and the schema check; docs/security.md says so."""
    assert hasattr(sqlite3.Connection, "setconfig") == (sys.version_info >= (3, 12))
