"""Which column of a file goes to which column of a record kind.

A mapping is a list as long as the file's header: for each of the file's columns, the key of the
kind's column it fills (see db.spreadsheets.columns), or None to leave it out.

Headers are matched automatically to the exchange format's field names (``organization_id``,
also without its ``_id``: ``organization``), to the fields' labels (in English and in the
officer's language) and to a few usual synonyms, without regard to case, accents, spaces or
punctuation: "E-mail", "email" and "EMAIL" are all ``email``. A mapping the officer chose is
remembered in the store for files with the same header (the same texts, up to case and accents).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence

from sqlmodel import Session

from db.exchange.spreadsheets.cells import folded, is_empty
from db.exchange.spreadsheets.columns import REGISTRATION, Column, importable_kind, sheet_columns
from db.exchange.spreadsheets.problems import RowProblem
from db.exchange.spreadsheets.reading import Table
from db.i18n import translate
from db.records.settings import get_setting, put_setting
from db.store.engine import Store

Mapping = list[str | None]
SETTING_PREFIX = "spreadsheet_mapping"


def _squeezed(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", folded(text))


def names_of(column: Column) -> list[str]:
    """The headers a column answers to, squeezed (no case, accents, spaces or punctuation)."""
    names = [column.key, column.label, column.shown, *column.aliases]
    for suffix in ("_ids", "_id"):
        if column.key.endswith(suffix):
            names.append(column.key[: -len(suffix)])
    return [s for s in dict.fromkeys(_squeezed(n) for n in names) if s]


def automatic_mapping(kind_name: str, header: Sequence[str]) -> Mapping:
    """Each header matched to the column it names; a column takes the first header naming it."""
    by_name: dict[str, str] = {}
    for column in sheet_columns(kind_name):
        for name in names_of(column):
            by_name.setdefault(name, column.key)
    mapping: Mapping = []
    taken: set[str] = set()
    for text in header:
        key = by_name.get(_squeezed(text or ""))
        if key is not None and key in taken:
            key = None
        if key is not None:
            taken.add(key)
        mapping.append(key)
    return mapping


def mapping_key(kind_name: str, header: Sequence[str]) -> str:
    """The setting's key for a header: the kind and a digest of the header's folded texts."""
    name = REGISTRATION if kind_name == REGISTRATION else importable_kind(kind_name).name
    texts = json.dumps([folded(h or "") for h in header], ensure_ascii=False)
    return f"{SETTING_PREFIX}:{name}:{hashlib.sha256(texts.encode()).hexdigest()[:24]}"


def valid_mapping(kind_name: str, header: Sequence[str], mapping: Sequence[str | None]) -> bool:
    keys = {c.key for c in sheet_columns(kind_name)}
    chosen = [m for m in mapping if m is not None]
    return (
        len(mapping) == len(header)
        and all(m in keys for m in chosen)
        and len(chosen) == len(set(chosen))
    )


def remembered_mapping(store: Store, kind_name: str, header: Sequence[str]) -> Mapping | None:
    """The mapping last used for a file with this header, or None."""
    with store.reading() as session:
        stored = get_setting(session, mapping_key(kind_name, header))
    if not stored:
        return None
    try:
        mapping = json.loads(stored).get("columns")
    except (ValueError, AttributeError):
        return None
    if not isinstance(mapping, list) or not valid_mapping(kind_name, header, mapping):
        return None  # written by another version, or the kind's columns changed since
    return mapping


def suggested_mapping(store: Store, kind_name: str, header: Sequence[str]) -> Mapping:
    """The remembered mapping for this header, else the automatic one."""
    return remembered_mapping(store, kind_name, header) or automatic_mapping(kind_name, header)


def save_mapping(
    session: Session, kind_name: str, header: Sequence[str], mapping: Sequence[str | None]
) -> None:
    """Remember a mapping, inside a unit of work (an import remembers it as it commits). Only a
    mapping that differs from the automatic one is kept."""
    key = mapping_key(kind_name, header)
    if list(mapping) == automatic_mapping(kind_name, header):
        put_setting(session, key, None)
        return
    value = {"header": list(header), "columns": list(mapping)}
    put_setting(session, key, json.dumps(value, ensure_ascii=False))


def remember_mapping(
    store: Store, kind_name: str, header: Sequence[str], mapping: Sequence[str | None]
) -> None:
    if not valid_mapping(kind_name, header, mapping):
        raise ValueError("a mapping needs one entry per header and names each column once")
    with store.unit_of_work() as session:
        save_mapping(session, kind_name, header, mapping)


class MappedTable:
    """A file's table read through a mapping onto columns: what an import shows the officer
    before anything comes in (a record kind's import, a registration sheet's)."""

    def __init__(self, table: Table, columns: tuple[Column, ...], mapping: Sequence[str | None]):
        self.table = table
        self.columns = columns
        self._by_key = {c.key: c for c in columns}
        if len(mapping) != len(table.header):
            raise ValueError("the mapping needs one entry per column of the header")
        unknown = [key for key in mapping if key is not None and key not in self._by_key]
        if unknown:
            raise ValueError(f"no column {unknown[0]!r} in this sheet")
        self.mapping: Mapping = list(mapping)

    @property
    def mapped(self) -> dict[str, int]:
        """Column key -> the index of the file's column that fills it (the first, if several)."""
        found: dict[str, int] = {}
        for index, key in enumerate(self.mapping):
            if key is not None:
                found.setdefault(key, index)
        return found

    def mapped_columns(self) -> list[tuple[int, Column]]:
        """The file's columns that come in, in the file's order, with the column each fills."""
        return [(i, self._by_key[k]) for i, k in enumerate(self.mapping) if k is not None]

    def header_of(self, key: str) -> str:
        """How a problem names a column: the file's header, else the column's own name."""
        index = self.mapped.get(key)
        return key if index is None else self.table.column_name(index)

    def ignored_columns(self) -> list[str]:
        """The file's columns that hold values but fill nothing (to tell the officer)."""
        ignored = []
        for index in range(self.table.width):
            if index < len(self.mapping) and self.mapping[index] is not None:
                continue
            if any(
                index < len(cells) and not is_empty(cells[index]) for _n, cells in self.table.rows
            ):
                ignored.append(self.table.column_name(index))
        return ignored

    def mapping_problems(self) -> list[RowProblem]:
        """What keeps the file from coming in at all: two of its columns sent into one field,
        no column filling what a row needs (``nothing_filled``), a header without rows."""
        found = self._doubly_mapped()
        missing = self.nothing_filled()
        if missing:
            found.append(RowProblem(self.table.header_row, "", missing))
        return found + self._no_rows()

    def nothing_filled(self) -> str | None:
        """Why the mapping fills nothing a row needs, or None."""
        return None

    def _doubly_mapped(self) -> list[RowProblem]:
        header_row = self.table.header_row
        found = []
        first: dict[str, int] = {}
        for index, key in enumerate(self.mapping):
            if key is None:
                continue
            if key in first:
                found.append(
                    RowProblem(
                        header_row,
                        self.table.column_name(index),
                        translate(
                            "rules",
                            "This column and column “{other}” both fill {field}: choose one.",
                        ).format(
                            other=self.table.column_name(first[key]),
                            field=self._by_key[key].shown,
                        ),
                    )
                )
            first.setdefault(key, index)
        return found

    def _no_rows(self) -> list[RowProblem]:
        if self.table.rows:
            return []
        message = translate("rules", "{file} has a header but no rows to import.")
        return [RowProblem(0, "", message.format(file=self.table.source))]
