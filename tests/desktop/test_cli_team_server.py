"""The team server from the command line: its administrator prepares the database with
``partnerdesk server init``, officers run ``partnerdesk sync --server`` (docs/team-server.md)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from db.exchange.document import export_document
from db.records import changelog, merge, services
from db.server.team_server import TeamServer
from tests import builders
from tests.desktop.test_cli import partnerdesk


def address(url) -> str:
    """The server's address as an administrator hands it out: libpq's postgresql:// form."""
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def test_an_administrator_prepares_a_server_and_two_laptops_sync_through_it(
    tmp_path: Path, postgres_url
):
    url = address(postgres_url)
    made = partnerdesk("server", "init", "--url", url, home=tmp_path)
    assert made.returncode == 0, made.stderr
    assert "is ready: a PartnerDesk team server at schema" in made.stdout
    again = partnerdesk("server", "init", "--url", url, home=tmp_path)
    assert again.returncode == 1
    assert "is a PartnerDesk team server already" in again.stderr
    assert "nothing to do" in partnerdesk("server", "upgrade", "--url", url, home=tmp_path).stdout

    hq, mission = tmp_path / "hq.sqlite", tmp_path / "mission.sqlite"
    with services.open_store(hq) as store:
        agreement = services.save(
            store, "agreement", builders.agreement(builders.two_parties(store))
        )
    sent = partnerdesk("--db", str(hq), "sync", "--server", url, home=tmp_path)
    assert sent.returncode == 0, sent.stderr
    assert "changes sent, 0 changes received" in sent.stdout
    assert "Sending" in sent.stderr  # progress, on the error stream
    taken = partnerdesk("--db", str(mission), "sync", "--server", url, home=tmp_path)
    assert taken.returncode == 0, taken.stderr
    # The mission's laptop sends the creation of its own default thematic areas (the same as
    # HQ's: merged by themselves) and takes the agreement and its two parties.
    assert "3 records added, 0 merged by themselves, 0 conflicts." in taken.stdout
    with services.open_store(mission) as store:
        assert services.get_exchange(store, "agreement", agreement)["title"]


def test_a_server_address_that_is_not_postgresql_is_refused_by_name(tmp_path: Path):
    refused = partnerdesk(
        "--db", str(tmp_path / "x.sqlite"), "sync", "--server", "https://example.org", home=tmp_path
    )
    assert refused.returncode == 1
    assert "must start with postgresql://" in refused.stderr
    assert "Traceback" not in refused.stderr


def _vector(db: Path) -> dict:
    with services.open_store(db) as store, store.reading() as session:
        return changelog.version_vector(session)


def _portfolio(db: Path) -> tuple:
    with services.open_store(db) as store:
        doc = export_document(store)
        with store.reading() as session:
            clashes = sorted(
                (k, rid, name) for k, rid, name, _sides in merge.open_conflicts(session)
            )
    return (
        sorted(json.dumps(o, sort_keys=True) for o in doc["organizations"]),
        sorted(json.dumps(a, sort_keys=True) for a in doc["agreements"]),
        clashes,
    )


LAPTOPS = 20


def test_twenty_laptops_push_at_once_then_pull_and_all_hold_the_same_portfolio(
    tmp_path: Path, postgres_url
):
    url = address(postgres_url)
    assert partnerdesk("server", "init", "--url", url, home=tmp_path).returncode == 0
    seed = tmp_path / "seed.sqlite"
    with services.open_store(seed) as store:
        agreement = services.save(
            store, "agreement", builders.agreement(builders.two_parties(store))
        )
    assert partnerdesk("--db", str(seed), "sync", "--server", url, home=tmp_path).returncode == 0
    # Twenty laptops that share the seed's past (a copy takes an id of its own when opened),
    # each with an organization of its own; three summarise the shared agreement differently.
    laptops = []
    for n in range(LAPTOPS):
        laptop = tmp_path / f"laptop-{n:02}.sqlite"
        shutil.copyfile(seed, laptop)
        with services.open_store(laptop) as store:
            services.save(
                store, "organization", builders.organization(name=f"Partner office {n:02}")
            )
            if n < 3:
                now = services.get_exchange(store, "agreement", agreement)
                services.save(store, "agreement", {**now, "summary": f"Summarised on laptop {n}."})
        laptops.append(laptop)

    def all_sync() -> list[subprocess.CompletedProcess]:
        runs = [
            subprocess.Popen(
                [sys.executable, "-m", "desktop.cli", "--db", str(db), "sync", "--server", url],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env={**os.environ, "HOME": str(tmp_path)},
            )
            for db in laptops
        ]
        return [(run.wait(timeout=600), *run.communicate()) for run in runs]

    for code, _out, err in all_sync():  # twenty pushes at once, queued by the server
        assert code == 0, err
    for code, _out, err in all_sync():  # then every laptop pulls what the others pushed
        assert code == 0, err

    with TeamServer(url) as server, server.reading() as session:
        on_server = changelog.version_vector(session)
        names = set(session.execute(text("SELECT name FROM organization")).scalars())
    assert {f"Partner office {n:02}" for n in range(LAPTOPS)} <= names
    first = _portfolio(laptops[0])
    assert len(first[0]) == LAPTOPS + 2
    assert first[2] == [("agreement", agreement, "summary")]  # three summaries: one conflict
    for laptop in laptops:
        assert _vector(laptop) == on_server  # no change skipped, none held twice
        assert _portfolio(laptop) == first


def test_a_password_in_the_address_is_warned_of_and_never_printed(tmp_path: Path):
    address = f"postgresql://officer:s3cret@/partnerdesk?host={tmp_path}&connect_timeout=2"
    gone = partnerdesk(
        "--db", str(tmp_path / "x.sqlite"), "sync", "--server", address, home=tmp_path
    )
    assert gone.returncode == 1
    assert "a password written in the address can be seen by other users" in gone.stderr
    assert "cannot be reached" in gone.stderr
    assert "s3cret" not in gone.stderr + gone.stdout


def test_the_administrator_gives_an_officer_a_login_then_takes_it_back(
    tmp_path: Path, postgres_url
):
    url = address(postgres_url)
    assert partnerdesk("server", "init", "--url", url, home=tmp_path).returncode == 0
    officer = f"gita_{postgres_url.database}"
    given = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "server", "add-officer", officer, "--url", url],
        input="a long enough password\n",
        capture_output=True,
        text=True,
        env={**os.environ, "HOME": str(tmp_path)},
        timeout=120,
    )
    assert given.returncode == 0, given.stderr
    assert f"{officer} can now log in" in given.stdout
    as_officer = address(postgres_url.set(username=officer))
    laptop = tmp_path / "laptop.sqlite"
    synced = partnerdesk("--db", str(laptop), "sync", "--server", as_officer, home=tmp_path)
    assert synced.returncode == 0, synced.stderr
    revoked = partnerdesk("server", "revoke", officer, "--url", url, home=tmp_path)
    assert revoked.returncode == 0 and "may no longer log in" in revoked.stdout
    refused = partnerdesk("--db", str(laptop), "sync", "--server", as_officer, home=tmp_path)
    assert refused.returncode == 1
    assert "did not accept the user name or password" in refused.stderr
    nameless = partnerdesk("server", "add-officer", "--url", url, home=tmp_path)
    assert nameless.returncode == 1 and "give the role's NAME" in nameless.stderr
