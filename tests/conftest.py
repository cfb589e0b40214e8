"""Shared fixtures: one empty store is built per test session and copied for each test (fast and
isolated, as Anki's tests do)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from db.engine import Store  # noqa: E402


@pytest.fixture(scope="session")
def empty_store_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "empty.sqlite"
    Store.open(path).close()
    return path


@pytest.fixture
def store_path(empty_store_file: Path, tmp_path: Path) -> Path:
    target = tmp_path / "store.sqlite"
    shutil.copyfile(empty_store_file, target)
    os.chmod(target, 0o600)
    return target


@pytest.fixture
def store(store_path: Path):
    with Store.open(store_path) as opened:
        yield opened


@pytest.fixture
def other_store(empty_store_file: Path, tmp_path: Path):
    target = tmp_path / "other.sqlite"
    shutil.copyfile(empty_store_file, target)
    with Store.open(target) as opened:
        yield opened
