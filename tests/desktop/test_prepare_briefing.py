"""The Prepare briefing dialog: its options change the live preview; Save as PDF writes the file;
Print sends the same sheet's pages to a printer (here Qt's PDF printer)."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication

from db.queries import listing
from db.records import services
from desktop.briefing.options import MAX_PER_SECTION
from desktop.dialogs.prepare_briefing import PrepareBriefingDialog
from desktop.worker import wait_for_background_work
from tests.desktop.typing import type_text


def _partner(desk, acronym: str) -> str:
    [(org_id, _)] = [
        o for o in desk.read(listing.options, "organization") if f"({acronym})" in o[1]
    ]
    return org_id


def _consultation(desk, title_start: str) -> str:
    [(meeting_id, _)] = [
        o for o in desk.read(listing.options, "consultation") if o[1].startswith(title_start)
    ]
    return meeting_id


@pytest.fixture
def dialog(qtbot, sample_desk):
    opened = PrepareBriefingDialog(sample_desk, _partner(sample_desk, "IOM"))
    qtbot.addWidget(opened)
    opened.show()
    _wait_for_preview(qtbot, opened)
    yield opened
    wait_for_background_work()


def _wait_for_preview(qtbot, dialog, condition=lambda text: True) -> str:
    def ready() -> bool:
        return (
            not dialog.timer.isActive()
            and dialog.preview_pages > 0
            and "Preparing" not in dialog.preview_status.text()
            and condition(_words(dialog))
        )

    qtbot.waitUntil(ready, timeout=30_000)
    return _words(dialog)


def _words(dialog) -> str:
    """The preview's text with table cells' line breaks as single spaces."""
    return " ".join(dialog.preview_text().split())


def test_the_preview_shows_the_sheet_without_personal_data(dialog):
    text = _words(dialog)
    assert "International Organization for Migration" in text
    assert "Framework of cooperation" in text
    assert "daniel.okafor@example.org" not in text  # focal points are off until asked for
    assert "Focal points" not in text
    assert dialog.preview_status.text().startswith(("1 page", "2 pages", "3 pages"))
    assert dialog.print_button.isEnabled() and dialog.save_button.isEnabled()


def test_each_option_changes_the_preview(qtbot, dialog):
    dialog.contacts.setChecked(True)
    text = _wait_for_preview(qtbot, dialog, lambda t: "daniel.okafor@example.org" in t)
    assert "Focal points" in text

    workshop = "Training of trainers on coordinated border management — cohort 2"
    assert workshop in text
    dialog.sections["activities"].setChecked(False)
    text = _wait_for_preview(qtbot, dialog, lambda t: "Joint activities" not in t)
    assert workshop not in text

    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    qtbot.waitUntil(lambda: round(dialog.document.pagePointSize(0).width()) == 612, timeout=30_000)
    assert round(dialog.document.pagePointSize(0).height()) == 792

    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    _wait_for_preview(qtbot, dialog, lambda t: "Le partenaire en bref" in t)

    dialog.talking_points.setFocus()
    type_text(qtbot, dialog.talking_points, "Remercier l’OIM pour la cohorte 2")
    _wait_for_preview(qtbot, dialog, lambda t: "Remercier l’OIM pour la cohorte 2" in t)


def test_participant_lists_are_printed_only_when_asked_for(qtbot, sample_desk):
    """An activity's participant list names people: personal data, as contacts are. The
    briefing prints it when the officer ticks its box, not by default."""
    desk = sample_desk
    workshop = "Training of trainers on coordinated border management — cohort 2"
    [(activity_id, _)] = [
        o for o in desk.read(listing.options, "activity") if o[1].startswith(workshop)
    ]
    held = services.get_exchange(desk.store, "activity", activity_id)
    held["participants"] = [
        {"name": "Wanjiru Kamau", "organization_name": "Kenya Revenue Authority", "sex": "woman"},
        {"name": "Yusuf Abdi Hassan", "organization_id": _partner(desk, "IOM"), "sex": "man"},
    ]
    desk.save("activity", held)
    dialog = PrepareBriefingDialog(desk, _partner(desk, "IOM"))
    qtbot.addWidget(dialog)
    dialog.show()
    text = _wait_for_preview(qtbot, dialog)
    assert workshop in text
    assert not dialog.participant_lists.isChecked()
    assert "Wanjiru Kamau" not in text

    dialog.participant_lists.setChecked(True)
    text = _wait_for_preview(qtbot, dialog, lambda t: "Wanjiru Kamau" in t)
    assert "Participants: Wanjiru Kamau (Kenya Revenue Authority), Yusuf Abdi Hassan (IOM)" in text
    assert "Focal points" not in text  # contacts are a choice of their own

    dialog.sections["activities"].setChecked(False)
    assert not dialog.participant_lists.isEnabled()
    wait_for_background_work()


def test_at_most_n_per_section_cuts_the_lists_of_the_preview(qtbot, dialog):
    assert dialog.per_section.value() == MAX_PER_SECTION
    assert "not shown here" not in _words(dialog)  # the sample partner has short lists
    older_mou = "WCO/IOM/MOU/2018 · Memorandum of understanding"
    assert older_mou in _words(dialog)
    dialog.per_section.setValue(1)
    text = _wait_for_preview(qtbot, dialog, lambda t: "… and 1 more, not shown here" in t)
    assert older_mou not in text  # the newer agreement in force is the one shown
    assert "WCO/IOM/PA/2024-01 · Project agreement" in text
    dialog.per_section.setValue(0)
    assert dialog.per_section.text() == "All"
    _wait_for_preview(qtbot, dialog, lambda t: "not shown here" not in t and older_mou in t)


def test_the_period_chooses_past_consultations(qtbot, dialog):
    older = "Technical meeting on the joint CBM training curriculum"  # May 2024
    assert older not in _words(dialog)  # before the default period: the last 24 months
    dialog.period_from.set_picked(dialog.desk.today().replace(year=2024, month=1, day=1))
    text = _wait_for_preview(qtbot, dialog, lambda t: older in t)
    assert "from 1 January 2024" in text


def test_an_unreadable_period_is_named_and_nothing_is_printed(qtbot, dialog):
    dialog.period_to.line.setText("next spring")
    dialog.period_to.line.editingFinished.emit()
    dialog.refresh_preview()
    assert "To: “next spring” is not a date" in dialog.preview_status.text()
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()
    dialog.period_to.line.setText("2027-06-30")
    dialog.refresh_preview()
    _wait_for_preview(qtbot, dialog)
    assert dialog.print_button.isEnabled()


def test_save_as_pdf_writes_the_sheet_on_the_chosen_paper(qtbot, dialog, tmp_path):
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    target = tmp_path / "iom.pdf"
    dialog.save_to(target, open_it=False)
    qtbot.waitUntil(lambda: dialog.written == target, timeout=30_000)
    assert "Saved" in dialog.status.text() and str(target) in dialog.status.text()
    reader = PdfReader(target)
    first = reader.pages[0]
    assert (round(float(first.mediabox.width)), round(float(first.mediabox.height))) == (612, 792)
    assert "International Organization for Migration" in first.extract_text()
    assert len(reader.pages) == dialog.preview_pages


def _pdf_printer(path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def _not_blank(path) -> bool:
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    document.load(str(path))
    image = document.render(0, QSize(300, 420))
    dark = sum(
        1
        for x in range(0, 300, 3)
        for y in range(0, 420, 3)
        if image.pixelColor(x, y).lightness() < 128
    )
    document.close()
    return dark > 100


def test_print_sends_every_page_on_the_sheets_paper(qtbot, dialog, tmp_path):
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    _wait_for_preview(qtbot, dialog)
    qtbot.waitUntil(lambda: round(dialog.document.pagePointSize(0).width()) == 612, timeout=30_000)
    target = tmp_path / "printed.pdf"
    printer = _pdf_printer(target)
    dialog.prepare_printer(printer)
    dialog.print_to(printer)
    qtbot.waitUntil(lambda: dialog.printed_pages > 0, timeout=30_000)
    assert dialog.printed_pages == dialog.preview_pages
    assert "Sent" in dialog.status.text()
    pages = PdfReader(target).pages
    assert len(pages) == dialog.preview_pages
    assert round(float(pages[0].mediabox.width)) == 612
    assert _not_blank(target)


def test_print_goes_through_the_system_print_dialog(qtbot, dialog, tmp_path, monkeypatch):
    target = tmp_path / "from-dialog.pdf"
    seen = []

    def accept_the_print_dialog() -> None:
        [print_dialog] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QPrintDialog) and w.isVisible()
        ]
        seen.append(print_dialog.printer().pageLayout().pageSize().id())
        print_dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        print_dialog.printer().setOutputFileName(str(target))
        print_dialog.done(QPrintDialog.DialogCode.Accepted)

    QTimer.singleShot(500, accept_the_print_dialog)
    dialog.print_button.click()
    qtbot.waitUntil(lambda: dialog.printed_pages > 0, timeout=30_000)
    from PySide6.QtGui import QPageSize

    assert seen == [QPageSize.PageSizeId.A4]
    assert len(PdfReader(target).pages) == dialog.preview_pages


def test_a_consultations_briefing_states_the_purpose_of_the_meeting(qtbot, sample_desk):
    meeting = _consultation(sample_desk, "IOM–WCO annual bilateral consultation 2027")
    opened = PrepareBriefingDialog(sample_desk, _partner(sample_desk, "IOM"), meeting)
    qtbot.addWidget(opened)
    text = _wait_for_preview(qtbot, opened)
    assert "Purpose of the meeting" in text
    opened.sections["purpose"].setChecked(False)
    _wait_for_preview(qtbot, opened, lambda t: "Purpose of the meeting" not in t)


# -- from the window: which partner the sheet is about ------------------------------------------
def _window_on(qtbot, desk, kind: str, record_id: str):
    from desktop.drafts import Drafts
    from desktop.main_window import MainWindow
    from desktop.settings import Options

    window = MainWindow(desk, Options(), Drafts(desk.store.path))
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    page = window.list_pages[kind]
    with qtbot.waitSignal(page.model.refreshed, timeout=5000):
        window.show_page(kind)
    page.table.selectRow(page.model.row_of(record_id))
    page.table.setFocus()
    return window


def _ctrl_p(qtbot, window, drive) -> None:
    from PySide6.QtCore import Qt

    from tests.desktop.modal import answer_dialog

    def on_dialog(dialog) -> None:
        assert isinstance(dialog, PrepareBriefingDialog)
        _wait_for_preview(qtbot, dialog)
        drive(dialog)

    answer_dialog(
        lambda: qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier),
        on_dialog,
    )


def test_a_meeting_with_several_organizations_is_briefed_on_its_partner_with_a_choice(qtbot, desk):
    from tests.desktop.unoct import enter_unoct_and_the_visit

    entered = enter_unoct_and_the_visit(desk.store)
    window = _window_on(qtbot, desk, "consultation", entered.visit)
    seen: dict[str, object] = {}

    def drive(dialog) -> None:
        choice = dialog.partner
        seen["offered"] = [choice.itemText(i) for i in range(choice.count())]
        seen["first"] = (dialog.partner_id, _words(dialog))
        choice.setCurrentIndex(choice.findData(entered.united_nations))
        seen["then"] = (
            dialog.partner_id,
            _wait_for_preview(qtbot, dialog, lambda text: "BRIEFING NOTE United Nations " in text),
        )

    _ctrl_p(qtbot, window, drive)
    # UNOCT, the partner with an agreement, not "United Nations", first of the alphabet.
    assert seen["offered"] == [
        "United Nations Office of Counter-Terrorism (UNOCT)",
        "United Nations",
    ]
    partner, text = seen["first"]
    assert partner == entered.unoct
    assert "BRIEFING NOTE United Nations Office of Counter-Terrorism (UNOCT)" in text
    assert "WCO visit to United Nations Headquarters" in text
    partner, text = seen["then"]
    assert partner == entered.united_nations
    assert "WCO visit to United Nations Headquarters" in text


def test_ctrl_p_on_an_agreement_briefs_on_its_partner(qtbot, desk):
    from tests.desktop.unoct import enter_unoct_and_the_visit

    entered = enter_unoct_and_the_visit(desk.store)
    window = _window_on(qtbot, desk, "agreement", entered.arrangement)
    seen: list[tuple[str, bool]] = []

    def drive(dialog) -> None:
        seen.append((dialog.partner_id, dialog.partner.isVisible()))

    _ctrl_p(qtbot, window, drive)
    assert seen == [(entered.unoct, False)]  # our own organization is not offered


def test_the_footer_names_the_officer_and_never_the_login(qtbot, desk):
    import getpass

    from tests.desktop.unoct import enter_unoct_and_the_visit

    entered = enter_unoct_and_the_visit(desk.store)
    opened = PrepareBriefingDialog(desk, entered.unoct)
    qtbot.addWidget(opened)
    text = _wait_for_preview(qtbot, opened)
    assert opened.prepared_by.text() == ""
    assert f"by {getpass.getuser()}" not in text
    assert "Generated on" in text
    opened.prepared_by.setFocus()
    type_text(qtbot, opened.prepared_by, "Amina Diallo")
    _wait_for_preview(qtbot, opened, lambda t: "by Amina Diallo — page 1 of 1" in t)

    desk.set_officer_name("Jean Dupont")
    again = PrepareBriefingDialog(desk, entered.unoct, entered.visit)
    qtbot.addWidget(again)
    assert again.prepared_by.text() == "Jean Dupont"
    _wait_for_preview(qtbot, again, lambda t: "by Jean Dupont — page" in t)


def test_the_preview_names_characters_that_will_print_as_boxes(qtbot, dialog):
    assert "empty boxes" not in dialog.preview_status.text()
    dialog.talking_points.setFocus()
    # Korean and Thai have bundled fonts; Devanagari has none (ReportLab would misspell it).
    dialog.talking_points.setPlainText("대한민국 กรมศุลกากร हि")
    _wait_for_preview(qtbot, dialog, lambda t: "대한민국" in t)
    status = dialog.preview_status.text()
    assert "These characters have no font and will print as empty boxes: ह ि" in status
    assert "glyph" not in status  # the command line's English sentence is not repeated
    assert dialog.print_button.isEnabled()  # the officer may still print
