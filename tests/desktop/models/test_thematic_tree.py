"""The thematic tree as an item model: checked by Qt's model tester empty, loaded, with the picker's
"top level" choice and with a row being added; an edit is kept only when the store accepts it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor

from db.queries.listing import AreaNode
from desktop.models.thematic_tree import ID_ROLE, TOP_LEVEL, ThematicTreeFilter, ThematicTreeModel

GREY = QColor("#999999")
NODES = [
    AreaNode("bm", "BM", "Border management", 0, None, False),
    AreaNode("bm-osbp", "BM.OSBP", "One Stop Border Posts", 1, "bm", False),
    AreaNode("bm-sop", "BM.SOP", "Standard operating procedures", 1, "bm", True),
    AreaNode("cb", "CB", "Capacity building and training", 0, None, False),
    AreaNode("cb-mat", "CB.MAT", "Training manuals, tools and guidance", 1, "cb", False),
    AreaNode("ph", None, "Public health", 0, None, False),
]


def rows(model: ThematicTreeModel, parent: QModelIndex = QModelIndex()) -> list[tuple]:
    found = []
    for r in range(model.rowCount(parent)):
        code = model.index(r, ThematicTreeModel.CODE, parent)
        found.append((code.data(), model.index(r, ThematicTreeModel.NAME, parent).data()))
        found += [("  " + c, n) for c, n in rows(model, code)]
    return found


def test_the_model_passes_the_model_tester_empty_loaded_and_while_an_area_is_added(
    qtmodeltester,
):
    model = ThematicTreeModel()
    qtmodeltester.check(model)
    model.load(NODES, greyed=GREY, archived_tip="Archived")
    qtmodeltester.check(model)
    model.add_new_row("cb")
    qtmodeltester.check(model)
    assert model.drop_unsaved_rows()
    model.load([], greyed=GREY)
    qtmodeltester.check(model)


def test_the_picker_s_tree_offers_the_top_level_and_greys_what_cannot_be_chosen(qtmodeltester):
    model = ThematicTreeModel()
    model.load(NODES, greyed=GREY, editable=False, disabled={"bm", "bm-osbp", "bm-sop"})
    model.add_top_level_choice("(Top level)")
    qtmodeltester.check(model)
    assert model.index(0, 1).data() == "(Top level)"
    assert model.index(0, 0).data(ID_ROLE) == TOP_LEVEL
    osbp = model.index_of("bm-osbp")
    assert not model.flags(osbp) & Qt.ItemFlag.ItemIsEnabled
    assert model.flags(model.index_of("cb")) & Qt.ItemFlag.ItemIsEnabled
    assert not model.flags(model.index_of("cb")) & Qt.ItemFlag.ItemIsEditable


def test_areas_sit_under_their_parent_and_archived_ones_are_greyed():
    model = ThematicTreeModel()
    model.load(NODES, greyed=GREY, archived_tip="Archived")
    assert rows(model) == [
        ("BM", "Border management"),
        ("  BM.OSBP", "One Stop Border Posts"),
        ("  BM.SOP", "Standard operating procedures"),
        ("CB", "Capacity building and training"),
        ("  CB.MAT", "Training manuals, tools and guidance"),
        ("", "Public health"),
    ]
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Name"
    sop = model.index_of("bm-sop", ThematicTreeModel.NAME)
    assert sop.data(Qt.ItemDataRole.ForegroundRole).color() == GREY
    assert sop.data(Qt.ItemDataRole.FontRole).italic()
    assert not model.flags(sop) & Qt.ItemFlag.ItemIsEditable
    assert model.id_at(sop) == "bm-sop"


def test_an_edit_is_kept_only_when_the_store_accepts_it():
    model = ThematicTreeModel()
    model.load(NODES, greyed=GREY)
    asked = []

    def commit(index: QModelIndex, text: str) -> bool:
        asked.append((model.id_at(index), text))
        return bool(text.strip())

    model.commit_edit = commit
    name = model.index_of("ph", ThematicTreeModel.NAME)
    assert not model.setData(name, "")
    assert name.data() == "Public health"
    assert model.setData(name, "Public health and pandemics")
    assert name.data() == "Public health and pandemics"
    assert asked == [("ph", ""), ("ph", "Public health and pandemics")]

    new = model.add_new_row("bm")
    assert model.id_at(new) is None
    assert model.setData(new, "Border data")
    model.remember("bm-data", new)
    assert model.index_of("bm-data").isValid()
    assert not model.drop_unsaved_rows()


def test_typing_narrows_the_tree_to_what_matches_with_the_parents_leading_to_it(qtmodeltester):
    model = ThematicTreeModel()
    model.load(NODES, greyed=GREY, editable=False, disabled={"cb"})
    model.add_top_level_choice("(Top level)")
    narrowed = ThematicTreeFilter(model)
    qtmodeltester.check(narrowed)
    narrowed.setFilterFixedString("manuals")
    qtmodeltester.check(narrowed)
    assert narrowed.rowCount() == 1  # "CB", kept for its sub-area
    first = narrowed.first_match("manuals")
    assert first.data() == "CB.MAT"
    assert not narrowed.first_match("capacity").isValid()  # CB matches, but cannot be chosen
    narrowed.setFilterFixedString("bm.")
    assert narrowed.first_match("bm.").data() == "BM.OSBP"
    narrowed.setFilterFixedString("")
    assert narrowed.rowCount() == model.rowCount()
