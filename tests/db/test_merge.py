"""Two stores that worked offline merge field by field against their last common version: an edit
on one side is taken, a real clash is kept with both values and shown the same on both stores,
and the officer's choice closes it everywhere (docs/sync.md, "The merge")."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from db.records import changelog, merge, services
from db.records.history import history_of
from db.store.engine import Store
from tests import builders


def _sync(source: Store, target: Store) -> merge.MergeReport:
    """What the target lacks from the source, merged into the target (a bundle, in memory)."""
    with target.reading() as session:
        vector = changelog.version_vector(session)
    return merge.merge(target, merge.payload_for(source, vector))


def _conflicts(store: Store) -> list[tuple[str, str, str, set]]:
    with store.reading() as session:
        return [
            (kind, record_id, name, {_hashable(side["value"]) for side in sides})
            for kind, record_id, name, sides in merge.open_conflicts(session)
        ]


def _hashable(value):
    return json.dumps(value) if isinstance(value, list) else value


def _edits(store: Store, record_id: str) -> set[tuple[str, str | None]]:
    with store.reading() as session:
        return {(e.field, e.new_value) for e in history_of(session, "agreement", record_id)}


def test_two_stores_edit_one_agreement_offline_and_end_equal_with_one_conflict(store, other_store):
    hq, mission = store, other_store
    parties = builders.two_parties(hq)
    agreement = services.save(hq, "agreement", builders.agreement(parties, status="in_force"))
    _sync(hq, mission)
    assert services.get_exchange(mission, "agreement", agreement) == services.get_exchange(
        hq, "agreement", agreement
    )

    # Offline, the edits of the two offices' story (tests/builders.py): one clash, on status.
    third = builders.edit_offline(hq, mission, agreement)

    into_hq = _sync(mission, hq)
    into_mission = _sync(hq, mission)

    merged = services.get_exchange(hq, "agreement", agreement)
    assert merged == services.get_exchange(mission, "agreement", agreement)
    assert merged["title"] == "MoU on border management"
    assert merged["review_on"] == "2027-05-08"
    assert [p["organization_id"] for p in merged["parties"]] == [*parties, third]
    assert merged["status"] in ("terminated", "superseded")
    clash = [("agreement", agreement, "status", {"terminated", "superseded"})]
    assert _conflicts(hq) == clash == _conflicts(mission)
    assert into_hq.conflicts == into_mission.conflicts == [("agreement", agreement, "status")]
    # Every edit of either side is in the history of both, once.
    edits = builders.OFFLINE_EDITS
    assert edits <= _edits(hq, agreement) and _edits(hq, agreement) == _edits(mission, agreement)

    # The officer at HQ keeps the mission's status: a change that closes the conflict on both.
    merge.resolve(hq, "agreement", agreement, "status", "superseded")
    assert _conflicts(hq) == []
    _sync(hq, mission)
    assert _conflicts(mission) == []
    for side in (hq, mission):
        assert services.get_exchange(side, "agreement", agreement)["status"] == "superseded"
    _sync(mission, hq)
    assert services.get_exchange(hq, "agreement", agreement) == services.get_exchange(
        mission, "agreement", agreement
    )


def test_a_payload_merged_twice_changes_nothing_more(store, other_store):
    parties = builders.two_parties(store)
    agreement = services.save(store, "agreement", builders.agreement(parties))
    with other_store.reading() as session:
        vector = changelog.version_vector(session)
    payload = merge.payload_for(store, vector)
    first = merge.merge(other_store, payload)
    before = services.get_exchange(other_store, "agreement", agreement)
    second = merge.merge(other_store, payload)
    assert first.changes > 0 and (second.changes, second.updated, second.created) == (0, [], [])
    assert services.get_exchange(other_store, "agreement", agreement) == before


def test_the_same_new_value_on_both_sides_and_sets_merge_without_conflict(store, other_store):
    hq, mission = store, other_store
    parties = builders.two_parties(hq)
    agreement = services.save(hq, "agreement", builders.agreement(parties, languages=["en"]))
    _sync(hq, mission)
    for side, language in ((hq, "fr"), (mission, "es")):
        now = services.get_exchange(side, "agreement", agreement)
        services.save(
            side,
            "agreement",
            {**now, "summary": "Cooperation on borders.", "languages": ["en", language]},
        )
    _sync(mission, hq)
    _sync(hq, mission)
    for side in (hq, mission):
        got = services.get_exchange(side, "agreement", agreement)
        assert got["summary"] == "Cooperation on borders."
        assert sorted(got["languages"]) == ["en", "es", "fr"]
        assert _conflicts(side) == []


def test_archived_on_one_store_and_edited_on_the_other_is_a_conflict(store, other_store):
    hq, mission = store, other_store
    parties = builders.two_parties(hq)
    agreement = services.save(hq, "agreement", builders.agreement(parties))
    _sync(hq, mission)
    services.archive(hq, "agreement", agreement)
    now = services.get_exchange(mission, "agreement", agreement)
    services.save(mission, "agreement", {**now, "summary": "Renewed in 2027."})
    _sync(mission, hq)
    _sync(hq, mission)
    for side in (hq, mission):
        got = services.get_exchange(side, "agreement", agreement)
        assert got["archived"] is False and got["summary"] == "Renewed in 2027."
        assert _conflicts(side) == [("agreement", agreement, "archived", {True, False})]


@contextmanager
def _three_stores(empty_store_file, agreements: int = 1) -> Iterator[tuple[list[Store], list[str]]]:
    """Three stores that each hold the same agreements, made on the first."""
    with tempfile.TemporaryDirectory() as folder:
        stores = []
        for n in range(3):
            path = Path(folder) / f"store-{n}.sqlite"
            shutil.copyfile(empty_store_file, path)
            stores.append(Store.open(path))
        try:
            parties = builders.two_parties(stores[0])
            made = [
                services.save(stores[0], "agreement", builders.agreement(parties, title=f"MoU {n}"))
                for n in range(agreements)
            ]
            _sync(stores[0], stores[1])
            _sync(stores[0], stores[2])
            yield stores, made
        finally:
            for s in stores:
                s.close()


def _sync_everywhere(stores: list[Store]) -> None:
    """Every store to every other, twice: whatever one holds reaches all."""
    for _round in range(2):
        for a, source in enumerate(stores):
            for b, target in enumerate(stores):
                if a != b:
                    _sync(source, target)


def _converged(stores: list[Store], agreement: str, written: set) -> dict:
    """Synced everywhere, every store holds the same record and the same conflicts, and every
    edit written is in every store's history; the record as all hold it."""
    _sync_everywhere(stores)
    return _the_same_everywhere(stores, agreement, written)


def _the_same_everywhere(stores: list[Store], agreement: str, written: set) -> dict:
    final = [services.get_exchange(s, "agreement", agreement) for s in stores]
    assert final[0] == final[1] == final[2]
    assert _conflicts(stores[0]) == _conflicts(stores[1]) == _conflicts(stores[2])
    for s in stores:
        assert written <= _edits(s, agreement)
    return final[0]


class Knowledge:
    """The tests' model of who saw what: each edit (field, value) with the edits its store had
    seen when it was made."""

    def __init__(self, stores: int):
        self.knows: list[set[int]] = [set() for _ in range(stores)]
        self.edits: list[tuple[str, object, frozenset[int]]] = []

    def edit(self, store: int, name: str, value) -> None:
        self.edits.append((name, _hashable(value), self.seen(store)))
        self.knows[store].add(len(self.edits) - 1)

    def seen(self, store: int) -> frozenset[int]:
        return frozenset(self.knows[store])

    def learn(self, store: int, known: frozenset[int]) -> None:
        self.knows[store] |= known

    def heads(self, name: str) -> list[int]:
        """The last edits of a field: none of them had seen another."""
        mine = [n for n, e in enumerate(self.edits) if e[0] == name]
        return [n for n in mine if not any(n in self.edits[m][2] for m in mine)]

    def values(self, name: str) -> set:
        return {self.edits[n][1] for n in self.heads(name)}


# -- three stores, random edits, random syncs ------------------------------------------------------
EDITS = {
    "title": st.sampled_from(["MoU", "Memorandum", "MoU on borders"]),
    "summary": st.sampled_from(["Borders.", "Training.", None]),
    "status": st.sampled_from(["in_force", "terminated", "superseded"]),
    "languages": st.sampled_from([["en"], ["en", "fr"], ["es"], []]),
}
step = st.one_of(
    st.tuples(st.just("edit"), st.integers(0, 2), st.sampled_from(sorted(EDITS))).flatmap(
        lambda t: st.tuples(st.just(t[0]), st.just(t[1]), st.just(t[2]), EDITS[t[2]])
    ),
    st.tuples(st.just("sync"), st.integers(0, 2), st.integers(0, 2)).filter(lambda t: t[1] != t[2]),
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(step, max_size=12))
@example(  # the same value reached on two stores, then changed on a third that saw only one
    [
        ("edit", 0, "status", "terminated"),
        ("sync", 0, 1),
        ("edit", 2, "status", "terminated"),
        ("edit", 1, "status", "superseded"),
    ]
)
def test_three_stores_with_random_edits_and_syncs_converge_and_lose_no_edit(
    empty_store_file, steps
):
    with _three_stores(empty_store_file) as (stores, [agreement]):
        written = set()
        model = Knowledge(3)
        for action, a, b, *value in steps:
            if action == "sync":
                _sync(stores[a], stores[b])
                model.learn(b, model.seen(a))
                continue
            now = services.get_exchange(stores[a], "agreement", agreement)
            if now[b] != value[0]:
                services.save(stores[a], "agreement", {**now, b: value[0]})
                written.add((b, _hashable(value[0])))
                model.edit(a, b, value[0])
        final = _converged(stores, agreement, written)
        # A conflict exactly where the last edits of a field, none of which had seen the
        # others, left different values (sets merge without one).
        expected = []
        for name in sorted(EDITS):
            values = model.values(name)
            if len(values) > 1 and name != "languages":
                expected.append(("agreement", agreement, name, values))
            elif len(values) == 1 and name != "languages":
                assert _hashable(final[name]) in values
        assert _conflicts(stores[0]) == expected


# -- three stores, random edits of several records, random syncs ---------------------------------
RECORDS = 3
edit_of_many = st.tuples(
    st.just("edit"), st.integers(0, 2), st.integers(0, RECORDS - 1), st.sampled_from(sorted(EDITS))
).flatmap(lambda t: st.tuples(*map(st.just, t), EDITS[t[3]]))
sync_of_many = st.tuples(st.just("sync"), st.integers(0, 2), st.integers(0, 2)).filter(
    lambda t: t[1] != t[2]
)


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(st.one_of(edit_of_many, sync_of_many), max_size=14))
@example(  # two records, each with its own clash and its own field merged by itself
    [
        ("edit", 0, 0, "status", "terminated"),
        ("edit", 1, 0, "status", "superseded"),
        ("edit", 1, 1, "title", "Memorandum"),
        ("edit", 2, 2, "summary", "Borders."),
        ("edit", 2, 1, "title", "MoU on borders"),
        ("sync", 1, 0),
    ]
)
def test_three_stores_with_random_edits_of_several_records_converge_record_by_record(
    empty_store_file, steps
):
    """Merges of many records at once keep each record's fields apart: every record converges,
    and a conflict appears exactly on the records and fields edited concurrently."""
    with _three_stores(empty_store_file, RECORDS) as (stores, agreements):
        written: list[set] = [set() for _ in agreements]
        model = Knowledge(3)
        for action, *args in steps:
            if action == "sync":
                a, b = args
                _sync(stores[a], stores[b])
                model.learn(b, model.seen(a))
                continue
            a, record, name, value = args
            now = services.get_exchange(stores[a], "agreement", agreements[record])
            if now[name] != value:
                services.save(stores[a], "agreement", {**now, name: value})
                written[record].add((name, _hashable(value)))
                model.edit(a, (record, name), value)
        _sync_everywhere(stores)
        expected = []
        for record, agreement in enumerate(agreements):
            final = _the_same_everywhere(stores, agreement, written[record])
            for name in sorted(EDITS):
                values = model.values((record, name))
                if len(values) > 1 and name != "languages":
                    expected.append(("agreement", agreement, name, values))
                elif len(values) == 1 and name != "languages":
                    assert _hashable(final[name]) in values
        assert _conflicts(stores[0]) == sorted(expected, key=lambda c: c[:3])


def test_an_officers_edit_of_a_field_in_conflict_settles_it_on_every_store(store, other_store):
    hq, mission = store, other_store
    parties = builders.two_parties(hq)
    agreement = services.save(hq, "agreement", builders.agreement(parties))
    _sync(hq, mission)
    for side, status in ((hq, "terminated"), (mission, "superseded")):
        now = services.get_exchange(side, "agreement", agreement)
        services.save(side, "agreement", {**now, "status": status})
    _sync(mission, hq)
    _sync(hq, mission)
    assert len(_conflicts(hq)) == len(_conflicts(mission)) == 1
    # The mission edits the status in its editor, having seen both values: that settles it.
    now = services.get_exchange(mission, "agreement", agreement)
    services.save(mission, "agreement", {**now, "status": "expired"})
    assert _conflicts(mission) == []
    _sync(mission, hq)
    assert _conflicts(hq) == []
    assert services.get_exchange(hq, "agreement", agreement)["status"] == "expired"


def test_a_merge_that_would_break_a_rule_is_a_conflict_and_the_store_stays_sound(
    store, other_store, clock
):
    hq, mission = store, other_store
    clock.move_to("2026-12-01T09:00:00")  # the history keeps seconds: HQ's edit a minute later
    activity = services.save(
        hq, "activity", builders.activity(start_on="2026-03-02", end_on="2026-03-04")
    )
    _sync(hq, mission)
    # Each is right on its own store; together the activity would end before it starts.
    now = services.get_exchange(mission, "activity", activity)
    services.save(mission, "activity", {**now, "end_on": "2026-03-02"})
    clock.move_to("2026-12-01T09:01:00")
    now = services.get_exchange(hq, "activity", activity)
    services.save(hq, "activity", {**now, "start_on": "2026-03-03", "title": "Workshop, day 2"})
    _sync(mission, hq)
    _sync(hq, mission)
    got = [services.get_exchange(side, "activity", activity) for side in (hq, mission)]
    assert got[0] == got[1]
    # HQ's change is the later one: its version is shown whole, the mission's end kept beside it.
    assert (got[0]["start_on"], got[0]["end_on"], got[0]["title"]) == (
        "2026-03-03",
        "2026-03-04",
        "Workshop, day 2",
    )
    clash = [("activity", activity, "end_on", {"2026-03-02", "2026-03-04"})]
    assert _conflicts(hq) == clash == _conflicts(mission)


# -- three stores, bundles delivered late, twice, out of order; archives -------------------------
# A bundle is written when an officer sends it and may reach its store much later, after newer
# ones, twice, or never; an archive on one store may meet an edit made on another.
ARCHIVE = st.tuples(st.just("archive"), st.integers(0, 2), st.booleans())
SEND = st.tuples(st.just("send"), st.integers(0, 2), st.integers(0, 2)).filter(
    lambda t: t[1] != t[2]
)
DELIVER = st.tuples(st.just("deliver"), st.integers(0, 30))
late_step = st.one_of(step, ARCHIVE, SEND, DELIVER)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(late_step, max_size=16))
@example(  # HQ archives; the mission's stale bundle, sent before, comes after a newer one
    [
        ("send", 1, 0),
        ("edit", 1, "title", "Memorandum"),
        ("send", 1, 0),
        ("archive", 0, True),
        ("deliver", 1),
        ("deliver", 0),
        ("deliver", 1),
    ]
)
@example(  # an archive met two edits; each store kept a clash naming another edit (found here)
    [
        ("edit", 1, "languages", ["en"]),
        ("edit", 2, "languages", ["en"]),
        ("sync", 1, 2),
        ("archive", 0, True),
    ]
)
def test_three_stores_converge_whatever_order_bundles_arrive_in_and_lose_no_edit(
    empty_store_file, steps
):
    with _three_stores(empty_store_file) as (stores, [agreement]):
        written = set()
        model = Knowledge(3)
        mailbox: list[tuple[int, merge.Payload, frozenset[int]]] = []
        for action, *args in steps:
            if action == "sync":
                a, b = args
                _sync(stores[a], stores[b])
                model.learn(b, model.seen(a))
            elif action == "send":  # written now, for what the other store held then
                a, b = args
                with stores[b].reading() as session:
                    vector = changelog.version_vector(session)
                mailbox.append((b, merge.payload_for(stores[a], vector), model.seen(a)))
            elif action == "deliver" and mailbox:
                b, payload, known = mailbox[args[0] % len(mailbox)]
                merge.merge(stores[b], payload)
                model.learn(b, known)
            elif action == "archive":
                a, archived = args
                now = services.get_exchange(stores[a], "agreement", agreement)
                if now["archived"] != archived:
                    (services.archive if archived else services.restore)(
                        stores[a], "agreement", agreement
                    )
                    model.edit(a, "archived", archived)
            elif action == "edit":
                a, name, value = args
                now = services.get_exchange(stores[a], "agreement", agreement)
                if now[name] != value:
                    services.save(stores[a], "agreement", {**now, name: value})
                    written.add((name, _hashable(value)))
                    model.edit(a, name, value)
        final = _converged(stores, agreement, written)
        # The fields edited as values clash exactly where concurrent last edits differ.
        clashes = {c[2]: c[3] for c in _conflicts(stores[0])}
        for name in sorted(EDITS):
            values = model.values(name)
            if name == "languages" or len(values) < 2:
                assert name not in clashes
                if len(values) == 1 and name != "languages":
                    assert _hashable(final[name]) in values
            else:
                assert clashes[name] == values
        # An archive never silently drops an edit made beside it: the record stays in view
        # with the clash shown, or no edit was made that the archive had not seen.
        if final["archived"]:
            archive = max(model.heads("archived"))  # the last archive (or restore) made
            edits = model.edits
            unseen = [
                n for n, e in enumerate(edits)
                if e[0] != "archived" and n not in edits[archive][2] and n != archive
                and archive not in e[2]
            ]  # fmt: skip
            assert not unseen or "archived" in clashes
