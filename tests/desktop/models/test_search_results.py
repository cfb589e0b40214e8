"""What the global search found, grouped by record kind: checked by Qt's model tester with hits
of several kinds and with none."""

from __future__ import annotations

from db.records.search import Hit
from desktop.models.search_results import RECORD_ROLE, SearchResultsModel

HITS = [
    Hit(
        "agreement", "a1", "WCO/IOM/MOU/2018 — Memorandum", "…coordinated border management…", False
    ),
    Hit("organization", "o1", "International Organization for Migration", "IOM, Geneva", False),
    Hit("agreement", "a2", "Arrangement on training", "…training of trainers…", True),
    Hit("activity", "j1", "Training of trainers, cohort 1", "Lomé\nTogo", False),
]


def test_the_model_passes_the_model_tester_with_hits_and_without(qtmodeltester):
    model = SearchResultsModel()
    qtmodeltester.check(model)
    model.show(HITS)
    qtmodeltester.check(model)
    model.show([])
    qtmodeltester.check(model)


def test_hits_are_grouped_by_kind_in_the_order_of_the_pages_and_open_their_record():
    model = SearchResultsModel()
    model.show(HITS)
    groups = [model.item(r).text() for r in range(model.rowCount())]
    assert groups == ["Partners (1)", "Agreements (2)", "Joint activities (1)"]
    agreements = model.item(1)
    assert agreements.font().bold()
    second = agreements.child(1)
    assert second.text().startswith("Arrangement on training\n")
    assert second.data(RECORD_ROLE) == ("agreement", "a2", True)
    assert model.item(2).child(0).text().endswith("Lomé Togo")  # one line under the title
