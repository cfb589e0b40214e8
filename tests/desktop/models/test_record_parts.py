"""The parts of a record as an editable table (here an agreement's parties and commitments):
checked by Qt's model tester empty, filled, and while parts are added, moved and removed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt

from db.schema import fields as f
from db.schema.kinds import kind
from desktop.models.record_parts import PartsModel


def parts_spec(name: str) -> f.Parts:
    return next(s for s in kind("agreement").fields if s.name == name)


PARTIES = [
    {"organization_id": "wco", "signatory_name": "Kunio Mikuriya", "signed_on": "2018-06-12"},
    {"organization_id": "iom", "signatory_name": "António Vitorino", "signed_at": "Geneva"},
    {"organization_id": "icmpd", "signatory_title": "Director General"},
]


def test_the_model_passes_the_model_tester_through_adding_moving_and_removing(qtmodeltester):
    model = PartsModel(parts_spec("parties"))
    qtmodeltester.check(model)
    model.set_parts(PARTIES)
    model.set_options("organization", [("wco", "WCO"), ("iom", "IOM")])
    qtmodeltester.check(model)
    model.move(model.add(), -1)
    model.move(0, 1)
    model.remove(2)
    qtmodeltester.check(model)
    model.set_parts([])
    qtmodeltester.check(model)


def test_linked_records_show_their_names_and_edits_are_kept_in_the_exchange_shape():
    model = PartsModel(parts_spec("parties"))
    model.set_parts(PARTIES)
    model.set_options("organization", [("wco", "WCO"), ("iom", "IOM")])
    edits = []
    model.edited.connect(lambda: edits.append(True))
    assert model.index(0, 0).data() == "WCO"
    assert model.index(2, 0).data() == "icmpd"  # not among the options (yet): its id
    assert model.index(0, 0).data(Qt.ItemDataRole.EditRole) == "wco"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Organization"
    assert model.setData(model.index(1, 3), date(2018, 6, 14))
    assert model.parts[1]["signed_on"] == "2018-06-14"
    assert not model.setData(model.index(1, 3), "2018-06-14")  # no change: no edit
    assert model.setData(model.index(0, 1), "")  # a cleared cell holds no value
    assert model.parts[0]["signatory_name"] is None
    assert len(edits) == 2


def test_a_new_commitment_starts_with_its_default_status(qtmodeltester):
    model = PartsModel(parts_spec("commitments"))
    row = model.add()
    assert model.parts[row]["status"] == "pending"
    assert model.index(row, 2).data() == "Pending"
    assert model.rowCount(QModelIndex()) == 1
    qtmodeltester.check(model)
