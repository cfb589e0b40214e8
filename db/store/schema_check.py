"""A store is data, never code: before a file is used as a store, restored from or checked, its
schema must be exactly what PartnerDesk's own migrations make at its version — every table,
column, index, trigger and view. SQLite runs what a schema holds (a trigger fires on an ordinary
insert, a view or a CHECK constraint calls functions), so a file someone added a trigger to by
hand (with the ``sqlite3`` tool, say) could delete every follow-up on the next import.

The schemas PartnerDesk makes are kept, one file per version, in ``migrations/schemas/``:
written by ``python -m db.store.schema_check`` from the migrations themselves, and a test fails
when a migration changes without them (tests/db/test_schema_check.py). Comparing the SQL text
SQLite keeps for each object (spaces and quotes aside) catches a changed column, default, CHECK
or generated column as well as an object added.
"""

from __future__ import annotations

import json
import re
import sqlite3
import sys
import tempfile
from functools import cache
from pathlib import Path

from db.i18n import counted, translate
from db.store import migrations

SCHEMAS = migrations.HERE / "schemas"
_KINDS = {"table", "index", "trigger", "view"}


def objects(conn: sqlite3.Connection) -> dict[str, str]:
    """Every object of the schema: "type name" -> its SQL, spaces and quotes aside. SQLite's own
    objects (``sqlite_…``: indexes it makes for keys, statistics) are left out."""
    found = {}
    for kind, name, sql in conn.execute("SELECT type, name, sql FROM sqlite_master"):
        if str(name).startswith("sqlite_"):
            continue
        found[f"{kind} {name}"] = _normalized(sql)
    return found


def _normalized(sql: str | None) -> str:
    text = re.sub(r"[\"'`\[\]]", "", sql or "")
    text = re.sub(r"\s+", " ", text).strip().lower()
    return re.sub(r"\s*([(),=])\s*", r"\1", text)


@cache
def expected(revision: str | None) -> dict[str, str]:
    """The objects PartnerDesk's migrations make at ``revision`` (None: a new, empty file)."""
    if revision is None:
        return {}
    path = SCHEMAS / f"{revision}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def foreign_objects(conn: sqlite3.Connection, revision: str | None) -> list[str]:
    """What the file's schema holds that PartnerDesk's migrations do not make at ``revision``, and
    what it lacks, each as words for a message ("a trigger “wipe” that PartnerDesk never makes");
    empty when the schema is exactly PartnerDesk's."""
    found, wanted = objects(conn), expected(revision)
    problems = []
    for key in sorted(found.keys() - wanted.keys()):
        kind, name = key.split(" ", 1)
        problems.append(
            translate("rules", "{a_kind} “{name}” that PartnerDesk never makes").format(
                a_kind=_a_kind(kind), name=name
            )
        )
    for key in sorted(found.keys() & wanted.keys()):
        if found[key] != wanted[key]:
            kind, name = key.split(" ", 1)
            problems.append(
                translate(
                    "rules", "{a_kind} “{name}” whose definition is not PartnerDesk's"
                ).format(a_kind=_a_kind(kind), name=name)
            )
    for key in sorted(wanted.keys() - found.keys()):
        kind, name = key.split(" ", 1)
        problems.append(
            translate("rules", "{a_kind} “{name}” that PartnerDesk makes is missing").format(
                a_kind=_a_kind(kind), name=name
            )
        )
    return problems


def _a_kind(kind: str) -> str:
    words = {
        "table": translate("rules", "a table"),
        "index": translate("rules", "an index"),
        "trigger": translate("rules", "a trigger"),
        "view": translate("rules", "a view"),
    }
    return words.get(kind, kind)


def described(problems: list[str]) -> str:
    """The problems in one clause for a refusal: "it holds a trigger “wipe” that …"."""
    shown = "; ".join(problems[:3])
    more = len(problems) - 3
    if more > 0:
        shown += "; " + counted("and_more", more)
    return translate("rules", "its schema is not PartnerDesk's: {objects}").format(objects=shown)


# -- writing the expected schemas (for developers, after adding a migration) ---------------------
def write_expected(folder: Path = SCHEMAS) -> list[Path]:
    """Run the migrations one version at a time on a new file and keep each version's schema
    in ``folder``."""
    from sqlalchemy import create_engine

    folder.mkdir(exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "schema.sqlite"
        engine = create_engine(f"sqlite:///{path}")
        for revision in _revisions_in_order():
            migrations.upgrade(engine, revision)
            conn = sqlite3.connect(path)
            try:
                schema = objects(conn)
            finally:
                conn.close()
            target = folder / f"{revision}.json"
            target.write_text(json.dumps(schema, indent=1, sort_keys=True) + "\n", "utf-8")
            written.append(target)
        engine.dispose()
    return written


def _revisions_in_order() -> list[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrations.config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


if __name__ == "__main__":
    for written in write_expected():
        print(written, file=sys.stderr)
