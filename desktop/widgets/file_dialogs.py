"""Every file dialog the window opens: Qt's own dialog rather than the system's, which types files
by their names only and does not show the files of the store in use.

Why: to show a file's type ("SQLite 3 database"), a file dialog opens each file, reads its first
bytes and closes it. On Linux and macOS, closing any descriptor of a file releases every lock the
process holds on it, so browsing into the store's folder released SQLite's locks on the store
(docs/reliability.md, "Locks"). Qt's dialog takes its icons and types from an icon provider,
which here looks at names only; the system's dialogs (GTK's, macOS's open panel) run in the
process and read files as they please, so they are not used. The store itself, its ``-wal``,
``-shm`` and lock are hidden; a backup stays visible (it is an ordinary file, and the recovery
dialog offers it), but cannot be attached.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QFileInfo, QModelIndex, QSortFilterProxyModel
from PySide6.QtWidgets import QApplication, QFileDialog, QFileIconProvider, QStyle, QWidget

from db.store import connections

# Words of Qt's own dialog that Qt 6 gave an accelerator ("Look in:" became "&Look in:") and
# that Qt's French catalogue (qtbase_fr.qm, desktop.i18n) still lacks: translated in
# PartnerDesk's own catalogue, which Qt asks first, so that the dialog is French throughout.
QT_WORDS_QT_LEFT_UNTRANSLATED = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


class TypesByName(QFileIconProvider):
    """Icons and types from a file's name and kind (folder, drive, file): ``stat`` only, the
    file is never opened (Qt's own provider reads its first bytes)."""

    def icon(self, what):  # Qt's two overloads: an IconType, or a QFileInfo
        if not isinstance(what, QFileInfo):
            return super().icon(what)
        style = QApplication.style()
        if what.isRoot():
            return style.standardIcon(QStyle.StandardPixmap.SP_DriveHDIcon)
        if what.isDir():
            return style.standardIcon(QStyle.StandardPixmap.SP_DirIcon)
        return style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return QApplication.translate("FileDialogs", "Folder")
        suffix = info.suffix()
        if not suffix:
            return QApplication.translate("FileDialogs", "File")
        return QApplication.translate("FileDialogs", "%1 file").replace("%1", suffix.upper())


class WithoutLiveStoreFiles(QSortFilterProxyModel):
    """The folder as the dialog lists it, without the files of the stores in use."""

    def __init__(self, parent=None):
        super().__init__(parent)
        live = [f for store in connections.live_stores() for f in connections.store_files(store)]
        self._names = {f.name for f in live}
        self._paths = {f.resolve() for f in live}

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        model = self.sourceModel()
        index = model.index(row, 0, parent)
        if model.fileName(index) not in self._names:  # names first: no stat for most rows
            return True
        return Path(model.filePath(index)).resolve() not in self._paths


_types_by_name: TypesByName | None = None


def file_dialog(
    parent: QWidget | None,
    title: str,
    directory: str = "",
    name_filter: str = "",
    *,
    save: bool = False,
    many: bool = False,
) -> QFileDialog:
    """The dialog, set up but not shown (tests show it and look inside)."""
    global _types_by_name
    if _types_by_name is None:
        _types_by_name = TypesByName()  # kept: the dialog does not own its icon provider
    dialog = QFileDialog(parent, title, directory, name_filter)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setIconProvider(_types_by_name)
    dialog.setProxyModel(WithoutLiveStoreFiles(dialog))
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    else:
        dialog.setFileMode(
            QFileDialog.FileMode.ExistingFiles if many else QFileDialog.FileMode.ExistingFile
        )
    return dialog


def open_file_name(
    parent: QWidget | None, title: str, directory: str = "", name_filter: str = ""
) -> str:
    """One existing file the officer chose, or "" when cancelled."""
    names = _run(file_dialog(parent, title, directory, name_filter))[0]
    return names[0] if names else ""


def open_file_names(
    parent: QWidget | None, title: str, directory: str = "", name_filter: str = ""
) -> list[str]:
    """The existing files the officer chose; empty when cancelled."""
    return _run(file_dialog(parent, title, directory, name_filter, many=True))[0]


def save_file_name(
    parent: QWidget | None, title: str, suggested: str = "", name_filter: str = ""
) -> tuple[str, str]:
    """The file to write and the filter chosen, or ("", "") when cancelled."""
    names, chosen = _run(file_dialog(parent, title, suggested, name_filter, save=True))
    return (names[0], chosen) if names else ("", "")


def _run(dialog: QFileDialog) -> tuple[list[str], str]:
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted:
            return [], ""
        return dialog.selectedFiles(), dialog.selectedNameFilter()
    finally:
        dialog.deleteLater()
