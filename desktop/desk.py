"""The window's one link to the open store: every user operation goes through here, and each
announces what changed so that every list, detail view and the dashboard refresh themselves.

Widgets never hold a session or write SQL; they call these methods (or read through
``desk.read``, which hands a read-only session to Qt-free query functions of db/).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from db import clock
from db.records import services
from db.store.engine import Store

T = TypeVar("T")


class Desk(QObject):
    changed = Signal(str)  # the record kind that changed ("" when anything may have)

    def __init__(self, store: Store, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store

    # -- reading ----------------------------------------------------------------------------------
    def today(self) -> date:
        """Today on the one clock (db.clock), which tests and trainers move."""
        return clock.today()

    def read(self, query: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a Qt-free query function of db/ with a read session as its first argument."""
        with self.store.reading() as session:
            return query(session, *args, **kwargs)

    def get(self, kind: str, record_id: str) -> dict[str, Any]:
        return services.get_exchange(self.store, kind, record_id)

    def check(self, kind: str, raw: dict[str, Any]):
        return services.check(self.store, kind, raw)

    # -- writing (each one unit of work, then announced) -----------------------------------------
    def save(self, kind: str, raw: dict[str, Any]) -> str:
        record_id = services.save(self.store, kind, raw)
        self.changed.emit(kind)
        return record_id

    def archive(self, kind: str, record_id: str) -> None:
        services.archive(self.store, kind, record_id)
        self.changed.emit(kind)

    def restore(self, kind: str, record_id: str) -> None:
        services.restore(self.store, kind, record_id)
        self.changed.emit(kind)

    def announce(self, kind: str = "") -> None:
        self.changed.emit(kind)
