"""The iCalendar export, read back with a standard iCalendar library (``icalendar``) as a calendar
program would: every dated thing is an event, UIDs are stable, dates and instants are right."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from sqlalchemy import update

from db.exchange.calendar import calendar_events, calendar_text, escape_text, fold, write_calendar
from db.exchange.document import import_document
from db.exchange.sample import load_sample, sample_document
from db.records import services
from db.schema.models import Consultation
from tests import builders as b

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 8, 30)

# Fixed ids of the sample (resources/sample/partnerships.json).
MOU_2018 = "31fbcfc0-1717-5a61-9124-41324f1ce2d1"
MOU_1999 = "30faf394-f244-56ba-9d34-0f7f474ed31f"
PROJECT_2024 = "8338767b-0009-5276-9e93-9e0e31b18528"
DAKAR_2023 = "fe2bea1b-9b60-5c3d-8998-bab184ce84fa"
GENEVA_2024 = "6e1393fc-2ec3-55ec-b0fb-832c411d70ae"


def _parse(text: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar.from_ical(text)
    assert not calendar.errors
    return calendar


def _events(text: str) -> dict[str, icalendar.Event]:
    found = {}
    for event in _parse(text).walk("VEVENT"):
        assert not event.errors
        found[str(event["UID"])] = event
    return found


@pytest.fixture
def sample(store, clock):
    clock.move_to(NOW.replace(tzinfo=UTC))  # the sample is loaded (and last modified) at NOW
    load_sample(store, today=TODAY)
    return store


def _sample_ids() -> dict[str, list[str]]:
    doc = sample_document(TODAY)
    return {
        key: [r["id"] for r in doc[key]] for key in ("consultations", "activities", "follow_ups")
    }


def _agreement_ids():
    doc = sample_document(TODAY)
    return {a["reference"]: a["id"] for a in doc["agreements"]}


# -- what goes in -------------------------------------------------------------------------------------
def test_every_dated_thing_of_the_sample_is_an_event(sample):
    ids = _sample_ids()
    agreements = _agreement_ids()
    assert agreements == {
        "WCO/IOM/MOU/2018": MOU_2018,
        "WCO/ICMPD/MOU/1999": MOU_1999,
        "WCO/IOM/PA/2024-01": PROJECT_2024,
    }
    expected = (
        {f"consultation-{i}@partnerdesk" for i in ids["consultations"]}
        | {f"activity-{i}@partnerdesk" for i in ids["activities"]}
        | {f"follow-up-{i}@partnerdesk" for i in ids["follow_ups"]}
        # The 2018 MoU is open-ended with a review date; the 1999 MoU has neither date; the
        # project agreement has a review, an expiry and so a notice deadline.
        | {
            f"agreement-{MOU_2018}-review@partnerdesk",
            f"agreement-{PROJECT_2024}-review@partnerdesk",
            f"agreement-{PROJECT_2024}-expiry@partnerdesk",
            f"agreement-{PROJECT_2024}-notice@partnerdesk",
        }
    )
    found = _events(calendar_text(sample, now=NOW))
    assert set(found) == expected
    assert len(found) == 6 + 8 + 10 + 4
    for event in found.values():
        assert {"UID", "DTSTAMP", "DTSTART", "SUMMARY", "SEQUENCE", "LAST-MODIFIED"} <= set(event)
        assert event.decoded("DTSTAMP") == NOW.replace(tzinfo=UTC)


def test_the_calendar_has_the_header_calendar_programs_expect(sample):
    calendar = _parse(calendar_text(sample, now=NOW))
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]).startswith("-//PartnerDesk//")
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert str(calendar["X-WR-CALNAME"]) == "PartnerDesk"


def test_uids_are_unique_and_the_same_in_two_exports(sample):
    first = calendar_text(sample, now=NOW)
    second = calendar_text(sample, now=NOW + timedelta(hours=3))
    uids = [str(e["UID"]) for e in _parse(first).walk("VEVENT")]
    assert len(uids) == len(set(uids))
    assert uids == [str(e["UID"]) for e in _parse(second).walk("VEVENT")]
    # Only the stamp of the export differs: importing again changes no event.
    differing = {
        a for a, b_ in zip(first.splitlines(), second.splitlines(), strict=True) if a != b_
    }
    assert differing == {"DTSTAMP:20261123T083000Z"}


def test_an_edit_keeps_the_uid_and_raises_sequence_and_last_modified(store):
    meeting = b.consultation(title="Annual consultation", updated_at="2026-01-05T10:00:00Z")
    doc = {"format": "partnerdesk", "version": 1, "consultations": [meeting]}
    import_document(store, doc)
    before = _events(calendar_text(store, now=NOW))[f"consultation-{meeting['id']}@partnerdesk"]
    meeting.update(title="Annual consultation (moved)", updated_at="2026-02-01T09:00:00Z")
    import_document(store, doc)
    after = _events(calendar_text(store, now=NOW))[f"consultation-{meeting['id']}@partnerdesk"]
    assert str(after["SUMMARY"]) == "Annual consultation (moved)"
    assert after.decoded("SEQUENCE") > before.decoded("SEQUENCE") > 0
    assert after.decoded("LAST-MODIFIED") == datetime(2026, 2, 1, 9, 0, tzinfo=UTC)
    assert before.decoded("LAST-MODIFIED") == datetime(2026, 1, 5, 10, 0, tzinfo=UTC)


# -- dates and times ----------------------------------------------------------------------------------
def test_activities_are_all_day_with_an_exclusive_end(sample):
    found = _events(calendar_text(sample, now=NOW))
    workshop = found["activity-aac4141b-feda-53c6-aaee-8f14adf987e3@partnerdesk"]
    assert workshop.decoded("DTSTART") == date(2019, 10, 22)
    assert workshop.decoded("DTEND") == date(2019, 10, 25)  # 22 to 24 October
    assert not isinstance(workshop.decoded("DTSTART"), datetime)
    assert str(workshop["LOCATION"]) == "Chirundu, ZM"
    assert "WCO, IOM, ZCBAF" in str(workshop["DESCRIPTION"])
    assert "WCO/IOM/MOU/2018" in str(workshop["DESCRIPTION"])


def test_agreement_review_expiry_and_notice_deadline(sample):
    found = _events(calendar_text(sample, now=NOW))

    def day(which: str) -> tuple[date, date, str]:
        event = found[f"agreement-{PROJECT_2024}-{which}@partnerdesk"]
        return event.decoded("DTSTART"), event.decoded("DTEND"), str(event["SUMMARY"])

    assert day("review") == (
        date(2027, 6, 30),
        date(2027, 7, 1),
        "Next review: WCO/IOM/PA/2024-01 (WCO, IOM)",
    )
    assert day("expiry")[:2] == (date(2027, 12, 31), date(2028, 1, 1))
    # 31 December 2027 minus the three months' notice.
    assert day("notice") == (
        date(2027, 9, 30),
        date(2027, 10, 1),
        "Last day to give notice of termination: WCO/IOM/PA/2024-01 (WCO, IOM)",
    )
    review = found[f"agreement-{MOU_2018}-review@partnerdesk"]
    assert review.decoded("DTSTART") == date(2027, 3, 31)
    assert str(review["TRANSP"]) == "TRANSPARENT"


def test_consultations_with_a_time_zone_are_explicit_utc_instants(sample):
    found = _events(calendar_text(sample, now=NOW))
    geneva = found[f"consultation-{GENEVA_2024}@partnerdesk"]  # 22 May 2024, 09:30 in Geneva
    start, end = geneva.decoded("DTSTART"), geneva.decoded("DTEND")
    assert start.utcoffset() == timedelta(0)
    assert start == datetime(2024, 5, 22, 9, 30, tzinfo=ZoneInfo("Europe/Zurich"))
    assert start == datetime(2024, 5, 22, 7, 30, tzinfo=UTC)  # summer time: UTC+2
    assert end - start == timedelta(minutes=240)
    assert "DTSTART:20240522T073000Z" in calendar_text(sample, now=NOW).split("\r\n")
    dakar = found[f"consultation-{DAKAR_2023}@partnerdesk"]
    assert dakar.decoded("DTSTART") == datetime(2023, 11, 8, 9, 0, tzinfo=UTC)
    assert "Local time: 2023-11-08 09:00 (Africa/Dakar)" in str(dakar["DESCRIPTION"])
    starts = sorted(
        e.decoded("DTSTART")
        for e in found.values()
        if str(e["SUMMARY"]).startswith("IOM–WCO annual")
    )
    # 15 October 2025, 10:00 in Brussels (UTC+2); 17 February 2027, 10:00 in Geneva (UTC+1).
    assert starts == [
        datetime(2025, 10, 15, 8, 0, tzinfo=UTC),
        datetime(2027, 2, 17, 9, 0, tzinfo=UTC),
    ]


@pytest.mark.parametrize(
    ("starts_at", "timezone", "expected"),
    [
        ("2026-07-01T09:00", "America/New_York", datetime(2026, 7, 1, 13, 0, tzinfo=UTC)),
        ("2026-12-10T09:00", "Asia/Shanghai", datetime(2026, 12, 10, 1, 0, tzinfo=UTC)),
        ("2026-12-10T09:00+03:00", None, datetime(2026, 12, 10, 6, 0, tzinfo=UTC)),
        ("2026-12-10T09:00", None, datetime(2026, 12, 10, 9, 0)),  # floating: no zone known
    ],
)
def test_a_consultations_start_and_end(store, starts_at, timezone, expected):
    meeting = b.consultation(starts_at=starts_at, timezone=timezone, duration_minutes=90)
    services.save(store, "consultation", meeting)
    [event] = _events(calendar_text(store, now=NOW)).values()
    assert event.decoded("DTSTART") == expected
    assert event.decoded("DTSTART").tzinfo is None or event.decoded("DTSTART").utcoffset() == (
        timedelta(0)
    )
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=90)


def test_a_consultation_without_a_time_is_all_day_and_one_without_a_duration_has_no_end(store):
    dated = services.save(store, "consultation", b.consultation(title="date only"))
    services.save(store, "consultation", b.consultation(title="no duration", timezone="UTC"))
    with store.unit_of_work() as session:  # a day without a time, as older files may hold
        session.execute(
            update(Consultation).where(Consultation.id == dated).values(starts_at="2026-12-10")
        )
    found = {str(e["SUMMARY"]): e for e in _events(calendar_text(store, now=NOW)).values()}
    assert found["date only"].decoded("DTSTART") == date(2026, 12, 10)
    assert found["date only"].decoded("DTEND") == date(2026, 12, 11)
    assert found["no duration"].decoded("DTSTART") == datetime(2026, 12, 10, 9, tzinfo=UTC)
    assert "DTEND" not in found["no duration"]


def test_follow_ups_say_due_late_done_or_dropped(sample):
    found = _events(calendar_text(sample, now=NOW))
    follow_ups = {
        e.decoded("DTSTART"): e for e in found.values() if str(e["UID"]).startswith("follow-up-")
    }
    summary = {day.isoformat(): str(e["SUMMARY"]).split(":")[0] for day, e in follow_ups.items()}
    assert summary == {
        "2021-06-30": "Dropped",
        "2023-11-24": "Done",
        "2025-04-30": "LATE — due",
        "2025-11-28": "Done",
        "2025-12-12": "Done",
        "2026-03-31": "LATE — due",
        "2026-10-30": "LATE — due",
        "2026-12-04": "Due",
        "2027-01-29": "Due",
        "2027-02-15": "Due",
    }
    assert str(follow_ups[date(2021, 6, 30)]["STATUS"]) == "CANCELLED"
    assert str(follow_ups[date(2026, 12, 4)]["STATUS"]) == "CONFIRMED"
    assert follow_ups[date(2026, 12, 4)].decoded("DTEND") == date(2026, 12, 5)
    assert "WCO/IOM/PA/2024-01" in str(follow_ups[date(2026, 12, 4)]["DESCRIPTION"])
    # A later export, once the due date has passed, updates the same event to LATE.
    later = _events(calendar_text(sample, now=datetime(2026, 12, 7, 9, 0)))
    event = next(e for e in later.values() if e.decoded("DTSTART") == date(2026, 12, 4))
    assert str(event["SUMMARY"]).startswith("LATE — due: ")
    assert event.decoded("SEQUENCE") > follow_ups[date(2026, 12, 4)].decoded("SEQUENCE")


def test_cancelled_and_postponed_activities(store):
    services.save(store, "activity", b.activity(title="Called off", status="cancelled"))
    services.save(store, "activity", b.activity(title="Later", status="postponed"))
    found = {str(e["SUMMARY"]): e for e in _events(calendar_text(store, now=NOW)).values()}
    assert str(found["Cancelled: Called off"]["STATUS"]) == "CANCELLED"
    assert str(found["Postponed: Later"]["STATUS"]) == "TENTATIVE"


def test_archived_records_are_left_out(sample):
    services.archive(sample, "consultation", GENEVA_2024)
    services.archive(sample, "agreement", PROJECT_2024)
    uids = set(_events(calendar_text(sample, now=NOW)))
    assert f"consultation-{GENEVA_2024}@partnerdesk" not in uids
    assert not any(PROJECT_2024 in uid for uid in uids)
    assert len(uids) == 28 - 1 - 3


# -- selection --------------------------------------------------------------------------------------
def test_a_selection_gives_only_its_records_events(sample):
    selection = {"consultation": [DAKAR_2023, GENEVA_2024], "agreement": [PROJECT_2024]}
    uids = set(_events(calendar_text(sample, selection=selection, now=NOW)))
    assert uids == {
        f"consultation-{DAKAR_2023}@partnerdesk",
        f"consultation-{GENEVA_2024}@partnerdesk",
        f"agreement-{PROJECT_2024}-review@partnerdesk",
        f"agreement-{PROJECT_2024}-expiry@partnerdesk",
        f"agreement-{PROJECT_2024}-notice@partnerdesk",
    }
    services.archive(sample, "consultation", DAKAR_2023)
    assert len(calendar_events(sample, selection=selection, today=TODAY)) == 4
    assert _events(calendar_text(sample, selection={}, now=NOW)) == {}


def test_a_selection_of_thousands_of_ids_is_read_in_chunks(sample):
    many = [b.new_id() for _ in range(5000)] + [GENEVA_2024]
    events = calendar_events(sample, selection={"consultation": many}, today=TODAY)
    assert [e.record_id for e in events] == [GENEVA_2024]


def test_a_selection_of_another_kind_is_refused(sample):
    with pytest.raises(ValueError, match="organization"):
        calendar_text(sample, selection={"organization": []})


# -- RFC 5545 text ----------------------------------------------------------------------------------
def test_special_characters_are_escaped_and_come_back_exactly(store):
    title = 'Budget; staffing, and C:\\shared\\plan "2027"'
    agenda = "1. Opening; welcome,\n2. Review\r\n3. Close\\end"
    services.save(
        store,
        "consultation",
        b.consultation(title=title, agenda=agenda, location="Room 3, Floor 2; Annex"),
    )
    text = calendar_text(store, now=NOW)
    assert 'SUMMARY:Budget\\; staffing\\, and C:\\\\shared\\\\plan "2027"\r\n' in text
    [event] = _events(text).values()
    assert str(event["SUMMARY"]) == title
    assert str(event["LOCATION"]) == "Room 3, Floor 2; Annex"
    assert "Agenda:\n1. Opening; welcome,\n2. Review\n3. Close\\end" in str(event["DESCRIPTION"])


def test_chinese_and_arabic_text_round_trips_through_folded_lines(store):
    chinese = "关于边境协调管理的中方与海关组织技术会议，讨论培训课程与联合评估。" * 3
    arabic = "اجتماع تقني حول الإدارة المنسقة للحدود وتبادل المعلومات بين الجمارك والهجرة. " * 3
    services.save(
        store,
        "consultation",
        b.consultation(title=chinese, agenda=arabic, location="北京 / الرباط"),
    )
    text = calendar_text(store, now=NOW)
    [event] = _events(text).values()
    assert str(event["SUMMARY"]) == chinese
    assert str(event["LOCATION"]) == "北京 / الرباط"
    assert arabic.strip() in str(event["DESCRIPTION"])
    raw = text.encode("utf-8")
    assert raw.endswith(b"END:VCALENDAR\r\n")
    lines = raw.split(b"\r\n")[:-1]
    assert any(line.startswith(b" ") for line in lines)  # long lines were folded
    for line in lines:
        assert len(line) <= 75
        line.decode("utf-8")  # a line never ends inside a character
    assert b"\n" not in raw.replace(b"\r\n", b"") and b"\r" not in raw.replace(b"\r\n", b"")


def test_folding_counts_octets_and_never_splits_a_character_or_an_escape():
    line = "DESCRIPTION:" + "é" * 40 + "\\n" + "漢" * 30
    folded = fold(line)
    pieces = folded.split("\r\n ")
    assert "".join(pieces) == line
    assert all(len(piece.encode()) <= (75 if i == 0 else 74) for i, piece in enumerate(pieces))
    assert not any(piece.endswith("\\") for piece in pieces)
    assert fold("SUMMARY:short") == "SUMMARY:short"
    assert len(fold("X:" + "a" * 73)) == 75  # exactly 75 octets stays on one line


def test_folding_any_text_unfolds_to_the_same_line():
    rng = random.Random(5545)
    alphabet = "a;,\\\n é漢ب😀"
    for _ in range(300):
        value = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 200)))
        line = "DESCRIPTION:" + escape_text(value)
        pieces = fold(line).split("\r\n ")
        assert "".join(pieces) == line
        for i, piece in enumerate(pieces):
            assert len(piece.encode()) <= (75 if i == 0 else 74)
            trailing = len(piece) - len(piece.rstrip("\\"))
            assert trailing % 2 == 0  # never between a backslash and what it escapes


def test_escaping_leaves_out_control_characters_the_format_forbids():
    assert escape_text("a\x00b\x1bc\td") == "ab" + "c\td"
    assert escape_text("one\rtwo\r\nthree\nfour") == "one\\ntwo\\nthree\\nfour"


# -- the file ---------------------------------------------------------------------------------------
def test_write_calendar_writes_the_file_and_counts_the_events(sample, tmp_path):
    (tmp_path / "out").mkdir()
    path = tmp_path / "out" / "partnerdesk.ics"
    assert write_calendar(sample, path) == 28
    assert len(_events(path.read_bytes().decode("utf-8"))) == 28
    assert path.read_bytes().startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert write_calendar(sample, path, selection={"consultation": [DAKAR_2023]}) == 1
    assert [p.name for p in path.parent.iterdir()] == ["partnerdesk.ics"]  # no temporary file left


def test_a_postponed_activity_says_from_which_dates(store):
    services.save(
        store,
        "activity",
        b.activity(
            title="Nairobi workshop",
            status="postponed",
            start_on="2026-10-12",
            end_on="2026-10-14",
            original_start_on="2026-09-07",
            original_end_on="2026-09-09",
            postponement_reason="National elections",
        ),
    )
    [event] = _events(calendar_text(store, now=NOW)).values()
    description = str(event["DESCRIPTION"])
    assert "Postponed from: 2026-09-07 to 2026-09-09" in description
    assert "Reason: National elections" in description
    assert event.decoded("DTSTART") == date(2026, 10, 12)


def test_each_session_of_a_series_is_an_event_of_its_own_with_a_stable_uid(store):
    series = services.save(
        store,
        "activity",
        b.activity(
            title="ICMPD–WCO webinar series",
            status="confirmed",
            start_on="2026-02-10",
            end_on="2026-11-11",
            city="Vienna",
            country="AT",
            sessions=[
                {
                    "start_on": f"2026-{month:02d}-10",
                    "starts_at": f"2026-{month:02d}-10T14:00",
                    "mode": "online",
                    "participants_total": 150,
                }
                for month in (2, 5, 8)
            ]
            + [{"start_on": "2026-11-10", "end_on": "2026-11-11", "city": "Geneva"}],
        ),
    )
    stored = services.get_exchange(store, "activity", series)
    events = _events(calendar_text(store, now=NOW))
    assert sorted(events) == sorted(
        f"activity-{series}-session-{s['id']}@partnerdesk" for s in stored["sessions"]
    )
    by_start = sorted(events.values(), key=lambda e: str(e.decoded("DTSTART")))
    assert [str(e["SUMMARY"]) for e in by_start] == [
        f"ICMPD–WCO webinar series — session {n} of 4" for n in (1, 2, 3, 4)
    ]
    first, last = by_start[0], by_start[-1]
    assert first.decoded("DTSTART") == datetime(2026, 2, 10, 14, 0)  # floating local time
    assert str(first["LOCATION"]) == "Online" and "Participants: 150" in str(first["DESCRIPTION"])
    assert last.decoded("DTSTART") == date(2026, 11, 10)
    assert last.decoded("DTEND") == date(2026, 11, 12)  # all day, the end exclusive
    assert str(last["LOCATION"]) == "Geneva"
    # Sessions moved, one added: the others keep their events' UIDs.
    stored["sessions"][0]["starts_at"] = "2026-02-10T15:00"
    stored["sessions"].append({"start_on": "2026-11-10"})
    services.save(store, "activity", stored)
    again = _events(calendar_text(store, now=NOW))
    assert set(events) < set(again) and len(again) == 5
