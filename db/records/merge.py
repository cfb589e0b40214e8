"""The merge, field by field, against the last common version (docs/sync.md, "The merge").

One store hands another a ``Payload``: its id, its version vector, the changes the other lacks
(db.records.changelog), the current content of the records those changes touch, and its open
conflicts on them. ``merge`` takes it in one unit of work. For each field of each record:

- changed on the other store only (a change this store did not hold, or a conflict there):
  the other's value is taken, with its conflict if it has one;
- changed on this store only (a change the other had not seen, or a conflict here): kept;
- changed on both: every side is kept that the other store has not seen and replaced; sets
  (thematic areas, organizations present, countries, languages) take the additions and removals
  of both sides; otherwise one value on every side is no conflict, and two or more are a
  conflict — every side kept, the latest change's value shown (the same on every store);
- archived on one store and edited on the other: a conflict on ``archived``, the record shown
  not archived, so that the edit is not hidden.

Which changes the other store had seen comes from its version vector: a change (store, n) was
seen when n is not beyond the vector's number for that store. The merged records are written by
the one batch write, with the rules of DESIGN.md; their history is the changes taken (the rows of
the stores that made them), none of its own.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, tuple_
from sqlmodel import Session

from db import clock
from db.errors import Problem, ValidationError
from db.records import batch, changelog, history, shape
from db.records.changelog import LoggedChange, VersionVector
from db.schema.fields import FieldSpec, ListOf
from db.schema.kinds import BY_NAME, RecordKind
from db.schema.models import Change, Conflict
from db.store import identity
from db.store.engine import Store
from db.store.sql import in_chunks

ARCHIVED = "archived"
Side = dict[str, Any]  # {"store_id", "seq", "changed_at", "changed_by", "value"}


@dataclass
class Payload:
    """What one store hands another to merge."""

    store_id: str
    vector: VersionVector
    changes: list[LoggedChange]
    records: list[tuple[RecordKind, dict[str, Any]]]  # clean values, as shape.read_many gives
    conflicts: dict[tuple[str, str, str], list[Side]]  # (kind, record id, field) -> sides


@dataclass
class MergeReport:
    """What a merge did: changes taken, records created or updated, and the conflicts open
    after it on the records it touched ((kind, record id, field)); each touched record's name as
    merged, for a report (``RecordKind.describe``)."""

    changes: int = 0
    created: list[tuple[str, str]] = field(default_factory=list)
    updated: list[tuple[str, str]] = field(default_factory=list)
    conflicts: list[tuple[str, str, str]] = field(default_factory=list)
    names: dict[tuple[str, str], str] = field(default_factory=dict)


def payload_for(store: Store, vector: VersionVector) -> Payload:
    """What a store whose version vector is ``vector`` lacks from this one."""
    with store.reading() as session:
        changes = changelog.changes_lacking(session, vector)
        names = dict.fromkeys(
            (c.record_kind, c.record_id) for c in changes if c.record_kind in BY_NAME
        )
        wanted = [(BY_NAME[kind], record_id) for kind, record_id in names]
        olds = batch.read_olds(session, wanted)
        records = [(kind, old) for (kind, _id), old in zip(wanted, olds, strict=True) if old]
        return Payload(
            identity.store_id(session),
            changelog.version_vector(session),
            changes,
            records,
            _conflicts_of(session, [(kind.name, values["id"]) for kind, values in records]),
        )


def merge(store: Store, payload: Payload) -> MergeReport:
    """Take another store's payload: every change held, every record merged field by field,
    conflicts kept; all of it in one unit of work, or nothing when the merged records break a
    rule (ValidationError)."""
    with store.unit_of_work() as session:
        return merge_into(session, payload, who=store.officer)


def merge_into(session: Session, payload: Payload, *, who: str) -> MergeReport:
    touched = [(kind.name, values["id"]) for kind, values in payload.records]
    local_rows = _rows_by_field(session, touched)
    held = {
        row.name for by_field in local_rows.values() for rows in by_field.values() for row in rows
    }
    local_conflicts = _conflicts_of(session, touched)
    taken = changelog.apply_changes(session, payload.changes)
    new_rows = _by_record_and_field(taken)
    olds = batch.read_olds(session, [(kind, values["id"]) for kind, values in payload.records])
    report = MergeReport(changes=len(taken))
    proposed: list[batch.Proposed] = []
    decided: dict[tuple[str, str, str], list[Side] | None] = {}
    both_held: dict[str, tuple[_Record, dict[str, Any], dict[str, Any]]] = {}
    theirs_by_record: dict[tuple[str, str], list[str]] = {}
    for k, rid, name in payload.conflicts:
        theirs_by_record.setdefault((k, rid), []).append(name)
    for (kind, theirs), ours in zip(payload.records, olds, strict=True):
        key = (kind.name, theirs["id"])
        if ours is None:
            proposed.append(batch.Proposed(kind, dict(theirs), place=theirs["id"]))
            report.created.append(key)
            for name in theirs_by_record.get(key, ()):
                decided[(*key, name)] = payload.conflicts[(*key, name)]
            continue
        record = _Record(kind, ours, theirs, payload, local_rows, new_rows, held)
        # The merged record starts as this store's clean values: only the fields taken from
        # elsewhere (JSON values, as sides are kept) are parsed, not the whole record again.
        taken_values: dict[str, Any] = {}
        for name in record.changed_there(theirs_by_record.get(key, ())):
            ours_conflict = local_conflicts.get((*key, name))
            theirs_conflict = payload.conflicts.get((*key, name))
            value, sides = record.field(name, ours_conflict, theirs_conflict)
            if value is not _KEEP:
                taken_values[name] = value
            if sides is not _KEEP:
                decided[(*key, name)] = sides
        if not decided.get((*key, ARCHIVED)):
            archive_clash = record.archived_against_an_edit()
            if archive_clash:
                # Decided (settled) in this merge, a clash held here is over; else it grows.
                held_clash = (
                    [] if (*key, ARCHIVED) in decided else local_conflicts.get((*key, ARCHIVED), [])
                )
                decided[(*key, ARCHIVED)] = union_of_sides([*held_clash, *archive_clash])
        if decided.get((*key, ARCHIVED)):
            # An archive in conflict never hides the record, whichever side is the latest: the
            # same on every store, whatever order the changes came in.
            taken_values[ARCHIVED] = False
        merged = _with_fields(
            kind, ours, taken_values, max(ours["updated_at"], theirs["updated_at"])
        )
        proposed.append(batch.Proposed(kind, merged, place=theirs["id"]))
        both_held[theirs["id"]] = (record, ours, theirs)
    checked, problems = batch.check(session, proposed, olds=olds)
    broken = {problem.record for problem in problems}
    if broken - set(both_held):
        raise ValidationError(problems)
    for n, item in enumerate(proposed):
        if item.place in broken:  # the merged record breaks a rule: one store's version wins
            record, ours, theirs = both_held[item.place]
            content, clashes = record.one_side_whole()
            updated_at = max(ours["updated_at"], theirs["updated_at"])
            proposed[n] = batch.Proposed(
                item.kind, _with_fields(item.kind, ours, content, updated_at), item.place
            )
            for name, sides in clashes.items():
                decided[(item.kind.name, item.place, name)] = sides
    if broken:
        checked, problems = batch.check(session, proposed, olds=olds)
        if problems:
            raise ValidationError(problems)
    outcome = batch.write(session, checked, who=who, write_history=False)
    # "updated" by the write is a record held here whose content the merge changed.
    report.updated = [
        (item.kind.name, item.place)
        for item, what in zip(checked.proposed, outcome.what, strict=True)
        if what == "updated"
    ]
    _keep_conflicts(session, decided, held=local_conflicts)
    report.conflicts = _open_after(local_conflicts, decided)
    report.names = {
        (item.kind.name, item.place): item.kind.describe(item.values) for item in proposed
    }
    return report


def described(
    report: MergeReport,
) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]], list[tuple[str, str, str, str]]]:
    """A merge as a sync report says it: the records added and those merged by themselves
    (kind, id, name), and each conflict open on them (kind, id, name, field)."""
    clashing = {(kind, record_id) for kind, record_id, _name in report.conflicts}
    names = report.names
    return (
        [(*key, names[key]) for key in report.created],
        [(*key, names[key]) for key in report.updated if key not in clashing],
        [(kind, rid, names[(kind, rid)], name) for kind, rid, name in report.conflicts],
    )


_KEEP = object()


class _Record:
    """One record held by both stores, field by field."""

    def __init__(
        self,
        kind: RecordKind,
        ours: dict[str, Any],
        theirs: dict[str, Any],
        payload: Payload,
        local_rows: dict[str, dict[str, list[LoggedChange]]],
        new_rows: dict[str, dict[str, list[LoggedChange]]],
        held: set[tuple[str, int]],
    ):
        self.kind, self.payload, self.held = kind, payload, held
        # Both sides as JSON values, only for the few fields the other store changed: dumped
        # when asked.
        self.ours, self.theirs = _Dumped(kind, ours), _Dumped(kind, theirs)
        self.names = _names(kind)
        record_id = ours["id"]
        # The record's rows by field (a field without rows is not there: read with ``.get``).
        self.local = local_rows.get(record_id, {})
        self.new = new_rows.get(record_id, {})
        # Created on both stores, unknown to each other (the same file imported on both): every
        # field is compared as changed on both sides.
        self.both_created = bool(self._unseen("")) and bool(self.new.get(""))

    def changed_there(self, conflicts_there: Iterable[str]) -> list[str]:
        """The fields the other store changed or holds in conflict, in the record's order: a
        field it did not touch is this store's as it stands (most fields of most records)."""
        if self.both_created:
            return self.names
        asked = {*self.new, *conflicts_there}
        return [name for name in self.names if name in asked]

    def _unseen(self, name: str) -> list[LoggedChange]:
        """This store's changes of the field that the other store had not seen."""
        vector = self.payload.vector
        return [c for c in self.local.get(name, ()) if c.seq > vector.get(c.store_id, 0)]

    def field(
        self, name: str, ours_conflict: list[Side] | None, theirs_conflict: list[Side] | None
    ) -> tuple[Any, Any]:
        """(the merged value or _KEEP, the conflict's sides, None for none, or _KEEP)."""
        new = self.new.get(name, [])
        changed_there = bool(new) or theirs_conflict is not None or self.both_created
        if not changed_there:  # most fields of a record: nothing to read of this store's side
            return _KEEP, _KEEP
        unseen = self._unseen(name)
        changed_here = bool(unseen) or ours_conflict is not None or self.both_created
        if not changed_here:
            return self.theirs[name], theirs_conflict
        if name == ARCHIVED and (ours_conflict or theirs_conflict):
            return self._archive_in_conflict(ours_conflict, theirs_conflict, unseen, new)
        if isinstance(_spec(self.kind, name), ListOf) and not (ours_conflict or theirs_conflict):
            return self._merged_set(name, unseen, new), None
        # Our side is named by our latest change the other store had not seen (what makes it
        # ours), not by a change of theirs we took later with the same value.
        ours_change = unseen[-1] if unseen else self._latest(name, here=True)
        ours_sides = ours_conflict or [_side(ours_change, self.ours[name])]
        theirs_sides = theirs_conflict or [_side(self._latest(name, here=False), self.theirs[name])]
        ours_names = {_name(s) for s in ours_sides}
        theirs_names = {_name(s) for s in theirs_sides}
        kept = [
            s for s in ours_sides if _name(s) in theirs_names or not self._seen_there(_name(s))
        ] + [s for s in theirs_sides if _name(s) not in ours_names and _name(s) not in self.held]
        values = {json.dumps(s["value"], sort_keys=True) for s in kept}
        if len(values) <= 1:
            value = kept[0]["value"] if kept else self.ours[name]
            return value, None
        kept.sort(key=_order)
        return kept[-1]["value"], kept

    def _archive_in_conflict(
        self,
        ours_conflict: list[Side] | None,
        theirs_conflict: list[Side] | None,
        unseen: list[LoggedChange],
        new: list[LoggedChange],
    ) -> tuple[Any, Any]:
        """An archive against edits is one clash whose sides are changes of other fields, which
        each store picks from what it holds: its sides only add up as stores meet (a union, the
        same in whatever order they meet), until an officer archives or restores the record
        having seen every side. The record stays in view meanwhile."""
        if not theirs_conflict and new and all(self._seen_there(_name(s)) for s in ours_conflict):
            return self.theirs[ARCHIVED], None  # settled there
        if not ours_conflict and unseen and all(_name(s) in self.held for s in theirs_conflict):
            return _KEEP, None  # settled here
        sides = [*(ours_conflict or []), *(theirs_conflict or [])]
        if new and not theirs_conflict:
            sides.append(_side(new[-1], self.theirs[ARCHIVED]))
        if unseen and not ours_conflict:
            sides.append(_side(unseen[-1], self.ours[ARCHIVED]))
        return False, union_of_sides(sides)

    def _merged_set(
        self, name: str, unseen: list[LoggedChange], new: list[LoggedChange]
    ) -> list[Any]:
        first = unseen[0] if unseen else new[0] if new else None
        base = set() if self.both_created or first is None else set(_loads(first.old_value) or [])
        ours, theirs = set(self.ours[name] or []), set(self.theirs[name] or [])
        removed = (base - ours) | (base - theirs)
        return sorted((ours | theirs) - removed)

    def _latest(self, name: str, *, here: bool) -> LoggedChange | None:
        rows = (self.local if here else self.new).get(name)
        if not rows:  # the field as the record was created
            rows = self.local.get("") if here else self.new.get("") or self.local.get("")
        return rows[-1] if rows else None

    def _seen_there(self, name: tuple[str, int] | None) -> bool:
        return name is not None and name[1] <= self.payload.vector.get(name[0], 0)

    def one_side_whole(self) -> tuple[dict[str, Any], dict[str, list[Side]]]:
        """For a merged record that breaks a rule: the version of the store whose change is the
        latest, whole (it obeyed the rules where it was made), and a conflict on each field the
        other store changed, with both sides. The same on every store."""
        here = [c for n in self.names for c in self._unseen(n)]
        there = [c for n in self.names for c in self.new.get(n, ())]
        latest = max([*here, *there], key=lambda c: (c.changed_at.isoformat(), c.store_id, c.seq))
        wins_here = latest in here
        winner, loser = (self.ours, self.theirs) if wins_here else (self.theirs, self.ours)
        clashes = {}
        for name in self.names:
            lost = self.new.get(name) if wins_here else self._unseen(name)
            if lost and winner[name] != loser[name]:
                won = self._latest(name, here=wins_here)
                clashes[name] = sorted(
                    [_side(lost[-1], loser[name]), _side(won, winner[name])], key=_order
                )
        return {name: winner[name] for name in self.names}, clashes

    def archived_against_an_edit(self) -> list[Side] | None:
        """Archived on one store while edited on the other: both sides, shown not archived."""
        archived_here = [c for c in self._unseen(ARCHIVED) if c.new_value == "true"]
        archived_there = [c for c in self.new.get(ARCHIVED, ()) if c.new_value == "true"]
        if not (archived_here or archived_there):  # most records: no edit to look for
            return None
        edits_here = [c for n in self.names if n != ARCHIVED for c in self._unseen(n)]
        edits_there = [c for n in self.names if n != ARCHIVED for c in self.new.get(n, ())]
        for archive, edits in ((archived_here, edits_there), (archived_there, edits_here)):
            if archive and edits:
                return sorted([_side(archive[-1], True), _side(edits[-1], False)], key=_order)
        return None


def _spec(kind: RecordKind, name: str) -> FieldSpec:
    """A field the merge compares: one of the kind's, or whether the record is archived."""
    return shape.ARCHIVED if name == ARCHIVED else kind.field(name)


def _names(kind: RecordKind) -> list[str]:
    """The fields history tracks (shape.content's keys), in their order."""
    return [*(spec.name for spec in kind.fields), ARCHIVED]


class _Dumped(dict):
    """A record's fields as JSON values (shape.content), each dumped the first time it is read."""

    def __init__(self, kind: RecordKind, values: dict[str, Any]):
        super().__init__()
        self.kind, self.values = kind, values

    def __missing__(self, name: str) -> Any:
        spec = _spec(self.kind, name)
        value = self[name] = spec.dump(self.values.get(name, spec.empty()))
        return value


def _side(change: LoggedChange | None, value: Any) -> Side:
    if change is None:
        return {
            "store_id": None,
            "seq": None,
            "changed_at": None,
            "changed_by": None,
            "value": value,
        }
    return {
        "store_id": change.store_id,
        "seq": change.seq,
        "changed_at": change.changed_at.isoformat(),
        "changed_by": change.changed_by,
        "value": value,
    }


def union_of_sides(sides: list[Side]) -> list[Side]:
    """Each side once (a change is named by its store and number), in the order of changes."""
    unique = {(_name(s), json.dumps(s["value"], sort_keys=True)): s for s in sides}
    return sorted(unique.values(), key=_order)


def _name(side: Side) -> tuple[str, int] | None:
    return None if side["store_id"] is None else (side["store_id"], side["seq"])


def _order(side: Side) -> tuple:
    return (side["changed_at"] or "", side["store_id"] or "", side["seq"] or 0)


def _loads(text: str | None) -> Any:
    try:
        return json.loads(text) if text is not None else None
    except ValueError:
        return None


def _with_fields(
    kind: RecordKind, ours: dict[str, Any], taken: dict[str, Any], updated_at: datetime
) -> dict[str, Any]:
    """This store's clean values with the fields ``taken`` (JSON values, as sides are kept)
    parsed in, and the merged record's last change."""
    problems: list[Problem] = []

    def report(path: str, message: str) -> None:
        problems.append(Problem(path, message, ours["id"]))

    merged = dict(ours)
    for name, value in taken.items():
        merged[name] = _spec(kind, name).parse(value, name, report)
    if problems:
        raise ValidationError(problems)
    merged["updated_at"] = updated_at
    return merged


def _clean(
    kind: RecordKind, raw: dict[str, Any], created_at: datetime, updated_at: datetime
) -> dict[str, Any]:
    """A record in the exchange format's shape (JSON values, as sides are kept) as clean values,
    with its timestamps to the microsecond."""
    clean, problems = shape.parse(kind, raw)
    if problems:
        raise ValidationError(problems)
    clean["created_at"], clean["updated_at"] = created_at, updated_at
    return clean


def _rows_by_field(
    session: Session, records: list[tuple[str, str]]
) -> dict[str, dict[str, list[LoggedChange]]]:
    """This store's history rows of the records ((kind, id)), per record and field, in the order
    held here. Asked kind by kind, so that the history's index on (kind, record) is used: by
    record id alone, every chunk read the whole history (seconds on a large store)."""
    found: list[LoggedChange] = []
    by_kind: dict[str, list[str]] = defaultdict(list)
    for kind, record_id in records:
        by_kind[kind].append(record_id)
    for kind, record_ids in by_kind.items():
        rows = shape.select_in(
            session,
            Change.__table__,
            list(changelog.FIELDS),
            "record_id",
            record_ids,
            ("id",),
            where=("record_kind", kind),
        )
        found.extend(LoggedChange(*row) for row in rows)
    return _by_record_and_field(found)


def _by_record_and_field(
    changes: list[LoggedChange],
) -> dict[str, dict[str, list[LoggedChange]]]:
    """The changes per record, then per field, in the order given: a record's fields are looked
    up in its own small dict, not built for each of its fields."""
    found: dict[str, dict[str, list[LoggedChange]]] = {}
    for change in changes:
        found.setdefault(change.record_id, {}).setdefault(change.field, []).append(change)
    return found


ALL_AT_ONCE = 2_000  # open conflicts read whole rather than by record, up to this many


def _conflicts_of(
    session: Session, records: list[tuple[str, str]]
) -> dict[tuple[str, str, str], list[Side]]:
    found = {}
    if not records:
        return found
    # A store has few open conflicts: reading them all beats asking for thousands of records.
    if session.execute(select(func.count()).select_from(Conflict)).scalar() <= ALL_AT_ONCE:
        wanted = set(records)
        for row in session.execute(select(Conflict)).scalars():
            if (row.record_kind, row.record_id) in wanted:
                found[(row.record_kind, row.record_id, row.field)] = list(row.sides)
        return found
    for chunk in in_chunks(records, 400):  # two parameters each
        query = select(Conflict).where(tuple_(Conflict.record_kind, Conflict.record_id).in_(chunk))
        for row in session.execute(query).scalars():
            found[(row.record_kind, row.record_id, row.field)] = list(row.sides)
    return found


def _keep_conflicts(
    session: Session,
    decided: dict[tuple[str, str, str], list[Side] | None],
    *,
    held: dict[tuple[str, str, str], list[Side]] | None = None,
) -> None:
    """``held``: the conflicts open on the decided records, when the caller read them in this
    unit of work (a merge), so that they are not read again."""
    now = clock.utc_now()
    # Only conflicts held are deleted: one statement per field decided made a merge of
    # thousands of records spend most of its time deleting nothing.
    if held is None:
        held = _conflicts_of(session, list({(kind, rid) for kind, rid, _name in decided}))
    for (kind, record_id, name), sides in decided.items():
        if (kind, record_id, name) in held:
            session.execute(
                delete(Conflict).where(
                    Conflict.record_kind == kind,
                    Conflict.record_id == record_id,
                    Conflict.field == name,
                )
            )
        if sides:
            session.add(
                Conflict(
                    record_kind=kind, record_id=record_id, field=name, sides=sides, found_at=now
                )
            )
    session.flush()


def _open_after(
    held: dict[tuple[str, str, str], list[Side]],
    decided: dict[tuple[str, str, str], list[Side] | None],
) -> list[tuple[str, str, str]]:
    """The conflicts open once ``decided`` is kept over ``held``, sorted, without reading them
    back: those held and not decided, and those decided with sides."""
    kept = {key for key in held if key not in decided}
    return sorted(kept | {key for key, sides in decided.items() if sides})


keep_conflicts = _keep_conflicts  # for an exchange file's import (db/exchange/document.py)


def open_conflicts(session: Session) -> list[tuple[str, str, str, list[Side]]]:
    """Every open conflict: (kind, record id, field, sides), by record and field."""
    query = select(Conflict).order_by(Conflict.record_kind, Conflict.record_id, Conflict.field)
    return [
        (row.record_kind, row.record_id, row.field, list(row.sides))
        for row in session.execute(query).scalars()
    ]


def resolve(store: Store, kind_name: str, record_id: str, name: str, value: Any) -> None:
    """The officer's choice for a conflict: a new change of the field (even when it keeps the
    value shown), which has seen every side, so that it closes the conflict on every store that
    receives it."""
    kind = BY_NAME[kind_name]
    with store.unit_of_work() as session:
        [ours] = batch.read_olds(session, [(kind, record_id)])
        raw = shape.dump(kind, ours)
        shown, raw[name] = raw[name], value
        resolved = _clean(kind, raw, ours["created_at"], clock.utc_now())
        checked, problems = batch.check(session, [batch.Proposed(kind, resolved)])
        if problems:
            raise ValidationError(problems)
        batch.write(session, checked, who=store.officer, write_history=False)
        history.record_changes(
            session,
            who=store.officer,
            operation="update",
            kind=kind.name,
            record_id=record_id,
            changes=[(name, shown, value)],
            at=clock.utc_now(),
        )
        _keep_conflicts(session, {(kind.name, record_id, name): None})
