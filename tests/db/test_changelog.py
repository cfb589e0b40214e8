"""The change log: what a store has seen (its version vector), the changes another store lacks,
and changes applied twice, out of order or in pieces, which change nothing more
(docs/sync.md, "The change log")."""

from __future__ import annotations

import shutil
import tempfile
import uuid
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.errors import ValidationError
from db.records import changelog, services
from db.records.changelog import LoggedChange
from db.records.history import history_of
from db.store.engine import Store
from tests import builders


def _vector(store: Store) -> dict[str, int]:
    with store.reading() as session:
        return changelog.version_vector(session)


def _lacking(store: Store, vector: dict[str, int]) -> list[LoggedChange]:
    with store.reading() as session:
        return changelog.changes_lacking(session, vector)


def _apply(store: Store, changes: list[LoggedChange]) -> list[LoggedChange]:
    with store.unit_of_work() as session:
        return changelog.apply_changes(session, changes)


def _change(store_id: str, seq: int, **fields) -> LoggedChange:
    return LoggedChange(
        **{
            "store_id": store_id,
            "seq": seq,
            "changed_at": datetime(2026, 11, 23, 10, 0) + timedelta(minutes=seq),
            "changed_by": "Amina",
            "operation": "update",
            "record_kind": "agreement",
            "record_id": "0b9a7d3e-0000-4000-8000-000000000001",
            "field": "title",
            "old_value": f"Title {seq - 1}",
            "new_value": f"Title {seq}",
            **fields,
        }
    )


def test_a_store_hands_over_what_the_other_lacks_and_nothing_twice(store, other_store):
    hq, laptop = store, other_store
    org = services.save(hq, "organization", builders.organization())
    services.save(hq, "organization", builders.organization(id=org, name="WCO Secretariat"))
    services.save(laptop, "organization", builders.organization(name="From the laptop"))

    lacking = _lacking(hq, _vector(laptop))
    # The two stores share the thematic tree of the store they were copied from: only what HQ
    # wrote since is lacking, its creation and its renaming.
    assert [(c.store_id, c.seq, c.operation, c.field) for c in lacking] == [
        (hq.store_id(), 1, "create", ""),
        (hq.store_id(), 2, "update", "name"),
    ]
    assert _apply(laptop, lacking) == lacking
    assert _vector(laptop) == {**_vector(laptop), hq.store_id(): 2}
    assert _lacking(hq, _vector(laptop)) == []
    assert _apply(laptop, lacking) == []  # twice: nothing more
    # Who changed what, on which store, is in the laptop's history too.
    with laptop.reading() as session:
        entries = history_of(session, "organization", org)
    assert [(e.operation, e.field, e.new_value) for e in entries] == [
        ("update", "name", "WCO Secretariat"),
        ("create", "", None),
    ]
    # And back: HQ lacks the laptop's one change only.
    back = _lacking(laptop, _vector(hq))
    assert [(c.store_id, c.seq) for c in back] == [(laptop.store_id(), 1)]
    _apply(hq, back)
    assert _vector(hq) == _vector(laptop)


def test_a_change_beyond_a_gap_is_held_but_not_counted_until_the_gap_fills(store):
    far = str(uuid.uuid4())
    _apply(store, [_change(far, 1), _change(far, 2), _change(far, 4)])
    assert _vector(store)[far] == 2
    # What a store that has seen far's 1 and 2 lacks: 4 (3 is not held here).
    assert [c.seq for c in _lacking(store, {**_vector(store), far: 2})] == [4]
    _apply(store, [_change(far, 3)])
    assert _vector(store)[far] == 4
    first_missing = str(uuid.uuid4())
    _apply(store, [_change(first_missing, 2)])
    assert first_missing not in _vector(store)
    assert [c.seq for c in _lacking(store, {**_vector(store)}) if c.store_id == first_missing] == [
        2
    ]


def test_a_change_under_this_stores_own_id_that_it_never_made_makes_it_take_a_new_id(store):
    services.save(store, "organization", builders.organization())
    mine = store.store_id()
    theirs = _change(mine, 2, changed_by="A copy of this store")
    assert _apply(store, [theirs]) == [theirs]
    assert store.store_id() != mine
    assert _vector(store)[mine] == 2
    services.save(store, "organization", builders.organization(name="After"))
    # What this store writes now is numbered anew under its new id.
    seen_elsewhere = {s: n for s, n in _vector(store).items() if s != store.store_id()}
    assert [c.name for c in _lacking(store, seen_elsewhere)] == [(store.store_id(), 1)]


def test_a_change_named_like_a_held_one_but_saying_else_is_refused(store):
    far = str(uuid.uuid4())
    _apply(store, [_change(far, 1)])
    before = _vector(store)
    with pytest.raises(ValidationError, match="two stores wrote under one id"):
        _apply(store, [_change(far, 2), _change(far, 1, new_value="Something else")])
    assert _vector(store) == before  # nothing taken, not even the good change


def test_a_change_travels_as_json_and_bad_ones_are_told_field_by_field():
    change = _change(str(uuid.uuid4()), 7, old_value=None)
    assert changelog.parse_change(change.to_json()) == (change, [])
    bad = {
        **change.to_json(),
        "seq": 0,
        "store_id": "hq",
        "operation": "drop",
        "record_kind": "treaty",
        "changed_at": "yesterday",
        "new_value": 3,
        "extra": 1,
    }
    found, problems = changelog.parse_change(bad, "changes[0]")
    assert found is None
    assert sorted(p.field for p in problems) == sorted(
        ["seq", "store_id", "operation", "record_kind", "changed_at", "new_value", "extra"]
    )
    assert changelog.parse_change([], "changes[1]")[1][0].record == "changes[1]"


# -- delivered duplicated, reordered, in pieces ---------------------------------------------------
STORES = [str(uuid.UUID(int=n + 1, version=4)) for n in range(3)]


@st.composite
def deliveries(draw):
    """Changes of three stores (each numbered 1..n), cut into deliveries that repeat, reorder
    and leave out changes as they please."""
    lengths = draw(st.lists(st.integers(0, 6), min_size=3, max_size=3))
    every = [
        _change(s, n)
        for s, length in zip(STORES, lengths, strict=True)
        for n in range(1, length + 1)
    ]
    if not every:
        return every, []
    pieces = draw(st.lists(st.lists(st.sampled_from(every), max_size=12), max_size=5))
    return every, pieces


def _prefix(held: set[tuple[str, int]]) -> dict[str, int]:
    vector = {}
    for store_id in STORES:
        n = 0
        while (store_id, n + 1) in held:
            n += 1
        if n:
            vector[store_id] = n
    return vector


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(deliveries())
def test_changes_delivered_in_any_order_any_number_of_times_give_the_same_log(
    empty_store_file, data
):
    every, pieces = data
    with tempfile.TemporaryDirectory() as folder:
        stores = []
        for name in ("pieces", "at_once"):
            path = Path(folder) / f"{name}.sqlite"
            shutil.copyfile(empty_store_file, path)
            stores.append(Store.open(path))
        by_pieces, at_once = stores
        try:
            taken = [c for piece in pieces for c in _apply(by_pieces, piece)]
            delivered = {c.name for piece in pieces for c in piece}
            # Each change taken once, whatever the repeats.
            assert sorted(c.name for c in taken) == sorted(delivered)
            _apply(at_once, sorted({c for piece in pieces for c in piece}, key=lambda c: c.name))
            foreign = {s: n for s, n in _vector(by_pieces).items() if s in STORES}
            assert foreign == _prefix(delivered)
            assert _vector(by_pieces) == _vector(at_once)
            assert _lacking(by_pieces, {}) == _lacking(at_once, {})
            # Everything, once more, in reverse: the missing changes come, nothing else moves.
            _apply(by_pieces, list(reversed(every)))
            _apply(at_once, every)
            assert _lacking(by_pieces, {}) == _lacking(at_once, {})
            assert {s: n for s, n in _vector(at_once).items() if s in STORES} == _prefix(
                {c.name for c in every}
            )
        finally:
            for opened in stores:
                opened.close()
