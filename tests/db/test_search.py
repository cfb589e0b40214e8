"""Search finds records by a word in each indexed field, ignoring accents, and stops finding them
once the word is edited away."""

from __future__ import annotations

from datetime import date

import pytest

from db.records import services
from db.records.search import END_MARK, MARK
from tests import builders as b

WORD = "Zanzibarite"


def _record(store, kind: str, field: str, value):
    if kind == "organization":
        return b.organization(**{field: value})
    if kind == "agreement":
        return b.agreement(b.two_parties(store), **{field: value})
    if kind == "consultation":
        return b.consultation(**{field: value})
    if kind == "activity":
        return b.activity(**{field: value})
    if kind == "follow_up":
        return b.follow_up(**{field: value})
    return {"name": "Someone", field: value}


CASES = [
    ("organization", "name", lambda w: f"Agence {w}"),
    ("organization", "acronym", lambda w: w),
    ("organization", "mandate", lambda w: f"Border work in {w} corridors"),
    ("thematic_area", "name", lambda w: f"{w} studies"),
    ("thematic_area", "description", lambda w: f"About {w}"),
    ("agreement", "title", lambda w: f"MoU on {w}"),
    ("agreement", "reference", lambda w: f"{w}/2018"),
    ("agreement", "summary", lambda w: f"Cooperation on {w}."),
    (
        "agreement",
        "provisions",
        lambda w: [{"article": "4", "heading": "Scope", "summary": f"Joint {w} research"}],
    ),
    ("agreement", "commitments", lambda w: [{"text": f"Run a {w} course"}]),
    ("consultation", "title", lambda w: f"{w} meeting"),
    ("consultation", "agenda", lambda w: f"1. {w} corridor"),
    ("consultation", "summary", lambda w: f"Discussed {w}"),
    ("consultation", "decisions", lambda w: f"Agreed to study {w}"),
    ("activity", "title", lambda w: f"{w} workshop"),
    ("activity", "objectives", lambda w: f"Train {w} officers"),
    ("activity", "results", lambda w: f"{w} manual drafted"),
    ("activity", "lessons", lambda w: f"{w} needs interpreters"),
    ("follow_up", "text", lambda w: f"Send the {w} report"),
    ("contact", "name", lambda w: f"Amina {w}"),
]


@pytest.mark.parametrize(("kind", "field", "value"), CASES, ids=[f"{k}.{f}" for k, f, _ in CASES])
def test_a_word_in_each_indexed_field_is_found_until_edited_away(store, kind, field, value):
    raw = _record(store, kind, field, value(WORD))
    record_id = services.save(store, kind, raw)
    hits = services.find(store, WORD.lower())
    assert [(h.kind, h.record_id) for h in hits] == [(kind, record_id)]
    raw = services.get_exchange(store, kind, record_id)
    raw[field] = value("Lusaka")
    services.save(store, kind, raw)
    assert services.find(store, WORD) == []
    assert [h.record_id for h in services.find(store, "lusaka")] == [record_id]


def test_search_ignores_accents_both_ways(store):
    record_id = services.save(store, "contact", {"name": "María Ibáñez"})
    assert [h.record_id for h in services.find(store, "ibanez")] == [record_id]
    other = services.save(
        store, "organization", b.organization(name="Direction nationale des frontieres")
    )
    found = services.find(store, "frontières", kinds=["organization"])  # areas too, in French
    assert [h.record_id for h in found] == [other]


def test_search_finds_chinese_and_arabic_words(store):
    chinese = services.save(store, "organization", b.organization(name="世界海关组织"))
    arabic = services.save(
        store, "organization", b.organization(name="المنظمة العالمية للجمارك", acronym="OMD")
    )
    assert [h.record_id for h in services.find(store, "海关")] == [chinese]
    assert [h.record_id for h in services.find(store, "للجمارك")] == [arabic]
    assert services.find(store, "海关")[0].title == f"世界{MARK}海关{END_MARK}组织 (WCO)"


def test_words_are_matched_as_prefixes_and_all_must_match(store):
    record_id = services.save(
        store, "agreement", b.agreement(b.two_parties(store), title="Coordinated border management")
    )
    assert [h.record_id for h in services.find(store, "coord bord", kinds=["agreement"])] == [
        record_id
    ]
    assert services.find(store, "coordinated trafficking", kinds=["agreement"]) == []


def test_archived_records_leave_search_until_restored(store):
    record_id = services.save(
        store, "follow_up", b.follow_up(text="Renew the Zanzibarite arrangement")
    )
    services.archive(store, "follow_up", record_id)
    assert services.find(store, WORD) == []
    assert [h.record_id for h in services.find(store, WORD, include_archived=True)] == [record_id]
    services.restore(store, "follow_up", record_id)
    assert [h.record_id for h in services.find(store, WORD)] == [record_id]


@pytest.mark.parametrize("query", ['"', "AND", "OR NOT", "*", "NEAR(", "-", "title:x", "''"])
def test_what_an_officer_types_never_breaks_the_search(store, query):
    services.find(store, query)


def test_a_pasted_page_makes_a_bounded_query():
    from db.records.search import MAX_TERMS, match_expression

    expression = match_expression("Lomé " * 5000 + " ".join(f"w{n}" for n in range(500)))
    assert expression.count("AND") == MAX_TERMS - 1
    assert expression.startswith('"Lomé"* AND "w0"*')  # each word once, in order


def test_a_common_word_lists_the_title_hits_first_with_marked_snippets(store, monkeypatch):
    """More matches than the page shows: the records named after the word are never crowded out
    by newer records that only mention it, and every snippet marks the word."""
    from db.records import search

    monkeypatch.setattr(search, "WINDOW", 6)  # as if the store held thousands of mentions
    named = [
        services.save(store, "activity", b.activity(title=f"Zanzibarite workshop {n}"))
        for n in range(3)
    ]
    for n in range(20):
        services.save(store, "activity", b.activity(objectives=f"Train Zanzibarite officers {n}"))
    hits = services.find(store, "zanzib", limit=8)
    assert len(hits) == 8
    assert sorted(h.record_id for h in hits[:3]) == sorted(named)
    assert all(f"{MARK}Zanzibarite{END_MARK}" in h.snippet for h in hits)
    # Archived title hits stay out; the others move up, the page still full.
    services.archive(store, "activity", named[0])
    hits = services.find(store, "zanzib", limit=8)
    assert len(hits) == 8
    assert sorted(h.record_id for h in hits[:2]) == sorted(named[1:])
    assert named[0] not in {h.record_id for h in hits}


def test_the_other_matches_are_ranked_by_relevance(store):
    """No title hit: the record that says the word most, in the shortest text, comes first."""
    once = services.save(
        store, "activity", b.activity(objectives="Train officers on Zanzibarite " + "x " * 40)
    )
    often = services.save(
        store, "activity", b.activity(objectives="Zanzibarite routes, Zanzibarite ports")
    )
    assert [h.record_id for h in services.find(store, "zanzibarite")] == [often, once]


# -- the officer: who took part, and areas in French ----------------------------------------
def _hits(store, words: str) -> list[tuple[str, str]]:
    return [(h.kind, h.record_id) for h in services.find(store, words)]


def test_a_contacts_name_finds_the_consultations_where_they_took_part(store):
    from tests.desktop.unoct import enter_unoct_and_the_visit

    entered = enter_unoct_and_the_visit(store)  # Voronkov chosen as a contact, no name typed
    assert ("consultation", entered.visit) in _hits(store, "Voronkov")
    # Renamed, the contact finds the meeting by the new name, and no longer by the old one.
    contact = services.get_exchange(store, "contact", entered.voronkov)
    services.save(store, "contact", {**contact, "name": "Vladimir Ivanovich Voronkov"})
    assert ("consultation", entered.visit) in _hits(store, "Ivanovich")
    services.save(store, "contact", {**contact, "name": "V. Voronkov-Smith"})
    assert ("consultation", entered.visit) not in _hits(store, "Ivanovich")


def test_thematic_areas_are_found_by_their_french_names(store):
    found = services.find(store, "contre-terrorisme")
    assert [(h.kind, h.title) for h in found][:1] == [
        ("thematic_area", "CT Counter-terrorism and passenger data")
    ]
    assert any(h.title.startswith("TS.SOM") for h in services.find(store, "trafic illicite"))


def test_an_activity_is_found_by_what_officers_type(store):
    """Its partners' and lead's names and acronyms (not written in its text), its kind in English
    and French, its city, its country in English and French, its participants' names."""
    iom, other = b.two_parties(store)
    wco = services.save(
        store, "organization", b.organization(name="World Customs Organization", acronym="WCO")
    )
    workshop = services.save(
        store,
        "activity",
        b.activity(
            title="Regional meeting on coordinated border management",
            lead_organization_id=wco,
            partners=[{"organization_id": iom}],
            city="Nairobi",
            country="KE",
            participants=[{"name": "Wanjiru Kamau"}],
        ),
    )
    training = services.save(
        store,
        "activity",
        b.activity(
            title="Trainers' course",
            kind="training",
            country="DE",
            partners=[{"organization_id": other}],
            lead_organization_id=iom,
        ),
    )
    for words in ("IOM", "international migration", "WCO", "world customs", "workshop",
                  "atelier", "nairobi", "kenya", "Wanjiru"):  # fmt: skip
        assert ("activity", workshop) in _hits(store, words), words
    assert {r for k, r in _hits(store, "IOM") if k == "activity"} == {workshop, training}
    assert ("activity", training) in _hits(store, "formation")
    assert ("activity", training) in _hits(store, "allemagne")
    assert ("activity", training) in _hits(store, "germany")
    assert ("activity", workshop) not in _hits(store, "formation")


def test_a_partner_renamed_finds_its_activities_by_the_new_name(store):
    iom, _other = b.two_parties(store)
    led = services.save(store, "activity", b.activity(lead_organization_id=iom))
    partnered = services.save(store, "activity", b.activity(partners=[{"organization_id": iom}]))
    partner = services.get_exchange(store, "organization", iom)
    services.save(store, "organization", {**partner, "name": "UN Migration", "acronym": "OIM"})
    for words in ("OIM", "UN Migration"):
        found = {r for k, r in _hits(store, words) if k == "activity"}
        assert found == {led, partnered}, words
    assert {r for k, r in _hits(store, "IOM") if k == "activity"} == set()


def test_hits_show_their_date_and_mark_what_matched(store):
    dated = services.save(store, "activity", b.activity(title="Zanzibarite <b>workshop</b>"))
    services.save(store, "organization", b.organization(name="Zanzibarite agency"))
    hits = {h.kind: h for h in services.find(store, "zanzibarite")}
    assert hits["activity"].record_id == dated
    assert hits["activity"].on == date(2026, 3, 2)
    assert hits["organization"].on is None
    assert hits["activity"].title == f"{MARK}Zanzibarite{END_MARK} <b>workshop</b>"
    assert f"{MARK}Zanzibarite{END_MARK} agency" in hits["organization"].snippet
