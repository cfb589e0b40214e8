"""Fixtures for window tests: a Desk over a test store, settings kept away from the user's, and
"today" fixed so that late and upcoming mean the same on every run."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QApplication, QDialog

from db.exchange.sample import load_sample
from db.records.services import open_store
from desktop import i18n
from desktop.desk import Desk
from desktop.worker import wait_for_background_work

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="session", autouse=True)
def english_plurals(qapp):
    """As the window starts in English: "1 contact", "2 contacts" from partnerdesk_en.qm (the
    tests keep Qt's default locale, which install_translators would set)."""
    i18n.load_partnerdesk(qapp, "en")


@pytest.fixture(autouse=True)
def no_dialog_left_open(qapp):
    """A dialog a test leaves open is closed after it: the next test's modal helpers would
    answer it instead of their own and wait forever (tests/desktop/modal.py)."""
    yield
    for widget in qapp.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()
    QApplication.processEvents()


@pytest.fixture(autouse=True)
def private_settings(tmp_path, qapp):
    QCoreApplication.setOrganizationName("PartnerDeskTests")
    QCoreApplication.setApplicationName("PartnerDeskTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for settings_format in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        # NativeFormat too: Qt's file dialog remembers its folders in "QtProject" settings.
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield
    wait_for_background_work()


@pytest.fixture
def desk(store, clock):
    clock.move_to(TODAY)
    opened = Desk(store)
    yield opened
    wait_for_background_work()


@pytest.fixture
def sample_desk(desk):
    load_sample(desk.store, today=TODAY)
    return desk


@pytest.fixture
def sample_path(tmp_path, clock):
    """A store file holding the sample, for tests that start the window on it. The sample
    describes TODAY (its activities done by then): the clock is there, as for ``desk``, so that
    what the window imports or merges from it is judged as of that day."""
    clock.move_to(TODAY)
    path = tmp_path / "partnerdesk.sqlite"
    with open_store(path) as store:
        load_sample(store, today=TODAY)
    return path


@pytest.fixture
def sessions():
    """The windows a test started (desktop.app.StoreSession), closed and finished after it."""
    started = []
    yield started
    for session in started:
        if session.recovery is not None:  # the test ended with the recovery dialog open
            session.recovery.reject()
        if session.window is not None:
            session.window.close()
        session.finish()
    wait_for_background_work()


@pytest.fixture
def french(qapp):
    """The window's language set to French for one test; English again afterwards."""
    locale_before = QLocale()
    i18n.install_translators(qapp, "fr")
    yield
    i18n.install_translators(qapp, "en")
    QLocale.setDefault(locale_before)
