"""Shortcuts are shown to the officer as the system writes them — "Ctrl+N" on Windows and Linux,
"⌘N" on macOS — because every shown text takes them from QKeySequence, never from a
"Ctrl+…" written into the text."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QPushButton

from db.queries import listing
from desktop.labels import shortcut_text
from tests.desktop.test_main_window import open_window

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"
KEY_NAME = re.compile(r"\b(Ctrl|Alt|Shift|Meta|Cmd)\+\S")
NATIVE = QKeySequence.SequenceFormat.NativeText


def _shown_texts_with_keys(tree: ast.AST) -> list[tuple[int, str]]:
    """String constants that name a key and are shown rather than given to QKeySequence: a
    sentence (words around the key), or a key put into a sentence with .replace / format."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            args = node.args
            is_put_in = isinstance(node.func, ast.Attribute) and node.func.attr in (
                "replace",
                "format",
                "arg",
            )
            found += [
                (arg.lineno, arg.value)
                for arg in (args if is_put_in else ())
                if isinstance(arg, ast.Constant)
                and isinstance(arg.value, str)
                and KEY_NAME.search(arg.value)
            ]
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and KEY_NAME.search(node.value)
            and re.search(r"\s", node.value.strip())
        ):
            found.append((node.lineno, node.value))
    return sorted(found)


def _docstrings(tree: ast.AST) -> set[int]:
    lines = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                lines.add(body[0].value.lineno)
    return lines


def test_no_shown_text_writes_a_shortcut_out():
    found = []
    for path in sorted(DESKTOP.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = _docstrings(tree)
        found += [
            f"{path.relative_to(DESKTOP.parent)}:{line}: {text!r}"
            for line, text in _shown_texts_with_keys(tree)
            if line not in docs
        ]
    assert found == []


def test_the_check_finds_a_shortcut_written_into_a_shown_text():
    written = (
        'hint = self.tr("Select a record, or press Ctrl+N to add one.")\n'
        'tip = self.tr("Print (%1)").replace("%1", "Ctrl+P")\n'
        'action.setShortcuts([QKeySequence("Ctrl+Shift+T")])\n'  # given to Qt: fine
    )
    assert [line for line, _text in _shown_texts_with_keys(ast.parse(written))] == [1, 2]


def test_tooltips_and_hints_write_shortcuts_as_the_system_does(qtbot, sample_desk):
    window = open_window(qtbot, sample_desk)
    new = QKeySequence(QKeySequence.StandardKey.New).toString(NATIVE)
    window.show_page("organization")
    page = window.list_pages["organization"]
    assert f"press {new} to add one" in page.detail.browser.toPlainText()
    find = QKeySequence(window.actions_by_key["find"].shortcut()).toString(NATIVE)
    assert window.search_box.placeholderText() == f"Search everything ({find})"
    window.show_page("thematic_area")
    save = window.findChild(QPushButton, "saveDescription")
    assert (
        save.toolTip() == f"Save the description ({QKeySequence('Ctrl+Return').toString(NATIVE)})"
    )


def test_the_briefings_buttons_name_the_systems_print_and_save_keys(qtbot, sample_desk):
    from desktop.dialogs.prepare_briefing import PrepareBriefingDialog

    iom = next(
        i for i, label in sample_desk.read(listing.options, "organization") if "(IOM)" in label
    )
    dialog = PrepareBriefingDialog(sample_desk, iom)
    qtbot.addWidget(dialog)
    printing = QKeySequence(QKeySequence.StandardKey.Print).toString(NATIVE)
    saving = QKeySequence(QKeySequence.StandardKey.Save).toString(NATIVE)
    assert dialog.print_button.toolTip() == f"Print the briefing ({printing})"
    assert dialog.save_button.toolTip() == f"Save the briefing as a PDF file ({saving})"
    assert shortcut_text(QKeySequence.StandardKey.Print) == printing
