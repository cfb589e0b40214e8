"""Dates and names on the sheet, in English and French."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from db.schema import enums
from desktop.briefing import BriefingOptions
from desktop.briefing.words import CHOICES, TEXTS, Words


@pytest.mark.parametrize(
    ("language", "day", "expected"),
    [
        ("en", date(2018, 5, 8), "8 May 2018"),
        ("fr", date(2018, 5, 8), "8 mai 2018"),
        ("fr", date(2027, 3, 1), "1er mars 2027"),
        ("en", date(2027, 3, 1), "1 March 2027"),
    ],
)
def test_one_human_date_format_per_language(language, day, expected):
    assert Words(language).day(day) == expected


def test_spans_write_the_shared_month_and_year_once():
    en, fr = Words("en"), Words("fr")
    assert en.span(date(2027, 3, 8), date(2027, 3, 12)) == "8–12 March 2027"
    assert en.span(date(2026, 2, 2), date(2026, 6, 30)) == "2 February – 30 June 2026"
    assert en.span(date(2025, 12, 29), date(2026, 1, 2)) == "29 December 2025 – 2 January 2026"
    assert en.span(date(2026, 5, 4), None) == "4 May 2026"
    assert fr.span(date(2027, 3, 1), date(2027, 3, 5)) == "1er–5 mars 2027"


def test_times_and_countries():
    assert Words("en").moment("2027-02-17T10:00") == "17 February 2027, 10:00"
    assert Words("fr").moment("2027-02-17T10:00") == "17 février 2027, 10\u00a0h\u00a000"
    assert Words("fr").time(datetime(2026, 1, 1, 9, 5)) == "09\u00a0h\u00a005"
    assert Words("en").country("CH") == "Switzerland"
    assert Words("fr").country("CH") == "Suisse"
    assert Words("en").country("XX") == "XX"
    # Never ISO's inverted sorting forms on a briefing.
    assert Words("en").country("CD") == "Democratic Republic of the Congo"
    assert Words("fr").country("CD") == "République démocratique du Congo"
    assert Words("en").country("RU") == "Russia" and Words("fr").country("RU") == "Russie"


def test_both_languages_say_everything():
    assert set(TEXTS["en"]) == set(TEXTS["fr"])
    assert set(CHOICES["en"]) == set(CHOICES["fr"])


def test_options_refuse_what_cannot_be_printed():
    with pytest.raises(ValueError, match="unknown briefing sections"):
        BriefingOptions(partner_id="x", sections=frozenset({"gossip"}))
    with pytest.raises(ValueError, match="paper"):
        BriefingOptions(partner_id="x", paper="a3")
    with pytest.raises(ValueError, match="ends before it starts"):
        BriefingOptions(partner_id="x", period_from=date(2026, 2, 1), period_to=date(2026, 1, 1))
    options = BriefingOptions(partner_id="x")
    assert not options.include_contacts and not options.shows("focal_points")
    assert options.with_(include_contacts=True).shows("focal_points")


def test_every_kind_and_status_the_sheet_prints_has_words_in_both_languages():
    printed = (
        enums.OrganizationKind,
        enums.RelationshipStatus,
        enums.ContactRole,
        enums.AgreementKind,
        enums.AgreementStatus,
        enums.ConsultationKind,
        enums.ActivityKind,
        enums.ActivityStatus,
        enums.ActivityMode,
        enums.SourceKind,
    )
    values = {member.value for enum in printed for member in enum} | {"open", "in_progress"}
    for language in ("en", "fr"):
        assert values - set(CHOICES[language]) == set(), language


def test_a_duration_reads_in_days_hours_or_minutes():
    en, fr = Words("en"), Words("fr")
    assert [en.duration(m) for m in (2880, 1440, 180, 60, 90, 45, None)] == [
        "2 days",
        "1 day",
        "3 hours",
        "1 hour",
        "1 h 30 min",
        "45 minutes",
        "",
    ]
    assert [fr.duration(m) for m in (2880, 180, 65)] == ["2 jours", "3 heures", "1\u00a0h\u00a005"]


def test_a_meeting_of_whole_days_is_its_days_and_a_shorter_one_its_hours():
    en = Words("en")
    assert en.meeting_time("2019-06-27T09:00", 2880) == "27–28 June 2019"
    assert en.meeting_time("2027-02-17T10:00", 180) == "17 February 2027, 10:00–13:00"
    assert en.meeting_time("2027-02-17T10:00", None) == "17 February 2027, 10:00"
