"""One record as an officer reads it: its fields, its parts, the records related to it (each a
link), its attached files (drop a file here to attach it) and its change history."""

from __future__ import annotations

import html
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from db.errors import StorageError
from db.queries.detail import RecordView, record_view
from db.schema.fields import (
    Amount,
    Choice,
    Count,
    Country,
    Date,
    Flag,
    Group,
    ListOf,
    LocalDateTime,
    Parts,
    Ref,
    RowId,
    YesNo,
)
from db.schema.kinds import BY_NAME
from desktop import colours
from desktop.desk import Desk
from desktop.labels import (
    choice_label,
    country_name,
    duration_text,
    field_label,
    kind_name,
    label_of,
    shortcut_text,
    window_language,
)
from desktop.models.conflicts import field_names
from desktop.models.record_table import format_value
from desktop.participant_counts import counts_text
from desktop.views.history_words import change_lines
from desktop.widgets import file_dialogs
from desktop.worker import Latest

SECTION_TITLES = {
    "agreements": QT_TRANSLATE_NOOP("RecordDetail", "Agreements"),
    "consultations": QT_TRANSLATE_NOOP("RecordDetail", "Consultations"),
    "activities": QT_TRANSLATE_NOOP("RecordDetail", "Joint activities"),
    "follow_ups": QT_TRANSLATE_NOOP("RecordDetail", "Follow-ups"),
    "contacts": QT_TRANSLATE_NOOP("RecordDetail", "Contacts"),
    "sub_organizations": QT_TRANSLATE_NOOP("RecordDetail", "Sub-organizations"),
    "parties": QT_TRANSLATE_NOOP("RecordDetail", "Parties"),
    "sub_agreements": QT_TRANSLATE_NOOP("RecordDetail", "Agreements under it"),
    "thematic_areas": QT_TRANSLATE_NOOP("RecordDetail", "Thematic areas"),
    "organizations": QT_TRANSLATE_NOOP("RecordDetail", "Organizations"),
    "participants": QT_TRANSLATE_NOOP("RecordDetail", "Participants"),
    "agreement": QT_TRANSLATE_NOOP("RecordDetail", "Agreement"),
    "organization": QT_TRANSLATE_NOOP("RecordDetail", "Organization"),
    "source": QT_TRANSLATE_NOOP("RecordDetail", "Comes from"),
    "sub_areas": QT_TRANSLATE_NOOP("RecordDetail", "Sub-areas"),
}
HISTORY_SHOWN = 40
# A row's partner, or the name typed when it is not one: shown in the partner's column.
PARTNER_OR_TYPED = {"organization_id": "organization_name"}


def acronym_of(label: str) -> str:
    """ "IOM" for "International Organization for Migration (IOM)"; other labels as they are."""
    if label.endswith(")") and " (" in label:
        return label[:-1].rpartition(" (")[2]
    return label


def long_date(value: date | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(
        QDate(value.year, value.month, value.day), QLocale.FormatType.LongFormat
    )


def _quiet() -> str:
    """Secondary text in the record's HTML: the palette's text faded toward the page."""
    return colours.secondary().name()


class RecordDetail(QWidget):
    open_record = Signal(str, str)
    edit_requested = Signal()
    duplicate_requested = Signal()
    follow_ups_requested = Signal(str)  # consultation id
    conflicts_requested = Signal(str, str)  # kind, id: the record on the Conflicts page

    def __init__(self, desk: Desk, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk = desk
        self.kind: str | None = None
        self.record_id: str | None = None
        self.shown: tuple[str, str] | None = None  # (kind, id) once its view is on screen
        self._attachments: dict[str, str] = {}  # id -> file name, of the record shown
        self._latest = Latest()
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("recordDetail")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._link)
        self.edit_button = QPushButton(self.tr("Edit"), self)
        self.edit_button.clicked.connect(self.edit_requested)
        self.duplicate_button = QPushButton(self.tr("Duplicate"), self)
        self.duplicate_button.setObjectName("duplicateButton")
        self.duplicate_button.setToolTip(
            self.tr("Plan the next edition: same partners, areas and agreement; new dates")
        )
        self.duplicate_button.clicked.connect(self.duplicate_requested)
        self.attach_button = QPushButton(self.tr("Attach a file…"), self)
        self.attach_button.clicked.connect(self._choose_attachment)
        self.follow_ups_button = QPushButton(self.tr("Follow-ups from decisions…"), self)
        self.follow_ups_button.clicked.connect(
            lambda: self.follow_ups_requested.emit(self.record_id or "")
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.follow_ups_button)
        buttons.addStretch()
        buttons.addWidget(self.duplicate_button)
        buttons.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser, 1)
        layout.addLayout(buttons)
        self.setAcceptDrops(True)
        self.clear()

    def clear(self) -> None:
        self.kind = self.record_id = self.shown = None
        hint = self.tr(
            "Select a record in the list to see it here, or press %1 to add one."
        ).replace("%1", shortcut_text(QKeySequence.StandardKey.New))
        self.browser.setHtml(f"<p style='color:{_quiet()}'>{html.escape(hint)}</p>")
        for button in (
            self.edit_button,
            self.duplicate_button,
            self.attach_button,
            self.follow_ups_button,
        ):
            button.setEnabled(False)
        self.follow_ups_button.setVisible(False)
        self.duplicate_button.setVisible(False)

    # -- showing --------------------------------------------------------------------------------
    def show_record(self, kind: str, record_id: str) -> None:
        """Read the record and all it shows off the window's thread, then show it."""
        self.kind, self.record_id, self.shown = kind, record_id, None
        self.desk.query(
            record_view,
            kind,
            record_id,
            self.desk.today(),
            window_language(),
            on_done=self._show,
            on_failed=lambda _exc: self.clear(),
            latest=self._latest,
        )

    def _show(self, view: RecordView) -> None:
        if (view.kind, view.record_id) != (self.kind, self.record_id):
            return  # another record was chosen meanwhile
        for button in (self.edit_button, self.attach_button):
            button.setEnabled(True)
        kind = view.kind
        self.follow_ups_button.setVisible(kind == "consultation")
        self.duplicate_button.setVisible(kind == "activity")
        self.duplicate_button.setEnabled(kind == "activity")
        self.follow_ups_button.setEnabled(
            kind == "consultation" and bool(view.values.get("decisions"))
        )
        self._attachments = {a.id: a.name for a in view.attachments}
        self.browser.setHtml(self.render(view))
        self.shown = (view.kind, view.record_id)

    def render(self, view: RecordView) -> str:
        kind, values, names = view.kind, view.values, view.names
        record_kind = BY_NAME[kind]
        esc = html.escape
        title = record_kind.describe(values)
        out = [f"<h2>{esc(title)}</h2>"]
        subtitle = kind_name(kind)
        if values.get("archived"):
            subtitle += " — " + self.tr("archived")
        out.append(f"<p style='color:{_quiet()}'>{esc(subtitle)}</p>")
        if view.needs_update:
            notice = self.tr(
                "Planned but past: its dates have passed and its status is still “%1”. Record "
                "what happened (Edit): Completed, with its participants and results; Postponed; "
                "or Cancelled."
            ).replace("%1", choice_label(values.get("status") or ""))
            out.append(
                f"<p id='needs_update' style='color:{colours.warning().name()}'><b>{esc(notice)}</b></p>"
            )
        if view.conflicts:
            fields = field_names(kind, view.conflicts)
            notice = self.tr(
                "Conflict: two stores changed %1 to different values; this view shows one of them."
            ).replace("%1", fields)
            link = self.tr("Choose the value to keep")
            out.append(
                f"<p id='conflict' style='color:{colours.warning().name()}'><b>{esc(notice)}</b> "
                f"<a href='conflicts:'>{esc(link)}</a></p>"
            )
        out.append("<table cellspacing='0' cellpadding='3'>")
        for spec in record_kind.fields:
            if isinstance(spec, Parts):
                continue
            # A group (an activity's evaluation) shows as its fields, one row each.
            group = values.get(spec.name) or {} if isinstance(spec, Group) else None
            for one, value in (
                ((sub, group.get(sub.name)) for sub in spec.fields)
                if isinstance(spec, Group)
                else ((spec, values.get(spec.name)),)
            ):
                shown = self._value(one, value, names)
                if shown:
                    out.append(
                        f"<tr><td valign='top' style='color:{_quiet()}; padding-right:12px'>{esc(label_of(one))}</td><td>{shown}</td></tr>"
                    )
        out.append("</table>")
        for spec in record_kind.fields:
            if isinstance(spec, Parts) and values.get(spec.name):
                out.append(f"<h3>{esc(field_label(spec.label))}</h3>")
                if (kind, spec.name) == ("activity", "participants"):  # what the list adds up to
                    summary = esc(counts_text(values[spec.name]))
                    out.append(f"<p id='participantCounts'>{summary}</p>")
                out.append(self._parts(spec, values[spec.name], names))
        for key, items in view.sections.items():
            if not items:
                continue
            out.append(
                f"<h3>{esc(QCoreApplication.translate('RecordDetail', SECTION_TITLES.get(key, key)))} ({QLocale().toString(items.total)})</h3><ul>"
            )
            for item in items:
                label = esc(item.title)
                if item.kind and item.id:
                    label = f"<a href='pd:{item.kind}/{item.id}'>{label}</a>"
                extra = " — ".join(
                    x
                    for x in (long_date(item.date), choice_label(item.note) if item.note else "")
                    if x
                )
                out.append(
                    f"<li>{label}{' <span style=color:' + _quiet() + '>— ' + esc(extra) + '</span>' if extra else ''}</li>"
                )
            if items.total > len(items):
                more = self.tr("… and %Ln more, not listed here.", "", items.total - len(items))
                out.append(f"<li style='color:{_quiet()}'>{esc(more)}</li>")
            out.append("</ul>")
        if view.attachments:
            attached = self.tr("Attached files")
            out.append(f"<h3>{esc(attached)}</h3><ul>")
            for attachment in view.attachments:
                size = QLocale().formattedDataSize(attachment.size)
                out.append(
                    f"<li><a href='attachment:{attachment.id}'>{esc(attachment.name)}</a> <span style='color:{_quiet()}'>({esc(size)})</span></li>"
                )
            out.append("</ul>")
        out.append(self._history(view))
        return "".join(out)

    def _value(self, spec, value, names: dict[str, str]) -> str:
        esc = html.escape
        if value in (None, "", []) or (isinstance(spec, Flag) and not value):
            return ""
        if isinstance(spec, Flag):
            return esc(self.tr("Yes"))
        if isinstance(spec, YesNo):
            return esc(self.tr("Yes") if value else self.tr("No"))
        if isinstance(spec, Amount):
            locale = QLocale()
            locale.setNumberOptions(QLocale.NumberOption.DefaultNumberOptions)
            return esc(locale.toString(float(value), "g", 15))
        if isinstance(spec, Date):
            return esc(long_date(date.fromisoformat(value)))
        if isinstance(spec, LocalDateTime):
            return esc(format_value(value, "datetime"))
        if isinstance(spec, Choice):
            return esc(choice_label(value))
        if isinstance(spec, Count) and spec.name == "duration_minutes" and isinstance(value, int):
            return esc(duration_text(value))
        if isinstance(spec, Count):
            return esc(QLocale().toString(int(value)))
        if isinstance(spec, Country):
            return esc(country_name(value))
        if isinstance(spec, Ref):
            return self._link_to(spec.target or "", value, names)
        if isinstance(spec, ListOf):
            if spec.target:
                return ", ".join(self._link_to(spec.target, v, names) for v in value)
            if isinstance(spec.item, Country):  # beneficiary countries, by name
                return esc(", ".join(country_name(v) for v in value))
            return esc(", ".join(value))
        return esc(str(value)).replace("\n", "<br>")

    def _link_to(self, target: str, record_id: str, names: dict[str, str]) -> str:
        label = html.escape(names.get(record_id, self.tr("(archived or missing record)")))
        return f"<a href='pd:{target}/{record_id}'>{label}</a>" if target else label

    def _parts(self, spec: Parts, parts: list[dict], names: dict[str, str]) -> str:
        # Not a row's own id, nor a column empty in every row (a participant list without
        # emails), and a partner or its name typed in one column: the table fits beside the
        # list on a laptop's screen.
        typed = {sub.name for sub in spec.fields} >= {*PARTNER_OR_TYPED, *PARTNER_OR_TYPED.values()}

        def value(sub, part: dict):
            if typed and sub.name in PARTNER_OR_TYPED and not part.get(sub.name):
                return part.get(PARTNER_OR_TYPED[sub.name])
            return part.get(sub.name)

        def cell(sub, part: dict) -> str:
            if typed and sub.name in PARTNER_OR_TYPED and not part.get(sub.name):
                return html.escape(value(sub, part) or "")
            return self._value(sub, part.get(sub.name), short_names)

        shown = [
            sub
            for sub in spec.fields
            if not isinstance(sub, RowId)
            and not (typed and sub.name in PARTNER_OR_TYPED.values())
            and any(value(sub, part) not in (None, "", []) for part in parts)
        ]

        # Many columns: a partner by its acronym ("IOM") and a smaller font, so that every
        # column reads whole words.
        short_names = {i: acronym_of(n) for i, n in names.items()} if len(shown) > 3 else names
        head = "".join(
            f"<th align='left'>{html.escape(field_label(sub.label))}</th>" for sub in shown
        )
        rows = []
        for part in parts:
            cells = "".join(f"<td valign='top'>{cell(sub, part)}</td>" for sub in shown)
            rows.append(f"<tr>{cells}</tr>")
        small = " style='font-size:small'" if len(shown) > 3 else ""
        return f"<table border='0' cellspacing='0' cellpadding='4' width='100%'{small}><tr style='background:{colours.header_background().name()}'>{head}</tr>{''.join(rows)}</table>"

    def _history(self, view: RecordView) -> str:
        """Who changed what, when, in the officer's words (see history_words)."""
        esc = html.escape
        kind, changes = view.kind, view.history
        if not changes:
            return ""
        rows = []

        def short(text: str) -> str:
            return esc(text if len(text) <= 80 else text[:79] + "…")

        for change in changes[:HISTORY_SHOWN]:
            stamp = QLocale().toString(
                QDate(change.changed_at.year, change.changed_at.month, change.changed_at.day),
                QLocale.FormatType.ShortFormat,
            )
            stamp += change.changed_at.strftime(" %H:%M UTC")
            whole = {
                "create": self.tr("Created"),
                "archive": self.tr("Archived"),
                "restore": self.tr("Restored"),
            }
            if change.operation in whole and change.field in ("", "archived"):
                lines = [f"<td colspan='2'>{esc(whole[change.operation])}</td>"]
            else:
                lines = [
                    f"<td>{esc(what)}</td><td>{short(before)} → {short(after)}</td>"
                    for what, before, after in change_lines(kind, change, view.names)
                ]
            for number, what in enumerate(lines):
                when = (
                    f"<td>{esc(stamp)}</td><td>{esc(change.changed_by)}</td>"
                    if number == 0
                    else "<td></td><td></td>"
                )
                rows.append(f"<tr>{when}{what}</tr>")
        more = len(changes) - HISTORY_SHOWN
        earlier = self.tr("and %Ln earlier changes", "", more)
        tail = f"<p style='color:{_quiet()}'>{esc(earlier)}</p>" if more > 0 else ""
        history_title = self.tr("History")
        return f"<h3>{esc(history_title)}</h3><table cellspacing='0' cellpadding='3' style='font-size:small'>{''.join(rows)}</table>{tail}"

    # -- links and attachments ----------------------------------------------------------------------
    def _link(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("pd:"):
            kind, _, record_id = text[3:].partition("/")
            self.open_record.emit(kind, record_id)
        elif text == "conflicts:" and self.kind and self.record_id:
            self.conflicts_requested.emit(self.kind, self.record_id)
        elif text.startswith("attachment:"):
            self._open_attachment(text.split(":", 1)[1])

    def _open_attachment(self, attachment_id: str) -> None:
        try:
            data = self.desk.attachment_bytes(attachment_id)
        except StorageError as exc:
            QMessageBox.warning(self, self.tr("Cannot open the file"), str(exc))
            return
        folder = Path(tempfile.mkdtemp(prefix="partnerdesk-"))
        copy = folder / self._attachments[attachment_id]
        copy.write_bytes(data)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy)))

    def _choose_attachment(self) -> None:
        paths = file_dialogs.open_file_names(self, self.tr("Attach files"))
        self.attach(paths)

    def attach(self, paths: list[str]) -> None:
        kind, record_id = self.kind, self.record_id
        if not paths or not kind or not record_id:
            return

        def failed(exc: BaseException) -> None:
            QMessageBox.warning(self, self.tr("Not attached"), str(exc))

        def done(_ids: list[str]) -> None:
            if (self.kind, self.record_id) == (kind, record_id):
                self.show_record(kind, record_id)

        self.desk.attach_files(kind, record_id, [Path(p) for p in paths], done, failed)

    def dragEnterEvent(self, event) -> None:
        if self.record_id and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        self.attach([url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()])
        event.acceptProposedAction()
