"""`partnerdesk import FILE.json` meets a newer local edit: it says which fields became
conflicts, and `partnerdesk conflicts --json` lists both values (docs/sync.md, "An exchange
file")."""

from __future__ import annotations

from db.records import services
from tests import builders
from tests.desktop.test_cli_sync import agreement_on, conflicts_on, edit, run


def test_an_import_over_a_newer_local_edit_prints_the_conflict_and_lists_it(tmp_path, clock):
    colleague, officer = tmp_path / "colleague.sqlite", tmp_path / "officer.sqlite"
    first, second = tmp_path / "first.json", tmp_path / "colleague-2026-11-20.json"
    clock.move_to("2026-11-20T09:00:00", running=False)
    with services.open_store(colleague) as store:
        parties = builders.two_parties(store)
        agreement = services.save(
            store, "agreement", builders.agreement(parties, title="MoU", status="in_force")
        )
    run(tmp_path, colleague, "export", str(first))
    run(tmp_path, officer, "import", str(first))
    clock.move_to("2026-11-20T10:00:00", running=False)
    edit(colleague, "agreement", agreement, title="MoU on border management", status="terminated")
    run(tmp_path, colleague, "export", str(second))
    clock.move_to("2026-11-20T11:00:00", running=False)
    edit(officer, "agreement", agreement, status="superseded")

    clock.move_to("2026-11-20T12:00:00", running=False)
    said = run(tmp_path, officer, "import", str(second))

    assert "1 field(s) in conflict with a newer edit here, on 1 record(s)" in said
    assert f"conflict: agreement “MoU on border management” ({agreement}): status" in said
    now = agreement_on(officer, agreement)
    assert (now["title"], now["status"]) == ("MoU on border management", "superseded")
    [listed] = conflicts_on(tmp_path, officer)
    assert (listed["record_id"], listed["field"], listed["shown"]) == (
        agreement,
        "status",
        "superseded",
    )
    with services.open_store(officer) as store:
        me = store.officer
    assert {(s["value"], s["changed_by"]) for s in listed["sides"]} == {
        ("terminated", second.name),
        ("superseded", me),
    }
    plain = run(tmp_path, officer, "conflicts")
    assert f'"terminated" — in the file {second.name}' in plain

    # The same file again: nothing more changes, the conflict stays one.
    again = run(tmp_path, officer, "import", str(second))
    assert "0 added, 0 updated" in again
    assert len(conflicts_on(tmp_path, officer)) == 1
