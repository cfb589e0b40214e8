"""Each rule of DESIGN.md refuses bad data with a message naming the field, writes nothing, and
lets valid data through."""

from __future__ import annotations

import pytest

from db.errors import ValidationError
from db.exchange.document import export_document, import_document
from db.records import services
from db.records.maintenance import check_store
from db.records.services import open_store
from db.schema.fields import LINE, TEXT
from tests import builders as b


@pytest.fixture
def store(store_on_each_back_end):
    """Every rule, on a laptop's SQLite store and on a team server's PostgreSQL database."""
    return store_on_each_back_end


def refused(store, kind: str, raw: dict) -> ValidationError:
    before = export_document(store, exported_at="x")
    with pytest.raises(ValidationError) as caught:
        services.save(store, kind, raw)
    assert export_document(store, exported_at="x") == before, "a refused save must write nothing"
    return caught.value


def messages(error: ValidationError, field: str) -> str:
    found = error.for_field(field)
    assert found, f"no problem reported on {field}: {error}"
    return " ".join(found)


@pytest.mark.parametrize("name", ["", "   ", None])
def test_an_organization_needs_a_name(store, name):
    error = refused(store, "organization", b.organization(name=name))
    assert "Name" in messages(error, "name")


@pytest.mark.parametrize(
    ("kind", "raw", "field"),
    [
        ("agreement", {"title": " ", "kind": "other"}, "title"),
        ("consultation", b.consultation(title=""), "title"),
        ("activity", b.activity(title="\t"), "title"),
        ("follow_up", b.follow_up(text=""), "text"),
        ("contact", {"name": ""}, "name"),
        ("thematic_area", {"name": " "}, "name"),
    ],
)
def test_names_and_titles_are_not_empty(store, kind, raw, field):
    assert "cannot be empty" in messages(
        refused(store, kind, raw), field
    ) or "required" in messages(refused(store, kind, raw), field)


def test_an_agreement_has_at_least_two_parties(store):
    iom, _ = b.two_parties(store)
    error = refused(store, "agreement", b.agreement([iom]))
    assert "at least two parties" in messages(error, "parties")


def test_the_same_organization_cannot_be_a_party_twice(store):
    iom, _ = b.two_parties(store)
    error = refused(store, "agreement", b.agreement([iom, iom]))
    assert "already a party" in messages(error, "parties[1].organization_id")


def test_entry_into_force_is_not_before_the_first_signature(store):
    parties = b.two_parties(store)
    error = refused(store, "agreement", b.agreement(parties, entry_into_force="2018-05-06"))
    text = messages(error, "entry_into_force")
    assert "before the first signature" in text and "2018-05-07" in text


def test_entry_into_force_on_the_last_signature_is_accepted(store):
    parties = b.two_parties(store)
    saved = services.save(store, "agreement", b.agreement(parties, entry_into_force="2018-05-08"))
    assert services.get(store, "agreement", saved)["entry_into_force"].isoformat() == "2018-05-08"


@pytest.mark.parametrize(
    ("kind", "start", "end", "fields"),
    [
        ("activity", "start_on", "end_on", {}),
        ("agreement", "entry_into_force", "expires_on", {}),
        ("contact", "active_from", "active_to", {"name": "Amina Diallo"}),
    ],
)
def test_an_end_is_not_before_its_start(store, kind, start, end, fields):
    raw = {
        "activity": b.activity,
        "agreement": lambda **kw: b.agreement(b.two_parties(store), **kw),
        "contact": lambda **kw: kw,
    }[kind](**fields, **{start: "2020-06-10", end: "2020-06-09"})
    assert "before" in messages(refused(store, kind, raw), end)


@pytest.mark.parametrize("count", [2.5, "12", -1, True, 10**12])
def test_counts_are_whole_numbers(store, count):
    error = refused(store, "activity", b.activity(participants_total=count))
    assert messages(error, "participants_total")


def test_women_and_men_do_not_exceed_the_total(store):
    error = refused(
        store,
        "activity",
        b.activity(participants_total=20, participants_women=12, participants_men=9),
    )
    assert "more than the total" in messages(error, "participants_total")


def test_women_and_men_up_to_the_total_are_accepted(store):
    saved = services.save(
        store,
        "activity",
        b.activity(participants_total=21, participants_women=12, participants_men=9),
    )
    assert services.get(store, "activity", saved)["participants_women"] == 12


@pytest.mark.parametrize("code", ["XX", "FRA", "12", "Belgium"])
def test_a_country_is_a_real_iso_code(store, code):
    error = refused(store, "organization", b.organization(country=code))
    assert "ISO 3166" in messages(error, "country")


def test_country_codes_are_stored_in_capitals(store):
    saved = services.save(store, "organization", b.organization(country="be"))
    assert services.get(store, "organization", saved)["country"] == "BE"


def test_beneficiary_countries_are_checked_one_by_one(store):
    error = refused(store, "activity", b.activity(beneficiary_countries=["ZM", "QQ"]))
    assert "ISO 3166" in messages(error, "beneficiary_countries[1]")


@pytest.mark.parametrize(
    "email", ["amina.diallo", "amina@", "@example.org", "amina diallo@example.org", "amina@example"]
)
def test_an_email_looks_like_one(store, email):
    error = refused(store, "contact", {"name": "Amina Diallo", "email": email})
    assert "email address" in messages(error, "email")


def test_a_thematic_area_cannot_be_its_own_ancestor(store):
    top = services.save(store, "thematic_area", {"name": "Border management"})
    child = services.save(
        store, "thematic_area", {"name": "One Stop Border Posts", "parent_id": top}
    )
    grandchild = services.save(store, "thematic_area", {"name": "Chirundu", "parent_id": child})
    error = refused(
        store, "thematic_area", {"id": top, "name": "Border management", "parent_id": grandchild}
    )
    assert "under itself" in messages(error, "parent_id")
    error = refused(
        store, "thematic_area", {"id": top, "name": "Border management", "parent_id": top}
    )
    assert "under itself" in messages(error, "parent_id")


@pytest.mark.parametrize("status", ["open", "in_progress"])
def test_an_open_follow_up_has_a_due_date(store, status):
    error = refused(store, "follow_up", b.follow_up(due_on=None, status=status))
    assert "due date" in messages(error, "due_on")


def test_a_closed_follow_up_needs_no_due_date(store):
    saved = services.save(
        store, "follow_up", b.follow_up(due_on=None, status="done", completed_on="2026-01-10")
    )
    assert services.get(store, "follow_up", saved)["status"] == "done"


@pytest.mark.parametrize(
    "value", ["2016-02-30", "2018-13-01", "8 May 2018", "1850-01-01", "20180508"]
)
def test_dates_are_real_dates_in_iso_form(store, value):
    assert messages(refused(store, "follow_up", b.follow_up(due_on=value)), "due_on")


def test_an_unknown_enumeration_value_is_refused(store):
    error = refused(store, "agreement", b.agreement(b.two_parties(store), kind="treaty"))
    assert "memorandum_of_understanding" in messages(error, "kind")


def test_a_reference_to_a_missing_record_is_refused(store):
    error = refused(store, "contact", {"name": "Amina Diallo", "organization_id": b.new_id()})
    assert "no organization has the id" in messages(error, "organization_id")


def test_only_one_organization_is_ours(store):
    services.save(store, "organization", b.organization(is_ours=True))
    error = refused(store, "organization", b.organization(name="IOM", is_ours=True))
    assert "already marked as ours" in messages(error, "is_ours")


def test_every_problem_is_reported_at_once(store):
    error = refused(
        store,
        "activity",
        b.activity(title="", end_on="2020-01-01", country="XX", participants_total=-3),
    )
    assert {p.field for p in error.problems} >= {"title", "end_on", "country", "participants_total"}


@pytest.mark.parametrize(
    "text",
    [
        "Organisation mondiale des douanes — coopération « renforcée » à Genève",
        "المنظمة العالمية للجمارك",
        "世界海关组织",
        "x" * 10_000,
        "  leading and trailing spaces  \n\tand a tab",
    ],
)
def test_text_of_any_script_up_to_its_length_is_kept_exactly(store, text):
    name = text if text.strip() and len(text) <= LINE else "WCO"
    saved = services.save(store, "organization", b.organization(mandate=text, name=name))
    kept = services.get(store, "organization", saved)
    assert kept["mandate"] == text


@pytest.mark.parametrize(
    ("field", "most"), [("name", LINE), ("acronym", 100), ("website", 2_000), ("notes", TEXT)]
)
def test_a_text_longer_than_its_field_holds_is_refused_with_its_length(store, field, most):
    kept = services.save(store, "organization", b.organization(**{field: "é" * most}))
    assert len(services.get(store, "organization", kept)[field]) == most
    error = refused(store, "organization", b.organization(**{field: "é" * (most + 1)}))
    assert messages(error, field).endswith(
        f"is too long: {most + 1:,} characters, at most {most:,}."
    )


def test_no_agreement_supersedes_itself_through_a_chain_of_any_length(store):
    parties = b.two_parties(store)
    first = services.save(store, "agreement", b.agreement(parties, title="MoU 1999"))
    second = services.save(
        store, "agreement", b.agreement(parties, title="MoU 2018", supersedes_id=first)
    )
    third = services.save(
        store, "agreement", b.agreement(parties, title="MoU 2026", supersedes_id=second)
    )
    for superseding in (second, third):  # two agreements, then three, in a circle
        raw = {**services.get_exchange(store, "agreement", first), "supersedes_id": superseding}
        error = refused(store, "agreement", raw)
        assert "cannot supersede one that supersedes it" in messages(error, "supersedes_id")
    raw = {**services.get_exchange(store, "agreement", first), "supersedes_id": first}
    assert "cannot supersede itself" in messages(refused(store, "agreement", raw), "supersedes_id")


def test_a_file_whose_agreements_supersede_each_other_is_refused_whole(store):
    parties = b.two_parties(store)
    one, other = b.agreement(parties, title="A"), b.agreement(parties, title="B")
    one["supersedes_id"], other["supersedes_id"] = other["id"], one["id"]
    before = export_document(store, exported_at="x")
    doc = {"format": "partnerdesk", "version": 1, "agreements": [one, other]}
    with pytest.raises(ValidationError) as caught:
        import_document(store, doc)
    assert [p.field for p in caught.value.problems] == ["supersedes_id", "supersedes_id"]
    assert export_document(store, exported_at="x") == before


def test_check_reports_a_circle_a_store_already_holds(store_path):
    # `partnerdesk check` checks a laptop's file (SQLite's own checks, then the rules' circles):
    # a team server has its administrator's tools.
    with open_store(store_path) as store:
        _check_reports_circles(store)


def _check_reports_circles(store) -> None:
    parties = b.two_parties(store)
    first = services.save(store, "agreement", b.agreement(parties, title="MoU 1999"))
    second = services.save(
        store, "agreement", b.agreement(parties, title="MoU 2018", supersedes_id=first)
    )
    top = services.save(store, "thematic_area", {"name": "Border management"})
    under = services.save(store, "thematic_area", {"name": "Posts", "parent_id": top})
    assert check_store(store).ok
    conn = store.raw_connection()  # as an older version, or a hand, may have left it
    with conn:
        conn.execute("UPDATE agreement SET supersedes_id = ? WHERE id = ?", (second, first))
        conn.execute("UPDATE thematic_area SET parent_id = ? WHERE id = ?", (under, top))
    conn.close()

    report = check_store(store)

    assert sorted(report.problems) == sorted(
        [
            "rules: thematic areas placed under one another in a circle: "
            "“Border management” → “Posts” → “Border management”",
            "rules: agreements superseding one another in a circle: "
            "“MoU 1999” → “MoU 2018” → “MoU 1999”",
        ]
    )


# -- joint activities as their organizers keep them (issue 25) --------------------------------------
def test_a_completed_activity_cannot_lie_in_the_future(store, clock):
    clock.move_to("2026-06-15")
    error = refused(
        store,
        "activity",
        b.activity(status="completed", start_on="2026-06-15", end_on="2026-06-16"),
    )
    assert "cannot lie in the future" in messages(error, "status")
    assert "2026-06-16" in messages(error, "status")
    ended_today = services.save(
        store,
        "activity",
        b.activity(status="completed", start_on="2026-06-14", end_on="2026-06-15"),
    )
    assert services.get(store, "activity", ended_today)["status"] == "completed"
    # Planned in the future is what planning is.
    services.save(
        store, "activity", b.activity(status="planned", start_on="2026-09-01", end_on=None)
    )


def test_postponement_keeps_the_original_dates_in_order(store):
    error = refused(
        store,
        "activity",
        b.activity(
            status="postponed", original_start_on="2026-02-10", original_end_on="2026-02-01"
        ),
    )
    assert "Original end date (2026-02-01) is before original start date" in messages(
        error, "original_end_on"
    )
    error = refused(store, "activity", b.activity(original_end_on="2026-02-01"))
    assert "original start date" in messages(error, "original_start_on")
    saved = services.save(
        store,
        "activity",
        b.activity(
            status="postponed",
            original_start_on="2026-01-26",
            original_end_on="2026-01-28",
            postponement_reason="Venue unavailable",
        ),
    )
    kept = services.get(store, "activity", saved)
    assert (kept["original_start_on"].isoformat(), kept["postponement_reason"]) == (
        "2026-01-26",
        "Venue unavailable",
    )


def test_the_counts_come_from_the_participant_list(store):
    people = [
        {"name": "Wanjiru Kamau", "sex": "woman", "attended": True},
        {"name": "Yusuf Hassan", "sex": "man"},
        {"name": "Amina Ochieng", "sex": "woman", "attended": False},
        {"name": "Li Ming"},  # sex not recorded, attendance not recorded yet
    ]
    # Counts typed beside a list are replaced by the list's.
    saved = services.save(
        store,
        "activity",
        b.activity(
            participants=people, participants_total=26, participants_women=9, participants_men=1
        ),
    )
    kept = services.get(store, "activity", saved)
    assert (
        kept["participants_total"],
        kept["participants_women"],
        kept["participants_men"],
    ) == (3, 1, 1)
    # Nobody's sex recorded: women and men are "not recorded", not 0.
    saved = services.save(store, "activity", b.activity(participants=[{"name": "Li Ming"}]))
    kept = services.get(store, "activity", saved)
    assert (kept["participants_total"], kept["participants_women"], kept["participants_men"]) == (
        1,
        None,
        None,
    )
    # Without a list, the typed counts stay, and the women + men rule still holds.
    saved = services.save(store, "activity", b.activity(participants_total=26))
    assert services.get(store, "activity", saved)["participants_total"] == 26


def test_expected_participants_are_kept_beside_the_actual(store):
    saved = services.save(
        store, "activity", b.activity(participants_expected=24, participants_total=26)
    )
    kept = services.get(store, "activity", saved)
    assert (kept["participants_expected"], kept["participants_total"]) == (24, 26)


def test_a_participant_is_a_person_with_a_name_and_one_organization(store):
    iom, _ = b.two_parties(store)
    error = refused(
        store,
        "activity",
        b.activity(
            participants=[
                {"name": ""},
                {"name": "A", "organization_id": iom, "organization_name": "Kenya Revenue"},
                {"name": "B", "sex": "female", "role": "trainee", "country": "XX"},
                {"name": "C", "email": "c@example.org"},
                {"name": "D", "email": "C@example.org", "attended": "yes"},
            ]
        ),
    )
    assert "Participant 1" in messages(error, "participants[0].name")
    assert "not both" in messages(error, "participants[1].organization_name")
    assert "woman" in messages(error, "participants[2].sex")
    assert "speaker" in messages(error, "participants[2].role")
    assert "ISO 3166" in messages(error, "participants[2].country")
    assert "participant 4" in messages(error, "participants[4].email")
    assert "true or false" in messages(error, "participants[4].attended")


def test_sessions_lie_within_the_activity_and_start_on_their_date(store):
    error = refused(
        store,
        "activity",
        b.activity(
            start_on="2026-02-10",
            end_on="2026-11-10",
            sessions=[
                {"start_on": "2026-02-10", "starts_at": "2026-02-11T14:00"},
                {"start_on": "2026-05-10", "end_on": "2026-05-09"},
                {"start_on": "2026-12-01"},
                {"end_on": "2026-03-01"},
            ],
        ),
    )
    assert "not on its date" in messages(error, "sessions[0].starts_at")
    assert "before its date" in messages(error, "sessions[1].end_on")
    assert "outside the activity's dates (2026-02-10 to 2026-11-10)" in messages(
        error, "sessions[2].start_on"
    )
    assert "Session 4" in messages(error, "sessions[3].start_on")
    saved = services.save(
        store,
        "activity",
        b.activity(
            start_on="2026-02-10",
            end_on="2026-11-10",
            sessions=[
                {
                    "start_on": f"2026-{m:02d}-10",
                    "starts_at": f"2026-{m:02d}-10T14:00",
                    "mode": "online",
                    "participants_total": 150,
                }
                for m in (2, 5, 8, 11)
            ],
        ),
    )
    assert len(services.get(store, "activity", saved)["sessions"]) == 4


def test_a_cost_names_its_currency_and_is_paid_by_the_lead_or_a_partner(store):
    iom, wco = b.two_parties(store)
    stranger = services.save(store, "organization", b.organization(name="Other", acronym="O"))
    error = refused(
        store,
        "activity",
        b.activity(
            lead_organization_id=wco,
            partners=[{"organization_id": iom}],
            costs=[
                {"organization_id": iom, "kind": "travel", "amount": 18450.5},
                {"organization_id": stranger, "kind": "venue", "amount": 1, "currency": "USD"},
                {"kind": "travel", "amount": -5, "currency": "EURO"},
                {"kind": "travel", "amount": 0.1255, "currency": "EUR"},
                {"amount": "lots", "currency": "EUR"},
            ],
        ),
    )
    assert "currency" in messages(error, "costs[0].currency")
    assert "neither the lead organization nor a partner" in messages(
        error, "costs[1].organization_id"
    )
    assert "negative" in messages(error, "costs[2].amount")
    assert "ISO 4217" in messages(error, "costs[2].currency")
    assert "more than 3 decimals" in messages(error, "costs[3].amount")
    assert "required" in messages(error, "costs[4].kind")
    assert "number" in messages(error, "costs[4].amount")
    saved = services.save(
        store,
        "activity",
        b.activity(
            lead_organization_id=wco,
            partners=[{"organization_id": iom}],
            costs=[
                {"organization_id": iom, "kind": "travel", "amount": "18450.50", "currency": "usd"},
                {"organization_id": wco, "kind": "experts", "amount": 0.125, "currency": "KWD"},
            ],
        ),
    )
    costs = services.get(store, "activity", saved)["costs"]
    assert [(str(c["amount"]), c["currency"]) for c in costs] == [
        ("18450.5", "USD"),
        ("0.125", "KWD"),
    ]


def test_an_evaluation_states_its_scale(store):
    error = refused(
        store,
        "activity",
        b.activity(
            participants_total=10, evaluation={"forms_returned": 12, "satisfaction_average": 4.2}
        ),
    )
    assert "scale" in messages(error, "evaluation.satisfaction_scale_max")
    assert "More evaluation forms were returned (12) than there were participants (10)" in messages(
        error, "evaluation.forms_returned"
    )
    error = refused(
        store,
        "activity",
        b.activity(evaluation={"satisfaction_average": 6, "satisfaction_scale_max": 5, "notes": 1}),
    )
    assert "above the scale's highest score (5)" in messages(
        error, "evaluation.satisfaction_average"
    )
    assert "not a field" in messages(error, "evaluation.notes")
    saved = services.save(
        store,
        "activity",
        b.activity(
            evaluation={
                "forms_returned": 21,
                "satisfaction_average": 4.6,
                "satisfaction_scale_max": 5,
                "feedback": "Plus de temps pour l’exercice de simulation.",
            },
            report="Rapport narratif",
        ),
    )
    kept = services.get(store, "activity", saved)
    assert (
        kept["evaluation"]["satisfaction_average"] == 4.6 and kept["report"] == "Rapport narratif"
    )
    # An evaluation with nothing in it is no evaluation.
    saved = services.save(store, "activity", b.activity(evaluation={"feedback": ""}))
    assert services.get(store, "activity", saved)["evaluation"] is None
