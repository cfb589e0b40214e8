"""Small helpers for the SQL every layer writes."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

from sqlalchemy import Select, func, literal_column, select

T = TypeVar("T")

# Ids per IN (...) list: far below SQLite's limit on bound parameters (32,766 since 3.32, 999
# before), and few enough that the statement stays quick to prepare.
CHUNK = 500


def in_chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    """``items`` cut into slices short enough for one ``IN (...)`` each."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def is_sqlite(bind: Any) -> bool:
    """Whether a session or connection is on a laptop's SQLite store (not a team server)."""
    get_bind = getattr(bind, "get_bind", None)
    return (get_bind() if get_bind else bind).dialect.name == "sqlite"


def marker(dialect: Any) -> str:
    """The driver's positional parameter marker, for the SQL given to it directly
    (``exec_driver_sql``): sqlite3 takes ``?``, psycopg ``%s``."""
    return "?" if dialect.paramstyle == "qmark" else "%s"


def ids_in(ids: Iterable[str]) -> Select:
    """What ``column.in_(...)`` takes for many ids on a laptop's SQLite store: the ids as one JSON
    parameter, read back by ``json_each`` — one bound value for 20,000 ids, where an IN list
    binds each (shape.select_in does the same in plain SQL)."""
    return select(literal_column("value")).select_from(func.json_each(json.dumps(list(ids))))
