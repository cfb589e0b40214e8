"""The same models and the same migrations on PostgreSQL 15+ (the team server, issue 17), on a real
throwaway cluster the tests start themselves (tests/postgres.py): the migrations go up, down to
nothing and up again; the models match the migrated database; the schema is SQLite's, table for
table and column for column; records written through the models read back exactly; and what
PostgreSQL enforces that SQLite lets pass is refused with an error that names it."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Integer,
    LargeBinary,
    String,
    create_engine,
    inspect,
    text,
)
from sqlalchemy.exc import DataError, IntegrityError
from sqlmodel import Session, SQLModel, select

from db.schema.models import (
    LISTED_BY,
    REVIEWED_BY,
    Agreement,
    AgreementParty,
    Change,
    Organization,
    new_id,
)
from db.schema.naming import sort_key
from db.store import migrations
from db.store.migrations import FTS_TABLES, include_name

# An instant that does not exist on the clocks of Paris (they went from 02:00 to 03:00 that
# night): a column that went through a time zone would not give it back unchanged.
SPRING_FORWARD = datetime(2031, 3, 30, 2, 30, 5)


@pytest.fixture
def engine(postgres_url):
    engine = create_engine(postgres_url)
    yield engine
    engine.dispose()


@pytest.fixture
def migrated(migrated_postgres_url):
    engine = create_engine(migrated_postgres_url)
    yield engine
    engine.dispose()


def _tables(engine) -> set[str]:
    return set(inspect(engine).get_table_names())


def _revision(engine) -> str | None:
    with engine.connect() as conn:
        return migrations.current_revision(conn)


def test_the_migrations_go_up_down_to_nothing_and_up_again(engine):
    every_table = set(SQLModel.metadata.tables) | {"alembic_version"}
    assert "search_index" not in every_table  # SQLite's full-text index, made on SQLite only

    migrations.upgrade(engine)
    assert _tables(engine) == every_table
    assert _revision(engine) == migrations.head_revision()

    migrations.downgrade(engine, "base")
    assert _tables(engine) == {"alembic_version"}
    assert _revision(engine) is None

    migrations.upgrade(engine)
    assert _tables(engine) == every_table
    assert _revision(engine) == migrations.head_revision()


def test_the_sort_keys_are_filled_in_on_postgresql_as_on_sqlite(engine):
    """Migration 0006 walks each table a chunk of 5,000 rows at a time: in rowid order on
    SQLite, in id order on PostgreSQL, which has no rowid. Every row gets its key, across
    chunks."""
    migrations.upgrade(engine, "0005")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO organization (id, created_at, updated_at, name, kind, status, is_ours)"
                " SELECT md5(n::text)::uuid::text, :at, :at, 'École n° ' || n, 'ngo', 'active', false"
                " FROM generate_series(1, 5001) AS n"
            ),
            {"at": SPRING_FORWARD},
        )
        conn.execute(
            text(
                "INSERT INTO follow_up (id, created_at, updated_at, text, owner, status)"
                " VALUES (:a, :at, :at, 'Send the minutes', 'Ærøskøbing Ñúñez', 'open'),"
                " (:b, :at, :at, 'Book the room', NULL, 'open')"
            ),
            {"a": new_id(), "b": new_id(), "at": SPRING_FORWARD},
        )
    migrations.upgrade(engine)
    with engine.connect() as conn:
        names = conn.execute(text("SELECT name, name_key FROM organization")).all()
        owners = dict(conn.execute(text("SELECT text, owner_key FROM follow_up")).all())
    assert len(names) == 5001
    assert all(key == sort_key(name) for name, key in names)
    assert ("École n° 5001", "ecole n° 5001") in names
    assert owners == {"Send the minutes": "aeroskobing nunez", "Book the room": None}


def test_the_models_match_the_migrations_on_postgresql(migrated):
    """Nothing left for autogenerate to write. SQLite's full-text index (``search_index`` and
    its shadow tables, made by hand in migration 0001 and excluded by ``include_name``) is not
    made on PostgreSQL and no model declares it: there is nothing to exclude here."""
    with migrated.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "include_name": include_name,
                "compare_type": True,
                "compare_server_default": True,
            },
        )
        assert compare_metadata(context, SQLModel.metadata) == []


def test_every_list_index_leaves_the_archive_out_on_postgresql_too(migrated):
    """Autogenerate does not compare an index's WHERE: a partial index declared for SQLite only
    would be a whole index on PostgreSQL without a word. Each is declared for both."""
    declared = {
        index.name: _condition(index.dialect_options["sqlite"]["where"])
        for table in SQLModel.metadata.tables.values()
        for index in table.indexes
        if index.dialect_options["sqlite"]["where"] is not None
    }
    assert len(declared) == sum(len(columns) for columns in LISTED_BY.values()) + len(REVIEWED_BY)
    found = {
        index["name"]: _condition(index["dialect_options"].get("postgresql_where"))
        for table in inspect(migrated).get_table_names()
        for index in inspect(migrated).get_indexes(table)
        if index["name"] in declared
    }
    assert found == declared
    assert set(declared.values()) == {"archived_at is null"}


def test_sqlite_and_postgresql_have_the_same_schema(migrated, store_path):
    """Table for table, column for column (kind, length, nullability), the same keys, foreign
    keys (with their cascades), unique constraints and indexes (with their conditions); only
    SQLite's full-text index is SQLite's alone."""
    on_sqlite = create_engine(f"sqlite:///{store_path}")
    try:
        sqlite_schema = _schema(on_sqlite)
        assert "search_index" in inspect(on_sqlite).get_table_names()
    finally:
        on_sqlite.dispose()
    postgresql_schema = _schema(migrated)
    assert set(postgresql_schema) == set(sqlite_schema)
    for table, described in sqlite_schema.items():
        assert postgresql_schema[table] == described, table


def test_postgresql_keeps_instants_without_a_time_zone_and_has_no_server_defaults(migrated):
    """Naive UTC, as on SQLite (db/clock.py): ``timestamp without time zone`` everywhere, never
    ``with time zone``, which would convert through the session's zone. And no column has a
    default on the server, as on SQLite; only the integer keys count on their own (a sequence,
    where SQLite has its rowid)."""
    inspector = inspect(migrated)
    defaults, instants = {}, set()
    for table in inspector.get_table_names():
        for column in inspector.get_columns(table):
            where = f"{table}.{column['name']}"
            if isinstance(column["type"], DateTime):
                assert column["type"].timezone is False, where
                instants.add(where)
            if column["default"] is not None:
                defaults[where] = column["default"]
    assert "change.changed_at" in instants and "organization.created_at" in instants
    assert all(re.fullmatch(r"nextval\('\w+'::regclass\)", d) for d in defaults.values()), defaults
    assert set(defaults) == {
        f"{table.name}.{column.name}"
        for table in SQLModel.metadata.tables.values()
        for column in table.primary_key.columns
        if isinstance(column.type, Integer) and len(table.primary_key.columns) == 1
    }


def test_records_written_through_the_models_read_back_the_same(migrated):
    ours, partner = new_id(), new_id()
    agreement_id, store_id = new_id(), new_id()
    with Session(migrated) as session:
        session.add_all(
            [
                Organization(id=ours, name="World Customs Organization", acronym="WCO",
                             kind="intergovernmental", is_ours=True,
                             created_at=SPRING_FORWARD, updated_at=SPRING_FORWARD),
                Organization(id=partner, name="Organisation météorologique mondiale",
                             name_key="organisation meteorologique mondiale",
                             kind="intergovernmental", country="CH",
                             created_at=SPRING_FORWARD, updated_at=SPRING_FORWARD),
            ]
        )  # fmt: skip
        session.flush()  # the organizations before the agreement that names them
        session.add(
            Agreement(
                id=agreement_id,
                title="Memorandum of Understanding on climate and trade",
                kind="mou",
                status="in_force",
                entry_into_force=date(2031, 4, 1),
                languages=["en", "fr"],
                created_at=SPRING_FORWARD,
                updated_at=SPRING_FORWARD,
            )
        )
        session.flush()
        session.add_all(
            [
                AgreementParty(agreement_id=agreement_id, position=0, organization_id=ours,
                               signatory_name="Ana Ibáñez", signed_on=date(2031, 3, 30)),
                AgreementParty(agreement_id=agreement_id, position=1, organization_id=partner,
                               signatory_name="李明", signed_at="Genève"),
                Change(changed_at=SPRING_FORWARD, changed_by="ana", operation="create",
                       record_kind="agreement", record_id=agreement_id, field="title",
                       new_value="Memorandum of Understanding on climate and trade",
                       store_id=store_id, seq=1),
            ]
        )  # fmt: skip
        session.commit()

    # Read back on a connection whose time zone is far from UTC: nothing moves.
    with migrated.connect() as conn:
        conn.execute(text("SET TIME ZONE 'Europe/Paris'"))
        with Session(conn) as session:
            agreement = session.get(Agreement, agreement_id)
            assert len(agreement.id) == 36 and agreement.id == agreement_id
            assert agreement.created_at == SPRING_FORWARD and agreement.created_at.tzinfo is None
            assert agreement.entry_into_force == date(2031, 4, 1)
            assert agreement.languages == ["en", "fr"]
            parties = session.exec(
                select(AgreementParty)
                .where(AgreementParty.agreement_id == agreement_id)
                .order_by(AgreementParty.position)
            ).all()
            assert [(p.organization_id, p.signatory_name) for p in parties] == [
                (ours, "Ana Ibáñez"),
                (partner, "李明"),
            ]
            assert session.get(Organization, ours).is_ours is True
            assert session.get(Organization, partner).is_ours is False
            assert session.get(Organization, partner).name == "Organisation météorologique mondiale"
            [change] = session.exec(select(Change).where(Change.record_id == agreement_id)).all()
            assert (change.store_id, change.seq, change.changed_at) == (store_id, 1, SPRING_FORWARD)
            assert isinstance(change.id, int)
        # As the server keeps it: the same digits SQLite keeps, no zone added.
        kept = conn.execute(
            text("SELECT pg_typeof(changed_at)::text, changed_at::text FROM change")
        ).one()
        assert tuple(kept) == ("timestamp without time zone", "2031-03-30 02:30:05")


def test_postgresql_refuses_a_text_longer_than_its_column(migrated, store_path):
    """SQLite keeps a three-letter country in a column of two; PostgreSQL says which type it
    overflows. (PartnerDesk's rules refuse it before either sees it.)"""
    row = {"id": new_id(), "at": SPRING_FORWARD, "country": "FRA"}
    insert = text(
        "INSERT INTO organization (id, created_at, updated_at, name, kind, status, is_ours, country)"
        " VALUES (:id, :at, :at, 'Somewhere', 'ngo', 'active', false, :country)"
    )
    on_sqlite = create_engine(f"sqlite:///{store_path}")
    try:
        with on_sqlite.begin() as conn:
            conn.execute(insert, row)
            assert conn.execute(text("SELECT country FROM organization")).scalar() == "FRA"
    finally:
        on_sqlite.dispose()

    too_long = r"value too long for type character varying\(2\)"
    with pytest.raises(DataError, match=too_long), migrated.begin() as conn:
        conn.execute(insert, row)


def test_postgresql_refuses_a_party_that_names_no_organization(migrated):
    """Its foreign key is checked as the row is written (not when the transaction commits), and
    the error names the constraint and the missing organization."""
    agreement_id, nobody = new_id(), new_id()
    with Session(migrated) as session:
        session.add(
            Agreement(
                id=agreement_id,
                title="Arrangement on cooperation",
                kind="arrangement",
                languages=[],
                created_at=SPRING_FORWARD,
                updated_at=SPRING_FORWARD,
            )
        )
        session.flush()
        session.add(AgreementParty(agreement_id=agreement_id, position=0, organization_id=nobody))
        with pytest.raises(IntegrityError) as refused:
            session.flush()
    message = str(refused.value.orig)
    assert "agreement_party_organization_id_fkey" in message
    assert f'(organization_id)=({nobody}) is not present in table "organization"' in message


# -- the schema as a dialect-free description ------------------------------------------------------
_KINDS = (Boolean, Integer, DateTime, Date, JSON, LargeBinary, String)


def _kind(column_type) -> tuple[str, int | None]:
    for kind in _KINDS:
        if isinstance(column_type, kind):
            return kind.__name__, getattr(column_type, "length", None)
    raise AssertionError(f"a column of an unexpected type: {column_type!r}")


def _condition(where) -> str | None:
    if where is None:
        return None
    return re.sub(r"\s+", " ", str(where)).strip().strip("()").lower()


def _where(index: dict) -> str | None:
    options = index.get("dialect_options", {})
    where = options.get("sqlite_where")
    return _condition(options.get("postgresql_where") if where is None else where)


def _schema(engine) -> dict[str, dict]:
    inspector = inspect(engine)
    described = {}
    for table in inspector.get_table_names():
        if table in FTS_TABLES:
            continue
        described[table] = {
            "columns": {
                column["name"]: (*_kind(column["type"]), column["nullable"])
                for column in inspector.get_columns(table)
            },
            "primary key": inspector.get_pk_constraint(table)["constrained_columns"],
            "foreign keys": sorted(
                (
                    tuple(key["constrained_columns"]),
                    key["referred_table"],
                    tuple(key["referred_columns"]),
                    key["options"].get("ondelete"),
                )
                for key in inspector.get_foreign_keys(table)
            ),
            "unique": sorted(
                tuple(unique["column_names"]) for unique in inspector.get_unique_constraints(table)
            ),
            "indexes": sorted(
                (
                    index["name"],
                    tuple(index["column_names"]),
                    bool(index["unique"]),
                    _where(index),
                )
                for index in inspector.get_indexes(table)
                if "duplicates_constraint" not in index  # a unique constraint's own index
            ),
        }
    return described
