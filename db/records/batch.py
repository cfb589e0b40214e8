"""The one all-or-nothing write. Every way records come into a store — an editor's save, follow-ups
made from a meeting's decisions, an exchange file, a spreadsheet, two thematic areas merged, the
default tree of a new store — goes through here, with the same steps in the same order:

1. ``parse``: input shaped like the exchange format becomes clean values (a format that reads
   cells itself, as spreadsheets do, hands over clean values instead);
2. ``check``: an id given twice in the batch or already held by another kind's record; the
   stored version of each record (what an editor does not send is kept from it); the rules of
   DESIGN.md, with the store as it will be after the batch (records of the batch may refer to
   each other, in any order);
3. ``write``: rows, parts and links, the change history and the search index, a statement per
   table and kind; foreign keys checked when the unit of work commits.

Nothing is written when any problem is found: ``write_batch`` raises ``ValidationError`` listing
every problem, each naming the place the format gave its record (``agreements[3] “…”``, a row
number), so that each format maps problems back to its own places.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select, text
from sqlmodel import Session

from db import clock
from db.errors import NotFoundError, Problem, ValidationError
from db.i18n import translate
from db.records import history, participants, rules, search, shape
from db.schema.fields import Ref
from db.schema.kinds import BY_KEY, BY_NAME, KINDS, RecordKind
from db.schema.models import SearchEntry
from db.store.engine import Store
from db.store.sql import in_chunks, is_sqlite

Tick = Callable[[], None]  # called once per record checked: progress, and a chance to cancel


@dataclass
class Proposed:
    """One record on its way in: clean values (with an id), and how problems name it."""

    kind: RecordKind
    values: dict[str, Any]
    place: str = ""
    # Fields the store's version keeps when it has one (an editor never sends created_at, and
    # "archived" only when the officer archives or restores).
    kept: tuple[str, ...] = ()


@dataclass
class Checked:
    """A batch that passed every check, with the stored version of each of its records."""

    proposed: list[Proposed]
    olds: list[dict[str, Any] | None]


@dataclass
class Outcome:
    """What a batch did: per record, "created", "updated" or "unchanged", and counts per kind
    (keyed as the exchange document's lists: "organizations")."""

    ids: list[str] = field(default_factory=list)
    what: list[str] = field(default_factory=list)
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    # Fields an exchange file met with a newer local edit of another value: (kind, id, field),
    # and each such record's name (db/records/file_merge.py).
    conflicts: list[tuple[str, str, str]] = field(default_factory=list)
    names: dict[tuple[str, str], str] = field(default_factory=dict)

    @property
    def kinds_changed(self) -> set[str]:
        """The names of the kinds ("organization") of which a record was added or changed."""
        return {BY_KEY[key].name for key in (self.created + self.updated)}

    def describe(self) -> str:
        counts = {
            "added": sum(self.created.values()),
            "updated": sum(self.updated.values()),
            "unchanged": sum(self.unchanged.values()),
        }
        if self.conflicts:
            return translate(
                "rules",
                "{added} added, {updated} updated, {unchanged} unchanged; "
                "{conflicts} field(s) in conflict with a newer edit here, on {records} record(s)",
            ).format(
                **counts,
                conflicts=len(self.conflicts),
                records=len({(kind, rid) for kind, rid, _name in self.conflicts}),
            )
        return translate("rules", "{added} added, {updated} updated, {unchanged} unchanged").format(
            **counts
        )


# -- 1. parse --------------------------------------------------------------------------------------
def parse(
    items: Iterable[tuple[RecordKind, Any, str]],
    *,
    id_required: bool = False,
    kept_unless_given: tuple[str, ...] = (),
) -> tuple[list[Proposed], list[Problem]]:
    """Exchange-shaped input (kind, raw, place) as clean values; a record without an id gets a
    new one unless ``id_required``; the fields of ``kept_unless_given`` that a record does not
    give keep their stored values. Returns what parsed (with or without problems) and every
    problem; a record that is not even an object is left out."""
    proposed: list[Proposed] = []
    problems: list[Problem] = []
    for kind, raw, place in items:
        values, found = shape.parse(kind, raw, record=place, id_required=id_required)
        problems += found
        if not isinstance(raw, dict):
            continue
        if not values.get("id"):
            if id_required:
                continue
            values["id"] = str(uuid.uuid4())
        kept = tuple(name for name in kept_unless_given if name not in raw)
        proposed.append(Proposed(kind, values, place, kept))
    return proposed, problems


# -- 2. check --------------------------------------------------------------------------------------
def check(
    session: Session,
    proposed: list[Proposed],
    *,
    tick: Tick | None = None,
    olds: list[dict[str, Any] | None] | None = None,
) -> tuple[Checked, list[Problem]]:
    """Every problem of the batch against the store as it will be after it. Fills each record's
    kept fields from its stored version; ``olds``: those versions, when the caller has just read
    them in this unit of work (a merge), so that they are not read twice."""
    if olds is None:
        olds = read_olds(session, [(p.kind, p.values["id"]) for p in proposed])
    # A record held here under its kind has its id: only new ones may take another kind's.
    new = [item for item, old in zip(proposed, olds, strict=True) if old is None]
    problems = _ids_given_twice(proposed) + ids_taken_by_other_kinds(session, new)
    for item, old in zip(proposed, olds, strict=True):
        for name in item.kept:
            if old is not None:
                item.values[name] = old[name]
            elif name == "archived":
                item.values[name] = False
        shape.keep_row_ids(item.kind, item.values, old)
        if item.kind.name == "activity":
            participants.take_counts_from_list(item.values)
    pending: dict[str, dict[str, dict[str, Any]]] = {}
    for item in proposed:
        pending.setdefault(item.kind.name, {})[item.values["id"]] = item.values
    base = rules.StoreLookup(session)
    rules.preload_references(base, [(p.kind, p.values) for p in proposed])
    lookup = rules.OverlayLookup(base, pending)
    for item in proposed:
        problems += rules.check(item.kind, item.values, lookup, record=item.place)
        if tick is not None:
            tick()
    return Checked(proposed, olds), problems


def _ids_given_twice(proposed: list[Proposed]) -> list[Problem]:
    """One id twice in a batch: a primary-key error on writing, or one search entry for two."""
    first: dict[str, str] = {}
    found = []
    for item in proposed:
        record_id = item.values["id"]
        if record_id in first:
            found.append(
                Problem(
                    "id",
                    translate(
                        "rules", "The id {id} is used twice in the file (also by {other})."
                    ).format(id=record_id, other=first[record_id]),
                    item.place,
                )
            )
        first.setdefault(record_id, item.place)
    return found


def ids_taken_by_other_kinds(session: Session, proposed: list[Proposed]) -> list[Problem]:
    """An id of another kind's record would take over that record's search entry."""
    by_id = {p.values["id"]: p for p in proposed}
    found = []
    for chunk in in_chunks(list(by_id)):
        query = select(SearchEntry.record_id, SearchEntry.record_kind).where(
            SearchEntry.record_id.in_(chunk)
        )
        for record_id, record_kind in session.execute(query):
            item = by_id[record_id]
            if record_kind != item.kind.name:
                found.append(
                    Problem(
                        "id",
                        translate(
                            "rules", "The id {id} already belongs to a {kind} in this store."
                        ).format(id=record_id, kind=_kind_word(record_kind)),
                        item.place,
                    )
                )
    return found


def _kind_word(record_kind: str) -> str:
    """How the message above names a record kind."""
    words = {
        "organization": translate("rules", "organization"),
        "contact": translate("rules", "contact"),
        "thematic_area": translate("rules", "thematic area"),
        "agreement": translate("rules", "agreement"),
        "consultation": translate("rules", "consultation"),
        "activity": translate("rules", "activity"),
        "follow_up": translate("rules", "follow up"),
    }
    return words.get(record_kind) or record_kind.replace("_", " ")


def read_olds(
    session: Session, wanted: list[tuple[RecordKind, str]]
) -> list[dict[str, Any] | None]:
    """The stored version of each record (None for a new one), a query per kind and table."""
    by_kind: dict[str, list[str]] = {}
    for kind, record_id in wanted:
        by_kind.setdefault(kind.name, []).append(record_id)
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for name, ids in by_kind.items():
        for values in shape.read_many(session, BY_NAME[name], ids):
            found[(name, values["id"])] = values
    return [found.get((kind.name, record_id)) for kind, record_id in wanted]


# -- 3. write --------------------------------------------------------------------------------------
def write(
    session: Session,
    checked: Checked,
    *,
    who: str,
    now: datetime | None = None,
    write_history: bool = True,
) -> Outcome:
    """Write a checked batch inside the caller's unit of work. ``write_history=False`` for a merge,
    whose changes are in the history already: the rows of the stores that made them."""
    batch = [
        (item.kind, item.values, old)
        for item, old in zip(checked.proposed, checked.olds, strict=True)
    ]
    if is_sqlite(session):
        # A record may refer to one later in the batch (a parent on a later row): keys are
        # checked when the unit of work commits.
        session.execute(text("PRAGMA defer_foreign_keys = ON"))
        order = list(range(len(batch)))
    else:  # PostgreSQL checks a key as its row is written: what is referred to goes first
        order = _reference_order(batch)
    written = store_records(
        session,
        [batch[n] for n in order],
        who=who,
        now=now or clock.utc_now(),
        write_history=write_history,
    )
    changed = [False] * len(batch)
    for n, was_changed in zip(order, written, strict=True):
        changed[n] = was_changed
    outcome = Outcome()
    for item, old, was_changed in zip(checked.proposed, checked.olds, changed, strict=True):
        what = "created" if old is None else "updated" if was_changed else "unchanged"
        getattr(outcome, what)[item.kind.key] += 1
        outcome.ids.append(item.values["id"])
        outcome.what.append(what)
    return outcome


def _reference_order(batch: list[tuple[RecordKind, dict[str, Any], Any]]) -> list[int]:
    """The batch's positions in an order that writes every record after the records of the
    batch it refers to: kinds in their declared order (each refers only to itself and to kinds
    before it), and within a kind a parent before the records naming it."""
    rank = {kind.name: n for n, kind in enumerate(KINDS)}
    by_kind = sorted(range(len(batch)), key=lambda n: rank[batch[n][0].name])
    where = {(batch[n][0].name, batch[n][1]["id"]): n for n in by_kind}
    order: list[int] = []
    placed: set[int] = set()

    def place(n: int, seen: frozenset[int]) -> None:
        if n in placed or n in seen:  # a cycle is the rules' to refuse, not the order's
            return
        kind, values, _old = batch[n]
        for name in _self_references(kind):
            target = where.get((kind.name, values.get(name)))
            if target is not None:
                place(target, seen | {n})
        placed.add(n)
        order.append(n)

    for n in by_kind:
        place(n, frozenset())
    return order


def _self_references(kind: RecordKind) -> list[str]:
    """The fields by which a record refers to another of its own kind (a parent)."""
    return [s.name for s in kind.fields if isinstance(s, Ref) and s.target == kind.name]


def write_batch(
    store: Store, proposed: list[Proposed], *, problems: list[Problem] = (), who: str | None = None
) -> Outcome:
    """Check the batch and write it in one unit of work, or raise ValidationError listing every
    problem (``problems`` found before, by the format's own reading, included) and write nothing."""
    with store.unit_of_work() as session:
        checked, found = check(session, proposed)
        if problems or found:
            raise ValidationError([*problems, *found])
        return write(session, checked, who=who or store.officer)


def foresee(store: Store, proposed: list[Proposed], *, problems: list[Problem] = ()) -> Outcome:
    """What ``write_batch`` would do with the batch — per record created, updated or unchanged —
    read off the store as it is, writing nothing; raises ValidationError as ``write_batch`` would."""
    with store.reading() as session:
        checked, found = check(session, proposed)
        if problems or found:
            raise ValidationError([*problems, *found])
        outcome = Outcome()
        for item, old in zip(checked.proposed, checked.olds, strict=True):
            what = (
                "created"
                if old is None
                else "updated"
                if shape.differences(item.kind, old, item.values)
                else "unchanged"
            )
            getattr(outcome, what)[item.kind.key] += 1
            outcome.ids.append(item.values["id"])
            outcome.what.append(what)
        return outcome


def store_records(
    session: Session,
    batch: list[tuple[RecordKind, dict[str, Any], dict[str, Any] | None]],
    *,
    who: str,
    now: datetime,
    write_history: bool = True,
) -> list[bool]:
    """Write checked records (kind, values, stored version or None): each run of records of one
    kind with a statement per table (rows, parts and links, search entries), then the history of
    them all, in the order given. For each record, whether it changed."""
    changed: list[bool] = []
    history_rows: list[dict[str, Any]] = []
    for kind, run in _runs_of_one_kind(batch):
        written: list[tuple[dict[str, Any], dict[str, Any] | None]] = []
        stamps: list[tuple[str, datetime | None, datetime | None]] = []
        for values, old in run:
            changes = shape.differences(kind, old, values)
            if not changes and old is not None:
                # An import that brings the same content with other timestamps adopts the file's
                # timestamps (no history: nothing an officer typed changed), so that export,
                # import, export is exact.
                created, updated = (
                    values[k] if values.get(k) and values[k] != old[k] else None
                    for k in ("created_at", "updated_at")
                )
                if created or updated:
                    stamps.append((values["id"], created, updated))
                changed.append(False)
                continue
            if old is not None and not values.get("updated_at"):
                values = {**values, "updated_at": now}
            written.append((values, old))
            if old is None:
                history_rows.append(history.creation_row(who, kind.name, values["id"], now))
            else:
                history_rows += history.change_rows(
                    who, "update", kind.name, values["id"], changes, now
                )
            changed.append(True)
        shape.write_many(session, kind, written, now=now)
        shape.align_timestamps(session, kind, stamps)
        search.index_many(session, kind, [values for values, _old in written])
        renamed = [values["id"] for values, old in written if search.renamed(kind, values, old)]
        if renamed:  # a partner's activities, a contact's meetings: found by the new names
            search.index_again_where_named(session, kind, renamed)
    if write_history:
        history.record_many(session, history_rows)
    return changed


def _runs_of_one_kind(
    batch: list[tuple[RecordKind, dict[str, Any], dict[str, Any] | None]],
) -> list[tuple[RecordKind, list[tuple[dict[str, Any], dict[str, Any] | None]]]]:
    """The batch cut where the kind changes, the order kept: what refers to an earlier record
    of the batch is still written after it."""
    runs: list[tuple[RecordKind, list[tuple[dict[str, Any], dict[str, Any] | None]]]] = []
    for kind, values, old in batch:
        if not runs or runs[-1][0] is not kind:
            runs.append((kind, []))
        runs[-1][1].append((values, old))
    return runs


# -- archiving ---------------------------------------------------------------------------------------
def set_archived(
    session: Session,
    kind: RecordKind,
    record_id: str,
    archived: bool,
    *,
    who: str,
    now: datetime | None = None,
) -> bool:
    """Archive or restore one record inside the caller's unit of work, with its history and
    search entry; False when it already was."""
    row = session.get(kind.table, record_id)
    if row is None:
        raise NotFoundError(f"No {kind.label} has the id {record_id}.")
    if (row.archived_at is not None) == archived:
        return False
    now = now or clock.utc_now()
    row.archived_at = now if archived else None
    row.updated_at = now
    session.add(row)
    history.record_changes(
        session,
        who=who,
        operation="archive" if archived else "restore",
        kind=kind.name,
        record_id=record_id,
        changes=[("archived", not archived, archived)],
        at=now,
    )
    search.set_archived(session, record_id, archived)
    return True
