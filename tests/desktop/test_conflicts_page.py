"""Conflicts in the window, as an officer meets them after a sync (docs/sync.md, "Conflicts in the
window"): the count in the toolbar and the status bar, the page listing the record, both values
side by side in the officer's words, the choice made with the keyboard and the mouse, and, once
resolved, the count at 0, the record showing the value chosen and no conflict left in the store."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QMessageBox, QRadioButton

from db.exchange import bundles
from db.queries.conflicts import conflicted_records, conflicting_ids
from db.records import services
from db.store import identity
from db.store.engine import Store
from desktop.desk import Desk
from desktop.models.conflicts import ConflictsModel
from desktop.views.conflicts_page import ConflictsPage
from tests import builders
from tests.desktop.modal import answer_dialog
from tests.desktop.test_main_window import open_window
from tests.desktop.typing import type_text


def store_id(store: Store) -> str:
    with store.reading() as session:
        return identity.store_id(session)


def carry(source: Store, target: Store, path: Path) -> None:
    """A bundle from one laptop, taken in by the other."""
    bundles.write_bundle(source, path, for_store=store_id(target))
    bundles.sync_in(target, path)


def edit(store: Store, record_id: str, **fields) -> None:
    now = services.get_exchange(store, "agreement", record_id)
    services.save(store, "agreement", {**now, **fields})


def status_in_conflict(here: Store, mission: Store, tmp_path: Path) -> str:
    """The issue's clash: an agreement both laptops hold, its status changed offline on each
    (here "terminated", at the mission "superseded"), then the mission's bundle taken in here."""
    return in_conflict(here, mission, tmp_path, {"status": "terminated"}, {"status": "superseded"})


def in_conflict(
    here: Store, mission: Store, tmp_path: Path, edit_here: dict, edit_there: dict
) -> str:
    """An agreement both laptops hold, edited offline on each, the mission's bundle taken in."""
    parties = builders.two_parties(here)
    agreement = services.save(
        here, "agreement", builders.agreement(parties, title="MoU on border management")
    )
    carry(here, mission, tmp_path / "first.pdsync")
    carry(mission, here, tmp_path / "back.pdsync")
    edit(here, agreement, **edit_here)
    edit(mission, agreement, **edit_there)
    carry(mission, here, tmp_path / "to-here.pdsync")
    return agreement


def test_the_model_lists_each_record_in_conflict(qtmodeltester, store, other_store, tmp_path):
    agreement = status_in_conflict(store, other_store, tmp_path)
    model = ConflictsModel()
    with store.reading() as session:
        model.set_records(conflicted_records(session))
        assert conflicting_ids(session, "agreement") == {agreement}
        assert conflicting_ids(session, "organization") == set()
    qtmodeltester.check(model)
    assert model.rowCount() == 1
    assert [model.index(0, c).data() for c in range(3)] == [
        "Agreement",
        "MoU on border management",
        "Status",
    ]
    model.set_records([])
    qtmodeltester.check(model)


def test_an_officer_resolves_the_status_clash_from_the_window(qtbot, desk, other_store, tmp_path):
    agreement = status_in_conflict(desk.store, other_store, tmp_path)
    window = open_window(qtbot, desk)

    # The count cannot be missed: in the status bar and in the toolbar.
    assert window.conflicts_button.isVisible()
    assert window.conflicts_button.text() == "1 conflict"
    toolbar_button = window.toolbar.widgetForAction(window.conflicts_action)
    assert toolbar_button.isVisible() and window.conflicts_action.text() == "1 conflict"

    # The record is marked in its list and on its view, whose banner leads to the page.
    window.open_record("agreement", agreement)
    agreements = window.list_pages["agreement"]
    detail = agreements.detail
    qtbot.waitUntil(lambda: detail.shown == ("agreement", agreement), timeout=10_000)
    row = agreements.model.row_of(agreement)
    mark = agreements.model.index(row, 0)
    assert mark.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "Conflict" in mark.data(Qt.ItemDataRole.ToolTipRole)
    assert "Conflict: two stores changed Status to different values" in detail.browser.toPlainText()
    detail.browser.anchorClicked.emit(QUrl("conflicts:"))  # the banner's link, clicked
    assert window.current_key() == "conflicts"

    window.show_page("dashboard")
    qtbot.mouseClick(window.conflicts_button, Qt.MouseButton.LeftButton)
    assert window.current_key() == "conflicts"

    page: ConflictsPage = window.conflicts
    assert page.model.rowCount() == 1
    assert page.model.index(0, 1).data() == "MoU on border management"
    [box] = page.clash_boxes()
    assert box.title() == "Status"
    texts = {button.text() for button in box.choice.buttons()}
    # Both values in the officer's words; the one the record shows meanwhile is said.
    shown = services.get_exchange(desk.store, "agreement", agreement)["status"]
    other = {"terminated": "superseded", "superseded": "terminated"}[shown]
    words = {"terminated": "Terminated", "superseded": "Superseded"}
    assert texts == {f"{words[shown]} (shown now)", words[other]}
    assert "Common version: not known" in box.findChild(type(page.status)).text()

    # Pick the value not shown, by the keyboard, then Resolve with a click.
    [pick] = [b for b in box.choice.buttons() if b.text() == words[other]]
    pick.setFocus()
    qtbot.keyClick(pick, Qt.Key.Key_Space)
    assert pick.isChecked() and box.resolve_button.isEnabled()
    qtbot.mouseClick(box.resolve_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=10_000)
    assert page.status.text() == "No conflicts: every field merged by itself."
    assert not window.conflicts_button.isVisible()
    qtbot.waitUntil(lambda: not window.toolbar.widgetForAction(window.conflicts_action).isVisible())
    assert services.get_exchange(desk.store, "agreement", agreement)["status"] == other
    with desk.store.reading() as session:
        assert conflicted_records(session) == []

    # The record's view shows the value chosen, and its list and view no mark.
    window.open_record("agreement", agreement)
    qtbot.waitUntil(lambda: not agreements.model.loading, timeout=10_000)
    qtbot.waitUntil(lambda: "Conflict" not in detail.browser.toPlainText(), timeout=10_000)
    assert f"Status\n{words[other]}\n" in detail.browser.toPlainText()
    mark = agreements.model.index(agreements.model.row_of(agreement), 0)
    assert mark.data(Qt.ItemDataRole.DecorationRole) is None


def test_two_titles_are_kept_both_joined_then_edited(qtbot, desk, other_store, tmp_path):
    agreement = in_conflict(
        desk.store,
        other_store,
        tmp_path,
        {"title": "MoU on border management (HQ)"},
        {"title": "MoU on border management, 2026"},
    )
    page = ConflictsPage(desk)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    [box] = page.clash_boxes()
    assert box.title() == "Title"
    both = box.findChild(QRadioButton, "keepBoth")
    assert not box.both_text.isEnabled()  # until the officer keeps both
    qtbot.mouseClick(both, Qt.MouseButton.LeftButton)
    assert box.both_text.isEnabled()
    # This laptop's value first, then the other's.
    assert box.both_text.toPlainText() == (
        "MoU on border management (HQ)\n\nMoU on border management, 2026"
    )

    # Emptied, the title is refused, naming the field; the conflict stays open.
    box.both_text.selectAll()
    qtbot.keyClick(box.both_text, Qt.Key.Key_Delete)
    said: list[str] = []
    answer_dialog(
        lambda: qtbot.mouseClick(box.resolve_button, Qt.MouseButton.LeftButton),
        lambda dialog: said.append(dialog.text()) if isinstance(dialog, QMessageBox) else None,
    )
    assert said and "Title" in said[0]
    with desk.store.reading() as session:
        assert conflicting_ids(session, "agreement") == {agreement}

    type_text(qtbot, box.both_text, "MoU on border management, 2026 (HQ)")
    qtbot.mouseClick(box.resolve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=10_000)
    title = services.get_exchange(desk.store, "agreement", agreement)["title"]
    assert title == "MoU on border management, 2026 (HQ)"


def test_a_store_open_read_only_shows_its_conflicts_without_resolving(
    qtbot, store, other_store, tmp_path
):
    status_in_conflict(store, other_store, tmp_path)
    with services.open_store(store.path, read_only=True) as reading:
        page = ConflictsPage(Desk(reading))
        qtbot.addWidget(page)
        page.show()
        page.activate()
        [box] = page.clash_boxes()
        assert {b.text().removesuffix(" (shown now)") for b in box.choice.buttons()} == {
            "Terminated",
            "Superseded",
        }
        assert not box.resolve_button.isVisible()
        assert "read-only" in page.status.text()
