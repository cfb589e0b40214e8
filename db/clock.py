"""The one clock of PartnerDesk: every "now" and "today" in db/, desktop/ and the briefing is read
here, and nowhere else, so that time can be moved in one place.

The store keeps instants as naive UTC to the second (SQLite keeps them as text, and round trips
stay exact); "today" is the date on the laptop's own calendar. The clock normally follows the
system's; ``move_to`` sets it to another instant, from which it keeps running (or stands still
with ``running=False``). Tests move it through one fixture (tests/conftest.py); the environment
variable ``PARTNERDESK_CLOCK`` (an ISO date or date-time) moves it for a whole process, which is
how a test moves the clock of a ``partnerdesk`` command it starts, and how a trainer can show the
sample "as of" another day.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta

ENVIRONMENT_VARIABLE = "PARTNERDESK_CLOCK"

# How far the clock is from the system's, or the instant at which it stands still.
_offset = timedelta(0)
_standing: datetime | None = None


def _system_now() -> datetime:
    return datetime.now(UTC)


def now() -> datetime:
    """The current instant, aware, in UTC (to the microsecond)."""
    if _standing is not None:
        return _standing
    return _system_now() + _offset


def utc_now() -> datetime:
    """Naive UTC to the second, as the store keeps it."""
    return now().replace(tzinfo=None, microsecond=0)


def local_now() -> datetime:
    """The current time on the laptop's own clock face, naive, to the second."""
    return now().astimezone().replace(tzinfo=None, microsecond=0)


def today() -> date:
    """The date on the laptop's own calendar."""
    return now().astimezone().date()


def move_to(instant: datetime | date | str, *, running: bool = True) -> None:
    """Set the clock to ``instant`` (naive means local time; a date means its noon, so that
    "today" is that date in every time zone a laptop may be in). It runs on from there, or with
    ``running=False`` stands still until moved again."""
    global _offset, _standing
    target = _aware(instant)
    if running:
        _offset, _standing = target - _system_now(), None
    else:
        _offset, _standing = timedelta(0), target


def follow_the_system() -> None:
    """Back to the system's clock, or to where ``PARTNERDESK_CLOCK`` put this process's clock
    when it started (which keeps running from there: time never goes back between two tests)."""
    global _offset, _standing
    _offset, _standing = _process_offset, None


@contextmanager
def moved_to(instant: datetime | date | str, *, running: bool = True) -> Iterator[None]:
    """The clock at ``instant`` inside the block, then as it was."""
    global _offset, _standing
    before = (_offset, _standing)
    move_to(instant, running=running)
    try:
        yield
    finally:
        _offset, _standing = before


def _aware(instant: datetime | date | str) -> datetime:
    if isinstance(instant, str):
        text = instant.strip()
        instant = (
            datetime.fromisoformat(text) if "T" in text or " " in text else date.fromisoformat(text)
        )
    if not isinstance(instant, datetime):
        instant = datetime(instant.year, instant.month, instant.day, 12)
    if instant.tzinfo is None:
        instant = instant.astimezone()  # naive: the laptop's local time
    return instant.astimezone(UTC)


def _offset_given_to_the_process() -> timedelta:
    given = os.environ.get(ENVIRONMENT_VARIABLE, "").strip()
    if not given:
        return timedelta(0)
    try:
        return _aware(given) - _system_now()
    except ValueError:
        raise ValueError(
            f"{ENVIRONMENT_VARIABLE} must be an ISO date or date-time (2031-06-30, "
            f"2031-06-30T09:00), not {given!r}."
        ) from None


_process_offset = _offset_given_to_the_process()
follow_the_system()
