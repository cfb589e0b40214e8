"""Records named as officers name them in a spreadsheet: an organization by its name, its
acronym or its id; an agreement by its reference, its title or its id; a thematic area by its
code, its name or its id. Import turns these names into ids; export writes the name back when
it names one record only (else the id), so that an exported sheet imports again.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from db.exchange.spreadsheets.cells import SEPARATOR, CellProblem, folded
from db.i18n import translate
from db.schema.kinds import BY_NAME

# The fields that name a record of each kind, the most telling first.
NAMING: dict[str, tuple[str, ...]] = {
    "organization": ("name", "acronym"),
    "contact": ("name",),
    "thematic_area": ("code", "name"),
    "agreement": ("reference", "title"),
    "consultation": ("title",),
    "activity": ("title",),
    "follow_up": ("text",),
}


def _not_found(kind: str, value: str) -> str:
    templates = {
        "organization": translate(
            "rules",
            "No organization has the name, acronym or id “{value}”: correct it, or add the "
            "organization first.",
        ),
        "agreement": translate(
            "rules",
            "No agreement has the reference, title or id “{value}”: correct it, or add the "
            "agreement first.",
        ),
        "thematic_area": translate("rules", "No thematic area has the code, name or id “{value}”."),
    }
    template = templates.get(kind) or translate("rules", "No {kind} is named “{value}”.")
    return template.format(kind=BY_NAME[kind].label, value=value)


def _plural(kind: str) -> str:
    words = {
        "organization": translate("rules", "organizations"),
        "agreement": translate("rules", "agreements"),
        "thematic_area": translate("rules", "thematic areas"),
    }
    return words.get(kind) or BY_NAME[kind].key.replace("_", " ")


def as_id(text: str) -> str | None:
    """The UUID written in ``text``, in its usual form, or None."""
    try:
        return str(uuid.UUID(text.strip())) if len(text.strip()) in (32, 36) else None
    except ValueError:
        return None


class Names:
    """The records of one kind by the names that officers give them, and by id."""

    def __init__(self, kind: str):
        self.kind = kind
        self.fields = NAMING[kind]
        self._by: dict[str, dict[str, list[str]]] = {f: defaultdict(list) for f in self.fields}
        self._values: dict[str, dict[str, Any]] = {}
        self._archived: set[str] = set()

    @classmethod
    def load(cls, session: Session, kind: str) -> Names:
        names = cls(kind)
        table = BY_NAME[kind].table
        columns = [getattr(table, f) for f in names.fields]
        for row in session.execute(select(table.id, table.archived_at, *columns)):
            names.add(row[0], dict(zip(names.fields, row[2:], strict=True)), row[1] is not None)
        return names

    def add(self, record_id: str, values: dict[str, Any], archived: bool = False) -> None:
        """Make a record known by its names (a store's, or a new one from the file)."""
        old = self._values.get(record_id)
        if old is not None:  # renamed by the file: forget the old names
            for f in self.fields:
                if old.get(f):
                    ids = self._by[f][folded(str(old[f]))]
                    if record_id in ids:
                        ids.remove(record_id)
        self._values[record_id] = {f: values.get(f) for f in self.fields}
        for f in self.fields:
            if values.get(f):
                self._by[f][folded(str(values[f]))].append(record_id)
        if archived:
            self._archived.add(record_id)
        else:
            self._archived.discard(record_id)

    def values_of(self, record_id: str) -> dict[str, Any]:
        """The names known for a record (empty for a record not known yet)."""
        return dict(self._values.get(record_id) or {})

    def __contains__(self, record_id: str) -> bool:
        return record_id in self._values

    def candidates(self, text: str) -> list[str]:
        """The records that ``text`` names, by the first naming field that gives any."""
        record_id = as_id(text)
        if record_id is not None:
            return [record_id] if record_id in self._values else []
        key = folded(text)
        for f in self.fields:
            found = self._by[f].get(key)
            if found:
                current = [i for i in found if i not in self._archived]
                return current or list(found)
        return []

    def resolve(self, text: str) -> str:
        """The id of the one record ``text`` names; CellProblem when none or several."""
        found = self.candidates(text)
        if len(found) == 1:
            return found[0]
        if not found:
            raise CellProblem(_not_found(self.kind, text.strip()))
        raise CellProblem(
            translate(
                "rules",
                "“{value}” could be any of {count} {kinds}: write the id of the one you mean.",
            ).format(value=text.strip(), count=len(found), kinds=_plural(self.kind))
        )

    def written(self, record_id: str | None) -> str | None:
        """How a sheet names a record: its first name that names it alone, else its id."""
        if not record_id:
            return None
        values = self._values.get(record_id)
        for f in self.fields:
            name = values.get(f) if values else None
            if (
                isinstance(name, str)
                and name.strip()
                and SEPARATOR not in name
                and as_id(name) is None
                and self.candidates(name) == [record_id]
                and len(self._by[f][folded(name)]) == 1
            ):
                return name.strip()
        return record_id
