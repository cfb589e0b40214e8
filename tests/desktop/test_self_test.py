"""``partnerdesk --self-test``: every step passes and is named on an installation that works, and
the first step that fails is named, with a non-zero exit status."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import desktop.self_test
from db.errors import StorageError
from desktop.self_test import run_self_test

STEPS = ("resources", "store", "records", "briefing", "integrity", "window")


def test_the_self_test_passes_every_step_and_leaves_nothing_behind(tmp_path):
    home = tmp_path / "home"
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "TMPDIR": str(temporary),
        "QT_QPA_PLATFORM": "offscreen",
    }
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--self-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    for step in STEPS:
        assert any(line.split()[:1] == [step] and " ok " in line for line in lines), result.stdout
    assert "self-test passed: 6 steps" in result.stdout
    assert "store's folder listed" in result.stdout
    assert "time zones (tzdata 20" in result.stdout
    assert "store lock taken, seen and released" in result.stdout
    assert "a second start reached it" in result.stdout
    assert f"the officer's data folder: {home / 'data' / 'PartnerDesk'}" in result.stdout
    if Path("/proc/locks").exists():  # Linux tells which locks a process holds
        assert "SQLite's locks kept" in result.stdout
    assert list(temporary.iterdir()) == []  # the test store and its folder are removed
    assert not home.exists()  # the officer's store, settings and logs are not touched


def test_a_store_that_cannot_be_created_fails_the_store_step(tmp_path):
    not_a_folder = tmp_path / "a file"
    not_a_folder.write_text("in the way")  # even root cannot create a store inside a file
    out, err = io.StringIO(), io.StringIO()
    assert run_self_test(out, err, folder=not_a_folder) == 1
    assert "store" in _failed_line(out.getvalue())
    assert "self-test failed at step 'store': Cannot create the store" in err.getvalue()
    assert "Traceback" not in err.getvalue()  # a plain reason, from the environment
    for later in ("records", "briefing", "integrity", "window"):
        assert later not in out.getvalue()


def test_a_failing_briefing_is_named_with_its_reason(tmp_path, monkeypatch):
    def no_room(*_args, **_kwargs):
        raise StorageError("The briefing could not be written: no space left on device.")

    monkeypatch.setattr(desktop.self_test, "render_briefing", no_room)
    out, err = io.StringIO(), io.StringIO()
    assert run_self_test(out, err, folder=tmp_path) == 1
    assert [line.split()[0] for line in out.getvalue().splitlines()[1:]] == [
        "resources",
        "store",
        "records",
        "briefing",
    ]
    assert "briefing" in _failed_line(out.getvalue())
    assert "at step 'briefing': The briefing could not be written" in err.getvalue()


def test_a_bug_in_a_step_is_reported_with_its_traceback(tmp_path, monkeypatch):
    def broken(_run):
        raise KeyError("fonts")

    monkeypatch.setattr(
        desktop.self_test, "STEPS", (("resources", broken), *desktop.self_test.STEPS[1:])
    )
    out, err = io.StringIO(), io.StringIO()
    assert run_self_test(out, err, folder=tmp_path) == 1
    assert "at step 'resources': KeyError: 'fonts'" in err.getvalue()
    assert "Traceback" in err.getvalue()  # for the developer: a module missing from a build
    assert not Path(tmp_path / "self-test.sqlite").exists()


def _failed_line(output: str) -> str:
    [line] = [line for line in output.splitlines() if "FAILED" in line]
    return line


def test_a_bundle_without_its_time_zone_database_fails_the_resources_step(tmp_path, monkeypatch):
    for name in ["tzdata", "tzdata.zoneinfo", *(m for m in sys.modules if m.startswith("tzdata."))]:
        monkeypatch.setitem(sys.modules, name, None)  # as in a bundle built without it
    out, err = io.StringIO(), io.StringIO()
    assert run_self_test(out, err, folder=tmp_path) == 1
    assert "resources" in _failed_line(out.getvalue())
    assert "the time-zone database (tzdata) is missing" in err.getvalue()
