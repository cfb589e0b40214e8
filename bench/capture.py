"""The floor of a read: the very statements our code sent to SQLite, run again by plain sqlite3.

``Captured`` listens to every SQLAlchemy engine while our step runs once, keeping each SELECT
with its parameters as the driver received them; ``replay`` runs them on a plain sqlite3
connection and fetches every row, as our code does. What is left between the two is everything
above SQLite: SQLAlchemy, the table model, the thread hop, the Qt model.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine


class Captured:
    def __init__(self) -> None:
        self.statements: list[tuple[str, Any]] = []
        self._lock = threading.Lock()

    def _seen(self, _conn, _cursor, statement, parameters, _context, executemany) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")) and not executemany:
            with self._lock:
                self.statements.append((statement, parameters))

    def __enter__(self) -> Captured:
        event.listen(Engine, "before_cursor_execute", self._seen)
        return self

    def __exit__(self, *exc) -> None:
        event.remove(Engine, "before_cursor_execute", self._seen)


def capture(action: Callable[[], Any]) -> list[tuple[str, Any]]:
    with Captured() as seen:
        action()
    return list(seen.statements)


def replay(conn: sqlite3.Connection, statements: list[tuple[str, Any]]) -> int:
    """Run the statements, fetching every row; the number of rows."""
    rows = 0
    for sql, params in statements:
        rows += len(conn.execute(sql, params or ()).fetchall())
    return rows
