"""Who may import whom (STYLE.md): db/ never imports Qt or desktop/. Checked by import-linter's
contracts in pyproject.toml, and by importing the whole core in a clean interpreter."""

from __future__ import annotations

import pkgutil
import re
import shutil
import subprocess
import sys
from pathlib import Path

import db

ROOT = Path(__file__).resolve().parents[1]


def test_the_import_contracts_hold():
    linter = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which(
        "lint-imports"
    )
    assert linter, "import-linter is part of the test extra"
    result = subprocess.run([linter, "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_whole_core_imports_without_qt():
    modules = [
        m.name
        for m in pkgutil.walk_packages(db.__path__, "db.")
        if ".migrations.env" not in m.name and ".versions." not in m.name
    ]
    code = (
        "import importlib, sys\n"
        + "".join(f"importlib.import_module({m!r})\n" for m in modules)
        + (
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'desktop'))))"
        )
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    assert len(modules) > 10


WALL_CLOCK = re.compile(
    r"\b(?:date\.today|datetime\.(?:now|utcnow|today)|time\.(?:time|localtime|gmtime)"
    r"|QDate\.currentDate|QDateTime\.current\w*)\("
)


def test_time_is_read_from_the_one_clock_only():
    """Every "now" and "today" comes from db.clock, which tests and CI move (PARTNERDESK_CLOCK);
    a direct read of the system's clock elsewhere would not move with it."""
    offenders = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for folder in ("db", "desktop")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path != ROOT / "db" / "clock.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if WALL_CLOCK.search(line)
    ]
    assert offenders == []
