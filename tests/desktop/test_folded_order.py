"""Names sort as officers read them, case and accents folded: "agence…", "Ärzte…" and "École…"
among the A and E, not after Z — in a list and a picker (issue 15; the briefing's contacts:
tests/desktop/briefing/test_sheet.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from db.records import services
from tests import builders as b
from tests.desktop.pages import open_page

NAMES = ["Zambia Revenue Authority", "École nationale des douanes", "agence des frontières",
         "Ärzte ohne Grenzen", "Bureau des douanes"]  # fmt: skip
FOLDED = ["agence des frontières", "Ärzte ohne Grenzen", "Bureau des douanes",
          "École nationale des douanes", "Zambia Revenue Authority"]  # fmt: skip


def _partners(store) -> None:
    for name in NAMES:
        services.save(store, "organization", b.organization(name=name, acronym=None))


def test_the_partner_list_sorted_by_name_reads_in_folded_order(qtbot, desk):
    _partners(desk.store)
    page = open_page(qtbot, desk, "organization")
    model = page.model

    def shown() -> list[str]:
        return [model.index(r, 0).data() for r in range(model.rowCount())]

    assert shown() == FOLDED  # the list opens sorted by name
    with qtbot.waitSignal(model.refreshed, timeout=5000):
        page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert shown() == FOLDED[::-1]


def test_the_lead_picker_offers_partners_in_folded_order(qtbot, desk):
    _partners(desk.store)
    page = open_page(qtbot, desk, "activity")
    page.new_record()
    picker = page.editor.inputs["lead_organization_id"].widget
    offered = [picker.itemText(i) for i in range(1, picker.count())]  # after the empty choice
    assert offered == FOLDED
