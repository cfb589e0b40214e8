"""``partnerdesk sync-in`` killed with SIGKILL at named points of the merge (a power cut, a frozen
laptop): the store is sound and as it was, the bundle applies whole on the next run, and nothing
is held twice (docs/sync.md, "Sync bundles"; the crash soak, docs/reliability.md, kills writers
at random moments the same way)."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from db.records import merge, services
from tests import builders
from tests.desktop.test_cli import partnerdesk

# Run as the officer's command, with each named point announced on stdout and held there until
# the test kills the process. Points are armed once the bundle is read: opening the store writes
# nothing of the bundle.
CHILD = """
import sys, time
from db.exchange import bundles
from db.records import batch, changelog, merge
from desktop import cli

store, bundle, point = sys.argv[1:4]
armed = []

def after(module, attr, name, arm=False):
    original = getattr(module, attr)
    def wrapped(*args, **kwargs):
        result = original(*args, **kwargs)
        if arm:
            armed.append(True)
        if armed and name == point:
            print(name, flush=True)
            time.sleep(600)
        return result
    setattr(module, attr, wrapped)

after(bundles, "read_bundle", "bundle read", arm=True)
after(changelog, "apply_changes", "changes held")
after(batch, "write", "records written")
after(merge, "_keep_conflicts", "conflicts kept")
after(bundles, "_take_attachments", "attachments taken")
after(bundles, "remember", "sender remembered")
sys.exit(cli.main(["--db", store, "sync-in", bundle]))
"""
POINTS = (
    "bundle read",
    "changes held",
    "records written",
    "conflicts kept",
    "attachments taken",
    "sender remembered",
)


@pytest.fixture(scope="module")
def laptops(tmp_path_factory) -> tuple[Path, Path, Path, str]:
    """The mission's store before a bundle from HQ that brings an edit clashing with one of
    the mission's, an edit merging by itself and a new attached file."""
    folder = tmp_path_factory.mktemp("laptops")
    hq, mission = folder / "hq.sqlite", folder / "mission.sqlite"
    with services.open_store(hq) as store:
        parties = builders.two_parties(store)
        agreement = services.save(store, "agreement", builders.agreement(parties))
    services.open_store(mission).close()
    first = folder / "first.pdsync"
    assert partnerdesk("--db", str(hq), "sync-out", str(first), home=folder).returncode == 0
    assert partnerdesk("--db", str(mission), "sync-in", str(first), home=folder).returncode == 0
    with services.open_store(hq) as store:
        now = services.get_exchange(store, "agreement", agreement)
        services.save(
            store, "agreement", {**now, "title": "MoU on borders", "status": "terminated"}
        )
        minutes = folder / "minutes.pdf"
        minutes.write_bytes(b"%PDF-1.4 minutes\n" * 100)
        services.attach_file(store, "agreement", agreement, minutes)
    with services.open_store(mission) as store:
        now = services.get_exchange(store, "agreement", agreement)
        services.save(store, "agreement", {**now, "status": "superseded"})
    bundle = folder / "to-mission.pdsync"
    assert partnerdesk("--db", str(hq), "sync-out", str(bundle), home=folder).returncode == 0
    return folder, mission, bundle, agreement


def content(db: Path, agreement: str) -> tuple:
    """What an officer would see of the bundle's effect, and every row that must not double."""
    with services.open_store(db) as store:
        record = services.get_exchange(store, "agreement", agreement)
        record.pop("updated_at")
        with store.reading() as session:
            conflicts = [
                (kind, rid, name, sorted(str(side["value"]) for side in sides))
                for kind, rid, name, sides in merge.open_conflicts(session)
            ]
            changes = session.execute(
                text("SELECT store_id, seq, field, new_value FROM change ORDER BY store_id, seq")
            ).all()
            attachments = session.execute(
                text("SELECT id, name, sha256 FROM attachment ORDER BY id")
            ).all()
            contents = session.execute(text("SELECT count(*) FROM attachment_content")).scalar()
        files = [
            services.attachment_bytes(store, a.id)
            for a in services.attachments_of(store, "agreement", agreement)
        ]
    return record, conflicts, changes, attachments, contents, files


def without_own_changes(state: tuple, own: set[str]) -> tuple:
    """A copy of a store takes an id of its own (docs/sync.md): the changes it makes on opening,
    none, would carry it; the bundle's and the common past are what must be equal."""
    record, conflicts, changes, attachments, contents, files = state
    return record, conflicts, [c for c in changes if c[0] not in own], attachments, contents, files


def environment(home: Path) -> dict[str, str]:
    return {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
    }


@pytest.mark.parametrize("point", POINTS)
def test_sync_in_killed_at_a_named_point_leaves_a_sound_store_that_takes_the_bundle_next_time(
    laptops, tmp_path, point
):
    folder, mission, bundle, agreement = laptops
    reference, killed = tmp_path / "reference.sqlite", tmp_path / "killed.sqlite"
    shutil.copyfile(mission, reference)
    shutil.copyfile(mission, killed)
    before = content(killed, agreement)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(killed), str(bundle), point],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment(tmp_path),
    )
    try:
        reached = child.stdout.readline().strip()
        assert reached == point, child.stderr.read()
    finally:
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=60)
    assert child.returncode == -signal.SIGKILL

    checked = partnerdesk("--db", str(killed), "check", home=tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert content(killed, agreement) == before  # nothing of the bundle, nothing half-taken

    again = partnerdesk("--db", str(killed), "sync-in", str(bundle), home=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "1 conflict" in again.stdout and "1 attached file taken" in again.stdout
    merged = partnerdesk("--db", str(reference), "sync-in", str(bundle), home=tmp_path)
    assert merged.returncode == 0, merged.stderr
    own = {
        partnerdesk("--db", str(db), "store-id", home=tmp_path).stdout.strip()
        for db in (killed, reference)
    }
    after = content(killed, agreement)
    assert without_own_changes(after, own) == without_own_changes(
        content(reference, agreement), own
    )
    record, conflicts, changes, attachments, contents, files = after
    assert record["title"] == "MoU on borders"
    assert [(c[2], c[3]) for c in conflicts] == [("status", ["superseded", "terminated"])]
    assert len(changes) == len(set((c[0], c[1]) for c in changes))  # no change held twice
    assert len(attachments) == 1 and contents == 1
    assert files == [b"%PDF-1.4 minutes\n" * 100]


def test_sync_in_killed_at_random_moments_ends_with_the_bundle_taken_once(laptops, tmp_path):
    """The soak's way: killed whenever the kill lands (starting, reading, merging, committing),
    the store is as it was or holds the whole bundle, and the next run ends like an unbroken one."""
    folder, mission, bundle, agreement = laptops
    reference, killed = tmp_path / "reference.sqlite", tmp_path / "killed.sqlite"
    shutil.copyfile(mission, reference)
    shutil.copyfile(mission, killed)
    merged = partnerdesk("--db", str(reference), "sync-in", str(bundle), home=tmp_path)
    assert merged.returncode == 0, merged.stderr
    own = {
        partnerdesk("--db", str(db), "store-id", home=tmp_path).stdout.strip()
        for db in (killed, reference)
    }
    whole = without_own_changes(content(reference, agreement), own)
    before = without_own_changes(content(killed, agreement), own)
    chance = random.Random(20261207)
    for _round in range(4):
        child = subprocess.Popen(
            [sys.executable, "-m", "desktop.cli", "--db", str(killed), "sync-in", str(bundle)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=environment(tmp_path),
        )
        time.sleep(chance.uniform(0.3, 2.5))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
        assert partnerdesk("--db", str(killed), "check", home=tmp_path).returncode == 0
        assert without_own_changes(content(killed, agreement), own) in (before, whole)
    again = partnerdesk("--db", str(killed), "sync-in", str(bundle), home=tmp_path)
    assert again.returncode == 0, again.stderr
    assert without_own_changes(content(killed, agreement), own) == whole
