"""A colleague's exchange file meets this store's newer edits: a field the store changed after
the file's version is never overwritten — kept when the file still holds the older value, a
conflict with both values when the file changed it too (docs/sync.md, "An exchange file")."""

from __future__ import annotations

from pathlib import Path

from db.exchange.document import export_document, import_file, to_json, write_file
from db.records import merge, services
from db.records.history import history_of
from db.store.engine import Store
from tests import builders


def _export(store: Store, path: Path) -> Path:
    write_file(export_document(store), path)
    return path


def _conflicts(store: Store) -> list[tuple[str, str, str, list]]:
    with store.reading() as session:
        return [
            (kind, record_id, name, [(s["value"], s["changed_by"]) for s in sides])
            for kind, record_id, name, sides in merge.open_conflicts(session)
        ]


def _edit(store: Store, record_id: str, **fields) -> None:
    services.save(
        store, "agreement", {**services.get_exchange(store, "agreement", record_id), **fields}
    )


def _two_offices(colleague: Store, officer: Store, clock, tmp_path: Path) -> str:
    """An agreement made by the colleague and carried to the officer (an exchange file), then
    changed by the colleague (title and status) and exported again."""
    clock.move_to("2026-11-20T09:00:00", running=False)
    parties = builders.two_parties(colleague)
    agreement = services.save(
        colleague, "agreement", builders.agreement(parties, title="MoU", status="in_force")
    )
    import_file(officer, _export(colleague, tmp_path / "first.partnerdesk.json"))
    clock.move_to("2026-11-20T10:00:00", running=False)
    _edit(colleague, agreement, title="MoU on border management", status="terminated")
    clock.move_to("2026-11-20T10:05:00", running=False)
    _export(colleague, tmp_path / "colleague.partnerdesk.json")
    return agreement


def test_a_newer_local_edit_of_the_status_becomes_a_conflict_and_the_title_is_taken(
    store, other_store, clock, tmp_path
):
    colleague, officer = store, other_store
    agreement = _two_offices(colleague, officer, clock, tmp_path)
    clock.move_to("2026-11-20T11:00:00", running=False)  # after the colleague's export
    _edit(officer, agreement, status="superseded")

    clock.move_to("2026-11-20T12:00:00", running=False)
    summary = import_file(officer, tmp_path / "colleague.partnerdesk.json")

    now = services.get_exchange(officer, "agreement", agreement)
    assert now["title"] == "MoU on border management"
    assert now["status"] == "superseded"  # the officer's edit, shown
    assert _conflicts(officer) == [
        (
            "agreement",
            agreement,
            "status",
            [("terminated", "colleague.partnerdesk.json"), ("superseded", officer.officer)],
        )
    ]
    assert summary.conflicts == [("agreement", agreement, "status")]
    assert summary.updated["agreements"] == 1
    assert "1 field(s) in conflict" in summary.describe()
    with officer.reading() as session:
        edits = {(e.field, e.new_value) for e in history_of(session, "agreement", agreement)}
    assert {("status", "superseded"), ("title", "MoU on border management")} <= edits

    # The same file again changes nothing more: same record, same conflict, no new history.
    with officer.reading() as session:
        rows = len(history_of(session, "agreement", agreement))
    before = to_json(export_document(officer, exported_at="x"))
    again = import_file(officer, tmp_path / "colleague.partnerdesk.json")
    assert sum(again.updated.values()) == sum(again.created.values()) == 0
    assert to_json(export_document(officer, exported_at="x")) == before
    with officer.reading() as session:
        assert len(history_of(session, "agreement", agreement)) == rows
    assert len(_conflicts(officer)) == 1

    # The officer's choice closes it, as any conflict.
    merge.resolve(officer, "agreement", agreement, "status", "terminated")
    assert _conflicts(officer) == []


def test_a_file_whose_records_the_store_never_changed_since_is_taken_whole(
    store, other_store, clock, tmp_path
):
    colleague, officer = store, other_store
    agreement = _two_offices(colleague, officer, clock, tmp_path)
    clock.move_to("2026-11-20T10:30:00", running=False)
    unodc = services.save(colleague, "organization", builders.organization(name="UNODC"))
    _export(colleague, tmp_path / "colleague.partnerdesk.json")

    clock.move_to("2026-11-20T12:00:00", running=False)
    summary = import_file(officer, tmp_path / "colleague.partnerdesk.json")

    assert services.get_exchange(officer, "agreement", agreement) == services.get_exchange(
        colleague, "agreement", agreement
    )
    assert services.get_exchange(officer, "organization", unodc)["name"] == "UNODC"  # added
    assert summary.created["organizations"] == 1 and summary.updated["agreements"] == 1
    assert summary.conflicts == [] and _conflicts(officer) == []
    assert "conflict" not in summary.describe()
    assert to_json(export_document(officer, exported_at="x")) == to_json(
        export_document(colleague, exported_at="x")
    )


def test_an_old_export_of_ones_own_store_does_not_undo_later_edits(store, clock, tmp_path):
    clock.move_to("2026-11-20T09:00:00", running=False)
    parties = builders.two_parties(store)
    agreement = services.save(
        store, "agreement", builders.agreement(parties, title="MoU", status="in_force")
    )
    clock.move_to("2026-11-20T09:30:00", running=False)
    _export(store, tmp_path / "mine.partnerdesk.json")
    clock.move_to("2026-11-20T11:00:00", running=False)
    _edit(store, agreement, title="MoU on data exchange", status="superseded")
    before = to_json(export_document(store, exported_at="x"))

    clock.move_to("2026-11-20T12:00:00", running=False)
    summary = import_file(store, tmp_path / "mine.partnerdesk.json")

    # The file's values are those the store held before the edits: older, not a clash.
    assert to_json(export_document(store, exported_at="x")) == before
    assert summary.conflicts == [] and _conflicts(store) == []


def test_sets_take_what_each_side_added(store, other_store, clock, tmp_path):
    colleague, officer = store, other_store
    agreement = _two_offices(colleague, officer, clock, tmp_path)
    clock.move_to("2026-11-20T10:10:00", running=False)
    _edit(colleague, agreement, languages=["en", "fr"])
    _export(colleague, tmp_path / "colleague.partnerdesk.json")
    clock.move_to("2026-11-20T11:00:00", running=False)
    _edit(officer, agreement, languages=["en", "ar"])

    clock.move_to("2026-11-20T12:00:00", running=False)
    summary = import_file(officer, tmp_path / "colleague.partnerdesk.json")

    now = services.get_exchange(officer, "agreement", agreement)
    assert now["languages"] == ["ar", "en", "fr"]
    assert now["title"] == "MoU on border management"
    assert now["status"] == "terminated" and summary.conflicts == []


def test_a_record_without_its_time_is_judged_by_the_files_export_time(
    store, other_store, clock, tmp_path
):
    colleague, officer = store, other_store
    agreement = _two_offices(colleague, officer, clock, tmp_path)
    path = tmp_path / "colleague.partnerdesk.json"
    doc = export_document(colleague, exported_at="2026-11-20T10:05:00Z")
    for record in doc["agreements"]:
        del record["updated_at"]  # as another tool may write it
    write_file(doc, path)
    clock.move_to("2026-11-20T11:00:00", running=False)
    _edit(officer, agreement, status="superseded")

    clock.move_to("2026-11-20T12:00:00", running=False)
    summary = import_file(officer, path)

    assert summary.conflicts == [("agreement", agreement, "status")]
    now = services.get_exchange(officer, "agreement", agreement)
    assert (now["title"], now["status"]) == ("MoU on border management", "superseded")


def test_a_merged_record_that_would_break_a_rule_keeps_the_stores_version_and_both_values(
    store, other_store, clock, tmp_path
):
    colleague, officer = store, other_store
    clock.move_to("2026-12-01T09:00:00", running=False)
    activity = services.save(
        colleague, "activity", builders.activity(start_on="2026-03-02", end_on="2026-03-04")
    )
    import_file(officer, _export(colleague, tmp_path / "first.partnerdesk.json"))
    # Each is right on its own store; together the activity would end before it starts.
    clock.move_to("2026-12-01T10:00:00", running=False)
    now = services.get_exchange(colleague, "activity", activity)
    services.save(colleague, "activity", {**now, "start_on": "2026-03-03", "title": "Day 2"})
    _export(colleague, tmp_path / "colleague.partnerdesk.json")
    clock.move_to("2026-12-01T11:00:00", running=False)
    now = services.get_exchange(officer, "activity", activity)
    services.save(officer, "activity", {**now, "end_on": "2026-03-02"})

    clock.move_to("2026-12-01T12:00:00", running=False)
    summary = import_file(officer, tmp_path / "colleague.partnerdesk.json")

    now = services.get_exchange(officer, "activity", activity)
    assert (now["start_on"], now["end_on"], now["title"]) == (
        "2026-03-02",
        "2026-03-02",
        "Joint workshop",
    )
    values = {name: {v for v, _who in sides} for _k, _id, name, sides in _conflicts(officer)}
    assert values == {
        "start_on": {"2026-03-03", "2026-03-02"},
        "title": {"Day 2", "Joint workshop"},
    }
    assert sorted(name for _k, _id, name in summary.conflicts) == ["start_on", "title"]
