"""Shared fixtures: one empty store is built per test session and copied for each test (fast and
isolated, as Anki's tests do)."""

from __future__ import annotations

import faulthandler
import os
import shutil
import signal
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from db import clock as the_clock  # noqa: E402
from db.records.services import open_store  # noqa: E402
from tests import postgres  # noqa: E402
from tests.platforms import (  # noqa: E402
    Flushes,
    WindowsLocking,
    act_as_windows_locks,
    record_flushes,
)


def pytest_configure(config: pytest.Config) -> None:
    """A run ended from outside (CI's time limit, .ci/run, sends SIGTERM) first prints where
    every thread stood: a test hung in a modal dialog's event loop says which one it is."""
    if hasattr(signal, "SIGTERM") and hasattr(faulthandler, "register"):
        config._partnerdesk_stderr = os.dup(sys.stderr.fileno())  # past pytest's capture
        faulthandler.register(signal.SIGTERM, file=config._partnerdesk_stderr, chain=True)


def pytest_unconfigure(config: pytest.Config) -> None:
    if hasattr(config, "_partnerdesk_stderr"):
        faulthandler.unregister(signal.SIGTERM)
        os.close(config._partnerdesk_stderr)


class Clock:
    """The one clock (db.clock), as a test moves it: also for the ``partnerdesk`` commands the
    test starts, which read ``PARTNERDESK_CLOCK``."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch):
        self._monkeypatch = monkeypatch

    def move_to(self, instant, *, running: bool = True) -> None:
        the_clock.move_to(instant, running=running)
        self._monkeypatch.setenv(the_clock.ENVIRONMENT_VARIABLE, the_clock.now().isoformat())

    def __getattr__(self, name: str):
        return getattr(the_clock, name)


@pytest.fixture(scope="session")
def qapp_cls():
    """Window tests run in PartnerDesk's own application object, which takes the files macOS
    asks it to open (imported here only: the store's tests load no Qt)."""
    from desktop.app import PartnerDeskApplication

    return PartnerDeskApplication


@pytest.fixture(autouse=True)
def clock(monkeypatch) -> Clock:
    """Every test starts on the system's clock (or on ``PARTNERDESK_CLOCK``, which CI sets to
    years ahead and back) and leaves it so; a test about particular days moves it here."""
    the_clock.follow_the_system()
    yield Clock(monkeypatch)
    the_clock.follow_the_system()


@pytest.fixture(scope="session")
def empty_store_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "empty.sqlite"
    open_store(path).close()
    return path


@pytest.fixture
def store_path(empty_store_file: Path, tmp_path: Path) -> Path:
    target = tmp_path / "store.sqlite"
    shutil.copyfile(empty_store_file, target)
    os.chmod(target, 0o600)
    return target


@pytest.fixture
def store(store_path: Path):
    with open_store(store_path) as opened:
        yield opened


@pytest.fixture
def other_store(empty_store_file: Path, tmp_path: Path):
    target = tmp_path / "other.sqlite"
    shutil.copyfile(empty_store_file, target)
    with open_store(target) as opened:
        yield opened


@pytest.fixture(scope="session")
def postgres_cluster():
    """One throwaway PostgreSQL cluster for the whole run, started on first use and stopped at
    the end (tests/postgres.py). Skipped only where PostgreSQL is not installed at all; one that
    is installed but does not start is an error that shows the server's log."""
    binaries = postgres.find_binaries()
    if binaries is None:
        pytest.skip(
            "PostgreSQL is not installed: no initdb and pg_ctl (Debian's postgresql package, "
            "which scripts/test installs where it may)"
        )
    with postgres.running_cluster(binaries) as cluster:
        yield cluster


@pytest.fixture
def postgres_url(postgres_cluster):
    """A new, empty PostgreSQL database for one test (its SQLAlchemy URL), dropped after it."""
    with postgres_cluster.new_database() as url:
        yield url


@pytest.fixture(scope="session")
def postgres_template(postgres_cluster) -> str:
    """A PostgreSQL database migrated to the head revision once per run, to be copied."""
    from sqlalchemy import create_engine

    from db.store import migrations

    name = postgres_cluster.create_database()
    engine = create_engine(postgres_cluster.url(name))
    try:
        migrations.upgrade(engine)
    finally:
        engine.dispose()
    return name


@pytest.fixture
def migrated_postgres_url(postgres_cluster, postgres_template):
    """A new PostgreSQL database at the head revision for one test: a copy of the template
    (the empty store above, the same way), dropped after it."""
    with postgres_cluster.new_database(template=postgres_template) as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def store_on_each_back_end(request, store_path):
    """The store a test writes through, on a laptop's SQLite file and on a team server's
    PostgreSQL database (the write path and the rules are the same code on both: a test module
    that runs on each names this fixture ``store``)."""
    if request.param == "sqlite":
        with open_store(store_path) as opened:
            yield opened
        return
    from db.records import thematic
    from db.server.team_server import TeamServer

    with TeamServer(request.getfixturevalue("migrated_postgres_url")) as server:
        thematic.ensure_default_tree(server)
        yield server


@pytest.fixture(scope="session")
def tls_server(tmp_path_factory):
    """A second throwaway cluster, reached over TLS on 127.0.0.1 (tests/tls.py): (the cluster,
    its team server database, the authority's certificate, another authority's); its officer
    "amina" logs in with tls.OFFICER_PASSWORD."""
    from db.server import accounts, setup
    from db.server.team_server import TeamServer
    from tests import tls

    binaries = postgres.find_binaries()
    if binaries is None:
        pytest.skip("PostgreSQL is not installed: no initdb and pg_ctl")
    folder = tmp_path_factory.mktemp("tls")
    ours = tls.authority(folder, "Ministry authority")
    theirs = tls.authority(folder, "Somebody else")
    with postgres.running_cluster(binaries, tls=tls.server_certificate(folder, ours)) as cluster:
        name = cluster.create_database()
        with TeamServer(cluster.url(name)) as admin:  # the administrator, on the local socket
            setup.init_server(admin)
            accounts.add_account(admin, "amina", tls.OFFICER_PASSWORD)
        yield cluster, name, ours.certificate, theirs.certificate


@pytest.fixture
def flushes(monkeypatch) -> Flushes:
    """Every file and folder flushed to the disk during the test, by this system's rules."""
    return record_flushes(monkeypatch)


@pytest.fixture
def windows_flushes(monkeypatch) -> Flushes:
    """As ``flushes``, by Windows' rules: a file opened read-only cannot be flushed, a folder
    cannot be opened, and ``sys.platform`` says so (tests/platforms.py)."""
    return record_flushes(monkeypatch, as_windows=True)


@pytest.fixture
def windows_locks(monkeypatch) -> WindowsLocking:
    """The store's lock by Windows' means: ``msvcrt`` byte-range locks, imitated with Linux's
    per-handle locks, and ``sys.platform`` saying win32 (tests/platforms.py)."""
    return act_as_windows_locks(monkeypatch)
