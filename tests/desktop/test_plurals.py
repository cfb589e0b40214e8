"""Counts in the officer's language, with its plural forms: "1 follow-up created", not
"1 follow-ups"; in French « 0 contact », « 1 partenaire »."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from db.queries import listing
from db.records import services
from desktop.dialogs.follow_ups_from_decisions import FollowUpsFromDecisions
from tests.desktop.modal import answer_dialog
from tests.desktop.pages import open_page
from tests.desktop.test_main_window import open_window

LEFT = Qt.MouseButton.LeftButton


def test_one_follow_up_made_from_decisions_is_one_follow_up(qtbot, sample_desk):
    [(meeting, _label)] = [
        o
        for o in sample_desk.read(listing.options, "consultation")
        if "annual bilateral consultation 2025" in o[1]
    ]
    window = open_window(qtbot, sample_desk)
    page = window.list_pages["consultation"]
    with qtbot.waitSignal(page.model.refreshed, timeout=5000):
        window.open_record("consultation", meeting)
    qtbot.waitUntil(lambda: page.detail.shown == ("consultation", meeting), timeout=5000)

    def keep_the_first_decision_only(dialog) -> None:
        assert isinstance(dialog, FollowUpsFromDecisions)
        model, view = dialog.model, dialog.view
        for row in range(1, model.rowCount()):
            view.setCurrentIndex(model.index(row, 0))
            qtbot.keyClick(view, Qt.Key.Key_Space)  # unticks the line
        assert [r["take"] for r in model.rows] == [True] + [False] * (model.rowCount() - 1)
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, LEFT)

    answer_dialog(
        lambda: qtbot.mouseClick(page.detail.follow_ups_button, LEFT),
        keep_the_first_decision_only,
    )
    assert window.statusBar().currentMessage() == "1 follow-up created."


def test_a_french_list_counts_none_and_one_in_the_singular(qtbot, desk, french):
    page = open_page(qtbot, desk, "contact")
    assert page.count_label.text() == "0 contact"
    services.save(
        desk.store,
        "organization",
        {"name": "Organisation mondiale des douanes", "kind": "intergovernmental_organization"},
    )
    partners = open_page(qtbot, desk, "organization")
    assert partners.count_label.text() == "1 partenaire"
