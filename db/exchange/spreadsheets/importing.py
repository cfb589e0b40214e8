"""Bringing a spreadsheet's rows in as records of one kind: all of them, or none.

Each row is read through the mapping (db.spreadsheets.mapping), its cells understood as the
fields' values (db.spreadsheets.cells), its references resolved by name (db.spreadsheets.
references), then checked exactly as the JSON import checks a record: every field, every rule
of DESIGN.md, with the store as it would be after the import (a parent organization may come on
a later row). Every problem is reported with its row, as the spreadsheet program numbers it, its
column's header and a reason; when there is any, nothing is written. Otherwise all rows are
written in one unit of work, with their history and search entries.

Which record a row is about: the one whose ``id`` the row gives; else the one the store already
holds under the same name (organizations: name, and country when both have one; contacts: name,
and organization when both have one; agreements: reference, or else title and parties;
activities: title, and start date when both have one) — so that importing a file twice changes
nothing the second time; else a new record. The columns of the file replace the record's fields
(an empty cell empties the field); fields without a column keep their values.

A GUI drives it in a background worker: ``preview`` shows how the first rows are read,
``check`` lists every problem without writing, ``commit`` writes; both of the latter call
``progress(done, total)`` now and then and stop as soon as ``cancelled()`` is true, raising
``Cancelled`` with nothing written.
"""

from __future__ import annotations

import itertools
import os
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlmodel import Session

from db.exchange.spreadsheets.cells import (
    CellProblem,
    choice_of,
    count_of,
    country_of,
    date_of,
    flag_of,
    items_of,
    language_of,
    puts_day_first,
    text_of,
)
from db.exchange.spreadsheets.columns import Column, column_for_path, columns_of, importable_kind
from db.exchange.spreadsheets.existing import agree, existing_records, identity, key_column
from db.exchange.spreadsheets.mapping import MappedTable, save_mapping, suggested_mapping
from db.exchange.spreadsheets.problems import (
    IsCancelled,
    Progress,
    RowProblem,
    SpreadsheetRefused,
    report_progress,
    stop_if,
)
from db.exchange.spreadsheets.reading import Table, open_table
from db.exchange.spreadsheets.references import NAMING, Names, as_id
from db.i18n import translate
from db.records import batch, shape
from db.schema.fields import (
    Choice,
    Count,
    Country,
    Date,
    Email,
    Flag,
    Language,
    Ref,
)
from db.store.engine import Store


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    ids: list[str] = field(default_factory=list)  # the rows' records, in the file's order
    ignored_columns: list[str] = field(default_factory=list)  # columns with values left out

    def describe(self) -> str:
        return translate("rules", "{added} added, {updated} updated, {unchanged} unchanged").format(
            added=self.created, updated=self.updated, unchanged=self.unchanged
        )


@dataclass
class PreviewRow:
    row: int  # as numbered in the file
    values: dict[str, str]  # column key -> the value as it will be imported, written out
    problems: list[RowProblem]


@dataclass(slots=True)
class _Row:
    number: int
    cells: list[Any]
    values: dict[str, Any] = field(default_factory=dict)  # column key -> value read
    later: dict[str, str] = field(default_factory=dict)  # references to the kind's own records
    record_id: str = ""
    parsed: dict[str, Any] | None = None


@dataclass
class _Context:
    names: dict[str, Names]
    day_first: bool
    existing: dict[Any, list[tuple[str, dict[str, Any]]]]


class SpreadsheetImport(MappedTable):
    """One file (a Table) about to come in as records of one kind, through a mapping."""

    def __init__(
        self,
        store: Store,
        kind_name: str,
        table: Table,
        mapping: Sequence[str | None] | None = None,
    ):
        self.store = store
        self.kind = importable_kind(kind_name)
        chosen = (
            list(mapping)
            if mapping is not None
            else suggested_mapping(store, self.kind.name, table.header)
        )
        super().__init__(table, columns_of(self.kind.name), chosen)
        self._problems: list[tuple[int, str, str]] = []  # (row, column key, message)
        self._early: list[RowProblem] = []  # problems of the header and the mapping

    def nothing_filled(self) -> str | None:
        if any(k not in (None, "id", "archived") for k in self.mapping):
            return None
        examples = ", ".join(c.key for c in self.columns if c.required or c.key == "id")
        return translate(
            "rules",
            "No column of the file fills a field of {kinds}: name the columns as in "
            "the exchange format, for example {examples}.",
        ).format(kinds=self.kind.key.replace("_", " "), examples=examples)

    # -- looking before importing -----------------------------------------------------------------
    def preview(self, count: int = 10) -> list[PreviewRow]:
        """The first rows as they will be imported, each with the problems found in it alone
        (``check`` gives the complete report, rules between records included)."""
        self._problems, self._early = [], []
        rows = [_Row(n, cells) for n, cells in self.table.rows[:count]]
        with self.store.reading() as session:
            context = self._context(session)
            own = context.names.get(self.kind.name)
            if own is not None:  # later rows may be named as parents by these
                for _n, cells in self.table.rows[count:]:
                    own.add(str(uuid.uuid4()), self._naming(_Row(0, cells)))
            self._examine(session, context, rows, None, None, with_rules=False)
        problems = self._finished_problems()
        preview = []
        for row in rows:
            shown = {
                column.key: self._shown(column, row) for _index, column in self.mapped_columns()
            }
            mine = [p for p in problems if p.row == row.number]
            preview.append(PreviewRow(row.number, shown, mine))
        return preview

    def check(
        self, progress: Progress | None = None, cancelled: IsCancelled | None = None
    ) -> list[RowProblem]:
        """Every problem of the file, by row then column; nothing is written."""
        with self.store.reading() as session:
            self._run(session, progress, cancelled, writing=False)
        return self._finished_problems()

    def commit(
        self,
        progress: Progress | None = None,
        cancelled: IsCancelled | None = None,
        *,
        remember_mapping: bool = True,
    ) -> ImportResult:
        """Import every row in one unit of work, or raise SpreadsheetRefused listing every
        problem (or Cancelled), with nothing written. The mapping is remembered for files with
        the same header."""
        result = ImportResult(ignored_columns=self.ignored_columns())
        with self.store.unit_of_work() as session:
            checked = self._run(session, progress, cancelled, writing=True)
            problems = self._finished_problems()
            if problems or checked is None:
                raise SpreadsheetRefused(problems, self.table.source)
            stop_if(cancelled)
            outcome = batch.write(session, checked, who=self.store.officer)
            result.ids = outcome.ids
            result.created = sum(outcome.created.values())
            result.updated = sum(outcome.updated.values())
            result.unchanged = sum(outcome.unchanged.values())
            report_progress(progress, 3 * len(checked.proposed), 3 * len(checked.proposed))
            stop_if(cancelled)  # until the commit, a cancel still leaves the store as it was
            if remember_mapping:
                save_mapping(session, self.kind.name, self.table.header, self.mapping)
        return result

    # -- the work -----------------------------------------------------------------------------------
    def _run(
        self,
        session: Session,
        progress: Progress | None,
        cancelled: IsCancelled | None,
        *,
        writing: bool,
    ) -> batch.Checked | None:
        self._problems = []
        self._early = self.mapping_problems()
        rows = [_Row(n, cells) for n, cells in self.table.rows]
        if self._early:
            return None
        context = self._context(session)
        return self._examine(
            session, context, rows, progress, cancelled, with_rules=True, steps=3 if writing else 2
        )

    def _examine(
        self,
        session: Session,
        context: _Context,
        rows: list[_Row],
        progress: Progress | None,
        cancelled: IsCancelled | None,
        *,
        with_rules: bool,
        steps: int = 2,
    ) -> batch.Checked | None:
        total = steps * len(rows)
        for done, row in enumerate(rows, start=1):
            stop_if(cancelled)
            self._read(row, context)
            report_progress(progress, done, total)
        self._identify(rows, context)
        own = context.names.get(self.kind.name)
        for row in rows:
            for key, written in row.later.items():
                try:
                    row.values[key] = own.resolve(written)
                except CellProblem as problem:
                    self._problem(row.number, key, problem.message)
        olds = self._olds(session, [r.record_id for r in rows])
        for row in rows:
            raw = self._raw(row, olds.get(row.record_id))
            values, found = shape.parse(self.kind, raw)
            for problem in found:
                self._problem(
                    row.number, column_for_path(self.kind.name, problem.field), problem.message
                )
            row.parsed = values
            if with_rules:  # the cells as read are not wanted again: let them go
                row.values.clear()
                row.later.clear()
        if not with_rules:
            return None
        done = itertools.count(len(rows) + 1)

        def tick() -> None:
            stop_if(cancelled)
            report_progress(progress, next(done), total)

        proposed = [batch.Proposed(self.kind, row.parsed, str(row.number)) for row in rows]
        checked, found = batch.check(session, proposed, tick=tick)
        for problem in found:
            column = column_for_path(self.kind.name, problem.field)
            self._problem(int(problem.record), column, problem.message)
        return checked

    def _context(self, session: Session) -> _Context:
        targets = {c.target for _i, c in self.mapped_columns() if c.target}
        names = {target: Names.load(session, target) for target in targets}
        dates = []
        for index, column in self.mapped_columns():
            if isinstance(column.spec, Date):
                for _n, cells in self.table.rows:
                    if index < len(cells) and isinstance(cells[index], str):
                        dates.extend(cells[index].split(";"))
        existing = existing_records(session, self.kind.name)
        return _Context(names, puts_day_first(dates), existing)

    # -- one row ----------------------------------------------------------------------------------------
    def _read(self, row: _Row, context: _Context) -> None:
        for index, column in self.mapped_columns():
            if column.key in row.values or column.key in row.later:
                continue  # two columns mapped to one: the first wins (and is reported)
            cell = row.cells[index] if index < len(row.cells) else None
            if column.target == self.kind.name and column.role == "value":
                written = text_of(cell)
                if written is None or not written.strip():
                    row.values[column.key] = None
                else:
                    row.later[column.key] = written
                continue
            try:
                row.values[column.key] = self._value(column, cell, context)
            except CellProblem as problem:
                self._problem(row.number, column.key, problem.message)

    def _value(self, column: Column, cell: Any, context: _Context) -> Any:
        if column.role == "id":
            written = text_of(cell)
            if written is None:
                return None
            record_id = as_id(written)
            if record_id is None:
                raise CellProblem(
                    translate(
                        "rules",
                        "“{value}” is not an id (a UUID such as 0f8e…); leave the cell empty for "
                        "a new record.",
                    ).format(value=written.strip()[:60])
                )
            return record_id
        if column.role == "archived":
            return flag_of(cell)
        if column.role == "part":
            items = items_of(cell)
            return [self._one(column, i, context) if i else None for i in items] if items else None
        if column.several:
            codes = column.role == "list" and not column.target
            return [self._one(column, i, context) for i in items_of(cell, commas=codes) if i]
        return self._one(column, cell, context)

    def _one(self, column: Column, cell: Any, context: _Context) -> Any:
        spec = column.spec
        if isinstance(spec, Ref):
            written = text_of(cell)
            return None if written is None else context.names[spec.target].resolve(written)
        if isinstance(spec, Date):
            return date_of(cell, day_first=context.day_first)
        if isinstance(spec, Count):
            return count_of(cell)
        if isinstance(spec, Flag):
            return flag_of(cell)
        if isinstance(spec, Choice):
            return choice_of(cell, spec.enum)
        if isinstance(spec, Country):
            return country_of(cell)
        written = text_of(cell)
        if isinstance(spec, Language):
            return language_of(written) if written else None
        if isinstance(spec, Email):
            return written.strip() if written else None
        return written

    def _naming(self, row: _Row) -> dict[str, Any]:
        """The names a row gives its record (to be named by other rows)."""
        found = {}
        for key in NAMING[self.kind.name]:
            index = self.mapped.get(key)
            if index is not None and index < len(row.cells):
                found[key] = text_of(row.cells[index])
        return found

    def _identify(self, rows: list[_Row], context: _Context) -> None:
        """Which record each row is about; two rows about one record are refused."""
        own = context.names.get(self.kind.name)
        seen_ids: dict[str, int] = {}  # ids given or matched -> the first row about them
        seen_keys: dict[Any, Any] = {}  # key -> (row, traits), or a list of them when several
        for row in rows:
            given = row.values.get("id")
            key, traits = identity(self.kind.name, row.values)
            where = "id" if given else key_column(self.kind.name, key)
            if given:
                row.record_id = given
            elif key is not None:
                matches = [i for i, t in context.existing.get(key, []) if agree(traits, t)]
                if len(matches) == 1:
                    row.record_id = matches[0]
                elif len(matches) > 1:
                    self._problem(
                        row.number,
                        where,
                        translate(
                            "rules",
                            "{count} {kinds} in the store match this row: add an id column with "
                            "the id of the one to update.",
                        ).format(count=len(matches), kinds=self.kind.key.replace("_", " ")),
                    )
            twin = None
            if key is not None:
                kept = (row.number, *traits.values())  # a tuple takes a fifth of a dict
                seen = seen_keys.get(key)
                if seen is None:
                    seen_keys[key] = kept
                else:
                    seen = seen if isinstance(seen, list) else [seen]
                    twin = next((t[0] for t in seen if _agree(kept[1:], t[1:])), None)
                    seen.append(kept)
                    seen_keys[key] = seen
            if not row.record_id:
                row.record_id = str(uuid.uuid4())  # a new record: no other row is about it
            else:
                if row.record_id in seen_ids:
                    twin = seen_ids[row.record_id]
                seen_ids.setdefault(row.record_id, row.number)
            if twin is not None:
                self._problem(
                    row.number,
                    where,
                    translate(
                        "rules",
                        "This row is about the same {kind} as row {other}: a record goes on one "
                        "row only.",
                    ).format(kind=self.kind.label, other=twin),
                )
            if own is not None:
                naming = {k: v for k, v in self._naming(row).items() if k in self.mapped}
                own.add(row.record_id, {**own.values_of(row.record_id), **naming})

    def _olds(self, session: Session, ids: list[str]) -> dict[str, dict[str, Any]]:
        return {values["id"]: values for values in shape.read_many(session, self.kind, ids)}

    def _raw(self, row: _Row, old: dict[str, Any] | None) -> dict[str, Any]:
        """The record in exchange shape: the store's version, with the row's columns over it."""
        raw: dict[str, Any] = {}
        if old is not None:
            raw = {
                k: v
                for k, v in shape.dump(self.kind, old).items()
                if k not in ("created_at", "updated_at")
            }
        raw["id"] = row.record_id
        for key, value in row.values.items():
            column = self._by_key[key]
            if column.role in ("value", "list", "archived"):
                raw[column.field] = value
        for parts_key in {c.field for c in self.columns if c.role == "parts"}:
            self._parts(row, raw, parts_key)
        return raw

    def _parts(self, row: _Row, raw: dict[str, Any], parts_key: str) -> None:
        """An agreement's parties (an activity's partners): the organizations from their column,
        each keeping what the store knew of it, then the other part columns, value by value."""
        lead = self._by_key[parts_key]
        existing = list(raw.get(parts_key) or [])
        if parts_key in row.values:
            by_org = {p.get("organization_id"): p for p in existing}
            parts = [dict(by_org.get(org) or {lead.part: org}) for org in row.values[parts_key]]
        elif parts_key in self.mapped:
            return  # the organizations could not be read: reported already
        else:
            parts = [dict(p) for p in existing]
        for column in self.columns:
            if column.role != "part" or column.field != parts_key or column.key not in row.values:
                continue
            given = row.values[column.key]
            if given is None:
                for part in parts:
                    part[column.part] = None
            elif len(given) != len(parts):
                self._problem(
                    row.number,
                    column.key,
                    translate(
                        "rules",
                        "{count} values for {parts} {what}: write one per organization of the "
                        "column “{lead}”, in the same order, separated by “;” (leave one "
                        "empty as in “a;;c”).",
                    ).format(
                        count=len(given),
                        parts=len(parts),
                        what=lead.shown.lower(),
                        lead=self.header_of(parts_key),
                    ),
                )
            else:
                for part, value in zip(parts, given, strict=True):
                    part[column.part] = value
        raw[parts_key] = parts

    def _shown(self, column: Column, row: _Row) -> str:
        index = self.mapped.get(column.key)
        if column.target and index is not None:  # as the officer wrote it
            return text_of(row.cells[index] if index < len(row.cells) else None) or ""
        value = row.values.get(column.key)
        return _written(value)

    # -- problems ------------------------------------------------------------------------------------------
    def _problem(self, row: int, key: str, message: str) -> None:
        self._problems.append((row, key, message))

    def _finished_problems(self) -> list[RowProblem]:
        """Problems by row and column, one per cell (the first found); a column the file lacks
        is reported once, with how many rows need it."""
        header_row, mapped = self.table.header_row, self.mapped
        seen: set[tuple[int, str]] = set()
        kept: list[tuple[int, str, str]] = []
        missing: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for row, key, message in self._problems:
            if (row, key) in seen:
                continue
            seen.add((row, key))
            if row > header_row and key in self._by_key and key not in mapped:
                missing[key].append((row, message))
            else:
                kept.append((row, key, message))
        for key, where in missing.items():
            row, message = where[0]
            if len(where) == 1:
                message = translate("rules", "{message} (The file has no such column.)").format(
                    message=message
                )
            else:
                row, message = (
                    header_row,
                    translate(
                        "rules",
                        "The file has no such column, and {count} rows need it; on row {row}: "
                        "{message}",
                    ).format(count=len(where), row=row, message=message),
                )
            kept.append((row, key, message))
        last = len(self.mapping)
        ordered = sorted(
            enumerate(kept), key=lambda item: (item[1][0], mapped.get(item[1][1], last), item[0])
        )
        return self._early + [
            RowProblem(row, self.header_of(key), message) for _i, (row, key, message) in ordered
        ]


def import_spreadsheet(
    store: Store,
    path: str | os.PathLike[str],
    kind_name: str,
    *,
    mapping: Sequence[str | None] | None = None,
    sheet: str | None = None,
    encoding: str | None = None,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> ImportResult:
    """Open a .csv or .xlsx file and import it whole, or raise SpreadsheetRefused. ``encoding``
    reads a CSV file in that encoding instead of the one found."""
    table = open_table(path, sheet=sheet, kind=kind_name, encoding=encoding)
    return SpreadsheetImport(store, kind_name, table, mapping).commit(progress, cancelled)


# -- small helpers ---------------------------------------------------------------------------------------------
def _agree(row: tuple[Any, ...], other: tuple[Any, ...]) -> bool:
    """``existing.agree`` for the traits of two rows, as tuples in the same order."""
    return all(a is None or b is None or a == b for a, b in zip(row, other, strict=True))


def _written(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return translate("rules", "yes") if value else translate("rules", "no")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return "; ".join(_written(v) for v in value)
    return str(value)
