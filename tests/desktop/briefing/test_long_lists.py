"""A partner with more entries than the sheet shows: each list stops at max_per_section, the
most relevant first, and says truly how many it leaves out."""

from __future__ import annotations

import re

import pytest

from db.records import services
from desktop.briefing import BriefingOptions, find_partner
from desktop.briefing.gather import gather
from desktop.briefing.options import MAX_PER_SECTION
from desktop.briefing.words import Words
from tests import builders
from tests.desktop.briefing.helpers import TODAY, render, text_of


@pytest.fixture
def busy(store):
    """IOM with 23 open follow-ups (due from 1 December 2026), 14 upcoming activities (from
    January 2027) and 3 held in 2026, 6 past consultations filed under one thematic area."""
    iom, wco = builders.two_parties(store)
    agreement = services.save(store, "agreement", builders.agreement([iom, wco]))
    for n in range(23):
        services.save(
            store,
            "follow_up",
            builders.follow_up(
                text=f"Follow-up number {n:02d}",
                due_on=f"2026-12-{1 + n:02d}",
                source_kind="agreement",
                source_id=agreement,
            ),
        )
    for n, start in [*((n, f"2027-01-{1 + n:02d}") for n in range(14)), (14, "2026-03-02"),
                     (15, "2026-04-06"), (16, "2026-05-04")]:  # fmt: skip
        services.save(
            store,
            "activity",
            builders.activity(
                title=f"Workshop number {n:02d}",
                start_on=start,
                end_on=start,
                lead_organization_id=iom,
            ),
        )
    area = services.save(store, "thematic_area", {"id": builders.new_id(), "name": "Borders"})
    for n in range(6):
        services.save(
            store,
            "consultation",
            builders.consultation(
                title=f"Meeting number {n:02d}",
                starts_at=f"2026-0{1 + n}-15T10:00",
                organization_ids=[iom, wco],
                thematic_area_ids=[area],
            ),
        )
    return store


def _shown(text: str, what: str) -> list[int]:
    return sorted(int(n) for n in re.findall(rf"{what} number (\d\d)", text))


def test_each_list_shows_the_first_entries_and_how_many_more(busy, tmp_path):
    pdf, _ = render(busy, "IOM", tmp_path / "cut.pdf", max_per_section=5)
    text = text_of(pdf)
    assert _shown(text, "Follow-up") == [0, 1, 2, 3, 4]  # the earliest due
    assert "… and 18 more, not shown here: see PartnerDesk." in text
    # The nearest upcoming ones, and all three held: that list is not cut.
    assert _shown(text, "Workshop") == [0, 1, 2, 3, 4, 14, 15, 16]
    assert "… and 9 more, not shown here: see PartnerDesk." in text
    assert _shown(text, "Meeting") == [1, 2, 3, 4, 5]  # the newest
    assert "… and 1 more, not shown here: see PartnerDesk." in text
    assert text.count("not shown here") == 3


def test_the_default_cut_and_the_sheet_in_french(busy, tmp_path):
    pdf, _ = render(busy, "IOM", tmp_path / "fr.pdf", language="fr")
    text = text_of(pdf)
    assert _shown(text, "Follow-up") == list(range(MAX_PER_SECTION))
    assert f"… et {23 - MAX_PER_SECTION} autres, à consulter dans PartnerDesk." in text


def test_with_no_limit_every_entry_is_shown(busy, tmp_path):
    pdf, _ = render(busy, "IOM", tmp_path / "all.pdf", max_per_section=None)
    text = text_of(pdf)
    assert _shown(text, "Follow-up") == list(range(23))
    assert _shown(text, "Workshop") == list(range(17))
    assert _shown(text, "Meeting") == list(range(6))
    assert "not shown here" not in text


def test_the_thematic_areas_count_every_meeting_of_the_period_not_only_those_shown(busy):
    options = BriefingOptions(partner_id=find_partner(busy, "IOM").id, max_per_section=2)
    briefing = gather(busy, options, today=TODAY)
    assert len(briefing.recent_consultations) == 2
    assert briefing.not_shown["recent_consultations"] == 4
    [borders] = briefing.areas
    assert borders.consultations == 6


def test_the_number_left_out_is_written_as_each_language_writes_numbers():
    assert Words("en").more(1234) == "… and 1,234 more, not shown here: see PartnerDesk."
    assert Words("fr").more(1234) == "… et 1\u00a0234 autres, à consulter dans PartnerDesk."
    assert Words("fr").more(1) == "… et 1 autre, à consulter dans PartnerDesk."


def test_a_negative_limit_is_refused():
    with pytest.raises(ValueError, match="max_per_section"):
        BriefingOptions(partner_id="x", max_per_section=-1)
    assert BriefingOptions(partner_id="x", max_per_section=0).max_per_section is None
