"""Merging one thematic area into another: what was filed under the source is found under the
target, its sub-areas follow, the source is archived, and every step is in the history."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from db.errors import ValidationError
from db.queries import listing
from db.records import services
from db.records.maintenance import check_store
from db.records.thematic import area_and_descendants_ids, merge_thematic_areas
from db.schema.models import ThematicArea
from tests import builders as b

TODAY = date(2026, 11, 23)


def _area(store, code: str) -> str:
    with store.reading() as session:
        return session.execute(
            select(ThematicArea.id).where(ThematicArea.code == code)
        ).scalar_one()


def _listed(store, kind: str, area_id: str) -> set[str]:
    with store.reading() as session:
        flt = listing.ListFilter(thematic_area_id=area_id)
        return set(listing.matching_ids(session, kind, flt, TODAY))


def test_records_filed_under_the_source_are_found_under_the_target(store):
    sop, cbm = _area(store, "BM.SOP"), _area(store, "BM.CBM")
    parties = b.two_parties(store)
    agreement = services.save(store, "agreement", b.agreement(parties, thematic_area_ids=[sop]))
    meeting = services.save(store, "consultation", b.consultation(thematic_area_ids=[sop, cbm]))
    workshop = services.save(store, "activity", b.activity(thematic_area_ids=[sop]))
    other = services.save(store, "activity", b.activity(thematic_area_ids=[cbm]))
    merge_thematic_areas(store, sop, cbm)
    assert _listed(store, "agreement", cbm) == {agreement}
    assert _listed(store, "consultation", cbm) == {meeting}
    assert _listed(store, "activity", cbm) == {workshop, other}
    # A record filed under both keeps one link, not two.
    assert services.get(store, "consultation", meeting)["thematic_area_ids"] == [cbm]
    assert services.get(store, "agreement", agreement)["thematic_area_ids"] == [cbm]
    assert services.get(store, "thematic_area", sop)["archived"] is True
    assert _listed(store, "activity", _area(store, "BM")) == {workshop, other}


def test_the_merge_is_in_the_history_of_every_record_it_touched(store):
    sop, cbm = _area(store, "BM.SOP"), _area(store, "BM.CBM")
    workshop = services.save(store, "activity", b.activity(thematic_area_ids=[sop]))
    services.set_officer_name(store, "Élodie Marchand")
    merge_thematic_areas(store, sop, cbm)
    [change] = [
        h for h in services.change_history(store, "activity", workshop) if h.operation == "update"
    ]
    assert change.field == "thematic_area_ids"
    assert (json.loads(change.old_value), json.loads(change.new_value)) == ([sop], [cbm])
    assert change.changed_by == "Élodie Marchand"
    [archived] = services.change_history(store, "thematic_area", sop)[:1]
    assert (archived.operation, archived.field, archived.new_value) == (
        "archive",
        "archived",
        "true",
    )


def test_the_sub_areas_of_the_source_move_under_the_target(store):
    sop, cb = _area(store, "BM.SOP"), _area(store, "CB")
    child = services.save(
        store,
        "thematic_area",
        {"code": "BM.SOP.OSBP", "name": "SOPs at border posts", "parent_id": sop},
    )
    activity = services.save(store, "activity", b.activity(thematic_area_ids=[child]))
    merge_thematic_areas(store, sop, cb)
    assert services.get(store, "thematic_area", child)["parent_id"] == cb
    assert [h.field for h in services.change_history(store, "thematic_area", child)][
        0
    ] == "parent_id"
    with store.reading() as session:
        assert child in area_and_descendants_ids(session, cb)
        assert area_and_descendants_ids(session, sop) == [sop]
    assert _listed(store, "activity", cb) == {activity}


def test_search_stays_right_after_a_merge(store):
    sop, cbm = _area(store, "BM.SOP"), _area(store, "BM.CBM")
    parties = b.two_parties(store)
    agreement = services.save(
        store,
        "agreement",
        b.agreement(parties, title="MoU on Zanzibarite ports", thematic_area_ids=[sop]),
    )
    merge_thematic_areas(store, sop, cbm)
    assert [h.record_id for h in services.find(store, "Zanzibarite")] == [agreement]
    # The source left searches with the archive, and is still found among archived records.
    assert services.find(store, "Standard operating procedures", kinds=["thematic_area"]) == []
    found = services.find(
        store, "Standard operating procedures", kinds=["thematic_area"], include_archived=True
    )
    assert [(h.record_id, h.archived) for h in found] == [(sop, True)]
    assert check_store(store).ok


def test_an_area_can_be_merged_into_its_parent(store):
    bm, sop = _area(store, "BM"), _area(store, "BM.SOP")
    both = services.save(store, "activity", b.activity(thematic_area_ids=[bm, sop]))
    merge_thematic_areas(store, sop, bm)
    assert services.get(store, "activity", both)["thematic_area_ids"] == [bm]


def _refusal(store, source: str, target: str) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        merge_thematic_areas(store, source, target)
    return caught.value


def test_merging_into_a_sub_area_is_refused_and_nothing_changes(store):
    bm, sop = _area(store, "BM"), _area(store, "BM.SOP")
    activity = services.save(store, "activity", b.activity(thematic_area_ids=[bm]))
    error = _refusal(store, bm, sop)
    assert error.for_field("target_id") == [
        "“BM Border management” cannot be merged into its own sub-area "
        "“BM.SOP Standard operating procedures”: choose an area outside it, or move the sub-area out first."
    ]
    assert services.get(store, "activity", activity)["thematic_area_ids"] == [bm]
    assert services.get(store, "thematic_area", bm)["archived"] is False
    assert services.get(store, "thematic_area", sop)["parent_id"] == bm


def test_a_deeper_sub_area_is_refused_too(store):
    bm, sop = _area(store, "BM"), _area(store, "BM.SOP")
    deeper = services.save(store, "thematic_area", {"name": "Deeper", "parent_id": sop})
    assert _refusal(store, bm, deeper).for_field("target_id")


def test_merging_into_itself_an_unknown_or_an_archived_area_is_refused(store):
    bm, ch = _area(store, "BM"), _area(store, "CH")
    assert _refusal(store, bm, bm).for_field("target_id") == [
        "A thematic area cannot be merged into itself."
    ]
    unknown = b.new_id()
    assert _refusal(store, unknown, bm).for_field("source_id") == [
        f"No thematic area has the id {unknown}."
    ]
    services.archive(store, "thematic_area", ch)
    assert _refusal(store, bm, ch).for_field("target_id") == [
        "The thematic area “CH Cultural heritage” is archived; restore it first."
    ]
    assert services.get(store, "thematic_area", bm)["archived"] is False
