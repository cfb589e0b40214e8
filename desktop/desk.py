"""The window's one link to the open store, after Anki's operations: every write is an
*operation* that runs on the one writer thread, commits once, and announces what changed; every
read that may take time is a *query* that runs off the GUI thread. Views, dialogs and editors
call these methods and listen to ``changed``; they never import db.records.services (an import
contract says so) and never hold a session.

Writes never wait on each other (one writer thread, in order) and never freeze the window: an
operation started with ``run`` calls back when done; the few callers that must know at once
whether a save went through (an editor's Save, "save before closing?") use ``run_and_wait``,
which keeps the window painting but defers the officer's clicks and keys until the write is done.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, QObject, Signal

from db import clock
from db.errors import Problem
from db.exchange.sample import load_sample
from db.queries.portfolio import Thresholds, save_thresholds
from db.records import merge, services
from db.records.history import ChangeEntry
from db.records.search import Hit
from db.records.settings import officer_name
from db.records.thematic import merge_thematic_areas
from db.schema.models import Attachment
from db.store.engine import Store
from desktop.worker import Latest, run_in_background, writer_pool

T = TypeVar("T")

# What changed besides records of a kind.
AREAS = "areas"  # the thematic tree (its shape, not only an area's fields)
SETTINGS = "settings"  # the store's settings (the officer's name)
EVERYTHING = "everything"  # a whole-store operation: an import, the sample, a restore
CONFLICTS = "conflicts"  # the open conflicts between stores (one resolved)


@dataclass(frozen=True)
class Changes:
    """What one operation changed: record kinds ("agreement") and flags (AREAS, SETTINGS,
    EVERYTHING). Views refresh themselves from it."""

    kinds: frozenset[str] = frozenset()
    flags: frozenset[str] = frozenset()

    @classmethod
    def of(cls, *kinds: str, flags: Iterable[str] = ()) -> Changes:
        return cls(frozenset(kinds), frozenset(flags))

    @classmethod
    def everything(cls) -> Changes:
        return cls(flags=frozenset({EVERYTHING}))

    def touches(self, *kinds: str, flag: str | None = None) -> bool:
        """Whether records of any of ``kinds`` (or the ``flag``) may have changed."""
        return (
            EVERYTHING in self.flags
            or bool(self.kinds.intersection(kinds))
            or (flag is not None and flag in self.flags)
        )

    def __bool__(self) -> bool:
        return bool(self.kinds or self.flags)


OnDone = Callable[[Any], None]
OnFailed = Callable[[BaseException], None]


class Desk(QObject):
    changed = Signal(object)  # Changes

    def __init__(self, store: Store, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store

    def today(self) -> date:
        """Today on the one clock (db.clock), which tests and trainers move."""
        return clock.today()

    # -- operations: writes, on the one writer thread ---------------------------------------------
    def run(
        self,
        work: Callable[[Store], T],
        changes: Changes | Callable[[T], Changes],
        on_done: Callable[[T], None] | None = None,
        on_failed: OnFailed | None = None,
    ) -> None:
        """Run ``work(store)`` on the writer thread (after the writes already queued), then on
        the GUI thread announce ``changes`` (or ``changes(result)``) and call ``on_done``.
        A failure goes to ``on_failed`` (else to the unexpected-error handler)."""
        store = self.store

        def done(result: T) -> None:
            self.announce(changes(result) if callable(changes) else changes)
            if on_done is not None:
                on_done(result)

        run_in_background(lambda: work(store), done, on_failed, pool=writer_pool())

    def run_and_wait(
        self, work: Callable[[Store], T], changes: Changes | Callable[[T], Changes]
    ) -> T:
        """``run``, waited for: returns the result or raises what the work raised. The window
        keeps painting meanwhile; the officer's input waits until the write is done."""
        box: dict[str, Any] = {}
        loop = QEventLoop()

        def done(result: T) -> None:
            box["result"] = result
            loop.quit()

        def failed(exc: BaseException) -> None:
            box["error"] = exc
            loop.quit()

        self.run(work, changes, done, failed)
        if not box:
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        if "error" in box:
            raise box["error"]
        return box["result"]

    def announce(self, changes: Changes) -> None:
        if changes:
            self.changed.emit(changes)

    # The officer's operations.
    def save(self, kind: str, raw: dict[str, Any]) -> str:
        """Create or update one record; its id. Raises ValidationError or StorageError."""
        return self.run_and_wait(lambda store: services.save(store, kind, raw), Changes.of(kind))

    def save_many(self, items: Sequence[tuple[str, dict[str, Any]]]) -> list[str]:
        kinds = {kind for kind, _raw in items}
        return self.run_and_wait(
            lambda store: services.save_many(store, list(items)), Changes.of(*kinds)
        )

    def archive(self, kind: str, record_id: str) -> None:
        self.run_and_wait(
            lambda store: services.archive(store, kind, record_id), _record_changes(kind)
        )

    def restore(self, kind: str, record_id: str) -> None:
        self.run_and_wait(
            lambda store: services.restore(store, kind, record_id), _record_changes(kind)
        )

    def attach_files(
        self,
        kind: str,
        record_id: str,
        paths: Sequence[Path],
        on_done: OnDone | None = None,
        on_failed: OnFailed | None = None,
    ) -> None:
        self.run(
            lambda store: [services.attach_file(store, kind, record_id, p) for p in paths],
            Changes.of(kind),
            on_done,
            on_failed,
        )

    def merge_areas(
        self,
        source_id: str,
        target_id: str,
        on_done: OnDone | None = None,
        on_failed: OnFailed | None = None,
    ) -> None:
        self.run(
            lambda store: merge_thematic_areas(store, source_id, target_id),
            Changes.of("thematic_area", "agreement", "consultation", "activity", flags=[AREAS]),
            on_done,
            on_failed,
        )

    def resolve_conflict(self, kind: str, record_id: str, name: str, value: Any) -> None:
        """The officer's choice for one field in conflict: one change, which closes the conflict
        here and on every store it reaches. Raises ValidationError."""
        self.run_and_wait(
            lambda store: merge.resolve(store, kind, record_id, name, value),
            Changes.of(kind, flags=[CONFLICTS]),
        )

    def load_sample(self) -> None:
        """The sample partnerships (again: they update themselves)."""
        self.run_and_wait(load_sample, Changes.everything())

    def set_officer_name(self, name: str | None) -> None:
        self.run_and_wait(
            lambda store: services.set_officer_name(store, name), Changes.of(flags=[SETTINGS])
        )

    def save_portfolio_thresholds(
        self,
        thresholds: Thresholds,
        on_done: OnDone | None = None,
        on_failed: OnFailed | None = None,
    ) -> None:
        """The limits behind the portfolio's verdicts, kept in the store (ValidationError naming
        the field when one is out of bounds)."""

        def save(store: Store) -> None:
            with store.unit_of_work() as session:
                save_thresholds(session, thresholds)

        self.run(save, Changes.of(flags=[SETTINGS]), on_done, on_failed)

    # -- queries: reads --------------------------------------------------------------------------
    def read(self, query: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """A quick read, here and now: a Qt-free query function of db/ with a read session as
        its first argument. Anything that may take long goes through ``query``."""
        with self.store.reading() as session:
            return query(session, *args, **kwargs)

    def query(
        self,
        query: Callable[..., T],
        *args: Any,
        on_done: Callable[[T], None],
        on_failed: OnFailed | None = None,
        latest: Latest | None = None,
        **kwargs: Any,
    ) -> None:
        """``read`` off the GUI thread; ``on_done(result)`` on the GUI thread. With ``latest``,
        only the newest of overlapping queries is delivered."""
        run_in_background(
            lambda: self.read(query, *args, **kwargs), on_done, on_failed, latest=latest
        )

    def officer_name(self) -> str | None:
        """The officer's name as set in PartnerDesk (first start, File → Officer name), or None:
        never the computer's login, which the history falls back to."""
        return self.read(officer_name)

    def get(self, kind: str, record_id: str) -> dict[str, Any]:
        return services.get_exchange(self.store, kind, record_id)

    def check(self, kind: str, raw: dict[str, Any]) -> list[Problem]:
        return services.check(self.store, kind, raw)

    def find(self, text: str, on_done: Callable[[list[Hit]], None], latest: Latest) -> None:
        store = self.store
        run_in_background(lambda: services.find(store, text, limit=500), on_done, latest=latest)

    def attachments_of(self, kind: str, record_id: str) -> list[Attachment]:
        return services.attachments_of(self.store, kind, record_id)

    def attachment_bytes(self, attachment_id: str) -> bytes:
        return services.attachment_bytes(self.store, attachment_id)

    def change_history(self, kind: str, record_id: str) -> list[ChangeEntry]:
        return services.change_history(self.store, kind, record_id)


def _record_changes(kind: str) -> Changes:
    # Archiving an area changes the tree's shape as the pickers and the thematic page show it.
    return Changes.of(kind, flags=[AREAS] if kind == "thematic_area" else [])
