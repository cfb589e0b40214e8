"""The full-text index (SQLite FTS5), written in the same unit of work as the record it mirrors.

FTS5's unicode61 tokenizer removes diacritics, so "ibanez" finds "Ibáñez"; it does not split
Chinese or Japanese, which are written without spaces, so those characters are indexed one by one
and a query in those scripts becomes a phrase of single characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Boolean, bindparam, select, text, update
from sqlmodel import Session

from db.records.shape import insert_rows, read_many
from db.schema.fields import Parts, Ref
from db.schema.kinds import BY_NAME, KINDS, RecordKind
from db.schema.models import Contact, SearchEntry
from db.store.sql import in_chunks

# CJK ideographs, kana, hangul syllables and CJK punctuation.
_CJK_CLASS = "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
_CJK = re.compile(f"([{_CJK_CLASS}])")
_WORD = re.compile(r"\w+", re.UNICODE)
_SPACED_CJK = re.compile(f"(?<=[{_CJK_CLASS}]) +(?=[{_CJK_CLASS}])")


def _split_cjk(value: str) -> str:
    return _CJK.sub(r" \1 ", value)


def searchable_text(
    kind: RecordKind, values: dict[str, Any], contacts: dict[str, str] | None = None
) -> str:
    """The words a record is found by: its searchable fields, and the names of the contacts
    among its parts (a consultation is found by its participants' names) from ``contacts``."""
    chunks: list[str] = []
    for spec in kind.fields:
        value = values.get(spec.name)
        if isinstance(spec, Parts):
            for part in value or []:
                chunks.extend(
                    str(part[sub.name])
                    for sub in spec.fields
                    if sub.searchable and part.get(sub.name)
                )
                chunks.extend(
                    contacts[part[sub.name]]
                    for sub in _contact_refs(spec)
                    if contacts and part.get(sub.name) in contacts
                )
        elif spec.searchable and value:
            chunks.append(str(value))
    return "\n".join(chunks)


def _contact_refs(spec: Parts) -> list[Ref]:
    return [sub for sub in spec.fields if isinstance(sub, Ref) and sub.target == "contact"]


def _contacts_named(
    session: Session, kind: RecordKind, many: list[dict[str, Any]]
) -> dict[str, str]:
    """The names of the contacts the parts of these records refer to, by id."""
    wanted = {
        part[sub.name]
        for spec in kind.fields
        if isinstance(spec, Parts)
        for sub in _contact_refs(spec)
        for values in many
        for part in values.get(spec.name) or []
        if part.get(sub.name)
    }
    names: dict[str, str] = {}
    for chunk in in_chunks(sorted(wanted)):
        query = select(Contact.id, Contact.name).where(Contact.id.in_(chunk))
        names.update((contact_id, name) for contact_id, name in session.execute(query))
    return names


def index_record(session: Session, kind: RecordKind, values: dict[str, Any]) -> None:
    index_many(session, kind, [values])


def index_many(session: Session, kind: RecordKind, many: list[dict[str, Any]]) -> None:
    """Index (or index again) records of one kind, a statement per table for all of them."""
    if not many:
        return
    contacts = _contacts_named(session, kind, many)
    ids = [values["id"] for values in many]
    existing: dict[str, int] = {}
    for chunk in in_chunks(ids):
        query = select(SearchEntry.rowid, SearchEntry.record_id).where(
            SearchEntry.record_id.in_(chunk)
        )
        existing.update((record_id, rowid) for rowid, record_id in session.execute(query))
    # New entries take the rowids SQLite would give them one at a time: max + 1, max + 2, ...
    next_rowid = session.execute(text("SELECT coalesce(max(rowid), 0) + 1 FROM search_entry"))
    rowid = next_rowid.scalar()
    entries, archived, rows = [], [], []
    for values in many:
        flag = bool(values.get("archived"))
        if values["id"] in existing:
            entry = existing[values["id"]]
            archived.append({"b_rowid": entry, "b_archived": flag})
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
            {
                "rowid": entry,
                "title": _split_cjk(kind.describe(values)),
                "body": _split_cjk(searchable_text(kind, values, contacts)),
            }
        )
    table = SearchEntry.__table__
    insert_rows(session, table, entries)
    if archived:
        session.execute(
            update(table)
            .where(table.c.rowid == bindparam("b_rowid"))
            .values(archived=bindparam("b_archived", type_=Boolean())),
            archived,
        )
    session.execute(text("DELETE FROM search_index WHERE rowid = :rowid"), rows)
    session.execute(
        text("INSERT INTO search_index(rowid, title, body) VALUES (:rowid, :title, :body)"), rows
    )


def index_again_where_contacts_take_part(session: Session, contact_ids: list[str]) -> None:
    """A contact renamed: the records naming it among their parts (the consultations it took
    part in) are found by its new name."""
    for kind in KINDS:
        for spec in (f for f in kind.fields if isinstance(f, Parts)):
            refs = _contact_refs(spec)
            part_table = kind.parts.get(spec.name)
            if not refs or part_table is None:
                continue
            owners: set[str] = set()
            owner = getattr(part_table, kind.owner_column)
            for chunk in in_chunks(contact_ids):
                for sub in refs:
                    query = select(owner).where(getattr(part_table, sub.name).in_(chunk))
                    owners.update(session.execute(query).scalars())
            if owners:
                index_many(session, kind, read_many(session, kind, sorted(owners)))


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


@dataclass(frozen=True)
class Hit:
    kind: str
    record_id: str
    title: str
    snippet: str
    archived: bool


# Ranking every match with bm25() costs ~1 µs a row plus a pass over each word's whole doclist:
# a common word ("border": 263,000 of 450,000 records) took 200-300 ms. So the rows are chosen in
# two cheap steps: records with every word in their title, newest first (FTS5 stops after
# `limit` rows walking the index backwards); then, if there are fewer, the other matches ranked
# by bm25 among the newest WINDOW of them only (exact when a query matches fewer).
WINDOW = 2000

_SNIPPET = "snippet(search_index, 1, '[', ']', '…', 12)"
_SELECT = (
    "SELECT s.rowid, e.record_kind, e.record_id, s.title, " + _SNIPPET + ", e.archived "
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
    return [
        Hit(kind, rid, _join_cjk(title), _join_cjk(snip), bool(arch))
        for _rowid, kind, rid, title, snip, arch in rows
    ]


def _join_cjk(value: str) -> str:
    value = _SPACED_CJK.sub("", value)
    return re.sub(r" {2,}", " ", value).strip()
