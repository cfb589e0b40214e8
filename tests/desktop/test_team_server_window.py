"""The team server from the window (docs/team-server.md): File → Connect to a team server… keeps
the address in the settings and the password in the system's keyring, never in the settings;
the first sync ends with its report; the link syncs by itself while the window is open; a login
the server refuses is said in the dialog, at the password (a real throwaway PostgreSQL)."""

from __future__ import annotations

from dataclasses import replace

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import NoKeyringError, PasswordDeleteError
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from sqlalchemy import text

from db.records import services
from db.server import setup
from db.server.sync import sync_with_server
from db.server.team_server import TeamServer
from desktop.dialogs.connect_team_server import ConnectTeamServerDialog
from desktop.drafts import Drafts
from desktop.main_window import MainWindow
from desktop.settings import Options
from desktop.sync_bundle_file import REPORT
from desktop.team_server import KEYRING_SERVICE
from desktop.worker import wait_for_background_work
from tests import builders
from tests.postgres import PORT
from tests.tls import OFFICER_PASSWORD

PASSWORD = "a long enough password"


class MemoryKeyring(KeyringBackend):
    """The system's keyring, as a test sees it: what was kept, by service and name."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.kept.get((service, username))

    def set_password(self, service, username, password):
        self.kept[(service, username)] = password

    def delete_password(self, service, username):
        if self.kept.pop((service, username), None) is None:
            raise PasswordDeleteError("none kept")


class NoKeyring(MemoryKeyring):
    """A computer without one (a Linux session without a Secret Service)."""

    def get_password(self, service, username):
        raise NoKeyringError("no keyring")

    def set_password(self, service, username, password):
        raise NoKeyringError("no keyring")


@pytest.fixture
def system_keyring():
    before = keyring.get_keyring()
    kept = MemoryKeyring()
    keyring.set_keyring(kept)
    yield kept
    keyring.set_keyring(before)


@pytest.fixture
def server(postgres_url):
    with TeamServer(postgres_url) as prepared:
        setup.init_server(prepared)
        yield prepared


@pytest.fixture
def window(qtbot, desk):
    shown = MainWindow(desk, Options(), Drafts(desk.store.path))
    qtbot.addWidget(shown)
    with qtbot.waitActive(shown):  # shortcuts reach the active window only
        shown.show()
        shown.activateWindow()
    yield shown
    shown.team_server.timer.stop()


def _fill_and_connect(qtbot, window, server: TeamServer, *, user: str | None = None):
    """The officer opens the dialog from the File menu's action, types, and clicks Connect."""
    assert window.actions_by_key["connect_server"].text() == "Connect to a &team server…"
    dialog = ConnectTeamServerDialog(window.team_server, window)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.host.setText(server.url.query["host"])
    dialog.port.setValue(PORT)
    dialog.database.setText(server.url.database)
    dialog.user.setText(user or server.url.username)
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    return dialog


def _accepted(qtbot, dialog) -> None:
    accepted = ConnectTeamServerDialog.DialogCode.Accepted
    qtbot.waitUntil(lambda: dialog.result() == accepted, timeout=20_000)
    assert not dialog.isVisible()


def _report(qtbot, window) -> str:
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, REPORT) is not None, timeout=20_000)
    box = window.findChild(QMessageBox, REPORT)
    said = box.text()
    box.close()
    return said


def test_an_officer_connects_the_password_goes_to_the_keyring_and_the_first_sync_reports(
    qtbot, window, server, system_keyring, tmp_path
):
    agreement = services.save(
        window.desk.store, "agreement", builders.agreement(builders.two_parties(window.desk.store))
    )
    dialog = _fill_and_connect(qtbot, window, server)
    _accepted(qtbot, dialog)
    window.on_sync_server()  # what on_connect_server does after the dialog: the first sync
    said = _report(qtbot, window)
    assert "Synced with the team server" in said and "Changes sent: " in said
    assert "No conflict." in said
    with server.reading() as session:
        assert (
            session.execute(
                text("SELECT count(*) FROM agreement WHERE id = :id"), {"id": agreement}
            ).scalar()
            == 1
        )
    # The password is in the keyring, under the account; nowhere in the settings.
    [(service, name)] = system_keyring.kept
    assert service == KEYRING_SERVICE and name.startswith(f"{server.url.username}@")
    settings = "".join(p.read_text("utf-8") for p in (tmp_path / "settings").rglob("*.ini"))
    assert server.url.database in settings and PASSWORD not in settings
    state = window.findChild(QLabel, "teamServerState")
    assert "synced at" in state.text()


def test_the_link_syncs_by_itself_and_takes_another_laptops_work(
    qtbot, window, server, system_keyring, other_store
):
    dialog = _fill_and_connect(qtbot, window, server)
    _accepted(qtbot, dialog)
    assert window.team_server.timer.isActive()
    partner = services.save(other_store, "organization", builders.organization(name="OSCE"))
    sync_with_server(other_store, server)
    window.team_server.timer.timeout.emit()  # five minutes later
    qtbot.waitUntil(lambda: "synced at" in window.server_label.text(), timeout=20_000)
    wait_for_background_work()
    assert services.get_exchange(window.desk.store, "organization", partner)["name"] == "OSCE"
    assert window.findChild(QMessageBox, REPORT) is None  # by itself: no dialog
    # Ctrl+Shift+Y: a sync the officer asks for, with its report.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(
        window,
        Qt.Key.Key_Y,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert "Changes received: 0" in _report(qtbot, window)


def test_a_login_the_server_refuses_is_said_at_the_password_and_nothing_is_kept(
    qtbot, window, server, system_keyring
):
    dialog = _fill_and_connect(qtbot, window, server, user="nobody_here")
    qtbot.waitUntil(lambda: "user name or password" in dialog.problem.text(), timeout=20_000)
    assert dialog.isVisible() and dialog.password.hasFocus()
    assert not window.team_server.connected and system_keyring.kept == {}
    dialog.reject()


def test_without_a_keyring_the_password_lasts_until_the_window_closes(qtbot, window, server, desk):
    before = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    try:
        dialog = _fill_and_connect(qtbot, window, server)
        _accepted(qtbot, dialog)
        assert dialog.kept is False
        window.on_sync_server()
        _report(qtbot, window)
        # The next window (PartnerDesk started again) knows the server but has no password.
        again = MainWindow(desk, Options(), Drafts(desk.store.path))
        qtbot.addWidget(again)
        assert again.team_server.connected and again.team_server.password() is None
        again.team_server.timer.stop()
        again.team_server.sync()  # the timer's: the status bar asks for the password
        assert "password needed" in again.server_label.text()
    finally:
        keyring.set_keyring(before)


def test_over_the_network_the_certificate_authority_field_decides_whom_to_trust(
    qtbot, window, system_keyring, tls_server
):
    cluster, database, ours, theirs = tls_server
    dialog = ConnectTeamServerDialog(window.team_server, window)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(cluster.port)
    dialog.database.setText(database)
    dialog.user.setText("amina")
    dialog.password.setText(OFFICER_PASSWORD)
    dialog.ca_file.setText(str(theirs))  # another authority's: not the organization's server
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "could not be verified" in dialog.problem.text(), timeout=20_000)
    assert dialog.ca_file.hasFocus() and not window.team_server.connected
    dialog.ca_file.setText(str(ours))
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    _accepted(qtbot, dialog)
    assert window.team_server.account.address().endswith(f"?sslmode=verify-full&sslrootcert={ours}")


def test_a_sync_the_server_refuses_is_said_in_a_warning_not_a_crash(
    qtbot, window, server, system_keyring
):
    dialog = _fill_and_connect(qtbot, window, server)
    _accepted(qtbot, dialog)
    link = window.team_server
    link.account = replace(link.account, database="no_such_database")
    window.on_sync_server()
    qtbot.waitUntil(
        lambda: window.findChild(QMessageBox, "team_server_refused") is not None, timeout=20_000
    )
    box = window.findChild(QMessageBox, "team_server_refused")
    assert "no_such_database" in box.text() and "Nothing" in box.text()
    box.close()
    assert "not synced at" in window.server_label.text()
