"""The crash soak, small: writers killed with SIGKILL at random moments lose nothing they reported
and leave a sound store, while they open and close the store's file beside SQLite now and then and
a reader in another process opens and closes its connections (scripts/soak.py runs the long
version; docs/reliability.md)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "soak.py"


@pytest.fixture(scope="module")
def soak():
    spec = importlib.util.spec_from_file_location("partnerdesk_soak", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being made
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop(spec.name, None)


def test_writers_killed_at_random_lose_no_reported_commit(soak, tmp_path):
    report = soak.run_soak(tmp_path, kills=12, seed=20261123)
    print(report.table())  # shown when an assertion below fails: which figure, and the others

    assert report.problems == []
    assert report.kills == 12
    assert report.commits_reported > 0
    assert report.commits_verified == report.commits_reported
    assert report.lost_commits == 0
    assert report.unsound_stores == 0
    assert report.torn_operations == 0
    assert report.check_failures == 0
    assert report.kills_in_flight > 0  # some kills did land while a record was being written
    assert report.ok
    assert sum(report.records.values()) > 0
    # The disturbances happened, and the writers found their log deleted and took it back.
    assert report.stray_opens > 0
    assert report.reader_connections > 0
    assert report.logs_taken_back > 0
