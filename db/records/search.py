"""The full-text index (SQLite FTS5), written in the same unit of work as the record it mirrors.

FTS5's unicode61 tokenizer removes diacritics, so "ibanez" finds "Ibáñez"; it does not split
Chinese or Japanese, which are written without spaces, so those characters are indexed one by one
and a query in those scripts becomes a phrase of single characters.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select, text
from sqlmodel import Session

from db.records.shape import insert_rows, read_many, select_in
from db.schema import countries
from db.schema.fields import Choice, Country, FieldSpec, Parts, Ref
from db.schema.kinds import BY_NAME, KINDS, RecordKind
from db.schema.models import SearchEntry
from db.schema.words import CHOICE_WORDS
from db.store.sql import in_chunks, is_sqlite

# CJK ideographs, kana, hangul syllables and CJK punctuation.
_CJK_CLASS = "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
_CJK = re.compile(f"([{_CJK_CLASS}])")
_WORD = re.compile(r"\w+", re.UNICODE)
# Spaces put between CJK characters for the index, a match's marks (\x02, \x03) kept.
_SPACED_CJK = re.compile(f"(?<=[{_CJK_CLASS}])(\x03?) +(\x02?)(?=[{_CJK_CLASS}])")


def _split_cjk(value: str) -> str:
    return _CJK.sub(r" \1 ", value)


# What a record is named by in the index of the records that refer to it: an activity is found
# by its partners' names and acronyms, a consultation by its participants' names.
NAMED_BY: dict[str, tuple[str, ...]] = {"organization": ("name", "acronym"), "contact": ("name",)}


def searchable_text(
    kind: RecordKind, values: dict[str, Any], named: dict[str, str] | None = None
) -> str:
    """The words a record is found by: its searchable fields (a choice in English and French, a
    country by its names in both), and for each searchable reference the name of the record it
    refers to, from ``named`` (ids to names, read by ``_names_referred``)."""
    chunks: list[str] = []
    for spec in kind.fields:
        if isinstance(spec, Parts):
            for part in values.get(spec.name) or []:
                for sub in spec.fields:
                    if sub.searchable:
                        chunks.extend(_words(sub, part.get(sub.name), named))
        elif spec.searchable:
            chunks.extend(_words(spec, values.get(spec.name), named))
    return "\n".join(chunks)


def _words(spec: FieldSpec, value: Any, named: dict[str, str] | None) -> list[str]:
    if not value:
        return []
    if isinstance(spec, Ref):
        return [named[value]] if named and value in named else []
    if isinstance(spec, Choice):
        words = (CHOICE_WORDS[language].get(value) for language in ("en", "fr"))
        return list(dict.fromkeys(w for w in words if w))
    if isinstance(spec, Country):
        return list(dict.fromkeys(countries.name_of(value, language) for language in ("en", "fr")))
    return [str(value)]


def _named_refs(kind: RecordKind) -> list[tuple[Parts | None, Ref]]:
    """The searchable references of a kind: (the parts holding it or None, the reference)."""
    found: list[tuple[Parts | None, Ref]] = []
    for spec in kind.fields:
        subs = spec.fields if isinstance(spec, Parts) else (spec,)
        for sub in subs:
            if isinstance(sub, Ref) and sub.searchable and sub.target in NAMED_BY:
                found.append((spec if isinstance(spec, Parts) else None, sub))
    return found


def _names_referred(
    session: Session, kind: RecordKind, many: list[dict[str, Any]]
) -> dict[str, str]:
    """The names of the records these records refer to through searchable references, by id."""
    wanted: dict[str, set[str]] = {}
    for holder, ref in _named_refs(kind):
        for values in many:
            parts = (values.get(holder.name) or []) if holder else [values]
            wanted.setdefault(ref.target, set()).update(
                part[ref.name] for part in parts if part.get(ref.name)
            )
    names: dict[str, str] = {}
    for target, ids in wanted.items():
        table = BY_NAME[target].table.__table__
        found = select_in(session, table, ["id", *NAMED_BY[target]], "id", sorted(ids))
        for record_id, *words in found:
            names[record_id] = " ".join(w for w in words if w)
    return names


def index_record(session: Session, kind: RecordKind, values: dict[str, Any]) -> None:
    index_many(session, kind, [values])


def index_many(session: Session, kind: RecordKind, many: list[dict[str, Any]]) -> None:
    """Index (or index again) records of one kind, a statement per table for all of them."""
    if not many or not is_sqlite(session):  # a team server is not searched: it has no index
        return
    named = _names_referred(session, kind, many)
    ids = [values["id"] for values in many]
    existing: dict[str, int] = {}
    was_archived: dict[int, bool] = {}
    for rowid, record_id, flag in select_in(
        session, SearchEntry.__table__, ["rowid", "record_id", "archived"], "record_id", ids
    ):
        existing[record_id], was_archived[rowid] = rowid, bool(flag)
    # New entries take the rowids SQLite would give them one at a time: max + 1, max + 2, ...
    next_rowid = session.execute(text("SELECT coalesce(max(rowid), 0) + 1 FROM search_entry"))
    rowid = next_rowid.scalar()
    entries, archived, rows = [], [], []
    for values in many:
        flag = bool(values.get("archived"))
        if values["id"] in existing:
            entry = existing[values["id"]]
            # An edit rarely archives: most entries stay as they are.
            if was_archived[entry] != flag:
                archived.append((1 if flag else 0, entry))
        else:
            entry = existing[values["id"]] = rowid
            rowid += 1
            entries.append(
                {
                    "rowid": entry,
                    "record_kind": kind.name,
                    "record_id": values["id"],
                    "archived": flag,
                }
            )
        rows.append(
            (
                entry,
                _split_cjk(unmarked(kind.describe(values))),
                _split_cjk(unmarked(searchable_text(kind, values, named))),
            )
        )
    insert_rows(session, SearchEntry.__table__, entries)
    # Plain executemany: SQLAlchemy's built the parameters of every row through the statement.
    connection = session.connection()
    if archived:
        connection.exec_driver_sql("UPDATE search_entry SET archived = ? WHERE rowid = ?", archived)
    connection.exec_driver_sql(
        "DELETE FROM search_index WHERE rowid = ?", [(entry,) for entry, _t, _b in rows]
    )
    connection.exec_driver_sql(
        "INSERT INTO search_index(rowid, title, body) VALUES (?, ?, ?)", rows
    )


def renamed(kind: RecordKind, values: dict[str, Any], old: dict[str, Any] | None) -> bool:
    """Whether this write changes what the records referring to this one are found by."""
    words = NAMED_BY.get(kind.name, ())
    return old is not None and any(old.get(w) != values.get(w) for w in words)


AGAIN_AT_ONCE = 500  # records read and indexed again at a time: a partner may have thousands


def index_again_where_named(session: Session, target: RecordKind, ids: list[str]) -> None:
    """Records renamed (a partner's name or acronym, a contact's name): the records naming them
    (its joint activities, the consultations they took part in) are found by the new names."""
    if not is_sqlite(session):
        return
    for kind in KINDS:
        owners: set[str] = set()
        for holder, ref in _named_refs(kind):
            if ref.target != target.name:
                continue
            table = kind.parts[holder.name] if holder else kind.table
            owner = getattr(table, kind.owner_column) if holder else table.id
            for chunk in in_chunks(ids):
                query = select(owner).where(getattr(table, ref.name).in_(chunk))
                owners.update(session.execute(query).scalars())
        ordered = sorted(owners)
        for at in range(0, len(ordered), AGAIN_AT_ONCE):
            found = read_many(session, kind, ordered[at : at + AGAIN_AT_ONCE])
            index_many(session, kind, found)


def set_archived(session: Session, record_id: str, archived: bool) -> None:
    session.execute(
        text("UPDATE search_entry SET archived = :archived WHERE record_id = :id"),
        {"archived": archived, "id": record_id},
    )


MAX_TERMS = 32


def match_expression(query: str) -> str | None:
    """Turn what an officer types into an FTS5 query: every word must match, as a prefix."""
    terms = []
    for chunk in _split_cjk(query).split():
        if _CJK.fullmatch(chunk):
            terms.append(chunk)
            continue
        terms.extend(_WORD.findall(chunk))
    # A pasted page must not make thousands of prefix lookups (seconds on a large store): the
    # same word twice adds nothing, and a few dozen words already pin any record down.
    terms = list(dict.fromkeys(terms))[:MAX_TERMS]
    if not terms:
        return None
    return " AND ".join(f'"{t}"*' if not _CJK.fullmatch(t) else f'"{t}"' for t in terms)


# What matched is marked in titles and snippets with two control characters, taken out of the
# text indexed so that no record holds them, for the window to show in bold around its own
# escaping of the record's text.
MARK, END_MARK = "\x02", "\x03"


def unmarked(value: str) -> str:
    return value.replace(MARK, "").replace(END_MARK, "")


@dataclass(frozen=True)
class Hit:
    kind: str
    record_id: str
    title: str  # what matched between MARK and END_MARK, as in snippet
    snippet: str
    archived: bool
    on: date | None = None  # the record's date (its kind's dated_by), if it has one


# Ranking every match with bm25() costs ~1 µs a row plus a pass over each word's whole doclist:
# a common word ("border": 263,000 of 450,000 records) took 200-300 ms. So the rows are chosen in
# two cheap steps: records with every word in their title, newest first (FTS5 stops after
# `limit` rows walking the index backwards); then, if there are fewer, the other matches ranked
# by bm25 among the newest WINDOW of them only (exact when a query matches fewer).
WINDOW = 2000

_MARKS = f"'{MARK}', '{END_MARK}'"
_SNIPPET = f"highlight(search_index, 0, {_MARKS}), snippet(search_index, 1, {_MARKS}, '…', 12)"
_SELECT = (
    "SELECT s.rowid, e.record_kind, e.record_id, " + _SNIPPET + ", e.archived "
    "FROM search_index s JOIN search_entry e ON e.rowid = s.rowid WHERE "
)


def search(
    session: Session,
    query: str,
    *,
    kinds: list[str] | None = None,
    include_archived: bool = False,
    limit: int = 200,
) -> list[Hit]:
    expression = match_expression(query)
    if expression is None:
        return []
    where = ""
    params: dict[str, Any] = {
        # The bare expression too, though it adds nothing to the match: snippet() of the body
        # marks only the phrases allowed in the body.
        "titles": f"{{title}} : ({expression}) AND ({expression})",
        "expression": expression,
        "limit": limit,
        "window": WINDOW,
    }
    if not include_archived:
        where += " AND e.archived = 0"
    if kinds:
        names = [k for k in kinds if k in BY_NAME]
        where += " AND e.record_kind IN (" + ", ".join(f":k{i}" for i in range(len(names))) + ")"
        params.update({f"k{i}": name for i, name in enumerate(names)})
    sql = _SELECT + "search_index MATCH :titles" + where + " ORDER BY s.rowid DESC LIMIT :limit"
    rows = list(session.execute(text(sql), params))
    if len(rows) < limit:
        seen = {row[0] for row in rows}
        # The rowid bound keeps bm25() to the newest WINDOW matches; SQLite computes snippet()
        # only for rows that enter the LIMIT's top list.
        newest = (
            "SELECT min(r) FROM (SELECT s.rowid AS r FROM search_index s JOIN search_entry e "
            "ON e.rowid = s.rowid WHERE search_index MATCH :expression" + where
            + " ORDER BY s.rowid DESC LIMIT :window)"
        )  # fmt: skip
        sql = (
            _SELECT + "search_index MATCH :expression" + where + f" AND s.rowid >= ({newest})"
            " ORDER BY bm25(search_index, 5.0, 1.0) LIMIT :limit"
        )
        more = session.execute(text(sql), params)  # enough: at most len(seen) come again
        rows += [row for row in more if row[0] not in seen][: limit - len(rows)]
    dates = _dates(session, [(kind, rid) for _rowid, kind, rid, *_rest in rows])
    return [
        Hit(kind, rid, _join_cjk(title), _join_cjk(snip), bool(arch), dates.get(rid))
        for _rowid, kind, rid, title, snip, arch in rows
    ]


def _dates(session: Session, hits: list[tuple[str, str]]) -> dict[str, date]:
    """The date of each hit whose kind has one, by id: a statement per kind, the ids given as
    one JSON list (a statement's compiling costs more than the lookups)."""
    by_kind: dict[str, list[str]] = {}
    for kind, record_id in hits:
        if kind in BY_NAME and BY_NAME[kind].dated_by:
            by_kind.setdefault(kind, []).append(record_id)
    found: dict[str, date] = {}
    for kind, ids in by_kind.items():
        table, column = BY_NAME[kind].table.__tablename__, BY_NAME[kind].dated_by
        query = text(
            f"SELECT id, {column} FROM {table} WHERE {column} IS NOT NULL"
            " AND id IN (SELECT value FROM json_each(:ids))"
        )
        for record_id, on in session.execute(query, {"ids": json.dumps(ids)}):
            found[record_id] = date.fromisoformat(on)
    return found


def _join_cjk(value: str) -> str:
    # The marks of neighbouring words become one: "\x02边\x03 \x02境\x03" is "\x02边境\x03"
    value = _SPACED_CJK.sub(r"\1\2", value)
    value = value.replace(f"{END_MARK}{MARK}", "").replace(f"{END_MARK} {MARK}", " ")
    return re.sub(r" {2,}", " ", value).strip()
