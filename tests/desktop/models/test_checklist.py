"""Records to tick, as a list or as the thematic tree: checked by Qt's model tester empty and
full; ticking is announced, loading options or setting the ticks is not."""

from __future__ import annotations

from PySide6.QtCore import Qt

from db.queries.listing import AreaNode
from desktop.models.checklist import ChecklistModel

PARTNERS = [
    ("wco", "World Customs Organization (WCO)"),
    ("iom", "IOM"),
    ("ul", "Université de Lomé"),
]
AREAS = [
    AreaNode("bm", "BM", "Border management", 0, None, False),
    AreaNode("bm-osbp", "BM.OSBP", "One Stop Border Posts", 1, "bm", False),
    AreaNode("cb", "CB", "Capacity building and training", 0, None, False),
    AreaNode("ph", None, "Public health", 0, None, False),
]


def test_the_model_passes_the_model_tester_as_a_list_and_as_a_tree(qtmodeltester):
    model = ChecklistModel()
    qtmodeltester.check(model)
    model.set_options(PARTNERS, chosen=["iom"])
    qtmodeltester.check(model)
    model.set_options(AREAS, chosen=["bm-osbp"])
    qtmodeltester.check(model)
    model.set_options([])
    qtmodeltester.check(model)


def test_sub_areas_sit_under_their_area_and_the_ticked_ones_are_read_back():
    model = ChecklistModel()
    model.set_options(AREAS, chosen=["bm-osbp", "ph"])
    assert model.rowCount() == 3
    border = model.index(0, 0)
    assert border.data() == "BM  Border management"
    assert model.index(0, 0, border).data() == "BM.OSBP  One Stop Border Posts"
    assert model.index(0, 0, border).data(Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Checked.value
    )
    assert model.chosen_ids() == ["bm-osbp", "ph"]
    model.set_chosen(["cb"])
    assert model.chosen_ids() == ["cb"]


def test_only_the_officer_ticking_is_announced():
    model = ChecklistModel()
    ticks = []
    model.ticked.connect(lambda: ticks.append(True))
    model.set_options(PARTNERS, chosen=["wco"])
    model.set_chosen(["iom", "ul"])
    assert ticks == []
    model.by_id["wco"].setCheckState(Qt.CheckState.Checked)  # as a click on its box does
    assert ticks == [True]
    assert model.chosen_ids() == ["iom", "ul", "wco"]
