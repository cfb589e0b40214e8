"""How officers name things, declared once: an organization by its acronym where it has one
(lists, columns, calendars) and as "Name (ACRONYM)" where it must be unmistakable (titles,
messages, search results); an agreement by "reference — title", or its reference alone in a
column. The SQL forms give the same names inside queries, for sorting and filtering."""

from __future__ import annotations

import unicodedata
from typing import Any

from sqlalchemy import func
from sqlalchemy.sql import ColumnElement, FromClause

from db.schema.models import Agreement, Organization

# Letters NFKD does not take apart, spelled as a reader looks them up.
_SPELLED = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th"})


def sort_key(text: str | None) -> str | None:
    """What a name or title sorts by: case and accents folded, so that "École…", "agence…" and
    "Ärzte…" come among the E and A rather than after Z (the stored sort keys of
    db.schema.models.SORTED_BY_KEY, and pickers)."""
    if text is None:
        return None
    plain = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in plain if not unicodedata.combining(c)).translate(_SPELLED)


def short_name(name: str, acronym: str | None) -> str:
    """ "WCO" for the World Customs Organization; the name when there is no acronym."""
    return acronym or name


def full_name(name: str, acronym: str | None) -> str:
    """ "World Customs Organization (WCO)"; the name alone when there is no acronym."""
    return f"{name} ({acronym})" if acronym else name


def agreement_title(reference: str | None, title: str) -> str:
    """ "WCO/IOM/2018 — Memorandum of Understanding …"; the title alone without a reference."""
    return f"{reference} — {title}" if reference else title


def short_name_sql(organization: Any = Organization) -> ColumnElement:
    """``short_name`` in SQL, of the organization table or of an alias of it."""
    columns = organization.c if isinstance(organization, FromClause) else organization
    return func.coalesce(func.nullif(columns.acronym, ""), columns.name)


def agreement_label_sql() -> ColumnElement:
    """An agreement in one short line in SQL: its reference, else its title."""
    return func.coalesce(func.nullif(Agreement.reference, ""), Agreement.title)
