"""File → Connect to a team server…: where the organization's PostgreSQL server is, who logs in,
the password (kept in the system's keyring when the officer leaves the box ticked), and the
organization's certificate authority when the server's certificate is to be verified. Connect
tries the server off the GUI thread and says in the dialog what went wrong, naming the field;
nothing is kept until the server has answered."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.server.team_server import ServerError
from desktop import colours
from desktop.team_server import ServerAccount, TeamServerLink, check_ready
from desktop.worker import run_in_background


class ConnectTeamServerDialog(QDialog):
    def __init__(self, link: TeamServerLink, parent: QWidget | None = None):
        super().__init__(parent)
        self.link = link
        self.setObjectName("connectTeamServer")
        self.setWindowTitle(self.tr("Connect to a team server"))
        intro = QLabel(
            self.tr(
                "The team server is your organization's PostgreSQL database. Its administrator "
                "gives you its address and your user name. This laptop keeps working offline "
                "and syncs whenever the server can be reached."
            ),
            self,
        )
        intro.setWordWrap(True)
        account = link.account
        self.host = QLineEdit(account.host if account else "", self)
        self.host.setObjectName("serverHost")
        self.host.setPlaceholderText("db.example.org")
        self.port = QSpinBox(self)
        self.port.setObjectName("serverPort")
        self.port.setRange(1, 65535)
        self.port.setValue(account.port if account else 5432)
        self.database = QLineEdit(account.database if account else "partnerdesk", self)
        self.database.setObjectName("serverDatabase")
        self.user = QLineEdit(account.user if account else "", self)
        self.user.setObjectName("serverUser")
        self.password = QLineEdit(self)
        self.password.setObjectName("serverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.keep = QCheckBox(self.tr("&Keep the password in this computer's keyring"), self)
        self.keep.setObjectName("keepPassword")
        self.keep.setChecked(True)
        self.ca_file = QLineEdit(account.ca_file if account else "", self)
        self.ca_file.setObjectName("serverCaFile")
        self.ca_file.setPlaceholderText(self.tr("optional: the organization's CA certificate"))
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self._choose_ca_file)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("&Server"), self.host)
        form.addRow(self.tr("P&ort"), self.port)
        form.addRow(self.tr("&Database"), self.database)
        form.addRow(self.tr("&User"), self.user)
        form.addRow(self.tr("&Password"), self.password)
        form.addRow("", self.keep)
        ca_label = QLabel(self.tr("&Certificate authority"), self)
        ca_label.setBuddy(self.ca_file)  # a row of two widgets: the label's shortcut needs one
        form.addRow(ca_label, ca_row)
        self.problem = QLabel(self)
        self.problem.setObjectName("connectProblem")
        self.problem.setStyleSheet(colours.style(colours.warning()))
        self.problem.setWordWrap(True)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.connect_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.connect_button.setText(self.tr("Co&nnect"))
        self.buttons.accepted.connect(self.try_to_connect)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        (self.password if self.user.text() else self.host).setFocus()
        self.resize(560, self.sizeHint().height())

    def _choose_ca_file(self) -> None:
        from desktop.widgets.file_dialogs import open_file_name

        chosen = open_file_name(
            self,
            self.tr("The organization's certificate authority"),
            "",
            self.tr("Certificates (*.crt *.pem *.cer);;All files (*)"),
        )
        if chosen:
            self.ca_file.setText(chosen)

    def _say(self, field: QWidget | None, text: str) -> None:
        self.problem.setText(text)
        self.connect_button.setEnabled(True)
        if field is not None:
            field.setFocus()

    def try_to_connect(self) -> None:
        named = [
            (self.host, self.tr("Server")),
            (self.database, self.tr("Database")),
            (self.user, self.tr("User")),
            (self.password, self.tr("Password")),
        ]
        for field, label in named:
            if not field.text().strip():
                self._say(field, self.tr("%1 is required.").replace("%1", label))
                return
        account = ServerAccount(
            self.host.text().strip(),
            self.port.value(),
            self.database.text().strip(),
            self.user.text().strip(),
            self.ca_file.text().strip(),
        )
        password = self.password.text()
        self.problem.setText(self.tr("Connecting to %1…").replace("%1", account.host))
        self.connect_button.setEnabled(False)

        def answered(_none: None) -> None:
            self.kept = self.link.connect_to(account, password, keep=self.keep.isChecked())
            self.account = account
            self.accept()

        def refused(exc: BaseException) -> None:
            if not isinstance(exc, ServerError):
                raise exc  # a bug: the unexpected-error handler reports it
            at = {"password": self.password, "certificate": self.ca_file}.get(exc.about, self.host)
            self._say(at, str(exc))

        run_in_background(lambda: check_ready(account, password), answered, refused)
