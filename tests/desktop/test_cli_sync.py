"""Two laptops that worked offline sync through bundles carried between them, as officers run
``partnerdesk sync-out``, ``sync-in`` and ``conflicts`` (docs/sync.md, "Sync bundles"): both
stores end equal, a real clash is listed with both values, every edit is in both histories, and
the officer's choice on one laptop closes the clash on the other."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from db.records import merge, services
from db.records.history import history_of
from db.store import migrations
from tests import builders
from tests.desktop.test_cli import partnerdesk, window  # noqa: F401 (the fixture)


def run(home: Path, db: Path, *args: str) -> str:
    result = partnerdesk("--db", str(db), *args, home=home)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def edit(db: Path, kind: str, record_id: str, **fields) -> None:
    with services.open_store(db) as store:
        now = services.get_exchange(store, kind, record_id)
        services.save(store, kind, {**now, **fields})


def agreement_on(db: Path, record_id: str) -> dict:
    with services.open_store(db) as store:
        return services.get_exchange(store, "agreement", record_id)


def edits_on(db: Path, record_id: str) -> set[tuple[str, str | None]]:
    with services.open_store(db) as store, store.reading() as session:
        return {(e.field, e.new_value) for e in history_of(session, "agreement", record_id)}


def conflicts_on(home: Path, db: Path) -> list[dict]:
    return json.loads(run(home, db, "conflicts", "--json"))


def bundle_doc(path: Path) -> dict:
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read("bundle.json"))


def test_two_laptops_sync_both_ways_and_one_choice_closes_the_clash_on_both(tmp_path):
    hq, mission = tmp_path / "hq.sqlite", tmp_path / "mission.sqlite"
    minutes = tmp_path / "minutes.pdf"
    minutes.write_bytes(b"%PDF-1.4 minutes of the signing\n" + bytes(range(256)))
    with services.open_store(hq) as store:
        parties = builders.two_parties(store)
        agreement = services.save(store, "agreement", builders.agreement(parties))
        services.attach_file(store, "agreement", agreement, minutes)
    services.open_store(mission).close()
    hq_id = run(tmp_path, hq, "store-id").strip()
    mission_id = run(tmp_path, mission, "store-id").strip()

    # The mission takes HQ's store, attached file included, and says so back.
    run(tmp_path, hq, "sync-out", str(tmp_path / "first.pdsync"))
    came = run(tmp_path, mission, "sync-in", str(tmp_path / "first.pdsync"))
    assert "0 conflicts" in came and "1 attached file taken" in came
    with services.open_store(mission) as store:
        [attached] = services.attachments_of(store, "agreement", agreement)
        assert services.attachment_bytes(store, attached.id) == minutes.read_bytes()
    run(tmp_path, mission, "sync-out", str(tmp_path / "back.pdsync"), "--for", hq_id)
    run(tmp_path, hq, "sync-in", str(tmp_path / "back.pdsync"))

    # Offline: HQ changes the title and the status; the mission changes the status and the next
    # review and adds a party.
    edit(hq, "agreement", agreement, title="MoU on border management", status="terminated")
    with services.open_store(mission) as store:
        third = services.save(store, "organization", builders.organization(name="UNODC"))
    on_mission = agreement_on(mission, agreement)
    edit(
        mission,
        "agreement",
        agreement,
        status="superseded",
        review_on="2027-05-08",
        parties=[*on_mission["parties"], {"organization_id": third}],
    )

    to_mission, to_hq = tmp_path / "to-mission.pdsync", tmp_path / "to-hq.pdsync"
    written = run(tmp_path, hq, "sync-out", str(to_mission), "--for", mission_id)
    assert "Sync bundle written" in written
    # What the mission lacks only: HQ's two edits, not the store it already holds.
    assert {(c["field"], c["store_id"]) for c in bundle_doc(to_mission)["changes"]} == {
        ("title", hq_id),
        ("status", hq_id),
    }
    run(tmp_path, mission, "sync-out", str(to_hq), "--for", hq_id)
    into_mission = run(tmp_path, mission, "sync-in", str(to_mission))
    into_hq = run(tmp_path, hq, "sync-in", str(to_hq))
    for report in (into_mission, into_hq):
        assert "1 conflict" in report and f"({agreement}): status" in report

    merged = agreement_on(hq, agreement)
    assert merged == agreement_on(mission, agreement)
    assert merged["title"] == "MoU on border management"
    assert merged["review_on"] == "2027-05-08"
    assert [p["organization_id"] for p in merged["parties"]] == [*parties, third]
    for db in (hq, mission):
        [clash] = conflicts_on(tmp_path, db)
        assert (clash["record_kind"], clash["record_id"], clash["field"]) == (
            "agreement",
            agreement,
            "status",
        )
        assert {side["value"] for side in clash["sides"]} == {"terminated", "superseded"}
        assert clash["shown"] == merged["status"]
    listed = run(tmp_path, mission, "conflicts")
    assert "1 open conflict" in listed and '"terminated"' in listed and '"superseded"' in listed
    edits = {
        ("title", "MoU on border management"),
        ("status", "terminated"),
        ("status", "superseded"),
        ("review_on", "2027-05-08"),
    }
    assert edits <= edits_on(hq, agreement)
    assert edits_on(hq, agreement) == edits_on(mission, agreement)

    # The same bundle again changes nothing.
    before = agreement_on(mission, agreement), edits_on(mission, agreement)
    again = run(tmp_path, mission, "sync-in", str(to_mission))
    assert "0 changes received, 0 records added, 0 merged by themselves" in again
    assert (agreement_on(mission, agreement), edits_on(mission, agreement)) == before

    # The officer at HQ keeps the mission's status; a bundle closes the clash at the mission.
    with services.open_store(hq) as store:
        merge.resolve(store, "agreement", agreement, "status", "superseded")
    assert conflicts_on(tmp_path, hq) == []
    closing = tmp_path / "closing.pdsync"
    run(tmp_path, hq, "sync-out", str(closing), "--for", mission_id)
    run(tmp_path, mission, "sync-in", str(closing))
    assert conflicts_on(tmp_path, mission) == []
    assert run(tmp_path, mission, "conflicts") == "No open conflicts.\n"
    assert agreement_on(mission, agreement) == agreement_on(hq, agreement)
    assert agreement_on(mission, agreement)["status"] == "superseded"


def test_a_bundle_from_a_newer_schema_is_refused_naming_both_versions(tmp_path):
    hq, mission = tmp_path / "hq.sqlite", tmp_path / "mission.sqlite"
    with services.open_store(hq) as store:
        builders.two_parties(store)
    services.open_store(mission).close()
    bundle = tmp_path / "hq.pdsync"
    run(tmp_path, hq, "sync-out", str(bundle))
    doc = bundle_doc(bundle)
    doc["schema_revision"] = "0099"
    newer = tmp_path / "newer.pdsync"
    with zipfile.ZipFile(newer, "w") as archive:
        archive.writestr("bundle.json", json.dumps(doc))
    run(tmp_path, mission, "export", str(tmp_path / "before.json"))

    refused = partnerdesk("--db", str(mission), "sync-in", str(newer), home=tmp_path)

    assert refused.returncode == 1
    assert refused.stderr.startswith("partnerdesk: nothing was merged: 1 problem.")
    assert "newer schema (revision 0099)" in refused.stderr
    assert f"(revision {migrations.head_revision()})" in refused.stderr
    assert "Traceback" not in refused.stderr
    run(tmp_path, mission, "export", str(tmp_path / "after.json"))
    strip = lambda p: {k: v for k, v in json.loads(p.read_text()).items() if k != "exported_at"}  # noqa: E731
    assert strip(tmp_path / "after.json") == strip(tmp_path / "before.json")


def test_sync_commands_say_plainly_what_is_wrong(tmp_path):
    db = tmp_path / "X.sqlite"
    services.open_store(db).close()
    missing = partnerdesk("--db", str(db), "sync-in", str(tmp_path / "none.pdsync"), home=tmp_path)
    assert missing.returncode == 1 and "There is no file" in missing.stderr
    bad_id = partnerdesk("--db", str(db), "sync-out", "x.pdsync", "--for", "HQ", home=tmp_path)
    assert bad_id.returncode == 1 and "--for HQ: not a store id" in bad_id.stderr
    unknown = partnerdesk(
        "--db",
        str(db),
        "sync-out",
        str(tmp_path / "all.pdsync"),
        "--for",
        "0f8e2a34-5b6c-4d7e-8f90-a1b2c3d4e5f6",
        home=tmp_path,
    )
    assert unknown.returncode == 0, unknown.stderr
    assert "holds everything" in unknown.stderr


def test_a_store_open_in_a_window_is_read_read_only_and_not_merged_into(window, tmp_path):  # noqa: F811
    services.save(window, "organization", builders.organization(name="Entered in the window"))
    bundle = tmp_path / "out.pdsync"
    for command in (["sync-out", str(bundle)], ["conflicts"]):
        done = partnerdesk("--db", str(window.path), *command, home=tmp_path)
        assert done.returncode == 0, done.stderr
        assert "reading it read-only" in done.stderr
    assert any(
        record["name"] == "Entered in the window"
        for record in bundle_doc(bundle)["records"]["organizations"]
    )
    assert window.log_is_ours()
    busy = partnerdesk("--db", str(window.path), "sync-in", str(bundle), home=tmp_path)
    assert busy.returncode == 1
    assert "close it first, then sync again. Nothing was changed." in busy.stderr
