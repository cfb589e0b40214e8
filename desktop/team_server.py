"""The window's link to the team server (docs/team-server.md): File → Connect to a team server…
keeps the address and the user in the settings and the password in the system's keyring (never
in the settings, never in the store); then a sync runs on demand (File → Sync with the team
server, Ctrl+Shift+Y) and by itself every few minutes while the window is open.

A sync is the command line's (db.server.sync): its writes to the store go through the window's
one writer, like every save, and the window keeps painting and browsing meanwhile; a server that
cannot be reached is found out off the writer first, so that a save never waits behind a network
timeout. The status bar says where the link stands; a sync the officer asked for ends with the
sync report, one that ran by itself only updates the status bar (and the conflict count).
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import quote

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QMainWindow

from db import clock
from db.server.sync import ServerSyncReport, sync_with_server
from db.server.team_server import ServerError, TeamServer
from desktop.desk import CONFLICTS, Changes
from desktop.errors import log
from desktop.settings import Options
from desktop.worker import run_in_background

KEYRING_SERVICE = "PartnerDesk team server"
EVERY_MS = 5 * 60 * 1000  # a sync by itself every five minutes while connected
translate = QCoreApplication.translate


@dataclass(frozen=True)
class ServerAccount:
    """Where the team server is and who logs in (the password is not here)."""

    host: str
    port: int
    database: str
    user: str
    ca_file: str = ""  # the organization's certificate authority: the server's is then verified

    def address(self) -> str:
        """libpq's address, without the password. A host that is a folder is a Unix socket's
        (a server on this computer), which libpq takes as a parameter."""
        user, database = quote(self.user, safe=""), quote(self.database, safe="")
        options = []
        if self.host.startswith("/"):
            options += [f"host={quote(self.host)}", f"port={self.port}"]
            where = ""
        else:
            where = f"{self.host}:{self.port}"
        if self.ca_file:
            options += ["sslmode=verify-full", f"sslrootcert={quote(self.ca_file)}"]
        query = f"?{'&'.join(options)}" if options else ""
        return f"postgresql://{user}@{where}/{database}{query}"

    def keyring_name(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.database}"


def check_ready(account: ServerAccount, password: str) -> None:
    """Whether the server answers this login and is ready for this PartnerDesk (ServerError
    saying why not); nothing is written. Off the GUI thread and off the writer."""
    with TeamServer(account.address(), password=password) as server:
        server.check_ready()


def saved_account(options: Options) -> ServerAccount | None:
    raw = options.team_server
    if not raw.get("host") or not raw.get("user"):
        return None
    try:
        return ServerAccount(
            raw["host"], int(raw.get("port") or 5432), raw.get("database") or "partnerdesk",
            raw["user"], raw.get("ca_file") or "",
        )  # fmt: skip
    except (TypeError, ValueError):
        return None


def kept_password(account: ServerAccount) -> str | None:
    """The password kept in the system's keyring, or None (none kept, or no keyring here)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, account.keyring_name())
    except (KeyringError, RuntimeError, OSError) as exc:
        log.info("no keyring to read the team server's password from: %s", exc)
        return None


def keep_password(account: ServerAccount, password: str) -> bool:
    """Keep the password in the system's keyring; False when this computer offers none."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, account.keyring_name(), password)
    except (KeyringError, RuntimeError, OSError) as exc:
        log.info("no keyring to keep the team server's password in: %s", exc)
        return False
    return True


def forget_password(account: ServerAccount) -> None:
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    with suppress(PasswordDeleteError, KeyringError, RuntimeError, OSError):  # none kept
        keyring.delete_password(KEYRING_SERVICE, account.keyring_name())


class TeamServerLink(QObject):
    """One window's link: the account, the password for this session, the timer, the state."""

    state_changed = Signal(str)  # what the status bar says
    progressed = Signal(str)  # a step of the running sync, from the writer thread

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.account: ServerAccount | None = saved_account(Options())
        self._password: str | None = None
        self.running = False
        self.last_synced: datetime | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(EVERY_MS)
        self.timer.timeout.connect(self.sync)
        self.progressed.connect(self.state_changed.emit)
        if self.account is not None and not window.desk.store.read_only:
            self.timer.start()

    @property
    def connected(self) -> bool:
        return self.account is not None

    def password(self) -> str | None:
        if self._password is None and self.account is not None:
            self._password = kept_password(self.account)
        return self._password

    def connect_to(self, account: ServerAccount, password: str, *, keep: bool) -> bool:
        """Remember the account (and the password, in the keyring when ``keep``); returns
        whether the password was kept (False: this computer has no keyring, or not asked)."""
        options = Options()
        options.team_server = {
            "host": account.host, "port": account.port, "database": account.database,
            "user": account.user, "ca_file": account.ca_file,
        }  # fmt: skip
        if self.account is not None and self.account != account:
            forget_password(self.account)
        self.account, self._password = account, password
        kept = keep and keep_password(account, password)
        if not keep:
            forget_password(account)
        self.timer.start()
        self.state_changed.emit(self.state_text())
        return kept

    def disconnect(self) -> None:
        if self.account is not None:
            forget_password(self.account)
        Options().team_server = {}
        self.account, self._password, self.last_synced = None, None, None
        self.timer.stop()
        self.state_changed.emit(self.state_text())

    def state_text(self) -> str:
        if self.account is None:
            return ""
        where = self.account.host
        if self.running:
            return translate("team_server", "Team server %1: syncing…").replace("%1", where)
        if self.last_synced is None:
            return translate("team_server", "Team server %1: connected").replace("%1", where)
        at = self.last_synced.astimezone().strftime("%H:%M")
        return (
            translate("team_server", "Team server %1: synced at %2")
            .replace("%1", where)
            .replace("%2", at)
        )

    def sync(self, on_done=None, on_failed=None) -> None:
        """Sync now: first whether the server answers (off the writer), then the sync on the
        writer. The officer's sync passes what to show at the end (the report, or why not);
        the timer's passes nothing: the status bar says how it went."""
        if self.account is None or self.running or self.window.desk.store.read_only:
            return
        password = self.password()
        if password is None:
            self.state_changed.emit(
                translate("team_server", "Team server %1: password needed (File menu)").replace(
                    "%1", self.account.host
                )
            )
            if on_failed is not None:
                on_failed(
                    ServerError(
                        translate(
                            "team_server",
                            "The password for the team server is not kept on this computer: "
                            "connect again (File → Connect to a team server…).",
                        )
                    )
                )
            return
        account = self.account
        self.running = True
        self.state_changed.emit(self.state_text())

        def work(store) -> ServerSyncReport:
            with TeamServer(account.address(), password=password) as server:
                return sync_with_server(store, server, progress=self.progressed.emit)

        def changes(report: ServerSyncReport) -> Changes:
            touched = {kind for kind, *_rest in (*report.added, *report.merged, *report.conflicts)}
            return Changes.of(*touched, flags=(CONFLICTS,))

        def done(report: ServerSyncReport) -> None:
            self.running, self.last_synced = False, clock.now()
            self.state_changed.emit(self.state_text())
            if on_done is not None:
                on_done(report)

        def failed(exc: BaseException) -> None:
            self.running = False
            log.info("team server sync failed: %s", exc)
            at = clock.now().astimezone().strftime("%H:%M")
            self.state_changed.emit(
                translate("team_server", "Team server %1: not synced at %2 (will try again)")
                .replace("%1", account.host)
                .replace("%2", at)
            )
            if on_failed is not None:
                on_failed(exc)

        run_in_background(
            lambda: check_ready(account, password),
            lambda _ok: self.window.desk.run(work, changes, done, failed),
            failed,
        )
