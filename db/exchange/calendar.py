"""The store's dated things as an iCalendar file (RFC 5545) that calendar programs import.

One VEVENT per dated thing, written by hand (no library):

- a consultation at its start: an explicit instant in UTC (``...Z``) when its time zone is known
  (its ``timezone``, or an offset typed in ``starts_at``); a floating local time when neither is;
  an all-day event when only a date was typed. It ends after ``duration_minutes``.
- a joint activity over its days (all-day; DTEND is the day after the last day); a cancelled one
  is ``STATUS:CANCELLED``, a proposed, planned or postponed one ``TENTATIVE``.
- a follow-up on its due date (all-day): "Due: …", "LATE — due: …", or, once settled, "Done: …"
  and "Dropped: …" (cancelled), so that importing again updates the event instead of leaving a
  stale reminder behind. A VEVENT, not a VTODO: Outlook and Google Calendar import VEVENTs only
  reliably.
- an agreement's next review, expiry and last day to give notice of termination (all-day); a
  terminated or superseded agreement's dates are cancelled events, a draft's tentative ones.

Every event's UID is stable — ``<kind>-<record id>[-<which date>]@partnerdesk`` — so a calendar
that imports the file again updates its events rather than duplicating them. SEQUENCE and
LAST-MODIFIED follow the record's ``updated_at`` (and the day a follow-up became late, or an
agreement expired, since that changes what the event says). Archived records are left out.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, select, true
from sqlalchemy.engine import Row
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session

from db import clock
from db.i18n import translate
from db.queries.dashboard import session_of, with_follow_up_sources
from db.records import derived
from db.schema.kinds import IN_CALENDAR
from db.schema.models import (
    ActivityPartner,
    Agreement,
    AgreementParty,
    Consultation,
    ConsultationAgreement,
    ConsultationOrganization,
    FollowUp,
    JointActivity,
    Organization,
)
from db.schema.naming import agreement_label_sql, short_name_sql
from db.store.engine import Store
from db.store.files import write_text_atomically
from db.store.sql import in_chunks

PRODID = "-//PartnerDesk//PartnerDesk//EN"
UID_DOMAIN = "partnerdesk"
# SEQUENCE counts seconds from this moment: an integer that grows with every edit and stays far
# below 2**31 (some calendar programs keep it in 32 bits) for the next sixty years.
SEQUENCE_EPOCH = datetime(2020, 1, 1)
MAX_LINE_OCTETS = 75
SUMMARY_LENGTH = 120  # a follow-up's full text goes into DESCRIPTION
CALENDAR_KINDS = tuple(kind.name for kind in IN_CALENDAR)


@dataclass(frozen=True)
class CalendarEvent:
    """One VEVENT. ``start``/``end`` are dates for all-day events (``end`` exclusive), aware UTC
    datetimes for timed ones, or naive datetimes for floating local times."""

    uid: str
    record_kind: str  # "consultation", "activity", "follow_up", "agreement"
    record_id: str
    start: date | datetime
    end: date | datetime | None
    summary: str
    location: str | None = None
    description: str | None = None
    status: str | None = None  # TENTATIVE, CONFIRMED or CANCELLED
    transparent: bool = False  # does not make the officer busy (deadlines, reminders)
    category: str | None = None
    created: datetime | None = None  # naive UTC, as the store keeps it
    modified: datetime | None = None  # naive UTC: LAST-MODIFIED, and SEQUENCE from it

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)

    @property
    def sequence(self) -> int:
        if self.modified is None:
            return 0
        return max(0, int((self.modified - SEQUENCE_EPOCH).total_seconds()))


Selection = Mapping[str, Iterable[str]]


# -- public API ---------------------------------------------------------------------------------------
def calendar_events(
    source: Store | Session, *, selection: Selection | None = None, today: date | None = None
) -> list[CalendarEvent]:
    """The events of the store, or of the selected records only (kind name -> ids, e.g. the ids
    a list shows: ``{"consultation": [...], "follow_up": [...]}``; kinds not named give none).
    ``today`` decides which follow-ups are late. Sorted by start, then UID."""
    today = today or clock.today()
    if selection is not None:
        unknown = sorted(set(selection) - set(CALENDAR_KINDS))
        if unknown:
            raise ValueError(
                f"A calendar selection names kinds among {', '.join(CALENDAR_KINDS)}, "
                f"not {', '.join(unknown)}."
            )
    builders = {
        "consultation": _consultations,
        "activity": _activities,
        "follow_up": _follow_ups,
        "agreement": _agreements,
    }
    events: list[CalendarEvent] = []
    with session_of(source) as session:
        for kind, build in builders.items():
            if selection is None:
                events += build(session, true(), today)
            elif kind in selection:
                ids = sorted(set(selection[kind]))
                for chunk in in_chunks(ids):
                    events += build(session, _ids(kind, chunk), today)
    events.sort(key=lambda e: (_sort_day(e.start), e.uid))
    return events


def calendar_text(
    store: Store | Session,
    *,
    selection: Selection | None = None,
    now: datetime | date | None = None,
) -> str:
    """The iCalendar document (CRLF line ends, lines folded at 75 octets). ``now`` stamps every
    event (DTSTAMP; naive means UTC) and decides which follow-ups are late."""
    stamp, today = _moment(now)
    return _document(calendar_events(store, selection=selection, today=today), stamp)


def write_calendar(
    store: Store | Session,
    path: str | os.PathLike[str],
    *,
    selection: Selection | None = None,
    now: datetime | date | None = None,
) -> int:
    """Write the calendar file atomically (never a half-written file); returns how many events
    it holds. Raises StorageError when the file cannot be written."""
    stamp, today = _moment(now)
    events = calendar_events(store, selection=selection, today=today)
    write_text_atomically(Path(path), _document(events, stamp))
    return len(events)


# -- records to events --------------------------------------------------------------------------------
def _ids(kind: str, ids: list[str]) -> ColumnElement:
    table = {
        "consultation": Consultation,
        "activity": JointActivity,
        "follow_up": FollowUp,
        "agreement": Agreement,
    }[kind]
    return table.id.in_(ids)


def _grouped(session: Session, query) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for owner, name in session.execute(query):
        if name and name not in found[owner]:
            found[owner].append(name)
    return found


def _consultations(session: Session, which: ColumnElement, today: date) -> list[CalendarEvent]:
    rows = list(
        session.execute(
            select(Consultation.__table__).where(
                which, Consultation.archived_at.is_(None), Consultation.starts_at.is_not(None)
            )
        )
    )
    if not rows:
        return []
    present = _grouped(
        session,
        select(ConsultationOrganization.consultation_id, short_name_sql())
        .join(Consultation, Consultation.id == ConsultationOrganization.consultation_id)
        .join(Organization, Organization.id == ConsultationOrganization.organization_id)
        .where(which)
        .order_by(ConsultationOrganization.consultation_id, short_name_sql()),
    )
    under = _grouped(
        session,
        select(ConsultationAgreement.consultation_id, agreement_label_sql())
        .join(Consultation, Consultation.id == ConsultationAgreement.consultation_id)
        .join(Agreement, Agreement.id == ConsultationAgreement.agreement_id)
        .where(which)
        .order_by(ConsultationAgreement.consultation_id, agreement_label_sql()),
    )
    events = []
    for row in rows:
        start, end, local = _consultation_times(row)
        if start is None:
            continue
        place = row.location or (translate("calendar", "Online") if row.online else None)
        lines = [
            _line(translate("calendar", "Kind"), _words(row.kind)),
            _line(translate("calendar", "Local time"), local),
            _line(translate("calendar", "Organizations"), ", ".join(present.get(row.id, []))),
            _line(translate("calendar", "Agreements"), ", ".join(under.get(row.id, []))),
            translate("calendar", "Online meeting") if row.online and row.location else "",
            _block(translate("calendar", "Agenda"), row.agenda),
        ]
        events.append(
            CalendarEvent(
                uid=_uid("consultation", row.id),
                record_kind="consultation",
                record_id=row.id,
                start=start,
                end=end,
                summary=row.title,
                location=place,
                description=_join(lines),
                status="CONFIRMED",
                category=translate("calendar", "Consultation"),
                created=row.created_at,
                modified=row.updated_at,
            )
        )
    return events


def _consultation_times(
    row: Row,
) -> tuple[date | datetime | None, date | datetime | None, str]:
    """(start, end, local time as typed with its zone) of a meeting; see the module docstring."""
    text = (row.starts_at or "").strip()
    try:
        typed = datetime.fromisoformat(text)
    except ValueError:
        return None, None, ""
    if len(text) <= 10:  # a day without a time
        return typed.date(), typed.date() + timedelta(days=1), ""
    local = typed.strftime("%Y-%m-%d %H:%M")
    if typed.tzinfo is not None:
        start = typed.astimezone(UTC)
        local += f" (UTC{_offset(typed)})"
    elif row.timezone and (zone := _zone(row.timezone)) is not None:
        start = typed.replace(tzinfo=zone).astimezone(UTC)
        local += f" ({row.timezone})"
    else:
        start = typed  # floating: the same clock time wherever the calendar is
    end = start + timedelta(minutes=row.duration_minutes) if row.duration_minutes else None
    return start, end, local


def _offset(moment: datetime) -> str:
    """+01:00, -03:30: the offset typed with a start time."""
    minutes = int(moment.utcoffset().total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


_ACTIVITY_STATUS = {
    "proposed": "TENTATIVE",
    "planned": "TENTATIVE",
    "postponed": "TENTATIVE",
    "cancelled": "CANCELLED",
}


def _activities(session: Session, which: ColumnElement, today: date) -> list[CalendarEvent]:
    lead = Organization.__table__.alias("lead")
    lead_name = short_name_sql(lead)
    query = (
        select(
            JointActivity.__table__,
            lead_name.label("lead_short_name"),
            agreement_label_sql().label("agreement_label"),
        )
        .outerjoin(lead, lead.c.id == JointActivity.lead_organization_id)
        .outerjoin(Agreement, Agreement.id == JointActivity.agreement_id)
        .where(which, JointActivity.archived_at.is_(None), JointActivity.start_on.is_not(None))
    )
    rows = list(session.execute(query))
    if not rows:
        return []
    partners = _grouped(
        session,
        select(ActivityPartner.activity_id, short_name_sql())
        .join(JointActivity, JointActivity.id == ActivityPartner.activity_id)
        .join(Organization, Organization.id == ActivityPartner.organization_id)
        .where(which)
        .order_by(ActivityPartner.activity_id, ActivityPartner.position),
    )
    events = []
    for activity in rows:
        lead_short, agreement = activity.lead_short_name, activity.agreement_label
        last = max(activity.end_on or activity.start_on, activity.start_on)
        names = [lead_short] if lead_short else []
        names += [n for n in partners.get(activity.id, []) if n not in names]
        summary = activity.title
        if activity.status == "cancelled":
            summary = translate("calendar", "Cancelled: {title}").format(title=summary)
        elif activity.status == "postponed":
            summary = translate("calendar", "Postponed: {title}").format(title=summary)
        place = ", ".join(p for p in (activity.city, activity.country) if p) or None
        if place is None and activity.mode == "online":
            place = translate("calendar", "Online")
        lines = [
            _line(translate("calendar", "Kind"), _words(activity.kind)),
            _line(translate("calendar", "Status"), _words(activity.status)),
            _line(translate("calendar", "Mode"), _words(activity.mode)),
            _line(translate("calendar", "Organizations"), ", ".join(names)),
            _line(translate("calendar", "Agreement"), agreement),
            _block(translate("calendar", "Objectives"), activity.objectives),
        ]
        events.append(
            CalendarEvent(
                uid=_uid("activity", activity.id),
                record_kind="activity",
                record_id=activity.id,
                start=activity.start_on,
                end=last + timedelta(days=1),
                summary=summary,
                location=place,
                description=_join(lines),
                status=_ACTIVITY_STATUS.get(activity.status, "CONFIRMED"),
                category=translate("calendar", "Joint activity"),
                created=activity.created_at,
                modified=activity.updated_at,
            )
        )
    return events


def _follow_ups(session: Session, which: ColumnElement, today: date) -> list[CalendarEvent]:
    source_title = func.coalesce(
        agreement_label_sql(), Consultation.title, JointActivity.title
    ).label("source_title")
    query = with_follow_up_sources(select(FollowUp.__table__, source_title)).where(
        which, FollowUp.archived_at.is_(None), FollowUp.due_on.is_not(None)
    )
    events = []
    for follow_up in session.execute(query):
        source = follow_up.source_title
        values = {"status": follow_up.status, "due_on": follow_up.due_on}
        late = derived.is_late(values, today)
        short = _shorten(follow_up.text)
        if follow_up.status == "done":
            summary = translate("calendar", "Done: {text}").format(text=short)
        elif follow_up.status == "dropped":
            summary = translate("calendar", "Dropped: {text}").format(text=short)
        elif late:
            summary = translate("calendar", "LATE — due: {text}").format(text=short)
        else:
            summary = translate("calendar", "Due: {text}").format(text=short)
        came_from = ""
        if follow_up.source_kind and source:
            came_from = f"{_words(follow_up.source_kind)} “{source}”"
        lines = [
            follow_up.text + "\n",
            _line(translate("calendar", "Who"), follow_up.owner),
            _line(translate("calendar", "Status"), _words(follow_up.status)),
            _line(translate("calendar", "Completed on"), follow_up.completed_on),
            _line(translate("calendar", "Comes from"), came_from),
        ]
        modified = follow_up.updated_at
        if late:  # the event says LATE from the day after the due date
            modified = max(modified, datetime.combine(follow_up.due_on + timedelta(days=1), time()))
        events.append(
            CalendarEvent(
                uid=_uid("follow-up", follow_up.id),
                record_kind="follow_up",
                record_id=follow_up.id,
                start=follow_up.due_on,
                end=follow_up.due_on + timedelta(days=1),
                summary=summary,
                description=_join(lines),
                status="CANCELLED" if follow_up.status == "dropped" else "CONFIRMED",
                transparent=True,
                category=translate("calendar", "Follow-up"),
                created=follow_up.created_at,
                modified=modified,
            )
        )
    return events


_AGREEMENT_STATUS = {
    "draft": "TENTATIVE",
    "under_negotiation": "TENTATIVE",
    "awaiting_signature": "TENTATIVE",
    "terminated": "CANCELLED",
    "superseded": "CANCELLED",
}


def _agreements(session: Session, which: ColumnElement, today: date) -> list[CalendarEvent]:
    query = select(Agreement.__table__).where(
        which,
        Agreement.archived_at.is_(None),
        (Agreement.review_on.is_not(None)) | (Agreement.expires_on.is_not(None)),
    )
    rows = list(session.execute(query))
    if not rows:
        return []
    parties = _grouped(
        session,
        select(AgreementParty.agreement_id, short_name_sql())
        .join(Agreement, Agreement.id == AgreementParty.agreement_id)
        .join(Organization, Organization.id == AgreementParty.organization_id)
        .where(which)
        .order_by(AgreementParty.agreement_id, AgreementParty.position),
    )
    labels = {
        "review": translate("calendar", "Next review"),
        "expiry": translate("calendar", "Expiry"),
        "notice": translate("calendar", "Last day to give notice of termination"),
    }
    events = []
    for agreement in rows:
        values = {
            "status": agreement.status,
            "expires_on": agreement.expires_on,
            "notice_months": agreement.notice_months,
        }
        status = derived.effective_status(values, today)
        modified = agreement.updated_at
        if status != agreement.status and agreement.expires_on is not None:  # expired since
            modified = max(
                modified, datetime.combine(agreement.expires_on + timedelta(days=1), time())
            )
        name = agreement.reference or agreement.title
        who = ", ".join(parties.get(agreement.id, []))
        lines = [
            agreement.title if agreement.reference else "",
            _line(translate("calendar", "Reference"), agreement.reference),
            _line(translate("calendar", "Parties"), who),
            _line(translate("calendar", "Status"), _words(status)),
            _line(translate("calendar", "Entry into force"), agreement.entry_into_force),
            _line(translate("calendar", "Expiry date"), agreement.expires_on),
            _line(
                translate("calendar", "Termination notice (months)"),
                agreement.notice_months,
            ),
        ]
        description = _join(lines)
        dates = [
            ("review", agreement.review_on),
            ("expiry", agreement.expires_on),
            ("notice", derived.notice_deadline(values)),
        ]
        for which_date, day in dates:
            if day is None:
                continue
            summary = f"{labels[which_date]}: {name}" + (f" ({who})" if who else "")
            events.append(
                CalendarEvent(
                    uid=_uid("agreement", agreement.id, which_date),
                    record_kind="agreement",
                    record_id=agreement.id,
                    start=day,
                    end=day + timedelta(days=1),
                    summary=summary,
                    description=description,
                    status=_AGREEMENT_STATUS.get(status, "CONFIRMED"),
                    transparent=True,
                    category=translate("calendar", "Agreement"),
                    created=agreement.created_at,
                    modified=modified,
                )
            )
    return events


def _uid(kind: str, record_id: str, which: str | None = None) -> str:
    return f"{kind}-{record_id}{f'-{which}' if which else ''}@{UID_DOMAIN}"


def _words(value: object) -> str:
    """An enumeration as words: ``in_force`` -> "in force"."""
    return str(value).replace("_", " ") if value else ""


def _line(label: str, value: object) -> str:
    return f"{label}: {value}" if value not in (None, "") else ""


def _block(label: str, value: str | None) -> str:
    return f"\n{label}:\n{value}" if value and value.strip() else ""


def _join(lines: list[str]) -> str | None:
    """The non-empty lines; an officer's own text (agenda, objectives) is kept as typed."""
    return "\n".join(line for line in lines if line).strip("\n") or None


def _shorten(text: str) -> str:
    one_line = " ".join(text.split())
    if len(one_line) <= SUMMARY_LENGTH:
        return one_line
    return one_line[: SUMMARY_LENGTH - 1].rstrip() + "…"


def _sort_day(start: date | datetime) -> tuple[date, str]:
    if isinstance(start, datetime):
        return start.date(), start.strftime("%H%M%S")
    return start, ""


# -- writing RFC 5545 ---------------------------------------------------------------------------------
def _moment(now: datetime | date | None) -> tuple[datetime, date]:
    """(DTSTAMP as aware UTC, today)."""
    if now is None:
        return clock.utc_now().replace(tzinfo=UTC), clock.today()
    if not isinstance(now, datetime):
        return datetime.combine(now, time(), UTC), now
    stamp = now.replace(tzinfo=UTC) if now.tzinfo is None else now.astimezone(UTC)
    return stamp.replace(microsecond=0), now.date()


def _document(events: list[CalendarEvent], stamp: datetime) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(translate('calendar', 'PartnerDesk'))}",
    ]
    for event in events:
        lines += _event_lines(event, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def _event_lines(event: CalendarEvent, stamp: datetime) -> Iterator[str]:
    yield "BEGIN:VEVENT"
    yield f"UID:{event.uid}"
    yield f"DTSTAMP:{_utc(stamp)}"
    yield _date_property("DTSTART", event.start)
    if event.end is not None:
        yield _date_property("DTEND", event.end)
    yield f"SUMMARY:{escape_text(event.summary)}"
    if event.location:
        yield f"LOCATION:{escape_text(event.location)}"
    if event.description:
        yield f"DESCRIPTION:{escape_text(event.description)}"
    if event.status:
        yield f"STATUS:{event.status}"
    yield f"TRANSP:{'TRANSPARENT' if event.transparent else 'OPAQUE'}"
    if event.category:
        yield f"CATEGORIES:{escape_text(event.category)}"
    yield f"SEQUENCE:{event.sequence}"
    if event.created is not None:
        yield f"CREATED:{_utc(event.created)}"
    if event.modified is not None:
        yield f"LAST-MODIFIED:{_utc(event.modified)}"
    yield "END:VEVENT"


def _date_property(name: str, value: date | datetime) -> str:
    if not isinstance(value, datetime):
        return f"{name};VALUE=DATE:{value:%Y%m%d}"
    if value.tzinfo is None:  # floating local time
        return f"{name}:{value:%Y%m%dT%H%M%S}"
    return f"{name}:{_utc(value)}"


def _utc(moment: datetime) -> str:
    """An RFC 5545 UTC date-time; a naive value is UTC already (see db.clock)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return f"{moment:%Y%m%dT%H%M%S}Z"


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # not allowed in TEXT (tab is)


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545, 3.3.11): backslash, semicolon, comma and newlines escaped; other
    control characters, which the format does not allow, left out."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    value = value.replace("\n", "\\n")
    return _CONTROL.sub("", value)


def fold(line: str) -> str:
    """Fold a content line to at most 75 octets per line (RFC 5545, 3.1), continuation lines
    starting with a space. A fold never falls inside a multi-byte UTF-8 character, nor between
    a backslash and the character it escapes (which some programs would misread)."""
    data = line.encode("utf-8")
    if len(data) <= MAX_LINE_OCTETS:
        return line
    pieces: list[bytes] = []
    start, limit = 0, MAX_LINE_OCTETS
    while len(data) - start > limit:
        cut = start + limit
        while data[cut] & 0xC0 == 0x80:  # a continuation byte: inside a character
            cut -= 1
        backslashes = 0
        while cut - 1 - backslashes >= start and data[cut - 1 - backslashes] == 0x5C:
            backslashes += 1
        if backslashes % 2:  # the last one starts an escape: keep the pair together
            cut -= 1
        pieces.append(data[start:cut])
        start, limit = cut, MAX_LINE_OCTETS - 1  # the leading space counts
    pieces.append(data[start:])
    return b"\r\n ".join(pieces).decode("utf-8")
