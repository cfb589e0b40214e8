"""Which record of the store a spreadsheet's row is about, when the row gives no id: the one
already held under the same name, so that importing a file twice changes nothing the second time.

- organizations: the same name (and the same country, when both give one);
- contacts: the same name (and the same organization, when both give one);
- agreements: the same reference; without one, the same title (and parties, when both give them);
- activities: the same title (and start date, when both give one).

Names are compared without case, accents or extra spaces.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from db.exchange.spreadsheets.cells import folded
from db.exchange.spreadsheets.references import NAMING
from db.schema.kinds import BY_NAME
from db.schema.models import AgreementParty


def identity(kind: str, values: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
    """The key that finds a row's record in the store, and the traits that must then agree."""

    def name(key: str) -> str | None:
        value = values.get(key)
        return folded(value) if isinstance(value, str) and value.strip() else None

    if kind == "organization" and name("name"):
        return ("name", name("name")), {"country": values.get("country")}
    if kind == "contact" and name("name"):
        return ("name", name("name")), {"organization_id": values.get("organization_id")}
    if kind == "agreement":
        if name("reference"):
            return ("reference", name("reference")), {}
        if name("title"):
            parties = values.get("parties")
            return ("title", name("title")), {"parties": frozenset(parties) if parties else None}
    if kind == "activity" and name("title"):
        return ("title", name("title")), {"start_on": values.get("start_on")}
    return None, {}


def key_column(kind: str, key: Any) -> str:
    return key[0] if key else NAMING[kind][0]


def agree(row: dict[str, Any], stored: dict[str, Any]) -> bool:
    """Traits agree unless both sides give different values."""
    return all(row.get(k) is None or stored.get(k) is None or row[k] == stored[k] for k in row)


def existing_records(session: Session, kind: str) -> dict[Any, list[tuple[str, dict[str, Any]]]]:
    """The store's records of a kind by the key that identifies a row (see ``identity``)."""
    table = BY_NAME[kind].table
    found: dict[Any, list[tuple[str, dict[str, Any]]]] = defaultdict(list)

    def add(key: str, written: str | None, record_id: str, traits: dict[str, Any]) -> None:
        if written and written.strip():
            found[(key, folded(written))].append((record_id, traits))

    if kind == "organization":
        for rid, name, country in session.execute(select(table.id, table.name, table.country)):
            add("name", name, rid, {"country": country})
    elif kind == "contact":
        query = select(table.id, table.name, table.organization_id)
        for rid, name, org in session.execute(query):
            add("name", name, rid, {"organization_id": org})
    elif kind == "agreement":
        parties: dict[str, set[str]] = defaultdict(set)
        query = select(AgreementParty.agreement_id, AgreementParty.organization_id)
        for agreement_id, org in session.execute(query):
            parties[agreement_id].add(org)
        for rid, reference, title in session.execute(
            select(table.id, table.reference, table.title)
        ):
            add("reference", reference, rid, {})
            add("title", title, rid, {"parties": frozenset(parties.get(rid, ()))})
    elif kind == "activity":
        for rid, title, start in session.execute(select(table.id, table.title, table.start_on)):
            add("title", title, rid, {"start_on": start})
    return found
