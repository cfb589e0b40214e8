"""An exchange file met with this store's newer edits (docs/sync.md, "An exchange file").

An exchange file carries records, not a change log: nothing says which version of a record the
file's was based on. What it does say is when: each record's ``updated_at`` (or, without one,
the file's ``exported_at``). The store's history tells what each field held at that moment —
the old value of the field's first change made after it, or its value now when none was made —
and that is the common version of a three-way merge, field by field, as ``merge`` does:

- the store did not change the field since the file's time: the file's value is taken (as every
  import did before);
- the store changed it since and the file still holds the value it had then (an old export of
  one's own, a colleague who did not touch that field): the store's newer value is kept;
- both changed it to different values: a conflict, both values kept, the store's shown; sets
  take the additions and removals of both sides.

A record the store has not changed since the file's time (its ``updated_at`` is not later), or
that the file brings unchanged, is taken without reading its history: the usual import of
thousands of records, or the same file again, costs nothing more. Times are kept to the second:
in a record changed since, a change of a field in the same second as the file's version counts
as newer (a conflict too many rather than an edit lost).
Without any time in the file, every change the store made counts as newer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlmodel import Session

from db.errors import ValidationError
from db.records import batch, shape
from db.records.changelog import LoggedChange
from db.records.merge import ARCHIVED, Side, _rows_by_field, _side
from db.schema.fields import ListOf
from db.schema.kinds import RecordKind


@dataclass
class HeldBack:
    """What the file could not simply replace: per record (kind, id), the fields whose newer
    local value was kept, and the conflicts to keep ((kind, id, field) -> sides)."""

    kept: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    conflicts: dict[tuple[str, str, str], list[Side]] = field(default_factory=dict)


def hold_newer_edits(
    session: Session, checked: batch.Checked, *, exported_at: datetime | None, source: str
) -> HeldBack:
    """Change the checked batch's records in place so that no field the store changed after the
    file's version is overwritten; returns what was kept and the conflicts found. ``source``
    names the file on its side of a conflict."""
    held = HeldBack()
    newer: list[tuple[batch.Proposed, dict[str, Any], datetime | None]] = []
    for item, old in zip(checked.proposed, checked.olds, strict=True):
        if old is None:
            continue
        since = item.values.get("updated_at") or exported_at
        if since is not None and old["updated_at"] <= since:
            continue
        if not shape.differences(item.kind, old, item.values):
            continue
        newer.append((item, old, since))
    if not newer:
        return held
    rows = _rows_by_field(session, [(item.kind.name, item.values["id"]) for item, _o, _s in newer])
    for item, old, since in newer:
        _hold(item, old, since, rows, held, source)
    return held


def _hold(
    item: batch.Proposed,
    old: dict[str, Any],
    since: datetime | None,
    rows: dict[str, dict[str, list[LoggedChange]]],
    held: HeldBack,
    source: str,
) -> None:
    kind, record_id = item.kind, item.values["id"]
    ours, theirs = shape.content(kind, old), shape.content(kind, item.values)
    merged = dict(theirs)
    by_field = rows.get(record_id, {})
    for name, value in ours.items():
        if theirs[name] == value:
            continue
        later = [c for c in by_field.get(name, []) if since is None or c.changed_at >= since]
        if not later:
            continue  # not changed here since the file's version: the file's value is taken
        base = later[0].old_value
        if shape.as_text(theirs[name]) == base:
            merged[name] = value  # the file holds what the store had then: ours is newer
        elif _is_set(kind, name):
            merged[name] = _merged_set(_loads(base), value, theirs[name])
        else:
            merged[name] = value
            held.conflicts[(kind.name, record_id, name)] = [
                {
                    "store_id": None,
                    "seq": None,
                    "changed_at": item.values["updated_at"].isoformat()
                    if item.values.get("updated_at")
                    else None,
                    "changed_by": source,
                    "value": theirs[name],
                },
                _side(later[-1], value),
            ]
        held.kept.setdefault((kind.name, record_id), []).append(name)
    if (kind.name, record_id) not in held.kept:
        return
    raw = {**shape.dump(kind, item.values), **merged}
    values, problems = shape.parse(kind, raw, record=item.place)
    if problems:  # not expected: each side's values parsed already
        raise ValidationError(problems)
    # The record keeps the later of the two times: a later file must still see the edits kept.
    values["created_at"] = old["created_at"]
    values["updated_at"] = max(
        [t for t in (old["updated_at"], item.values.get("updated_at")) if t is not None]
    )
    item.values = values


def store_whole(item: batch.Proposed, old: dict[str, Any], held: HeldBack, source: str) -> None:
    """For a record whose merged version breaks a rule of DESIGN.md: the store's version whole
    (it obeyed the rules), with a conflict on each field where the file's value was left out."""
    kind, record_id = item.kind, item.values["id"]
    ours, theirs = shape.content(kind, old), shape.content(kind, item.values)
    for name, value in ours.items():
        if theirs[name] != value and (kind.name, record_id, name) not in held.conflicts:
            held.conflicts[(kind.name, record_id, name)] = [
                {
                    "store_id": None,
                    "seq": None,
                    "changed_at": None,
                    "changed_by": source,
                    "value": theirs[name],
                },
                _side(None, value),
            ]
    item.values = dict(old)


def _is_set(kind: RecordKind, name: str) -> bool:
    return name != ARCHIVED and isinstance(kind.field(name), ListOf)


def _merged_set(base: Any, ours: list[Any] | None, theirs: list[Any] | None) -> list[Any]:
    base, ours, theirs = set(base or []), set(ours or []), set(theirs or [])
    return sorted((ours | theirs) - (base - ours) - (base - theirs))


def _loads(text: str | None) -> Any:
    try:
        return json.loads(text) if text is not None else None
    except ValueError:
        return None
