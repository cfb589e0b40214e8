"""What the thematic areas page learns from the store without a window: an area's name as shown,
the areas under one, and what a merge would move (counted before the officer confirms)."""

from __future__ import annotations

from datetime import date

from db.queries import listing
from db.queries.thematic_areas import area_label, merge_effects, subtree_ids
from db.records import services
from tests import builders as b

TODAY = date(2026, 11, 23)


def _tree(store) -> list[listing.AreaNode]:
    with store.reading() as session:
        return listing.area_tree(session, include_archived=True)


def _area(store, code: str) -> listing.AreaNode:
    return next(n for n in _tree(store) if n.code == code)


def test_an_area_is_named_by_its_code_then_its_name(store):
    assert area_label(_area(store, "BM.SOP")) == "BM.SOP Standard operating procedures"
    assert area_label(listing.AreaNode("x", None, "Public health", 0, None, False)) == (
        "Public health"
    )
    assert area_label(None) == ""


def test_the_areas_under_one_are_all_its_sub_areas_and_no_other(store):
    nodes = _tree(store)
    border = _area(store, "BM")
    under = subtree_ids(nodes, border.id)
    assert border.id in under
    assert _area(store, "BM.SOP").id in under
    assert _area(store, "CB").id not in under
    assert subtree_ids(nodes, _area(store, "BM.SOP").id) == {_area(store, "BM.SOP").id}


def test_a_merge_would_move_what_is_filed_under_the_area_and_its_sub_areas(store):
    border, sop = _area(store, "BM"), _area(store, "BM.SOP")
    parties = b.two_parties(store)
    services.save(store, "agreement", b.agreement(parties, thematic_area_ids=[sop.id]))
    services.save(store, "consultation", b.consultation(thematic_area_ids=[border.id]))
    archived = services.save(store, "activity", b.activity(thematic_area_ids=[sop.id]))
    services.save(store, "activity", b.activity(thematic_area_ids=[sop.id]))
    services.archive(store, "activity", archived)
    with store.reading() as session:
        moved = merge_effects(session, border.id, TODAY)
        nothing = merge_effects(session, _area(store, "CB.MAT").id, TODAY)
    sub_areas = sum(1 for n in _tree(store) if n.parent_id == border.id)
    assert (moved.agreements, moved.consultations, moved.activities) == (1, 1, 2)
    assert moved.sub_areas == sub_areas > 0
    assert (nothing.agreements, nothing.consultations, nothing.activities) == (0, 0, 0)
    assert nothing.sub_areas == 0
