"""Spreadsheets and calendars from the window, as the issue's new user tries them: a partner list
kept in a spreadsheet (accents, semicolons, Latin-1) comes in through the dialog with its one bad
row reported and nothing half-imported; the corrected file comes in whole; the agreements in
force go out to XLSX with real dates; the store's dates go out as a calendar file."""

from __future__ import annotations

from datetime import date, datetime

from icalendar import Calendar
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from db.queries import listing
from desktop.dialogs.import_spreadsheet import ImportSpreadsheetDialog
from desktop.worker import wait_for_background_work
from tests.desktop.test_main_window import open_window

PARTNERS = (
    "name;acronym;kind;country;city\r\n"
    "Organisation mondiale des douanes;OMD;intergovernmental_organization;BE;Bruxelles\r\n"
    "Direction générale des douanes et droits indirects;DGDDI;national_administration;FR;Montreuil\r\n"
    "Université de Lomé;UL;academia;TG;Lomé\r\n"
    "Agence nationale des frontières;ANF;banana;CI;Abidjan\r\n"
)


def _organizations(desk) -> int:
    with desk.store.reading() as session:
        return session.connection().exec_driver_sql("SELECT count(*) FROM organization").scalar()


def _dialog(qtbot, desk, path) -> ImportSpreadsheetDialog:
    dialog = ImportSpreadsheetDialog(desk, "organization", path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview.rowCount() > 0, timeout=10_000)
    return dialog


def test_a_partner_list_comes_in_whole_or_not_at_all(qtbot, desk, tmp_path):
    sheet = tmp_path / "partenaires.csv"
    sheet.write_bytes(PARTNERS.encode("latin-1"))
    before = _organizations(desk)
    dialog = _dialog(qtbot, desk, sheet)
    assert "semicolons" in dialog.about_file.text() and "4 rows" in dialog.about_file.text()
    assert dialog.chosen_mapping() == ["name", "acronym", "kind", "country", "city"]
    shown = [dialog.preview.item(r, 1).text() for r in range(dialog.preview.rowCount())]
    assert "Direction générale des douanes et droits indirects" in shown  # accents read right
    bad = dialog.preview.item(3, 3)
    assert bad.text() == "banana" and "not one of" in bad.toolTip()  # marked before importing

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Nothing was imported" in dialog.status.text(), timeout=20_000)
    [problem] = dialog.problems
    assert (problem.row, problem.column) == (5, "kind")
    assert dialog.problem_table.item(0, 0).text() == "5"
    assert _organizations(desk) == before  # nothing half-imported

    sheet.write_bytes(PARTNERS.replace("banana", "national_administration").encode("latin-1"))
    dialog.open_file(sheet)
    qtbot.waitUntil(
        lambda: dialog.importer is not None and dialog.preview.rowCount() > 0, timeout=10_000
    )
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=20_000)
    assert "4 added" in dialog.status.text()
    assert _organizations(desk) == before + 4
    names = [name for _id, name in desk.read(listing.options, "organization")]
    assert any("Université de Lomé" in name for name in names)


def test_columns_are_mapped_by_hand_and_remembered_for_the_same_header(qtbot, desk, tmp_path):
    sheet = tmp_path / "liste.csv"
    sheet.write_text(
        "Nom,Sigle,Type\nOffice des Nations Unies contre la drogue et le crime,ONUDC,un_entity\n",
        encoding="utf-8-sig",
    )
    dialog = _dialog(qtbot, desk, sheet)
    assert dialog.chosen_mapping()[0] is None  # "Nom" is not a field name
    dialog.set_column("Nom", "name")
    dialog.set_column("Sigle", "acronym")
    dialog.set_column("Type", "kind")
    qtbot.waitUntil(
        lambda: (
            dialog.preview.columnCount() == 4
            and dialog.preview.item(0, 1) is not None
            and dialog.preview.item(0, 1).text().startswith("Office des Nations Unies")
        ),
        timeout=10_000,
    )
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=20_000)

    again = tmp_path / "liste-2.csv"
    again.write_text("Nom,Sigle,Type\nInterpol,,intergovernmental_organization\n", encoding="utf-8")
    second = _dialog(qtbot, desk, again)
    assert second.chosen_mapping() == ["name", "acronym", "kind"]


def test_a_long_import_shows_progress_and_cancel_leaves_the_store_as_it_was(qtbot, desk, tmp_path):
    rows = "".join(f"Partenaire {n},P{n},ngo,SN\n" for n in range(3000))
    sheet = tmp_path / "many.csv"
    sheet.write_text("name,acronym,kind,country\n" + rows, encoding="utf-8")
    before = _organizations(desk)
    dialog = _dialog(qtbot, desk, sheet)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.progress.isVisible() and dialog.close_button.text() == "Cancel"
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Cancelled" in dialog.status.text(), timeout=30_000)
    assert _organizations(desk) == before
    assert dialog.close_button.text() == "Close" and dialog.import_button.isEnabled()


def test_the_agreements_in_force_go_out_to_xlsx_with_real_dates(qtbot, sample_desk, tmp_path):
    window = open_window(qtbot, sample_desk)
    window.open_list("agreement", listing.ListFilter(status="in_force"))
    page = window.list_pages["agreement"]
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    in_force = page.model.ids()
    target = tmp_path / "in force.xlsx"
    from desktop import transfers

    transfers.export_list(window, "agreement", page.model.ids_reader(), target)
    qtbot.waitUntil(lambda: getattr(window, "last_export", None) == target, timeout=20_000)
    sheet = load_workbook(target).active
    labels = [cell.value for cell in sheet[1]]  # in the officer's words
    assert labels[:4] == ["Reference code", "Title", "Kind", "Status"]
    header = [cell.value for cell in sheet[2]]  # the field names, which import reads
    rows = list(sheet.iter_rows(min_row=3))
    assert len(rows) == len(in_force)
    assert {row[header.index("status")].value for row in rows} == {"In force"}
    entry = rows[0][header.index("entry_into_force")]
    assert entry.is_date and isinstance(entry.value, datetime | date)
    references = {row[header.index("reference")].value for row in rows}
    assert "WCO/IOM/MOU/2018" in references
    assert "Exported to" in window.statusBar().currentMessage()


def test_the_stores_dates_go_out_as_a_calendar(qtbot, sample_desk, tmp_path):
    window = open_window(qtbot, sample_desk)
    target = tmp_path / "partnerdesk.ics"
    from desktop import transfers

    transfers.export_store(window, target)
    qtbot.waitUntil(lambda: getattr(window, "last_export", None) == target, timeout=20_000)
    calendar = Calendar.from_ical(target.read_bytes())
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert any("annual bilateral consultation 2027" in s for s in summaries)
    assert any(s.startswith("LATE") for s in summaries)  # a late follow-up says so
    wait_for_background_work()


def test_the_officer_chooses_the_encoding_of_a_csv_file(qtbot, desk, tmp_path):
    sheet = tmp_path / "partenaires-ru.csv"
    russian = "Федеральная таможенная служба"
    sheet.write_bytes(
        f"name;acronym;kind;city\r\n{russian};FCS;national_administration;Москва\r\n".encode(
            "cp1251"
        )
    )
    dialog = _dialog(qtbot, desk, sheet)
    assert dialog.preview.item(0, 1).text() == russian  # found by itself
    assert "encoding cp1251" in dialog.about_file.text()

    def choose(label: str) -> None:
        dialog.encoding.setCurrentIndex(dialog.encoding.findText(label))
        dialog.encoding.activated.emit(dialog.encoding.currentIndex())
        qtbot.waitUntil(
            lambda: dialog.importer is not None and dialog.preview.rowCount() > 0, timeout=10_000
        )

    choose("Western European (Windows-1252)")
    assert "encoding cp1252" in dialog.about_file.text()
    assert dialog.preview.item(0, 1).text() != russian  # as the officer would see it: wrong
    choose("Cyrillic (Windows-1251)")
    assert dialog.preview.item(0, 1).text() == russian
    wait_for_background_work()
