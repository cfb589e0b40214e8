"""An organizer imports the workshop's registration sheet from the activity's editor: 60 people,
two rows with a mistake. The dialog names both rows and their columns, the 58 others fill the
participant list, Ctrl+Z takes them back out and back in, nothing is stored until the activity
is saved, and the activity then shows what the list adds up to: women, men, countries."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from sqlalchemy import select

from db.exchange.spreadsheets import RegistrationImport
from db.records import services
from db.schema.models import JointActivity
from desktop.dialogs.import_registration import ImportRegistrationDialog
from desktop.editors.record_editor import RecordEditor
from desktop.widgets import file_dialogs
from desktop.worker import wait_for_background_work
from tests.desktop.modal import answer_dialog, child
from tests.desktop.test_new_officer import (
    close_editor,
    detail_text,
    enter_field_date,
    go_to,
    new_record,
    open_window,
    pick_choice,
    save_with_ctrl_s,
    type_into,
)

LEFT = Qt.MouseButton.LeftButton
TITLE = "Regional workshop on coordinated border management"
# (as the sheet writes it, the code it stands for), in turn row after row.
COUNTRIES = [("Kenya", "KE"), ("Ouganda", "UG"), ("TZ", "TZ"), ("Rwanda", "RW"),
             ("Éthiopie", "ET"), ("KE", "KE"), ("Somalia", "SO")]  # fmt: skip
SEXES = [("F", "woman"), ("M", "man"), ("Femme", "woman"), ("male", "man"), ("", None)]
BAD_ROWS = {17: ("Country", "Atlantis"), 44: ("Sex", "Yes")}  # as the spreadsheet numbers them


def registration_sheet(path: Path) -> tuple[Path, list[tuple[str, str]]]:
    """60 registrations; the (country, sex) of the 58 good ones."""
    lines = ["First name,Last name,Organisation,Country,Sex,Role,Attended,Email"]
    good = []
    for i in range(60):
        row = i + 2
        country, code = COUNTRIES[i % len(COUNTRIES)]
        sex, recorded = SEXES[i % len(SEXES)]
        organization = "IOM" if i % 3 == 0 else "Kenya Revenue Authority"
        role = "Speaker" if i < 4 else "Participant"
        if row in BAD_ROWS:
            column, written = BAD_ROWS[row]
            country = written if column == "Country" else country
            sex = written if column == "Sex" else sex
        else:
            good.append((code, recorded))
        lines.append(
            f"Person{i:02d},Family{i:02d},{organization},{country},{sex},{role},yes,"
            f"person{i:02d}@example.org"
        )
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path, good


def test_an_organizer_imports_a_registration_sheet_into_a_workshop(
    qtbot, sample_desk, tmp_path, monkeypatch
):
    desk = sample_desk
    sheet, good = registration_sheet(tmp_path / "Nairobi registrations.csv")
    window = open_window(qtbot, desk)
    page = go_to(qtbot, window, "activity")
    editor = page.editor
    new_record(qtbot, window, page)
    type_into(qtbot, page, "title", TITLE)
    pick_choice(qtbot, page, "kind", "Workshop")
    pick_choice(qtbot, page, "status", "Completed")
    enter_field_date(qtbot, page, "start_on", "2026-10-12")
    enter_field_date(qtbot, page, "end_on", "2026-10-14")
    type_into(qtbot, page, "city", "Nairobi")
    listed = editor.inputs["participants"]
    button = child(editor, type(listed.add_button), "importRegistrationSheet")
    assert button.text() == "Import registration sheet…"
    # The officer picks the file in the file dialog.
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *_args: str(sheet))
    seen = {}

    def drive(dialog) -> None:
        choose = next(b for b in dialog.findChildren(QPushButton) if "Choose a file" in b.text())
        qtbot.mouseClick(choose, LEFT)
        qtbot.waitUntil(lambda: dialog.preview.rowCount() > 0, timeout=10_000)
        assert isinstance(dialog.importer, RegistrationImport)
        assert dialog.chosen_mapping() == [
            "first_name", "last_name", "organization", "country", "sex", "role", "attended",
            "email",
        ]  # fmt: skip
        assert dialog.import_button.text() == "&Read the sheet"
        qtbot.mouseClick(dialog.import_button, LEFT)
        qtbot.waitUntil(lambda: dialog.registration is not None, timeout=20_000)
        table = dialog.problem_table
        seen["problems"] = [
            tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())
        ]
        seen["status"] = dialog.status.text()
        assert dialog.import_button.text() == "&Add 58 participants"
        qtbot.mouseClick(dialog.import_button, LEFT)

    answer_dialog(lambda: qtbot.mouseClick(button, LEFT), drive)

    # Both bad rows are named, with their column and what is wrong.
    assert [(row, column) for row, column, _ in seen["problems"]] == [
        ("17", "Country"),
        ("44", "Sex"),
    ]
    assert "“Atlantis”" in seen["problems"][0][2]
    assert "“Yes” is not a sex" in seen["problems"][1][2]
    assert seen["status"].startswith("58 participants can be added to the list. 2 rows are left")
    # The 58 others are in the table; nothing is stored yet.
    assert listed.model.rowCount() == 58
    assert listed.model.index(0, 0).data() == "Person00 Family00"
    assert TITLE not in desk.read(lambda s: list(s.execute(select(JointActivity.title)).scalars()))
    women = sum(1 for _code, sex in good if sex == "woman")
    men = sum(1 for _code, sex in good if sex == "man")
    counts = [editor.inputs[f"participants_{k}"].widget.text() for k in ("total", "women", "men")]
    assert counts == ["58", str(women), str(men)]
    # Ctrl+Z takes the whole sheet back out, and Redo puts it back.
    window.actions_by_key["undo"].trigger()
    assert listed.model.rowCount() == 0
    window.actions_by_key["redo"].trigger()
    assert listed.model.rowCount() == 58

    workshop = save_with_ctrl_s(qtbot, window, page)
    stored = services.get_exchange(desk.store, "activity", workshop)
    assert len(stored["participants"]) == 58
    assert (
        stored["participants_total"],
        stored["participants_women"],
        stored["participants_men"],
    ) == (58, women, men)
    iom = [p for p in stored["participants"] if p["organization_id"]]
    assert iom and all(p["organization_name"] is None for p in iom)
    assert {p["organization_name"] for p in stored["participants"] if not p["organization_id"]} == {
        "Kenya Revenue Authority"
    }

    # What the activity shows once the editor is closed: the counts by country.
    close_editor(qtbot, page)
    text = detail_text(page)
    by_country = Counter(code for code, _sex in good)
    unknown = 58 - women - men
    expected = (
        f"58 participants (women: {women}, men: {men}, not recorded: {unknown}) · "
        f"6 countries: Kenya {by_country['KE']}, "
    )
    assert expected in text, text
    for name, code in (("Uganda", "UG"), ("Tanzania", "TZ"), ("Rwanda", "RW"),
                       ("Ethiopia", "ET"), ("Somalia", "SO")):  # fmt: skip
        assert f"{name} {by_country[code]}" in text, name


def test_a_conference_list_opens_at_once_and_save_waits_for_the_rules(qtbot, desk):
    """600 participants: the form shows them before the rules are checked (off the window's
    thread); Save waits for the answer, which a typed edit does not lose."""
    people = [
        {"name": f"Participant {i:03d}", "country": "KE", "sex": "woman" if i % 2 else "man"}
        for i in range(600)
    ]
    conference = desk.save(
        "activity",
        {"title": "Regional conference", "kind": "conference", "start_on": "2030-03-02",
         "participants": people},
    )  # fmt: skip
    editor = RecordEditor(desk, "activity")
    qtbot.addWidget(editor)
    editor.show()
    editor.open_record(conference)
    assert editor.inputs["participants"].model.rowCount() == 600
    assert editor.is_checking and not editor.save_button.isEnabled()
    qtbot.waitUntil(lambda: not editor.is_checking, timeout=10_000)
    assert editor.problems == [] and editor.save_button.isEnabled()

    # An edit while the rules run: its own check answers, the older one is dropped.
    editor.open_record(conference)
    assert editor.is_checking
    editor.inputs["title"].widget.setFocus()
    qtbot.keyClicks(editor.inputs["title"].widget, " 2030")
    editor.inputs["end_on"].set(None)
    editor.inputs["start_on"].set("2030-03-05")
    editor.inputs["end_on"].set("2030-03-04")  # before its start
    editor.validate()
    assert not editor.is_checking and not editor.save_button.isEnabled()
    wait_for_background_work()
    QApplication.processEvents()
    assert any("end" in p.field for p in editor.problems), editor.problems
    assert not editor.save_button.isEnabled()


def test_the_dialog_speaks_french_in_a_french_window(qtbot, desk, tmp_path, french):
    sheet = tmp_path / "inscriptions.csv"
    sheet.write_text(
        "Nom;Prénom;Pays;Sexe\nKamau;Wanjiru;Kenya;Femme\nHassan;Yusuf;Ouganda;Homme\n"
        "Mukasa;Jean;Atlantide;H\n",
        encoding="utf-8",
    )
    dialog = ImportRegistrationDialog(desk, [], sheet)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Importer une liste d’inscription"
    qtbot.waitUntil(lambda: dialog.preview.rowCount() > 0, timeout=10_000)
    qtbot.mouseClick(dialog.import_button, LEFT)
    qtbot.waitUntil(lambda: dialog.registration is not None, timeout=10_000)
    assert dialog.status.text().startswith(
        "2 participants peuvent être ajoutés à la liste. 1 ligne est laissée de côté\u00a0:"
    )
    assert dialog.import_button.text() == "&Ajouter 2 participants"
    assert dialog.problems[0].row == 4 and dialog.problems[0].column == "Pays"


def test_columns_sent_by_hand_are_proposed_again_for_the_same_header(qtbot, desk, tmp_path):
    sheet = tmp_path / "registrations.csv"
    sheet.write_text("Who,Where from\nWanjiru Kamau,Kenya\n", encoding="utf-8")

    def opened() -> ImportRegistrationDialog:
        dialog = ImportRegistrationDialog(desk, [], sheet)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.preview.rowCount() > 0, timeout=10_000)
        return dialog

    dialog = opened()
    assert dialog.chosen_mapping() == [None, None]
    dialog.set_column("Who", "name")
    dialog.set_column("Where from", "country")
    qtbot.waitUntil(lambda: dialog.importer.mapping == ["name", "country"], timeout=5_000)
    qtbot.mouseClick(dialog.import_button, LEFT)
    qtbot.waitUntil(lambda: dialog.registration is not None, timeout=10_000)
    assert [(p["name"], p["country"]) for p in dialog.participants] == [("Wanjiru Kamau", "KE")]
    qtbot.mouseClick(dialog.import_button, LEFT)  # Add
    wait_for_background_work()
    QApplication.processEvents()
    assert opened().chosen_mapping() == ["name", "country"]
