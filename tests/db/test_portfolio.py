"""The portfolio review: each agreement's verdict and its reasons, on a store built for it
(docs/portfolio-review.md states the rules tested here)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from db.errors import ValidationError
from db.queries import portfolio
from db.queries import portfolio_words as words
from db.records import services
from db.store.engine import Store
from tests import builders as b

TODAY = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def on_the_day(clock):
    clock.move_to(datetime(2026, 11, 23, 10, 0, tzinfo=UTC))


def review(store: Store, as_of: date = TODAY, **limits) -> dict[str, portfolio.Assessment]:
    with store.reading() as session:
        thresholds = portfolio.Thresholds(**limits) if limits else None
        found = portfolio.assess(session, as_of, thresholds)
    return {a.title: a for a in found.assessments}


def held_activity(store: Store, agreement_id: str, day: str, **fields) -> str:
    return services.save(
        store,
        "activity",
        b.activity(
            agreement_id=agreement_id, start_on=day, end_on=day, status="completed", **fields
        ),
    )


@pytest.fixture
def parties(store):
    return b.two_parties(store)


def test_an_instrument_unused_for_six_years_is_dormant_and_says_so(store, parties):
    mou = services.save(store, "agreement", b.agreement(parties, title="Old MoU"))
    held_activity(store, mou, "2020-10-01")
    found = review(store)["Old MoU"]
    assert found.verdict == portfolio.DORMANT
    assert words.reasons_text(found) == "nothing held in 5 years (last: 1 October 2020)"
    assert found.last_activity[0] == date(2020, 10, 1)
    assert found.held[5].activities == 0


def test_a_workshop_under_its_project_agreement_last_year_makes_it_active(store, parties):
    mou = services.save(store, "agreement", b.agreement(parties, title="Framework MoU"))
    project = services.save(
        store,
        "agreement",
        b.agreement(parties, title="Project agreement", kind="project_agreement", parent_id=mou),
    )
    workshop = held_activity(
        store, project, "2025-12-01", participants_total=20, participants_women=12
    )
    found = review(store)
    assert found["Framework MoU"].verdict == portfolio.ACTIVE
    assert found["Framework MoU"].held[1].activities == 1
    assert found["Framework MoU"].held[1].women == 12
    assert found["Framework MoU"].project_agreements == 1
    assert words.reasons_text(found["Framework MoU"]) == "last held 1 December 2025"
    with store.reading() as session:
        behind = portfolio.records_behind(session, mou, portfolio.ACTIVITIES, TODAY, years=1)
    assert behind == ("activity", (workshop,))


def test_planned_and_cancelled_activities_are_not_use(store, parties):
    mou = services.save(store, "agreement", b.agreement(parties, title="MoU"))
    for status in ("planned", "cancelled", "postponed"):
        services.save(
            store, "activity", b.activity(agreement_id=mou, start_on="2026-01-10", status=status)
        )
    assert review(store)["MoU"].verdict == portfolio.DORMANT
    assert review(store)["MoU"].held[5].activities == 0


def test_a_superseded_instrument_names_its_successor(store, parties):
    old = services.save(
        store, "agreement", b.agreement(parties, title="MoU of 1999", status="superseded")
    )
    services.save(
        store,
        "agreement",
        b.agreement(parties, title="MoU of 2018", reference="WCO/IOM/2018", supersedes_id=old),
    )
    found = review(store)["MoU of 1999"]
    assert found.verdict == portfolio.SUPERSEDED
    assert found.superseded_by[1] == "WCO/IOM/2018"
    assert words.reasons_text(found) == "superseded by WCO/IOM/2018"
    assert words.reasons_text(found, "fr") == "remplacé par WCO/IOM/2018"


def test_the_officers_thresholds_change_the_verdicts(store, parties):
    mou = services.save(store, "agreement", b.agreement(parties, title="MoU"))
    held_activity(store, mou, "2023-06-01")  # three and a half years ago
    assert review(store)["MoU"].verdict == portfolio.QUIET
    assert review(store, quiet_years=4, dormant_years=5)["MoU"].verdict == portfolio.ACTIVE
    assert review(store, quiet_years=1, dormant_years=3)["MoU"].verdict == portfolio.DORMANT
    with store.unit_of_work() as session:
        portfolio.save_thresholds(session, portfolio.Thresholds(quiet_years=4, dormant_years=8))
    assert review(store)["MoU"].verdict == portfolio.ACTIVE


def test_thresholds_that_make_no_sense_are_refused_with_the_field_named(store):
    with pytest.raises(ValidationError) as refused, store.unit_of_work() as session:
        portfolio.save_thresholds(session, portfolio.Thresholds(quiet_years=5, dormant_years=3))
    assert refused.value.problems[0].field == "Dormant after (years)"
    with pytest.raises(ValidationError) as refused, store.unit_of_work() as session:
        portfolio.save_thresholds(session, portfolio.Thresholds(expiring_days=-1))
    assert refused.value.problems[0].field == "Expiring within (days)"
    with store.reading() as session:
        assert portfolio.read_thresholds(session) == portfolio.Thresholds()


def test_expiry_notice_and_review_dates_come_first(store, parties):
    services.save(
        store,
        "agreement",
        b.agreement(parties, title="Expiring", expires_on="2027-03-01", notice_months=1),
    )
    services.save(
        store,
        "agreement",
        b.agreement(parties, title="Notice soon", expires_on="2029-01-31", notice_months=24),
    )
    services.save(
        store, "agreement", b.agreement(parties, title="Review late", review_on="2026-09-01")
    )
    found = review(store)
    assert found["Expiring"].verdict == portfolio.EXPIRING
    assert found["Expiring"].days_to_expiry == 98
    assert words.reason_text(found["Expiring"].reasons[0]) == "expires in 98 days (1 March 2027)"
    assert found["Notice soon"].verdict == portfolio.EXPIRING
    assert found["Notice soon"].notice_by == date(2027, 1, 31)
    assert found["Review late"].verdict == portfolio.REVIEW_DUE
    assert words.reason_text(found["Review late"].reasons[0]) == (
        "review was due 83 days ago (1 September 2026)"
    )
    # The other reasons are kept: a dormant instrument due for review says both.
    assert [r.code for r in found["Review late"].reasons] == ["review_overdue", "never_used"]


def test_a_new_instrument_is_not_dormant_before_the_quiet_threshold(store, parties):
    services.save(
        store, "agreement", b.agreement(parties, title="Fresh", entry_into_force="2026-06-01")
    )
    undated = b.agreement(parties, title="No dates", entry_into_force=None)
    for party in undated["parties"]:
        party["signed_on"] = None
    services.save(store, "agreement", undated)
    found = review(store)
    assert found["Fresh"].verdict == portfolio.NEW
    assert found["No dates"].verdict == portfolio.DORMANT
    assert found["No dates"].reasons[0].code == "never_used_no_date"


def test_instruments_not_in_force_say_their_status(store, parties):
    services.save(
        store,
        "agreement",
        b.agreement(parties, title="Draft", status="under_negotiation", entry_into_force=None),
    )
    services.save(store, "agreement", b.agreement(parties, title="Old", expires_on="2020-01-01"))
    found = review(store)
    assert found["Draft"].verdict == portfolio.NOT_IN_FORCE
    assert words.reasons_text(found["Draft"], "fr") == "statut\u00a0: en négociation"
    assert found["Old"].verdict == portfolio.EXPIRED
    assert found["Old"].status == "expired"


def test_open_and_late_follow_ups_under_the_agreement_count(store, parties):
    mou = services.save(store, "agreement", b.agreement(parties, title="MoU"))
    meeting = services.save(
        store,
        "consultation",
        b.consultation(agreement_ids=[mou], starts_at="2026-10-01T10:00"),
    )
    late = services.save(
        store,
        "follow_up",
        b.follow_up(source_kind="consultation", source_id=meeting, due_on="2026-11-01"),
    )
    services.save(
        store,
        "follow_up",
        b.follow_up(source_kind="agreement", source_id=mou, due_on="2027-01-15"),
    )
    services.save(
        store,
        "follow_up",
        b.follow_up(
            source_kind="agreement", source_id=mou, status="done", completed_on="2026-11-02"
        ),
    )
    found = review(store)["MoU"]
    assert (found.follow_ups_open, found.follow_ups_late) == (2, 1)
    assert found.held[1].consultations == 1
    with store.reading() as session:
        behind = portfolio.records_behind(session, mou, portfolio.FOLLOW_UPS_LATE, TODAY)
    assert behind == ("follow_up", (late,))


def test_as_of_a_past_day_the_review_is_what_the_store_knew_then(store, parties):
    mou = services.save(store, "agreement", b.agreement(parties, title="MoU"))
    held_activity(store, mou, "2021-03-01")
    held_activity(store, mou, "2025-03-01")
    services.save(
        store,
        "agreement",
        b.agreement(parties, title="Signed later", entry_into_force="2026-01-10"),
    )
    not_signed = b.agreement(parties, title="Not signed then", entry_into_force="2025-06-01")
    for party in not_signed["parties"]:
        party["signed_on"] = "2025-05-30"
    services.save(store, "agreement", not_signed)
    # The MoU is terminated today: a year ago it was still in force.
    services.save(
        store,
        "agreement",
        {**services.get_exchange(store, "agreement", mou), "status": "terminated"},
    )
    now = review(store)
    assert now["MoU"].verdict == portfolio.TERMINATED
    then = review(store, as_of=date(2024, 12, 31))
    assert then["MoU"].status == "in_force"
    assert then["MoU"].verdict == portfolio.QUIET  # nothing between March 2021 and 2024
    assert then["MoU"].last_activity[0] == date(2021, 3, 1)
    # Signed, but not in force yet on that day.
    assert then["Signed later"].verdict == portfolio.NOT_IN_FORCE
    assert words.reasons_text(then["Signed later"]) == "enters into force on 10 January 2026"
    assert "Not signed then" not in then


def test_the_summary_counts_each_verdict_and_partner_kind(store, parties):
    services.save(store, "agreement", b.agreement(parties, title="A"))
    services.save(store, "agreement", b.agreement(parties, title="B", status="terminated"))
    with store.reading() as session:
        found = portfolio.assess(session, TODAY)
    assert found.by_verdict()[portfolio.DORMANT] == 1
    assert found.by_verdict()[portfolio.TERMINATED] == 1
    assert found.in_force() == 1
    by_kind = found.by_partner_kind()
    assert by_kind["intergovernmental_organization"][portfolio.DORMANT] == 1


def test_the_officers_latest_assessment_is_shown_beside_the_verdict(store, parties):
    mou = b.agreement(
        parties,
        title="MoU",
        assessments=[
            {
                "assessed_on": "2024-02-01",
                "rating": "fair",
                "recommendation": "revise",
                "narrative": "Workshops only in Geneva.",
            },
            {
                "assessed_on": "2026-03-03",
                "rating": "good",
                "recommendation": "renew",
                "assessed_by": "A. Diallo",
            },
        ],
    )
    mou_id = services.save(store, "agreement", mou)
    stored = services.get_exchange(store, "agreement", mou_id)["assessments"]
    assert [a["recommendation"] for a in stored] == ["revise", "renew"]
    assert all(a["id"] for a in stored)  # each kept with an id of its own
    now = review(store)["MoU"]
    assert now.verdict == portfolio.DORMANT  # the officers' view never changes the rules' verdict
    assert words.officer_assessment_text(now.officer_assessment) == (
        "Renew (3 March 2026, rated good, by A. Diallo)"
    )
    then = review(store, as_of=date(2025, 1, 1))["MoU"]
    assert words.officer_assessment_text(then.officer_assessment, "fr") == (
        "Réviser (1er février 2024, appréciation\u00a0: moyen)"
    )
    assert then.officer_assessment["narrative"] == "Workshops only in Geneva."


def test_an_assessment_without_a_date_or_recommendation_is_refused_whole(store, parties):
    bad = b.agreement(parties, title="MoU", assessments=[{"rating": "good"}])
    with pytest.raises(ValidationError) as refused:
        services.save(store, "agreement", bad)
    fields = {p.field for p in refused.value.problems}
    assert fields == {"assessments[0].assessed_on", "assessments[0].recommendation"}
    assert review(store) == {}


def test_a_consultation_under_a_framework_and_its_project_counts_once(store, parties):
    mou = services.save(store, "agreement", b.agreement(parties, title="Framework"))
    project = services.save(
        store,
        "agreement",
        b.agreement(parties, title="Project", kind="project_agreement", parent_id=mou),
    )
    archived = services.save(store, "agreement", b.agreement(parties, title="Archived"))
    services.save(
        store,
        "consultation",
        b.consultation(agreement_ids=[mou, project], starts_at="2026-04-02T10:00"),
    )
    held_activity(store, project, "2025-05-05")
    held_activity(store, archived, "2025-05-06")
    services.archive(store, "agreement", archived)
    found = review(store)
    assert found["Framework"].held[1].consultations == 1
    assert found["Project"].held[1].consultations == 1
    with store.reading() as session:
        assert portfolio.held_by_year(session, TODAY, [mou]) == {2025: (1, 0), 2026: (0, 1)}
        # Across the portfolio: the archived agreement's workshop is not in it.
        assert portfolio.held_by_year(session, TODAY) == {2025: (1, 0), 2026: (0, 1)}


def test_the_next_deadline_is_asked_only_of_an_instrument_in_force(store, parties):
    services.save(
        store,
        "agreement",
        b.agreement(parties, title="Expired", expires_on="2025-01-01", review_on="2024-06-01"),
    )
    services.save(
        store,
        "agreement",
        b.agreement(parties, title="In force", expires_on="2027-06-01", review_on="2026-10-01"),
    )
    found = review(store)
    assert portfolio.next_deadline(found["Expired"]) is None
    # An overdue review comes before an expiry still ahead: it is late already.
    deadline = portfolio.next_deadline(found["In force"])
    assert (deadline.what, deadline.day, deadline.days) == ("review", date(2026, 10, 1), -53)
