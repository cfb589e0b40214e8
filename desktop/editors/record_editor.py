"""The editor of any record kind, built from its declaration in db.kinds.

Every field gets the input of its type; the rules of db/ run as the officer types and their
messages appear under the field concerned; Save stays disabled while anything is wrong. Edits
go on an undo stack (typing in one field merges into one step). What is typed is kept as a draft
beside the store until it is saved or discarded.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QLocale, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from db.errors import Problem, StorageError, ValidationError
from db.queries import listing
from db.records import costs as cost_sums
from db.records import participants
from db.records.rules import about_field
from db.schema.fields import Country, ListOf, Parts, Ref, is_country, part_message
from db.schema.kinds import BY_NAME, RecordKind
from db.schema.models import new_id
from desktop import colours, drafts
from desktop.desk import Desk
from desktop.dialogs.import_registration import ImportRegistrationDialog
from desktop.dialogs.new_partner import NewPartnerDialog
from desktop.editors.inputs import ChecklistInput, Input, RefInput, input_for
from desktop.editors.parts import PartsInput
from desktop.labels import field_label, kind_name, labelled
from desktop.participant_counts import counts_text
from desktop.widgets.pickers import looks_like_id, not_a_country
from desktop.widgets.wheel import wheel_scrolls_past_fields
from desktop.worker import run_in_background

CHECK_DELAY_MS = 250
CHECK_OFF_THREAD_ROWS = 500  # rows of a record's tables from which opening checks off the thread
DRAFT_DELAY_MS = 1500
REGISTRATIONS = ("activity", "participants")  # the list an organizer's sheet fills


class _Edit(QUndoCommand):
    """One step of undo: the whole form before and after (small), merged while typing in a field."""

    def __init__(self, editor: RecordEditor, field: str, before: dict, after: dict):
        super().__init__(
            QCoreApplication.translate("RecordEditor", "Edit %1").replace(
                "%1", field_label(BY_NAME[editor.kind].field(field).label)
            )
        )
        self.editor, self.field, self.before, self.after = editor, field, before, after
        self._first = True

    def id(self) -> int:
        return 1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if isinstance(other, _Edit) and other.field == self.field and self.field not in _UNMERGED:
            self.after = other.after
            return True
        return False

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self.editor._apply(self.after)

    def undo(self) -> None:
        self.editor._apply(self.before)


_UNMERGED: set[str] = set()  # every field merges consecutive edits


@dataclass(frozen=True)
class TypedName:
    """Text typed in a record picker that names no record (a partner not recorded yet)."""

    path: str  # "organization_id", "participants[0].organization_id"
    target: str  # the kind of record it should name
    text: str
    label: str  # the field's label
    item: tuple[str, int] | None = None  # a part's label and index

    def message(self) -> str:
        if self.target == "organization":
            text = QCoreApplication.translate(
                "RecordEditor",
                "“%1” is not a partner yet: choose a partner in the list, or add it with "
                "“Create partner”.",
            )
        else:
            text = QCoreApplication.translate(
                "RecordEditor", "“%1” names nothing in the list: choose one there."
            )
        text = text.replace("%1", self.text)
        if self.item is not None:
            return part_message(self.item[0], self.item[1], text)
        return about_field(self.label, text)


def typed_names(kind: RecordKind, raw: dict[str, Any]) -> list[TypedName]:
    """Where the form holds a typed name instead of a record's id."""
    found: list[TypedName] = []
    for spec in kind.fields:
        value = raw.get(spec.name)
        if isinstance(spec, Ref) and spec.target and _typed(value):
            found.append(TypedName(spec.name, spec.target, value, spec.label))
        elif isinstance(spec, Parts):
            for i, part in enumerate(value or []):
                for sub in spec.fields:
                    if isinstance(sub, Ref) and sub.target and _typed(part.get(sub.name)):
                        found.append(
                            TypedName(
                                f"{spec.name}[{i}].{sub.name}",
                                sub.target,
                                part[sub.name],
                                sub.label,
                                (spec.item_label, i),
                            )
                        )
    return found


def without(raw: dict[str, Any], typed: list[TypedName]) -> dict[str, Any]:
    """The record as the rules see it: typed names left out (each has its own message)."""
    if not typed:
        return raw
    clean = copy.deepcopy(raw)
    for name in typed:
        field, _, rest = name.path.partition("[")
        if not rest:
            clean[field] = None
        else:
            index, _, sub = rest.partition("].")
            clean[field][int(index)][sub] = None
    return clean


def _typed(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip()) and not looks_like_id(value)


class RecordEditor(QWidget):
    saved = Signal(str, str)  # kind, id
    closed = Signal()
    validity_changed = Signal(bool)
    dirty_changed = Signal(bool)

    def __init__(
        self,
        desk: Desk,
        kind: str,
        store_drafts: drafts.Drafts | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.desk, self.kind, self.drafts = desk, kind, store_drafts
        self.record_kind = BY_NAME[kind]
        self.record_id: str | None = None
        self.is_new = True
        self._baseline: dict[str, Any] = {}
        self._snapshot: dict[str, Any] = {}
        self._extra: dict[str, Any] = {}  # fields kept but not shown (archived flag)
        self.problems: list[Problem] = []
        self._checking: object | None = None  # the check running off the GUI thread, if any
        self._touched: set[str] = set()
        self._reveal_all = False
        self.undo_stack = QUndoStack(self)
        self.inputs: dict[str, Input] = {}
        self.messages: dict[str, QLabel] = {}
        self._build()
        self._check_timer = QTimer(
            self, singleShot=True, interval=CHECK_DELAY_MS, timeout=self.validate
        )
        self._draft_timer = QTimer(
            self, singleShot=True, interval=DRAFT_DELAY_MS, timeout=self.keep_draft
        )
        drafts.register(self)

    # -- building the form ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel(self)
        self.heading.setObjectName("editorHeading")
        self.heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.heading.setWordWrap(True)
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(colours.style(colours.warning()))
        self.banner.hide()

        form_host = QWidget(self)
        form = QFormLayout(form_host)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        kind = self.kind
        for spec in self.record_kind.fields:
            field_input = (
                PartsInput(spec, form_host)
                if isinstance(spec, Parts)
                else input_for(spec, form_host)
            )
            field_input.widget.setObjectName(f"field_{spec.name}")
            field_input.widget.setAccessibleName(field_input.label)
            message = QLabel(form_host)
            message.setObjectName(f"problem_{spec.name}")
            message.setWordWrap(True)
            message.setStyleSheet(colours.style(colours.warning()))
            message.hide()
            cell = QWidget(form_host)
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.setSpacing(2)
            cell_layout.addWidget(field_input.widget)
            cell_layout.addWidget(message)
            label = QLabel(field_input.label + (" *" if spec.required else ""), form_host)
            label.setBuddy(field_input.widget)
            if isinstance(field_input, PartsInput | ChecklistInput):
                form.addRow(label)  # tables and lists get the whole width, under their label
                form.addRow(cell)
            else:
                form.addRow(label, cell)
            if isinstance(field_input, PartsInput) and (kind, spec.name) == REGISTRATIONS:
                field_input.add_action(
                    self.tr("Import registration sheet…"),
                    self.import_registration_sheet,
                    "importRegistrationSheet",
                )
            field_input.changed.connect(lambda name=spec.name: self._edited(name))
            field_input.create_requested.connect(self.create_partner)
            self.inputs[spec.name] = field_input
            self.messages[spec.name] = message

        wheel_scrolls_past_fields(form_host)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(form_host)
        self.scroll = scroll

        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Close"), self)
        self.cancel_button.clicked.connect(self.request_close)
        self.status = QLabel(self)
        self.status.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        # Why Save is disabled when no field is marked red yet (a new agreement without
        # parties): said plainly, not in red, above the buttons.
        self.still_needed = QLabel(self)
        self.still_needed.setObjectName("stillNeeded")
        self.still_needed.setWordWrap(True)
        self.still_needed.setStyleSheet(colours.style(colours.secondary()))
        self.still_needed.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.status)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.banner)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.still_needed)
        layout.addLayout(buttons)

    def load_options(self) -> None:
        """Fill the pickers with the store's current records (partners, agreements, areas...)."""
        cache: dict[str, Any] = {}

        def options(target: str):
            if target not in cache:
                cache[target] = (
                    self.desk.read(listing.area_tree)
                    if target == "thematic_area"
                    else self.desk.read(listing.options, target)
                )
            return cache[target]

        def picker_options(target: str) -> list[tuple[str, str]]:
            if target == "thematic_area":
                return [(n.id, "    " * n.depth + n.name) for n in options(target)]
            return options(target)

        for spec in self.record_kind.fields:
            field_input = self.inputs[spec.name]
            if isinstance(field_input, RefInput):
                # A follow-up's source is a record of the kind chosen just above it.
                target = spec.target or self._source_kind()
                field_input.set_options(picker_options(target) if target else [])
            elif isinstance(field_input, ChecklistInput) and isinstance(spec, ListOf):
                field_input.set_options(options(spec.target))
            elif isinstance(field_input, PartsInput):
                for sub in spec.fields:
                    if isinstance(sub, Ref):
                        field_input.set_options(sub.target, options(sub.target))

    def _source_kind(self) -> str | None:
        """The kind of record a follow-up comes from, as the form shows it now."""
        source_kind = self.inputs.get("source_kind")
        return source_kind.get() if source_kind is not None else None

    def _load_source_options(self) -> None:
        """A follow-up's source picker offers the records of the kind chosen above it."""
        if "source_kind" in self.inputs and "source_id" in self.inputs:
            kind = self._source_kind()
            picker = self.inputs["source_id"]
            picker.set_options(self.desk.read(listing.options, kind) if kind else [])

    # -- opening -----------------------------------------------------------------------------------
    def open_record(self, record_id: str, raw: dict[str, Any] | None = None) -> None:
        stored = self.desk.get(self.kind, record_id)
        self.record_id, self.is_new = record_id, False
        self._open(stored, raw)

    def open_new(
        self, preset: dict[str, Any] | None = None, *, record_id: str | None = None
    ) -> None:
        self.record_id, self.is_new = record_id or new_id(), True
        self._open({}, preset)

    def open_next_edition(self, values: dict[str, Any], previous: str) -> None:
        """A new activity filled from the one it follows (``previous`` names it): unsaved until
        the officer saves; closing it without saving leaves the store as it was."""
        self.open_new(values)
        self.heading.setText(self.tr("Next edition of “%1”").replace("%1", previous))

    def _open(self, stored: dict[str, Any], typed: dict[str, Any] | None) -> None:
        self._extra = {k: stored[k] for k in ("archived",) if k in stored}
        self._touched = set()
        self._reveal_all = bool(stored) or bool(typed)  # a stored record or a draft: show all
        if "source_kind" in self.inputs:  # its source is offered among records of its kind
            self.inputs["source_kind"].set_silently((typed or stored).get("source_kind"))
        self.load_options()
        self._apply(stored)
        self._baseline = self.raw()
        if typed:
            self._apply({**stored, **typed})
        self._snapshot = self.raw()
        self.undo_stack.clear()
        self._update_heading()
        self._validate_opened()
        self._dirty_changed()
        # Each record opens at the top of its form, not where the last one was left, and a long
        # title shows its beginning, not its end.
        self.scroll.verticalScrollBar().setValue(0)
        self.scroll.horizontalScrollBar().setValue(0)
        for line in self.findChildren(QLineEdit):
            line.setCursorPosition(0)

    def _update_heading(self) -> None:
        name = kind_name(self.kind)
        if self.is_new:
            self.heading.setText(self.tr("New %1").replace("%1", name.lower()))
        else:
            self.heading.setText(labelled(name, self.record_kind.describe(self.raw())))

    # -- values ------------------------------------------------------------------------------------
    def raw(self) -> dict[str, Any]:
        values = {
            "id": self.record_id,
            **{name: field_input.get() for name, field_input in self.inputs.items()},
        }
        return {**values, **self._extra}

    def _apply(self, raw: dict[str, Any]) -> None:
        kind_before = self._source_kind()
        for name, field_input in self.inputs.items():
            if name == "source_id" and self._source_kind() != kind_before:
                self._load_source_options()  # undo or a draft brought another kind of source
            field_input.set_silently(_copied(raw.get(name)))
        self._counts_from_list()
        self._sum_costs()
        self._snapshot = self.raw()
        self._schedule()

    def _counts_from_list(self) -> None:
        """An activity with a participant list shows the list's counts, which cannot be typed
        over (db.records.participants); without a list its counts are typed."""
        people = self.inputs.get("participants")
        counted = [self.inputs.get(f"participants_{k}") for k in ("total", "women", "men")]
        if people is None or None in counted:
            return
        listed = people.get()
        if listed:
            for count_input, value in zip(counted, participants.counts(listed), strict=True):
                count_input.set_silently(value)
        for count_input in counted:
            count_input.widget.setReadOnly(bool(listed))
            count_input.widget.setToolTip(
                self.tr("Counted from the participant list") if listed else ""
            )
        if isinstance(people, PartsInput):
            people.set_summary(counts_text(listed))

    def _sum_costs(self) -> None:
        """Under an activity's costs: what they add up to in each currency (never converted)."""
        costs = self.inputs.get("costs")
        if not isinstance(costs, PartsInput):
            return
        sums = cost_sums.sums_by_currency(costs.get())
        locale = QLocale()
        locale.setNumberOptions(QLocale.NumberOption.DefaultNumberOptions)  # 18,450.5, not 18450.5
        text = " · ".join(
            f"{currency} {locale.toString(float(amount), 'f', _decimals(amount))}"
            for currency, amount in sums.items()
        )
        costs.set_summary(self.tr("Total: %1").replace("%1", text) if text else "")

    def _keep_original_dates(self) -> None:
        """Postponing an activity keeps the dates it had: when the status becomes Postponed and
        no original dates are recorded yet, the saved start and end become the original ones
        (the officer then types the new dates and the reason)."""
        if "original_start_on" not in self.inputs or self.inputs["status"].get() != "postponed":
            return
        if self.inputs["original_start_on"].get() or not self._baseline.get("start_on"):
            return
        for field in ("start_on", "end_on"):
            self.inputs[f"original_{field}"].set_silently(self._baseline.get(field))

    def is_dirty(self) -> bool:
        return self.raw() != self._baseline

    def _edited(self, field: str) -> None:
        self._touched.add(field)
        if field == "participants":
            self._counts_from_list()
        elif field == "costs":
            self._sum_costs()
        elif field == "status":
            self._keep_original_dates()
        if field == "source_kind":  # a record of another kind: chosen again, among its kind's
            self.inputs["source_id"].set_silently(None)
            self._load_source_options()
        after = self.raw()
        self.undo_stack.push(_Edit(self, field, self._snapshot, after))
        self._snapshot = after
        self._schedule()
        self._draft_timer.start()

    def _schedule(self) -> None:
        self._check_timer.start()
        self._dirty_changed()

    def _dirty_changed(self) -> None:
        dirty = self.is_dirty()
        self.status.setText(self.tr("Unsaved changes") if dirty else "")
        self.dirty_changed.emit(dirty)

    # -- the rules, as one types ---------------------------------------------------------------------
    def validate(self) -> list[Problem]:
        self._check_timer.stop()
        self._checking = None  # a check still running off the GUI thread is answered by this
        raw, typed = self._to_check()
        try:
            found = self.desk.check(self.kind, without(raw, typed))
        except StorageError as exc:
            found = [Problem("", str(exc))]
        return self._take_problems(raw, typed, found)

    def _validate_opened(self) -> None:
        """The rules on a record just opened: here and now, or, for a record whose tables run to
        hundreds of rows (a conference's participant list), off the GUI thread so that the form
        shows at once; Save waits for the answer, and an edit meanwhile checks again."""
        raw, typed = self._to_check()
        rows = sum(
            len(v) for v in raw.values() if isinstance(v, list) and v and isinstance(v[0], dict)
        )
        if rows < CHECK_OFF_THREAD_ROWS:
            self.validate()
            return
        self.save_button.setEnabled(False)
        self._checking = token = object()
        kind, clean = self.kind, without(raw, typed)

        def checked(found: list[Problem]) -> None:
            if shiboken6.isValid(self) and self._checking is token:  # not closed or checked since
                self._checking = None
                self._take_problems(raw, typed, found)

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, StorageError):
                raise exc
            checked([Problem("", str(exc))])

        run_in_background(lambda: self.desk.check(kind, clean), checked, failed)

    @property
    def is_checking(self) -> bool:
        """Whether the rules are still being checked off the GUI thread (Save waits)."""
        return self._checking is not None

    def _to_check(self) -> tuple[dict[str, Any], list[TypedName]]:
        for field_input in self.inputs.values():
            if isinstance(field_input, PartsInput):
                field_input.commit_open_cell()
        raw = self.raw()
        return raw, typed_names(self.record_kind, raw)

    def _take_problems(
        self, raw: dict[str, Any], typed: list[TypedName], found: list[Problem]
    ) -> list[Problem]:
        # A name typed that names no record: its own sentence, not the rules' "is required".
        at = {name.path for name in typed}
        # A country typed by a name the list does not hold ("Suisse"): not the rules' "is not
        # an ISO 3166 code", which speaks to files, but where to find it.
        countries = {
            spec.name: raw[spec.name]
            for spec in self.record_kind.fields
            if isinstance(spec, Country)
            and isinstance(raw.get(spec.name), str)
            and not is_country(raw[spec.name].upper())
        }
        self.problems = (
            [p for p in found if p.field not in at and p.field not in countries]
            + [Problem(name.path, name.message()) for name in typed]
            + [Problem(field, not_a_country(text)) for field, text in countries.items()]
        )
        self._show_problems()
        return self.problems

    def _show_problems(self) -> None:
        by_field: dict[str, list[str]] = {}
        unplaced: list[str] = []
        not_yet: list[str] = []
        for problem in self.problems:
            root = problem.field.split("[")[0].split(".")[0]
            if not self._reveal_all and root not in self._touched:
                # A blank new form is not yet wrong: in red once the officer has been there;
                # until then, only why Save waits.
                not_yet.append(problem.message)
                continue
            (by_field.setdefault(root, []) if root in self.messages else unplaced).append(
                problem.message
            )
        for name, label in self.messages.items():
            text = "\n".join(by_field.get(name, []))
            label.setText(text)
            label.setVisible(bool(text))
        self.banner.setText("\n".join(unplaced))
        self.banner.setVisible(bool(unplaced))
        valid = not self.problems
        self.save_button.setEnabled(valid)
        needed = (
            self.tr("Still needed before saving:") + "\n" + "\n".join(f"• {m}" for m in not_yet)
            if not_yet
            else ""
        )
        self.still_needed.setText(needed)
        self.still_needed.setVisible(bool(needed))
        self.save_button.setToolTip(
            ""
            if valid
            else self.tr("Correct the fields marked in red first.")
            if by_field or unplaced
            else needed
        )
        self.validity_changed.emit(valid)

    # -- a partner typed that is not one yet ------------------------------------------------------
    def create_partner(self, typed: str) -> str | None:
        """Make the partner ``typed`` names (asking its kind), then name it wherever it was
        typed in this form. Its id, or None when the officer cancelled."""
        typed = typed.strip()
        if not typed:
            return None
        dialog = NewPartnerDialog(self.desk, typed, self)
        if dialog.exec() != NewPartnerDialog.DialogCode.Accepted or not dialog.created_id:
            return None
        self.load_options()
        for name, field_input in self.inputs.items():
            if field_input.partner_created(typed, dialog.created_id):
                self._edited(name)
        self.validate()
        return dialog.created_id

    # -- a registration sheet -------------------------------------------------------------------
    def import_registration_sheet(self) -> None:
        """The people of an organizer's sheet added to the participant list, as one step that
        Ctrl+Z takes back; saved with the activity."""
        listed = self.inputs[REGISTRATIONS[1]]
        listed.commit_open_cell()
        dialog = ImportRegistrationDialog(self.desk, listed.get(), parent=self)
        if dialog.exec() == ImportRegistrationDialog.DialogCode.Accepted and dialog.participants:
            self.add_participants(dialog.participants)

    def add_participants(self, people: list[dict[str, Any]]) -> None:
        """People put at the end of the participant list, as one step of undo."""
        listed = self.inputs[REGISTRATIONS[1]]
        listed.set(listed.get() + people)
        self._edited(REGISTRATIONS[1])
        self.validate()
        self.status.setText(
            self.tr("%Ln participants added: save the activity to keep them.", "", len(people))
        )

    # -- saving --------------------------------------------------------------------------------------
    def save(self) -> bool:
        self._reveal_all = True
        if self.validate():
            return False
        try:
            record_id = self.desk.save(self.kind, self.raw())
        except ValidationError as exc:  # the store changed since the last check
            self.problems = exc.problems
            self._show_problems()
            return False
        except StorageError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), str(exc))
            return False
        self.record_id, self.is_new = record_id, False
        self._baseline = self.raw()
        if self.drafts:
            self.drafts.discard(self.kind, record_id)
        self._update_heading()
        self._dirty_changed()
        self.status.setText(self.tr("Saved"))
        self.saved.emit(self.kind, record_id)
        return True

    def keep_draft(self) -> None:
        if self.drafts and self.record_id and self.is_dirty():
            self.drafts.keep(self.kind, self.record_id, self.raw(), is_new=self.is_new)

    def discard(self) -> None:
        if self.drafts and self.record_id:
            self.drafts.discard(self.kind, self.record_id)
        self._baseline = self.raw()
        self._dirty_changed()

    def maybe_leave(self) -> bool:
        """Asked before the editor goes away: never lose typing silently."""
        if not self.is_dirty():
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to this %1?").replace("%1", kind_name(self.kind).lower()),
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )
        if answer == buttons.Save:
            return self.save()
        if answer == buttons.Discard:
            self.discard()
            return True
        return False

    def request_close(self) -> None:
        if self.maybe_leave():
            self.closed.emit()


def _copied(value: Any) -> Any:
    """A field's value that the form may change without changing ``value``: a list of parts
    (flat dicts) or of codes, a group (a flat dict). Two levels are all a record has; copying
    them by hand takes a tenth of deepcopy's time on a list of 2,000 participants."""
    if isinstance(value, list):
        return [dict(item) if isinstance(item, dict) else item for item in value]
    if isinstance(value, dict):
        return dict(value)
    return value


def _decimals(amount) -> int:
    """As many decimals as the amount has (12,500 · 1,250.75 · 0.125)."""
    exponent = amount.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0
