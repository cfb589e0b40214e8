"""Briefing tests run without Qt: the sheet is made from the store alone. The sample
partnerships are loaded once per session with "today" fixed, and copied for each test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from db.exchange.sample import load_sample
from db.records.services import open_store
from tests.desktop.briefing.helpers import TODAY


@pytest.fixture(autouse=True)
def private_settings():
    """Replaces tests/desktop's fixture of the same name, which starts a QApplication: nothing
    here needs Qt."""
    yield


@pytest.fixture(autouse=True)
def no_dialog_left_open():
    """Replaces tests/desktop's fixture of the same name, for the same reason: no windows here."""
    yield


@pytest.fixture(scope="session")
def sample_store_file(empty_store_file: Path, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("sample") / "sample.sqlite"
    shutil.copyfile(empty_store_file, path)
    with open_store(path) as store:
        load_sample(store, today=TODAY)
    return path


@pytest.fixture
def sample_store(sample_store_file: Path, tmp_path: Path):
    target = tmp_path / "sample.sqlite"
    shutil.copyfile(sample_store_file, target)
    with open_store(target) as opened:
        yield opened
