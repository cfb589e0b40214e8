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


PEOPLE = [
    {
        "id": "0d9f7b32-6c1e-4c37-9a64-8f1d2b3c4d01",
        "name": "Wanjiru Kamau",
        "organization_name": "Kenya Revenue Authority",
        "country": "KE",
        "sex": "woman",
        "role": "participant",
        "attended": True,
    },
    {
        "id": "0d9f7b32-6c1e-4c37-9a64-8f1d2b3c4d02",
        "name": "Yusuf Abdi Hassan",
        "organization_id": "iom",
        "sex": "man",
        "role": "speaker",
        "attended": False,
    },
]


def activity_parts(name: str) -> f.Parts:
    return next(s for s in kind("activity").fields if s.name == name)


def test_a_participant_list_keeps_each_rows_id_without_showing_it(qtmodeltester):
    model = PartsModel(activity_parts("participants"))
    qtmodeltester.check(model)
    model.set_parts(PEOPLE)
    model.set_options("organization", [("iom", "IOM")])
    qtmodeltester.check(model)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "Id" not in headers and headers[:2] == ["Name", "Organization"]
    assert [model.index(r, headers.index("Attended")).data() for r in (0, 1)] == ["Yes", "No"]
    assert model.index(1, 1).data() == "IOM"
    row = model.add()
    model.move(row, -1)
    qtmodeltester.check(model)
    ids = [p["id"] for p in model.parts]
    assert ids[0] == PEOPLE[0]["id"] and ids[2] == PEOPLE[1]["id"]  # ids travel with their rows
    assert len(ids[1]) == 36 and ids[1] not in {p["id"] for p in PEOPLE}  # a new row, a new id
    assert model.parts[1]["sex"] == "not_recorded" and model.parts[1]["role"] == "participant"
    model.remove(0)
    qtmodeltester.check(model)
    assert [p["id"] for p in model.parts] == ids[1:]
