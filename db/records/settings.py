"""Settings that belong to the store (not to the window): the officer's name, for the history."""

from __future__ import annotations

from sqlmodel import Session

from db.schema.models import Setting
from db.store.engine import OFFICER_KEY


def get_setting(session: Session, key: str) -> str | None:
    row = session.get(Setting, key)
    return row.value if row else None


def put_setting(session: Session, key: str, value: str | None) -> None:
    row = session.get(Setting, key)
    if value is None:
        if row is not None:
            session.delete(row)
        return
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def officer_name(session: Session) -> str | None:
    """The officer's name as set in PartnerDesk (first start, File → Officer name), or None:
    never the computer's login, which the history falls back to. Printed as "prepared by" on
    the briefing and the portfolio report."""
    return get_setting(session, OFFICER_KEY)
