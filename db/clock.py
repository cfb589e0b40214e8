"""Time in one place, so that tests can fix "today" and history stamps stay in UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime


def utc_now() -> datetime:
    """Naive UTC to the second: SQLite keeps it as text, and round trips stay exact."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def today() -> date:
    return date.today()
