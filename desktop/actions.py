"""Every menu and toolbar action, declared once: its text, shortcuts, icon and status tip.

The main window builds them with ``build_actions`` and connects each to its ``on_<key>`` method;
menus and the toolbar only refer to them by key.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget

from desktop.labels import shortcut_text

SP = QStyle.StandardPixmap


@dataclass(frozen=True)
class ActionSpec:
    key: str
    text: str
    shortcuts: tuple[QKeySequence.StandardKey | str, ...] = ()
    icon: SP | None = None
    tip: str = ""
    short: str = ""  # the toolbar's word for it, when shorter than the menu's


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "new",
        QT_TRANSLATE_NOOP("actions", "&New"),
        (QKeySequence.StandardKey.New,),
        SP.SP_FileIcon,
        QT_TRANSLATE_NOOP("actions", "Add a record to the list shown"),
    ),
    ActionSpec(
        "save",
        QT_TRANSLATE_NOOP("actions", "&Save"),
        (QKeySequence.StandardKey.Save,),
        SP.SP_DialogSaveButton,
        QT_TRANSLATE_NOOP("actions", "Save the record being edited"),
    ),
    ActionSpec(
        "edit",
        QT_TRANSLATE_NOOP("actions", "&Edit"),
        ("F2",),
        SP.SP_FileDialogDetailedView,
        QT_TRANSLATE_NOOP("actions", "Edit the selected record"),
    ),
    ActionSpec(
        "duplicate",
        QT_TRANSLATE_NOOP("actions", "&Duplicate"),
        ("Ctrl+Shift+D",),
        None,
        QT_TRANSLATE_NOOP(
            "actions",
            "Plan the next edition of the selected joint activity: same partners, areas and "
            "agreement; new dates",
        ),
    ),
    ActionSpec(
        "archive",
        QT_TRANSLATE_NOOP("actions", "&Archive"),
        ("Ctrl+Delete",),
        SP.SP_TrashIcon,
        QT_TRANSLATE_NOOP("actions", "Archive the selected record (it can be restored)"),
    ),
    ActionSpec(
        "undo",
        QT_TRANSLATE_NOOP("actions", "&Undo"),
        (QKeySequence.StandardKey.Undo,),
        SP.SP_ArrowBack,
        QT_TRANSLATE_NOOP("actions", "Undo the last edit"),
    ),
    ActionSpec(
        "redo",
        QT_TRANSLATE_NOOP("actions", "&Redo"),
        ("Ctrl+Shift+Z", QKeySequence.StandardKey.Redo),
        SP.SP_ArrowForward,
        QT_TRANSLATE_NOOP("actions", "Redo what was undone"),
    ),
    ActionSpec(
        "find",
        QT_TRANSLATE_NOOP("actions", "&Find…"),
        ("Ctrl+K", QKeySequence.StandardKey.Find),
        SP.SP_FileDialogContentsView,
        QT_TRANSLATE_NOOP("actions", "Search every record"),
    ),
    ActionSpec(
        "briefing",
        QT_TRANSLATE_NOOP("actions", "&Prepare briefing…"),
        (QKeySequence.StandardKey.Print,),
        SP.SP_FileDialogContentsView,
        QT_TRANSLATE_NOOP(
            "actions",
            "Print the briefing sheet on the selected partner, consultation or agreement",
        ),
        QT_TRANSLATE_NOOP("actions", "Briefing…"),
    ),
    ActionSpec(
        "backup",
        QT_TRANSLATE_NOOP("actions", "&Back up now"),
        ("Ctrl+Shift+B",),
        SP.SP_DriveHDIcon,
        QT_TRANSLATE_NOOP("actions", "Write a verified copy of the store to the backups folder"),
    ),
    ActionSpec(
        "import_spreadsheet",
        QT_TRANSLATE_NOOP("actions", "&Import from a spreadsheet…"),
        ("Ctrl+I",),
        SP.SP_DialogOpenButton,
        QT_TRANSLATE_NOOP(
            "actions", "Bring in partners, contacts, agreements or activities from CSV or XLSX"
        ),
    ),
    ActionSpec(
        "merge_bundle",
        QT_TRANSLATE_NOOP("actions", "&Merge a sync bundle…"),
        (),
        SP.SP_BrowserReload,
        QT_TRANSLATE_NOOP(
            "actions",
            "Bring in another store's changes from a sync bundle (.pdsync), field by field",
        ),
    ),
    ActionSpec(
        "connect_server",
        QT_TRANSLATE_NOOP("actions", "Connect to a &team server…"),
        (),
        SP.SP_DriveNetIcon,
        QT_TRANSLATE_NOOP(
            "actions", "Sync this laptop with your organization's team server (PostgreSQL)"
        ),
    ),
    ActionSpec(
        "sync_server",
        QT_TRANSLATE_NOOP("actions", "S&ync with the team server"),
        ("Ctrl+Shift+Y",),
        SP.SP_BrowserReload,
        QT_TRANSLATE_NOOP(
            "actions",
            "Send this laptop's changes to the team server and take the others', field by field",
        ),
    ),
    ActionSpec(
        "disconnect_server",
        QT_TRANSLATE_NOOP("actions", "Disconnect from the team server"),
        (),
        None,
        QT_TRANSLATE_NOOP(
            "actions", "Stop syncing with the team server and forget its password on this laptop"
        ),
    ),
    ActionSpec(
        "export_list",
        QT_TRANSLATE_NOOP("actions", "&Export this list…"),
        ("Ctrl+E",),
        SP.SP_DialogSaveButton,
        QT_TRANSLATE_NOOP(
            "actions", "Export the list as it is filtered: XLSX, CSV, or its dates as a calendar"
        ),
    ),
    ActionSpec(
        "export_store",
        QT_TRANSLATE_NOOP("actions", "Export e&verything…"),
        (),
        None,
        QT_TRANSLATE_NOOP(
            "actions", "Export the whole store: exchange file (JSON), XLSX workbook or calendar"
        ),
    ),
    ActionSpec(
        "export_calendar",
        QT_TRANSLATE_NOOP("actions", "Export &calendar…"),
        (),
        None,
        QT_TRANSLATE_NOOP(
            "actions",
            "Meetings, activities, follow-up due dates and agreement deadlines as an iCalendar file",
        ),
    ),
    ActionSpec(
        "close_editor",
        QT_TRANSLATE_NOOP("actions", "Close editor"),
        ("Esc",),
        None,
        QT_TRANSLATE_NOOP("actions", "Close the editor (asks before losing changes)"),
    ),
    ActionSpec(
        "officer",
        QT_TRANSLATE_NOOP("actions", "Officer &name…"),
        (),
        None,
        QT_TRANSLATE_NOOP("actions", "The name written in the change history"),
    ),
    ActionSpec(
        "language",
        QT_TRANSLATE_NOOP("actions", "&Language…"),
        (),
        None,
        QT_TRANSLATE_NOOP("actions", "Choose the language of the window"),
    ),
    ActionSpec(
        "quit",
        QT_TRANSLATE_NOOP("actions", "&Quit"),
        (QKeySequence.StandardKey.Quit,),
        None,
        QT_TRANSLATE_NOOP("actions", "Close PartnerDesk"),
    ),
    ActionSpec("about", QT_TRANSLATE_NOOP("actions", "&About PartnerDesk"), (), None, ""),
)


def build_actions(window: QWidget) -> dict[str, QAction]:
    actions = {}
    for spec in ACTIONS:
        action = QAction(QCoreApplication.translate("actions", spec.text), window)
        action.setObjectName(f"action_{spec.key}")
        keys: list[QKeySequence] = []
        for key in spec.shortcuts:
            keys += (
                QKeySequence.keyBindings(key)
                if isinstance(key, QKeySequence.StandardKey)
                else [QKeySequence(key)]
            )
        if keys:
            action.setShortcuts(keys)
        if spec.icon is not None:
            action.setIcon(window.style().standardIcon(spec.icon))
        if spec.short:
            action.setIconText(QCoreApplication.translate("actions", spec.short))
        if spec.tip:
            tip = QCoreApplication.translate("actions", spec.tip)
            shortcut = shortcut_text(keys[0]) if keys else ""
            action.setStatusTip(tip)
            action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
        action.triggered.connect(getattr(window, f"on_{spec.key}"))
        window.addAction(action)
        actions[spec.key] = action
    return actions
