"""Migrations: a new store is at the head revision, the schema can go down and up again, the
models match the migrations, and a store from a newer PartnerDesk is refused untouched."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine
from sqlmodel import SQLModel

import db.schema.models  # noqa: F401
from db.errors import StoreTooNewError
from db.store import migrations
from db.store.engine import Store
from db.store.migrations import include_name


def test_a_new_store_is_created_at_the_head_revision(tmp_path):
    with Store.open(tmp_path / "new.sqlite") as store:
        assert store.schema_revision() == migrations.head_revision()
        assert {
            "organization",
            "agreement",
            "consultation",
            "activity",
            "follow_up",
            "change",
            "search_index",
        } <= set(store.table_names())


def test_downgrade_to_nothing_and_upgrade_again(tmp_path):
    path = tmp_path / "store.sqlite"
    Store.open(path).close()
    engine = create_engine(f"sqlite:///{path}")
    migrations.downgrade(engine, "base")
    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables <= {"alembic_version"}
    migrations.upgrade(engine)
    engine.dispose()
    with Store.open(path) as store:
        assert store.schema_revision() == migrations.head_revision()
        assert "search_index" in store.table_names()


def test_the_models_match_the_migrations(store):
    with store._writer.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_name": include_name, "compare_type": True}
        )
        assert compare_metadata(context, SQLModel.metadata) == []


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_store_from_a_newer_version_is_refused_and_left_alone(store_path):
    with sqlite3.connect(store_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = _sha(store_path)
    with pytest.raises(StoreTooNewError, match="newer version of PartnerDesk"):
        Store.open(store_path)
    assert _sha(store_path) == before
