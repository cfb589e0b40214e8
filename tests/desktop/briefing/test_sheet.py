"""The briefing on a sample partner, read back from the PDF: what a director finds on it."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from sqlmodel import select

from db.errors import NotFoundError
from db.exchange import bundles
from db.records import services
from db.schema.models import Agreement, FollowUp
from desktop.briefing import BriefingOptions, find_partner, render_briefing
from tests import builders
from tests.desktop.briefing.helpers import (
    GENERATED_AT,
    TODAY,
    page_sizes,
    page_texts,
    render,
    text_of,
)


@pytest.fixture
def iom(sample_store, tmp_path):
    pdf, result = render(sample_store, "IOM", tmp_path / "iom.pdf")
    return pdf, result, text_of(pdf)


def test_the_heading_names_the_partner_our_organization_and_the_marking(iom):
    _, _, text = iom
    assert "International Organization for Migration (IOM)" in text
    assert "Our organization: World Customs Organization (WCO)" in text
    assert "FOR INTERNAL USE" in text
    assert "Period covered: from 23 November 2024; everything upcoming" in text


def test_every_agreement_shows_its_kind_status_signatories_and_both_signature_dates(iom):
    _, _, text = iom
    assert "WCO/IOM/MOU/2018 · Memorandum of understanding · In force" in text
    # The 2018 MoU was signed on two different days in two cities: both are printed.
    assert "IOM: William Lacy Swing, Director General — Geneva, 7 May 2018" in text
    assert "WCO: Kunio Mikuriya, Secretary General — Brussels, 8 May 2018" in text
    assert "In force since 8 May 2018" in text
    assert "Open-ended; either party may terminate with 6 months' written notice" in text
    assert "Next review 31 March 2027" in text
    assert "Art. 1 Scope of Cooperation" in text
    assert "WCO/IOM/PA/2024-01 · Project agreement · In force" in text
    assert "Claire Dumont-Asante, Director, Capacity Building — Brussels, 12 March 2024" in text
    assert "Rafael Onyango-Berg, Director, Programme Support — Geneva, 19 March 2024" in text
    assert "Expires on 31 December 2027; last day to give notice: 30 September 2027" in text
    # Not a party to the 1999 ICMPD memorandum: IOM's sheet leaves it out.
    assert "WCO/ICMPD/MOU/1999" not in text


def test_recent_consultations_show_their_decisions_and_the_next_ones_are_listed(iom):
    _, _, text = iom
    assert "IOM–WCO annual bilateral consultation 2025" in text
    assert "1. WCO to send written comments on the draft SOP guide by end of November 2025." in text
    assert "4. Next annual consultation to be hosted by IOM in Geneva in February 2027." in text
    assert "Next scheduled" in text
    assert "IOM–WCO annual bilateral consultation 2027" in text
    assert "17 February 2027 10:00" in text
    # Held in May 2024, before the two-year period, while newer decisions exist: left out.
    assert "Technical meeting on the joint CBM training curriculum" not in text


def test_joint_activities_upcoming_and_recently_held(iom):
    _, _, text = iom
    upcoming, recent = text.index("Upcoming"), text.index("Recently held")
    cohort_3 = text.index("cohort 3 (Lomé)")
    assert upcoming < cohort_3 < recent
    assert "8–12 March 2027" in text
    assert "Lomé, Togo" in text
    assert "cohort 2 (Lusaka)" in text[recent:]
    assert "30 (women: 13, men: 17)" in text
    assert "10–14 November 2025" in text
    activities = text[text.index("Joint activities") : text.index("Open follow-up actions")]
    assert "cohort 1 (Lomé)" not in activities  # September 2024: older than the period


def test_an_activity_prints_its_original_dates_participants_countries_and_results(
    sample_store, tmp_path, clock
):
    clock.move_to(TODAY)
    iom = find_partner(sample_store, "IOM").id
    people = [
        {"name": name, "sex": sex, "country": country}
        for name, sex, country in (
            ("Wanjiru Kamau", "woman", "KE"),
            ("Yusuf Abdi Hassan", "man", "SO"),
            ("Amina Ochieng", "woman", "UG"),
        )
    ]
    services.save(
        sample_store,
        "activity",
        builders.activity(
            title="WCO–IOM regional workshop in Nairobi",
            status="completed",
            start_on="2026-10-12",
            end_on="2026-10-14",
            original_start_on="2026-09-07",
            original_end_on="2026-09-09",
            partners=[{"organization_id": iom}],
            participants=people,
            participants_expected=24,
            results="Officers from six countries drafted a joint plan.\n\nNext: a pilot.",
        ),
    )
    services.save(
        sample_store,
        "activity",
        builders.activity(
            title="ICMPD–IOM webinar series",
            status="planned",
            start_on="2027-02-10",
            end_on="2027-11-10",
            partners=[{"organization_id": iom}],
            participants_expected=600,
        ),
    )
    pdf, _ = render(sample_store, "IOM", tmp_path / "iom.pdf")
    text = text_of(pdf)
    nairobi = text[text.index("WCO–IOM regional workshop in Nairobi") - 120 :]
    assert "12–14 October 2026" in text and "postponed from 7–9 September 2026" in text
    assert "3 (women: 2, men: 1)" in nairobi and "from 3 countries" in nairobi
    assert "Results: Officers from six countries drafted a joint plan. Next: a pilot." in text
    assert "24 expected" not in text  # held: its actual participants, not the hopes
    assert "600 expected" in text  # not held yet: what is expected, never as participants


def test_open_follow_ups_with_the_late_ones_marked(iom):
    _, _, text = iom
    assert "LATE 30 April 2025 Run the six-month follow-up survey of cohort 1 trainers" in text
    assert "LATE 31 March 2026 Submit the overdue joint 2025 progress report" in text
    assert "4 December 2026 Confirm the venue and French–English interpretation" in text
    assert "LATE 4 December 2026" not in text
    assert text.count("LATE") == 2
    # Done and dropped follow-ups are not on the sheet.
    assert "Send IOM the WCO written comments" not in text
    assert "Turn the postponed humanitarian customs procedures seminar" not in text


def test_thematic_areas_of_cooperation(iom):
    _, _, text = iom
    assert "BM Border management" in text
    assert "CB Capacity building and training" in text
    assert "Also covered by the agreements, with no meeting or activity in the period:" in text


def test_contacts_are_personal_data_shown_only_when_asked_for(sample_store, tmp_path):
    without, _ = render(sample_store, "IOM", tmp_path / "without.pdf")
    assert "@example.org" not in text_of(without)
    assert "Focal points" not in text_of(without)
    with_contacts, _ = render(sample_store, "IOM", tmp_path / "with.pdf", include_contacts=True)
    text = text_of(with_contacts)
    assert "Focal points" in text
    assert "daniel.okafor@example.org" in text  # IOM's focal point
    assert "amina.diallo@example.org" in text  # ours, who met IOM
    assert "pieter.janssens@example.org" not in text  # no longer in post
    assert "elodie.marchand@example.org" not in text  # ours, but works with ICMPD


def test_a4_by_default_and_letter_when_asked_within_three_pages(sample_store, tmp_path):
    a4, result = render(sample_store, "IOM", tmp_path / "a4.pdf")
    # DESIGN.md: a senior official reads it in two minutes. The IOM partnership is the sample's
    # largest (two agreements, five meetings, seven activities); with its memorandum's summary and
    # what each of its eight articles says, its sheet holds on three pages.
    assert result.pages == len(page_sizes(a4)) <= 3
    assert set(page_sizes(a4)) == {(595, 842)}
    letter, result = render(sample_store, "IOM", tmp_path / "letter.pdf", paper="letter")
    assert result.pages <= 3
    assert set(page_sizes(letter)) == {(612, 792)}


def test_every_page_has_its_footer_with_page_n_of_m(sample_store, tmp_path):
    pdf, result = render(sample_store, "IOM", tmp_path / "iom.pdf")
    pages = page_texts(pdf)
    assert len(pages) == result.pages
    for number, text in enumerate(pages, start=1):
        assert (
            f"Generated on 23 November 2026 at 09:30 by Amina Diallo — page {number} of {len(pages)}"
            in text
        )
        assert "FOR INTERNAL USE" in text


def test_in_french_headings_and_dates_are_french(sample_store, tmp_path):
    pdf, _ = render(sample_store, "IOM", tmp_path / "fr.pdf", language="fr")
    text = text_of(pdf)
    assert "Cadre de la coopération" in text
    assert "Actions de suivi en cours" in text
    assert "USAGE INTERNE" in text
    assert "Mémorandum d'accord" in text
    assert "Geneva, 7 mai 2018" in text and "Brussels, 8 mai 2018" in text
    assert "EN RETARD 30 avril 2025" in text
    assert "page 1 sur" in text
    assert "BM Gestion des frontières" in text  # the default areas by their French names


def test_a_chosen_meeting_gives_its_agenda_as_the_purpose(sample_store, tmp_path):
    meeting = "4bbaf7d1-4796-5630-86d5-cb4f9e460f6e"  # the 2027 annual consultation
    pdf, result = render(
        sample_store,
        "IOM",
        tmp_path / "meeting.pdf",
        consultation_id=meeting,
        talking_points="Welcome the cohort 2 results.\nAsk for the 2025 progress report.",
    )
    text = text_of(pdf)
    assert (
        "Meeting: IOM–WCO annual bilateral consultation 2027 — 17 February 2027, 10:00–13:00, "
        "IOM Headquarters, Geneva" in text
    )
    assert "Purpose of the meeting" in text
    assert "1. Review of the implementation of the 2018 MoU (review due 31 March 2027)." in text
    assert "the meeting this note prepares" in text
    assert "Talking points Welcome the cohort 2 results. Ask for the 2025 progress report." in text
    assert result.pages <= 4  # three pages, with the meeting's purpose and talking points
    assert result.warnings == ()


def test_the_latest_decisions_are_shown_even_before_the_period_when_nothing_newer_exists(
    sample_store, tmp_path
):
    pdf, _ = render(sample_store, "IOM", tmp_path / "recent.pdf", period_from=date(2026, 1, 1))
    text = text_of(pdf)
    assert "No consultation was held in the period." not in text
    assert "IOM–WCO annual bilateral consultation 2025" in text
    assert "before the period; the most recent one" in text
    assert "2. IOM to submit the overdue 2025 progress report on the training project." in text


def test_sections_can_be_left_out(sample_store, tmp_path):
    pdf, _ = render(
        sample_store,
        "IOM",
        tmp_path / "short.pdf",
        sections=frozenset({"framework", "follow_ups"}),
    )
    text = text_of(pdf)
    assert "Framework of cooperation" in text and "Open follow-up actions" in text
    assert "Joint activities" not in text and "The partner at a glance" not in text


def test_a_partner_with_nothing_recorded_gets_one_line_per_empty_section(store, tmp_path):
    services.save(
        store, "organization", builders.organization(name="Ours", acronym="OUR", is_ours=True)
    )
    services.save(store, "organization", builders.organization(name="New Partner", acronym="NP"))
    pdf, result = render(store, "NP", tmp_path / "empty.pdf")
    text = text_of(pdf)
    assert result.pages == 1
    for line in (
        "No agreement is recorded with this partner.",
        "No consultation is scheduled.",
        "No consultation was held in the period.",
        "No joint activity in the period.",
        "No open follow-up action.",
    ):
        assert line in text


def test_a_long_table_breaks_across_pages_with_its_header_repeated(store, tmp_path):
    ours, partner = builders.two_parties(store)
    agreement = services.save(store, "agreement", builders.agreement([ours, partner]))
    for n in range(70):
        services.save(
            store,
            "follow_up",
            builders.follow_up(
                text=f"Follow-up number {n:02d}: " + "send the revised draft and the annexes " * 3,
                due_on=f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}",
                source_kind="agreement",
                source_id=agreement,
            ),
        )
    pdf, result = render(store, "IOM", tmp_path / "long.pdf", max_per_section=None)
    pages = page_texts(pdf)
    assert result.pages >= 3
    text = " ".join(pages)
    assert all(f"Follow-up number {n:02d}:" in text for n in range(70))  # nothing lost
    later = [p for p in pages if "Follow-up number" in p][1:]
    assert later and all(re.search(r"Due Action Who", p) for p in later)


def test_an_unknown_consultation_is_refused_plainly(sample_store, tmp_path):
    partner = find_partner(sample_store, "IOM")
    options = BriefingOptions(partner_id=partner.id, consultation_id="no-such-id")
    with pytest.raises(NotFoundError, match="No consultation has the id no-such-id"):
        render_briefing(
            sample_store, options, tmp_path / "x.pdf", today=TODAY, generated_at=GENERATED_AT
        )
    assert not (tmp_path / "x.pdf").exists()


def test_a_file_object_receives_the_same_pdf(sample_store, tmp_path):
    options = BriefingOptions(partner_id=find_partner(sample_store, "IOM").id, prepared_by="A")
    buffer = io.BytesIO()
    render_briefing(sample_store, options, buffer, today=TODAY, generated_at=GENERATED_AT)
    render_briefing(
        sample_store, options, tmp_path / "a.pdf", today=TODAY, generated_at=GENERATED_AT
    )
    assert buffer.getvalue().startswith(b"%PDF")
    assert buffer.getvalue() == (tmp_path / "a.pdf").read_bytes()  # reproducible


def test_a_briefing_file_is_flushed_with_its_folder_and_leaves_nothing_beside_it(
    sample_store, tmp_path, flushes
):
    options = BriefingOptions(partner_id=find_partner(sample_store, "IOM").id, prepared_by="A")
    path = tmp_path / "briefing.pdf"
    render_briefing(sample_store, options, path, today=TODAY, generated_at=GENERATED_AT)
    assert path.read_bytes().startswith(b"%PDF")
    assert flushes.folders == [tmp_path] and len(flushes.files) == 1
    assert [p.name for p in tmp_path.iterdir() if "sqlite" not in p.name] == ["briefing.pdf"]


def test_a_cell_taller_than_a_page_continues_on_the_next_one(store, tmp_path):
    ours, partner = builders.two_parties(store)
    partner_values = services.get_exchange(store, "organization", partner)
    services.save(
        store, "organization", {**partner_values, "mandate": "A long mandate sentence. " * 600}
    )
    decisions = "\n".join(f"{n}. Decision number {n} of a very long meeting." for n in range(250))
    services.save(
        store,
        "consultation",
        builders.consultation(
            starts_at="2026-10-01T10:00", organization_ids=[ours, partner], decisions=decisions
        ),
    )
    pdf, result = render(store, "WCO", tmp_path / "tall.pdf")
    text = text_of(pdf)
    assert result.pages >= 5
    assert "249. Decision number 249 of a very long meeting." in text
    assert text.count("sentence.") == 600  # (a page break may fall inside a sentence)


# -- the UNOCT–WCO Arrangement and the WCO visit to UN Headquarters (the officer) --------
@pytest.fixture
def unoct(store):
    from tests.desktop.unoct import enter_unoct_and_the_visit

    return store, enter_unoct_and_the_visit(store)


def test_an_agreement_prints_its_summary_and_what_each_key_provision_says(unoct, tmp_path):
    store, entered = unoct
    pdf, _ = render(store, "UNOCT", tmp_path / "unoct.pdf")
    text = text_of(pdf)
    assert (
        "Summary Framework for cooperation between UNOCT and the WCO to help Member States" in text
    )
    assert (
        "Art. 2 Areas of cooperation: Advance passenger information and passenger name records "
        "for customs." in text
    )
    assert (
        "Art. 7 Termination: Either Party may terminate the Arrangement with three months' "
        "written notice." in text
    )


def test_a_two_day_visit_is_printed_as_its_two_days_not_as_nine_oclock(unoct, tmp_path):
    store, entered = unoct
    pdf, _ = render(store, "UNOCT", tmp_path / "visit.pdf", consultation_id=entered.visit)
    text = text_of(pdf)
    assert (
        "Meeting: WCO visit to United Nations Headquarters — 27–28 June 2019 (2 days), "
        "United Nations Headquarters, New York" in text
    )
    assert "09:00" not in text
    assert "27–28 June 2019 2 days WCO visit to United Nations Headquarters" in text  # its row
    pdf, _ = render(
        store, "UNOCT", tmp_path / "visit-fr.pdf", consultation_id=entered.visit, language="fr"
    )
    assert "27–28 juin 2019 (2 jours)" in text_of(pdf)


def test_the_meetings_participants_are_named_when_personal_data_is_asked_for(unoct, tmp_path):
    store, entered = unoct
    named = "Participants: Kunio Mikuriya (WCO), Vladimir Voronkov (UNOCT), Amina J. Mohammed (United Nations)"
    pdf, _ = render(
        store, "UNOCT", tmp_path / "named.pdf", consultation_id=entered.visit, include_contacts=True
    )
    assert named in text_of(pdf)
    pdf, _ = render(store, "UNOCT", tmp_path / "unnamed.pdf", consultation_id=entered.visit)
    assert "Amina J. Mohammed" not in text_of(pdf)  # personal data: only when asked for


def test_the_footer_names_the_officer_never_the_computers_login(unoct, tmp_path):
    import getpass

    store, entered = unoct
    login = getpass.getuser()
    pdf, _ = render(store, "UNOCT", tmp_path / "nobody.pdf", prepared_by=None)
    footer = page_texts(pdf)[0]
    assert "Generated on 23 November 2026 at 09:30 — page 1 of 1" in footer
    assert f"by {login}" not in footer
    services.set_officer_name(store, "Amina Diallo")
    pdf, _ = render(store, "UNOCT", tmp_path / "officer.pdf", prepared_by=None)
    assert "Generated on 23 November 2026 at 09:30 by Amina Diallo — page 1 of 1" in text_of(pdf)


def test_the_briefing_lists_contacts_of_one_role_in_folded_order(sample_store, tmp_path):
    """Case and accents folded (issue 15): "Émile" among the E, "agathe" and "Åsa" among the A."""
    from desktop.briefing import find_partner

    iom = find_partner(sample_store, "IOM").id
    people = ["Zanele Zulu", "Émile Ebou", "agathe Aubry", "Åsa Andersson"]
    for name in people:
        contact = {"name": name, "organization_id": iom, "role": "focal_point"}
        services.save(sample_store, "contact", contact)
    pdf, _ = render(sample_store, "IOM", tmp_path / "iom.pdf", include_contacts=True)
    text = text_of(pdf)
    assert sorted(people, key=text.index) == ["agathe Aubry", "Åsa Andersson", "Émile Ebou",
                                              "Zanele Zulu"]  # fmt: skip


def _id_of(store, model, where) -> str:
    with store.reading() as session:
        return session.exec(select(model.id).where(where)).one()


def test_records_two_laptops_changed_differently_are_marked_in_conflict(
    sample_store, other_store, tmp_path, clock
):
    clock.move_to(TODAY)  # the sample, carried to the mission, is judged as of its day
    bundles.write_bundle(sample_store, tmp_path / "out.pdsync", for_store=other_store.store_id())
    bundles.sync_in(other_store, tmp_path / "out.pdsync")
    mou = _id_of(sample_store, Agreement, Agreement.reference == "WCO/IOM/MOU/2018")
    venue = _id_of(
        sample_store, FollowUp, FollowUp.text.startswith("Confirm the venue and French–English")
    )
    # Offline, HQ and the mission each change the MoU's summary and the follow-up's owner.
    for side, word in ((sample_store, "HQ"), (other_store, "mission")):
        now = services.get_exchange(side, "agreement", mou)
        services.save(side, "agreement", {**now, "summary": f"Summary as the {word} has it."})
        now = services.get_exchange(side, "follow_up", venue)
        services.save(side, "follow_up", {**now, "owner": f"Officer at the {word}"})
    bundles.write_bundle(other_store, tmp_path / "back.pdsync", for_store=sample_store.store_id())
    bundles.sync_in(sample_store, tmp_path / "back.pdsync")

    text = text_of(render(sample_store, "IOM", tmp_path / "iom.pdf")[0])
    assert "2 records on this sheet are in conflict" in text
    assert "WCO/IOM/MOU/2018 · Memorandum of understanding · In force · IN CONFLICT" in text
    assert "WCO/IOM/PA/2024-01 · Project agreement · In force Project Agreement" in text
    assert re.search(r"Confirm the venue and French–English interpretation.*?IN CONFLICT", text)
    assert text.count("IN CONFLICT") == 3  # the note names the mark once
    french = text_of(render(sample_store, "IOM", tmp_path / "fr.pdf", language="fr")[0])
    assert "2 enregistrements de cette note sont en conflit" in french
    assert french.count("EN CONFLIT") == 3


def test_a_sheet_without_conflicts_says_nothing_of_them(iom):
    _, _, text = iom
    assert "conflict" not in text.lower()
