"""The sample partnerships: the two reference memoranda with their real parties and dates."""

from __future__ import annotations

from datetime import date

from db.exchange.document import export_document
from db.exchange.sample import load_sample, sample_document
from db.records import derived, services


def _by(doc, key, field, value):
    return next(r for r in doc[key] if r[field] == value)


def test_the_sample_holds_both_reference_memoranda(store):
    load_sample(store, today=date(2026, 11, 23))
    doc = export_document(store)
    orgs = {o["id"]: o for o in doc["organizations"]}
    mou_2018 = next(
        a
        for a in doc["agreements"]
        if a["parties"] and a["parties"][0]["signed_on"] == "2018-05-07"
    )
    assert [
        (
            orgs[p["organization_id"]]["acronym"],
            p["signatory_name"],
            p["signatory_title"],
            p["signed_at"],
            p["signed_on"],
        )
        for p in mou_2018["parties"]
    ] == [
        ("IOM", "William Lacy Swing", "Director General", "Geneva", "2018-05-07"),
        ("WCO", "Kunio Mikuriya", "Secretary General", "Brussels", "2018-05-08"),
    ]
    assert (
        mou_2018["kind"],
        mou_2018["entry_into_force"],
        mou_2018["notice_months"],
        mou_2018["expires_on"],
    ) == ("memorandum_of_understanding", "2018-05-08", 6, None)
    mou_1999 = next(a for a in doc["agreements"] if a["entry_into_force"] == "1999-05-21")
    signatures = sorted(
        (orgs[p["organization_id"]]["acronym"], p["signatory_name"], p["signed_at"], p["signed_on"])
        for p in mou_1999["parties"]
    )
    assert signatures == [
        ("ICMPD", "Jonas Widgren", "Brussels", "1999-05-21"),
        ("WCO", "Michel Danet", "Brussels", "1999-05-21"),
    ]
    assert mou_1999["notice_months"] == 6
    assert [o["acronym"] for o in doc["organizations"] if o["is_ours"]] == ["WCO"]


def test_invented_people_use_example_addresses(store):
    load_sample(store)
    emails = [c["email"] for c in export_document(store)["contacts"] if c["email"]]
    assert emails and all(e.endswith("@example.org") for e in emails)


def test_invented_dates_move_with_today_but_the_instruments_do_not():
    later = sample_document(today=date(2027, 11, 22))
    now = sample_document(today=date(2026, 11, 23))
    assert (
        _by(later, "agreements", "reference", "WCO/IOM/MOU/2018")["parties"]
        == _by(now, "agreements", "reference", "WCO/IOM/MOU/2018")["parties"]
    )
    first_now, first_later = (
        now["consultations"][0]["starts_at"],
        later["consultations"][0]["starts_at"],
    )
    assert date.fromisoformat(first_later[:10]) - date.fromisoformat(first_now[:10]) == date(
        2027, 11, 22
    ) - date(2026, 11, 23)
    assert (
        date.fromisoformat(first_later[:10]).weekday()
        == date.fromisoformat(first_now[:10]).weekday()
    )


def test_the_sample_has_upcoming_and_late_work(store, clock):
    load_sample(store)
    doc = export_document(store)
    today = clock.today()
    assert any(c["starts_at"] > today.isoformat() for c in doc["consultations"])
    assert any(a["start_on"] and a["start_on"] > today.isoformat() for a in doc["activities"])
    late = [
        f
        for f in doc["follow_ups"]
        if derived.is_late(
            {
                "status": f["status"],
                "due_on": date.fromisoformat(f["due_on"]) if f["due_on"] else None,
            },
            today,
        )
    ]
    assert late


def test_loading_the_sample_twice_changes_nothing(store):
    load_sample(store)
    summary = load_sample(store)
    assert sum(summary.created.values()) == sum(summary.updated.values()) == 0


def test_the_sample_does_not_take_the_place_of_our_organization(store):
    ours = services.save(
        store,
        "organization",
        {"name": "Agence des migrations", "kind": "national_administration", "is_ours": True},
    )
    load_sample(store)
    assert [o["id"] for o in export_document(store)["organizations"] if o["is_ours"]] == [ours]
