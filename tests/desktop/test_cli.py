"""The ``partnerdesk`` command as an officer or a script runs it: exit status, one-line reasons,
no traceback, and no Qt loaded for commands that do not open the window."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest
from sqlalchemy import text

from db.exchange.schema import committed_schema_text
from desktop import cli


def partnerdesk(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
    }
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_sample_then_export_gives_a_valid_document_with_both_memoranda(tmp_path):
    db = tmp_path / "X.sqlite"
    loaded = partnerdesk("--db", str(db), "sample", home=tmp_path)
    assert loaded.returncode == 0, loaded.stderr
    assert "Sample partnerships loaded" in loaded.stdout
    out = tmp_path / "out.json"
    exported = partnerdesk("--db", str(db), "export", str(out), home=tmp_path)
    assert exported.returncode == 0, exported.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(json.loads(committed_schema_text())).validate(doc)
    signatures = {
        (p["signatory_name"], p["signed_at"], p["signed_on"])
        for a in doc["agreements"]
        for p in a["parties"]
    }
    assert {
        ("William Lacy Swing", "Geneva", "2018-05-07"),
        ("Kunio Mikuriya", "Brussels", "2018-05-08"),
        ("Michel Danet", "Brussels", "1999-05-21"),
        ("Jonas Widgren", "Brussels", "1999-05-21"),
    } <= signatures


def test_a_bad_file_is_refused_with_a_non_zero_exit_and_the_store_unchanged(tmp_path):
    db = tmp_path / "X.sqlite"
    assert partnerdesk("--db", str(db), "sample", home=tmp_path).returncode == 0
    before = tmp_path / "before.json"
    partnerdesk("--db", str(db), "export", str(before), home=tmp_path)
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "format": "partnerdesk",
                "version": 1,
                "activities": [
                    {
                        "id": "6a1c9c0e-2f0a-4c55-9b1e-3f7f1e2c0a11",
                        "title": "Workshop",
                        "kind": "workshop",
                        "start_on": "2026-05-04",
                        "end_on": "2026-05-01",
                    }
                ],
            }
        )
    )
    refused = partnerdesk("import", str(bad), "--db", str(db), home=tmp_path)
    assert refused.returncode == 1
    assert refused.stderr.splitlines()[0] == "partnerdesk: nothing was imported: 1 problem."
    assert "end_on: End date (2026-05-01) is before start date (2026-05-04)." in refused.stderr
    assert "Traceback" not in refused.stderr
    after = tmp_path / "after.json"
    partnerdesk("--db", str(db), "export", str(after), home=tmp_path)
    strip = lambda p: {k: v for k, v in json.loads(p.read_text()).items() if k != "exported_at"}  # noqa: E731
    assert strip(after) == strip(before)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("export", "out.json"), "There is no PartnerDesk store"),
        (("import", "missing.json"), "There is no file"),
        (("import", "partners.numbers"), "only PartnerDesk exchange files (.json)"),
        (("backup", "copy.sqlite"), "There is no PartnerDesk store"),
    ],
)
def test_failures_give_one_plain_line(tmp_path, args, words):
    result = partnerdesk("--db", str(tmp_path / "none.sqlite"), *args, home=tmp_path)
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert words in result.stderr and "Traceback" not in result.stderr


def test_a_command_line_that_cannot_be_understood_exits_2(tmp_path):
    result = partnerdesk("frobnicate", home=tmp_path)
    assert result.returncode == 2


def test_backup_writes_a_verified_owner_only_copy_and_check_reports_health(tmp_path):
    db = tmp_path / "X.sqlite"
    partnerdesk("--db", str(db), "sample", home=tmp_path)
    copy = tmp_path / "backups" / "copy.sqlite"
    result = partnerdesk("--db", str(db), "backup", str(copy), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert oct(copy.stat().st_mode & 0o777) == "0o600"
    checked = partnerdesk("--db", str(copy), "check", home=tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert "is healthy" in checked.stdout and "3 agreements" in checked.stdout


def test_store_id_names_the_store_and_a_copy_takes_its_own(tmp_path):
    db = tmp_path / "X.sqlite"
    missing = partnerdesk("--db", str(db), "store-id", home=tmp_path)
    assert missing.returncode == 1 and "There is no PartnerDesk store" in missing.stderr
    partnerdesk("--db", str(db), "sample", home=tmp_path)
    first = partnerdesk("--db", str(db), "store-id", home=tmp_path)
    again = partnerdesk("--db", str(db), "store-id", home=tmp_path)
    assert first.returncode == 0, first.stderr
    assert re.fullmatch(r"[0-9a-f-]{36}\n", first.stdout) and again.stdout == first.stdout
    copy = tmp_path / "copy.sqlite"
    copy.write_bytes(db.read_bytes())
    copied = partnerdesk("--db", str(copy), "store-id", home=tmp_path)
    assert copied.returncode == 0, copied.stderr
    assert re.fullmatch(r"[0-9a-f-]{36}\n", copied.stdout) and copied.stdout != first.stdout


def test_check_reports_a_damaged_store(tmp_path):
    db = tmp_path / "X.sqlite"
    partnerdesk("--db", str(db), "sample", home=tmp_path)
    data = bytearray(db.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 4096] = os.urandom(4096)
    db.write_bytes(bytes(data))
    result = partnerdesk("--db", str(db), "check", home=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr


def test_the_default_store_lives_in_the_users_data_folder(tmp_path):
    result = partnerdesk("sample", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert list((tmp_path / "data").rglob("partnerdesk.sqlite"))


def test_commands_other_than_the_window_do_not_load_qt(tmp_path):
    code = (
        "import sys; from desktop.cli import main; "
        f"rc = main(['--db', {str(tmp_path / 'q.sqlite')!r}, 'sample']); "
        f"rc += main(['--db', {str(tmp_path / 'q.sqlite')!r}, 'review', "
        f"'--output', {str(tmp_path / 'review.pdf')!r}]); "
        "loaded = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))); "
        "print(rc, loaded)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.stdout.strip().endswith("0 []"), result.stdout + result.stderr


def test_a_damaged_store_is_refused_with_the_backup_to_restore_then_restored(tmp_path):
    db = tmp_path / "X.sqlite"
    partnerdesk("--db", str(db), "sample", home=tmp_path)
    backup = tmp_path / "backups" / "X-20261123T100000Z-manual.sqlite"
    assert partnerdesk("--db", str(db), "backup", str(backup), home=tmp_path).returncode == 0
    db.write_bytes(db.read_bytes()[:50_000])  # cut short
    damaged = sha(db)

    refused = partnerdesk("--db", str(db), "check", home=tmp_path)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "cannot be opened: it is damaged" in refused.stderr
    assert f"restore '{backup}'" in refused.stderr  # the one step back, spelled out
    assert sha(db) == damaged

    restored = partnerdesk("--db", str(db), "restore", str(backup), home=tmp_path)
    assert restored.returncode == 0, restored.stderr
    [kept] = tmp_path.glob("X.replaced-*.sqlite")
    assert sha(kept) == damaged and str(kept) in restored.stdout
    checked = partnerdesk("--db", str(db), "check", home=tmp_path)
    assert checked.returncode == 0 and "3 agreements" in checked.stdout


def test_restore_refuses_a_store_open_in_a_window_and_a_file_that_is_no_backup(tmp_path):
    from db.store.lock import StoreLock

    db = tmp_path / "X.sqlite"
    partnerdesk("--db", str(db), "sample", home=tmp_path)
    before = sha(db)
    notes = tmp_path / "notes.sqlite"
    notes.write_text("not a backup")
    refused = partnerdesk("--db", str(db), "restore", str(notes), home=tmp_path)
    assert refused.returncode == 1
    assert (
        "cannot be restored: it is not an SQLite database. Nothing was changed." in refused.stderr
    )
    copy = tmp_path / "copy.sqlite"
    partnerdesk("--db", str(db), "backup", str(copy), home=tmp_path)
    with StoreLock(db):  # a window has the store open
        busy = partnerdesk("--db", str(db), "restore", str(copy), home=tmp_path)
    assert busy.returncode == 1
    assert "PartnerDesk is open on this store on this computer since" in busy.stderr
    assert "close it first, then restore again. Nothing was changed." in busy.stderr
    assert sha(db) == before


# -- a store a window has open (docs/reliability.md, "Locks") --------------------------------------
SINCE = re.compile(
    r"PartnerDesk is open on this store on this computer since (\d\d:\d\d|\d{4}-\d\d-\d\d)"
)


@pytest.fixture
def window(tmp_path):
    """A store as a window holds it: the lock, connections open, and its locks lost to a stray
    open and close of the store's file in its process (as a file dialog once did)."""
    from db.records.services import open_store
    from db.store.lock import StoreLock

    db = tmp_path / "X.sqlite"
    with StoreLock(db), open_store(db) as store:
        fd = os.open(db, os.O_RDONLY)
        os.read(fd, 100)
        os.close(fd)
        yield store


def test_commands_that_only_read_a_store_open_in_a_window_read_it_read_only(window, tmp_path):
    from db.records import services

    services.save(window, "organization", {"name": "Entered in the window", "kind": "ngo"})
    out = tmp_path / "out.json"
    exported = partnerdesk("--db", str(window.path), "export", str(out), home=tmp_path)
    assert exported.returncode == 0, exported.stderr
    assert SINCE.search(exported.stderr) and "reading it read-only" in exported.stderr
    names = [o["name"] for o in json.loads(out.read_text(encoding="utf-8"))["organizations"]]
    assert names == ["Entered in the window"]
    # The command never took itself for the last connection: the window's journal is its own.
    assert window.log_is_ours()

    services.save(window, "organization", {"name": "Entered next", "kind": "ngo"})
    assert window.log_replacements == 0
    for command in (
        ["check"],
        ["backup", str(tmp_path / "copy.sqlite")],
        ["brief", "--partner", "Entered next", "--output", str(tmp_path / "brief.pdf")],
        ["export", str(out)],
    ):
        done = partnerdesk("--db", str(window.path), *command, home=tmp_path)
        assert done.returncode == 0, done.stderr
        assert SINCE.search(done.stderr), done.stderr
        assert window.log_is_ours()
    assert "healthy" in partnerdesk("--db", str(window.path), "check", home=tmp_path).stdout
    names = {o["name"] for o in json.loads(out.read_text(encoding="utf-8"))["organizations"]}
    assert names == {"Entered in the window", "Entered next"}


def test_commands_that_write_wait_then_refuse_naming_the_window(window, tmp_path):
    sheet = tmp_path / "partners.csv"
    sheet.write_text("name,kind\nInterpol,intergovernmental_organization\n", encoding="utf-8")
    backup = tmp_path / "copy.sqlite"
    assert (
        partnerdesk("--db", str(window.path), "backup", str(backup), home=tmp_path).returncode == 0
    )
    commands = {
        "import": ["import", str(sheet), "--kind", "organizations"],
        "sample": ["sample"],
        "restore": ["restore", str(backup)],
    }
    started = time.monotonic()
    running = {
        name: subprocess.Popen(
            [sys.executable, "-m", "desktop.cli", "--db", str(window.path), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")},
        )
        for name, args in commands.items()
    }
    refused = {name: proc.communicate(timeout=120) for name, proc in running.items()}
    assert time.monotonic() - started >= cli.WRITER_WAIT_S  # they waited for the window
    for name, (_out, err) in refused.items():
        assert running[name].returncode == 1, err
        assert SINCE.search(err) and err.rstrip().endswith("Nothing was changed."), err
    assert (
        "import the spreadsheet there (File → Import from a spreadsheet…)" in refused["import"][1]
    )
    with window.reading() as session:
        assert session.exec(text("SELECT count(*) FROM organization")).one()[0] == 0


def test_a_command_that_writes_goes_ahead_once_the_window_is_closed(tmp_path):
    from db.store.lock import StoreLock, holder_of

    db = tmp_path / "X.sqlite"
    lock = StoreLock(db)
    lock.acquire()
    loading = subprocess.Popen(
        [sys.executable, "-m", "desktop.cli", "--db", str(db), "sample"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")},
    )
    time.sleep(1.0)
    lock.release()  # the officer closes the window
    out, err = loading.communicate(timeout=120)
    assert loading.returncode == 0, err
    assert "Sample partnerships loaded" in out
    assert holder_of(db) is None  # the command let go of the store when it was done


def test_the_kinds_the_command_line_names_are_those_the_store_declares():
    """desktop.cli writes the kinds' keys out (opening the window must not load the store layer
    first); they must stay the declared ones."""
    from db.schema.kinds import IMPORTABLE, KINDS
    from desktop import cli

    assert tuple(kind.key for kind in IMPORTABLE) == cli.RECORD_KINDS
    assert tuple(kind.key for kind in KINDS) == cli.EXPORT_KINDS
