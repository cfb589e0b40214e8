"""Time zones without the system's zone database, as on Windows, which has none: the sample, a
consultation with a time zone and its calendar event work from the ``tzdata`` package."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.dependencies import declared_requirements

# Run in a process of its own: the zone database is chosen once per process.
CODE = """
import sys, zoneinfo
assert zoneinfo.TZPATH == (), zoneinfo.TZPATH
if sys.argv[2] == "without tzdata":
    sys.modules["tzdata"] = None  # as if it were not installed
from datetime import date, datetime, UTC
from db.errors import ValidationError
from db.exchange.calendar import calendar_text
from db.exchange.sample import load_sample
from db.records import services
from db.records.services import open_store
from tests import builders

with open_store(sys.argv[1]) as store:
    try:
        load_sample(store, today=date(2026, 11, 23))
        meeting = builders.consultation(
            title="Tokyo round", starts_at="2026-12-10T09:00", timezone="Asia/Tokyo"
        )
        services.save(store, "consultation", meeting)
    except ValidationError as exc:
        print("refused:", exc)
        sys.exit(0)
    text = calendar_text(store, now=datetime(2026, 11, 23, tzinfo=UTC))
    print("Tokyo at 00:00 UTC:", "DTSTART:20261210T000000Z" in text)
"""


def _run(tmp_path: Path, how: str) -> str:
    env = {**os.environ, "PYTHONTZPATH": ""}  # an empty search path: no system zone database
    out = subprocess.run(
        [sys.executable, "-c", CODE, str(tmp_path / "store.sqlite"), how],
        env=env,
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_the_sample_and_a_consultation_with_a_time_zone_work_without_the_systems_zones(tmp_path):
    assert _run(tmp_path, "with tzdata").strip() == "Tokyo at 00:00 UTC: True"


def test_without_the_systems_zones_nor_tzdata_time_zones_are_refused(tmp_path):
    """What an officer on Windows got before tzdata was declared: the test above can fail."""
    assert "is not a known time zone" in _run(tmp_path, "without tzdata")


@pytest.mark.parametrize("platform", ["win32", "darwin", "linux"])
def test_tzdata_is_a_dependency_on_every_system(platform):
    assert "tzdata" in declared_requirements(sys_platform=platform)
