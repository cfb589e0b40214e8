"""A record's change history in the officer's words: records by their names rather than their
ids, choices by their words rather than their codes ("Dormant", not "dormant"), dates and
durations as the window shows them, and, when one party or participant changed, that part by
its number and field ("Party 1: Organization") rather than the whole table written out twice."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from db.records.history import ChangeEntry
from db.schema.fields import (
    Choice,
    Count,
    Country,
    Date,
    FieldSpec,
    Flag,
    ListOf,
    LocalDateTime,
    Parts,
    Ref,
    RowId,
)
from db.schema.kinds import BY_NAME
from desktop.labels import (
    choice_label,
    country_name,
    duration_text,
    field_label,
    label_of,
    labelled,
)
from desktop.models.record_table import format_value

NOTHING = "—"


def change_lines(
    kind: str, change: ChangeEntry, names: dict[str, str]
) -> list[tuple[str, str, str]]:
    """(what changed, before, after) for one row of the history, each in the officer's words."""
    if change.field == "attachments":
        return [
            (
                QCoreApplication.translate("RecordDetail", "Attached files"),
                change.old_value or NOTHING,
                change.new_value or NOTHING,
            )
        ]
    spec = next((f for f in BY_NAME[kind].fields if f.name == change.field), None)
    if spec is None:
        label = field_label(change.field.replace("_", " ").capitalize())
        return [(label, change.old_value or NOTHING, change.new_value or NOTHING)]
    if isinstance(spec, Parts):
        return _parts_lines(spec, change, names)
    old, new = _loaded(spec, change.old_value), _loaded(spec, change.new_value)
    return [(label_of(spec), value_words(spec, old, names), value_words(spec, new, names))]


def _parts_lines(
    spec: Parts, change: ChangeEntry, names: dict[str, str]
) -> list[tuple[str, str, str]]:
    old, new = _loaded(spec, change.old_value) or [], _loaded(spec, change.new_value) or []
    lines = []
    item = field_label(spec.item_label)
    for index in range(max(len(old), len(new))):
        before = old[index] if index < len(old) else None
        after = new[index] if index < len(new) else None
        if before == after:
            continue
        which = f"{item} {index + 1}"
        if before is None or after is None:  # added or removed whole
            lines.append((which, _part_words(spec, before, names), _part_words(spec, after, names)))
            continue
        for sub in spec.fields:
            if before.get(sub.name) != after.get(sub.name):
                lines.append(
                    (
                        labelled(which, label_of(sub)),
                        value_words(sub, before.get(sub.name), names),
                        value_words(sub, after.get(sub.name), names),
                    )
                )
    return lines or [(label_of(spec), NOTHING, NOTHING)]


def _part_words(spec: Parts, part: dict[str, Any] | None, names: dict[str, str]) -> str:
    if not part:
        return NOTHING
    # not the row's id: a string of hex digits that names nothing to the officer
    shown = [
        value_words(sub, part.get(sub.name), names)
        for sub in spec.fields
        if not isinstance(sub, RowId)
    ]
    return ", ".join(text for text in shown if text != NOTHING) or NOTHING


def _loaded(spec: FieldSpec, text: str | None) -> Any:
    """A value as the history keeps it (text; JSON for lists, parts, numbers and flags)."""
    if text is None:
        return None
    if isinstance(spec, ListOf | Parts | Count | Flag):
        try:
            return json.loads(text)
        except ValueError:
            return text
    return text


def value_words(spec: FieldSpec, value: Any, names: dict[str, str]) -> str:
    """One value of a field as the officer reads it."""
    if value in (None, "", []):
        return NOTHING
    if isinstance(spec, Ref):
        return names.get(
            value, QCoreApplication.translate("RecordDetail", "(archived or missing record)")
        )
    if isinstance(spec, ListOf):
        items = value if isinstance(value, list) else [value]
        return ", ".join(value_words(spec.item, item, names) for item in items) or NOTHING
    if isinstance(spec, Choice):
        return choice_label(value)
    if isinstance(spec, Flag):
        if value in (True, "true"):
            return QCoreApplication.translate("RecordDetail", "Yes")
        return QCoreApplication.translate("RecordDetail", "No")
    if isinstance(spec, Date):
        try:
            day = date.fromisoformat(str(value))
        except ValueError:
            return str(value)
        return QLocale().toString(
            QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat
        )
    if isinstance(spec, LocalDateTime):
        return format_value(value, "datetime")
    if isinstance(spec, Count) and isinstance(value, int):
        if spec.name == "duration_minutes":
            return duration_text(value)
        return QLocale().toString(value)
    if isinstance(spec, Country):
        return country_name(str(value))
    return str(value)
