"""PartnerDesk in French, as an officer who chose French reads it: the pages, the menus, the list
columns and dates, and the rules' messages next to the fields; every string of the code has a
French translation, compiled; and the command line keeps speaking English."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QToolButton

import db.i18n
from db.errors import DamagedStoreError, StorageError, ValidationError
from db.records import services
from db.store.backups import problem_with_backup
from db.store.engine import Store
from db.store.lock import StoreInUseError, StoreLock
from db.store.recovery import restore_backup
from db.store.schema_check import described
from desktop import i18n
from desktop.drafts import Drafts
from desktop.main_window import MainWindow
from desktop.settings import Options
from desktop.views.list_page import RecordListPage
from desktop.widgets import file_dialogs
from desktop.widgets.pickers import CountryPicker
from tests.desktop.typing import type_text

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "partnerdesk_fr.ts"
QM = ROOT / "resources" / "translations" / "partnerdesk_fr.qm"
# English's plural forms ("1 contact", "2 contacts"): the messages with %n only
TS_EN = ROOT / "resources" / "translations" / "partnerdesk_en.ts"
BIN = Path(sys.executable).parent
RUN_THE_SCRIPT = "run scripts/update-translations, then translate the new entries in the .ts"


def open_window(qtbot, desk) -> MainWindow:
    window = MainWindow(desk, Options(), Drafts(desk.store.path))
    qtbot.addWidget(window)
    window.resize(1400, 860)
    window.show()
    return window


def open_list(qtbot, window: MainWindow, kind: str) -> RecordListPage:
    page = window.list_pages[kind]
    with qtbot.waitSignal(page.model.refreshed, timeout=5000):
        window.show_page(kind)
    return page


def accelerator(text: str) -> str:
    at = text.find("&")
    return text[at + 1].casefold() if 0 <= at < len(text) - 1 else ""


# -- the window ------------------------------------------------------------------------------------
def test_the_pages_and_menus_are_in_french(qtbot, sample_desk, french):
    window = open_window(qtbot, sample_desk)
    pages = [window.nav.item(row).text() for row in range(window.nav.count())]
    assert pages == [
        "Tableau de bord",
        "Partenaires",
        "Contacts",
        "Accords",
        "Consultations",
        "Activités conjointes",
        "Suivis",
        "Domaines thématiques",
        "Couverture",
        "Portefeuille",
        "Conflits",
    ]
    menus = [action.menu() for action in window.menuBar().actions()]
    assert [menu.title() for menu in menus] == ["&Fichier", "É&dition", "A&ller", "&Aide"]
    file_menu = [a.text() for a in menus[0].actions() if a.text()]
    assert file_menu[:2] == ["&Nouveau", "&Enregistrer"]
    edit_menu = [a.text() for a in menus[1].actions() if a.text()]
    assert edit_menu[:2] == ["&Annuler", "&Rétablir"]
    for menu in [window.menuBar(), *menus]:
        keys = [accelerator(a.text()) for a in menu.actions() if accelerator(a.text())]
        repeated = [key for key, n in Counter(keys).items() if n > 1]
        assert not repeated, f"{menu.title() or 'menu bar'}: & on the same letter: {repeated}"
    assert window.search_box.placeholderText() == "Tout rechercher (Ctrl+K)"


def test_a_list_has_french_columns_values_and_dates(qtbot, sample_desk, french):
    window = open_window(qtbot, sample_desk)
    page = open_list(qtbot, window, "follow_up")
    model = page.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:4] == ["Échéance", "Action", "Qui", "Statut"]
    rows = range(model.rowCount())
    assert {"En cours", "Abandonné"} <= {model.index(r, 3).data() for r in rows}
    assert page.count_label.text() == "10 suivis"
    # A follow-up of the sample partnerships is due on 30 April 2025.
    due = QDate(2025, 4, 30)
    in_french = i18n.chosen_locale("fr").toString(due, QLocale.FormatType.ShortFormat)
    # (English as in the US: English as in the UK writes short dates as French does.)
    us = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    in_english = us.toString(due, QLocale.FormatType.ShortFormat)
    assert in_french != in_english
    assert QLocale().language() == QLocale.Language.French
    assert in_french in {model.index(r, 0).data() for r in rows}


def test_an_editor_refuses_a_bad_email_in_french_next_to_the_field(qtbot, desk, french):
    window = open_window(qtbot, desk)
    page = open_list(qtbot, window, "contact")
    page.new_record()
    assert page.editor.heading.text() == "Nouvelle fiche\u00a0: contact"
    for field, text in (("name", "Jeanne Dupont"), ("email", "jeanne.dupont(at)example.org")):
        widget = page.editor.inputs[field].widget
        widget.setFocus()
        type_text(qtbot, widget, text)
    message = page.editor.messages["email"]
    qtbot.waitUntil(message.isVisible, timeout=3000)
    assert message.text() == (
        "Courriel\u00a0: «\u00a0jeanne.dupont(at)example.org\u00a0» ne ressemble pas à une "
        "adresse électronique (nom@exemple.org)."
    )
    assert not page.editor.save_button.isEnabled()
    assert page.editor.save_button.text() == "Enregistrer"
    page.editor.discard()  # closing the window would otherwise ask whether to save


def test_the_language_changes_at_once_and_keeps_what_is_being_typed(qtbot, sample_desk, qapp):
    from PySide6.QtWidgets import QInputDialog

    from tests.desktop.modal import answer_dialog

    window = open_window(qtbot, sample_desk)  # in English
    page = open_list(qtbot, window, "organization")
    page.table.selectRow(0)
    selected = page.current_id()
    page.new_record()
    name = page.editor.inputs["name"].widget
    name.setFocus()
    type_text(qtbot, name, "Bureau de la coordination des affaires humanitaires")

    def choose_french(dialog) -> None:
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("Français")
        dialog.accept()

    try:
        answer_dialog(window.on_language, choose_french)
        qtbot.waitUntil(lambda: window.nav.item(1).text() == "Partenaires", timeout=5000)
        assert [m.title() for m in (a.menu() for a in window.menuBar().actions())][0] == (
            "&Fichier"
        )
        assert window.search_box.placeholderText() == "Tout rechercher (Ctrl+K)"
        page = window.list_pages["organization"]
        assert window.current_key() == "organization"
        assert page.editing()  # the editor is open again, with what was typed, not saved
        assert page.editor.inputs["name"].get() == (
            "Bureau de la coordination des affaires humanitaires"
        )
        assert page.editor.is_dirty()
        assert page.editor.heading.text() == "Nouvelle fiche\u00a0: partenaire"
        assert page.editor.save_button.text() == "Enregistrer"
        page.editor.discard()
        page.editor.request_close()
        qtbot.waitUntil(lambda: page.current_id() == selected, timeout=5000)
    finally:
        i18n.install_translators(qapp, "en")
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    qtbot.waitUntil(lambda: window.nav.item(1).text() == "Partners", timeout=5000)


def test_at_1180_pixels_the_pages_names_and_the_search_box_are_whole(qtbot, sample_desk, french):
    window = MainWindow(sample_desk, Options(), Drafts(sample_desk.store.path))
    qtbot.addWidget(window)
    window.resize(1180, 800)
    window.show()
    qtbot.waitExposed(window)
    assert window.width() == 1180  # no page makes the window wider than the laptop's screen
    for key in window.page_keys:  # the thematic page's buttons were the widest
        window.show_page(key)
        assert window.width() == 1180, key
    window.show_page("consultation")
    nav = window.nav
    widest = max(
        nav.fontMetrics().horizontalAdvance(nav.item(r).text()) for r in range(nav.count())
    )
    assert nav.viewport().width() >= widest + nav.iconSize().width()  # "Activités conjointes"
    box = window.search_box
    assert box.isVisible()
    inside = box.mapTo(window.toolbar, box.rect().topRight())
    assert window.toolbar.rect().contains(inside)
    overflow = window.toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert overflow is None or not overflow.isVisible()
    # Wide enough again, the buttons say their names.
    window.resize(1900, 800)
    assert window.toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon


def test_no_english_is_left_where_an_officer_looks(qtbot, sample_desk, french):
    window = open_window(qtbot, sample_desk)
    page = open_list(qtbot, window, "consultation")
    shown = page.detail.browser.toPlainText()
    assert shown.startswith("Sélectionnez une fiche")  # not "Select a record…"
    assert page.filters.date_from.line.placeholderText() == "AAAA-MM-JJ"
    page.new_record()
    assert page.editor.inputs["starts_at"].widget.line.placeholderText() == "AAAA-MM-JJ HH:MM"
    participants = page.editor.inputs["participants"]
    assert participants.add_button.text() == "Ajouter participant"  # not "Add participant"
    assert participants.remove_button.text() == "Retirer"
    page.editor.request_close()


def test_the_rules_of_db_speak_french_in_the_window(store, french):
    with pytest.raises(ValidationError) as refused:
        services.save(
            store,
            "activity",
            {
                "title": "Atelier",
                "kind": "workshop",
                "start_on": "2027-03-10",
                "end_on": "2027-03-08",
                "participants_total": 20,
                "participants_women": 12,
                "participants_men": 11,
            },
        )
    text = str(refused.value)
    assert text.startswith("Rien n'a été enregistré (2 problèmes)\u00a0: ")
    assert "La date de fin (2027-03-08) est antérieure à la date de début (2027-03-10)." in text
    assert "Le nombre de femmes (12) et d'hommes (11) dépasse le total (20)." in text


def test_storage_lock_backup_and_recovery_messages_speak_french_in_the_window(
    store, french, tmp_path
):
    missing = tmp_path / "nowhere.sqlite"
    with pytest.raises(StorageError) as refused:
        Store.open(missing, create=False)
    assert str(refused.value) == f"Il n’y a pas de base PartnerDesk à l’emplacement {missing}."

    noise = tmp_path / "noise.sqlite"
    noise.write_bytes(b"not a database at all" * 20)
    with pytest.raises(DamagedStoreError) as damaged:
        Store.open(noise)
    assert str(damaged.value).startswith(f"La base {noise} ne peut pas être ouverte\u00a0: ")
    assert "ce n’est pas une base de données SQLite" in str(damaged.value)
    assert problem_with_backup(noise) == "ce n’est pas une base de données SQLite"

    with pytest.raises(StorageError) as itself:
        restore_backup(store.path, store.path)
    assert "choisissez un fichier de sauvegarde" in str(itself.value)

    held = StoreLock(tmp_path / "held.sqlite")
    held.acquire()
    try:
        with pytest.raises(StoreInUseError) as in_use:
            StoreLock(tmp_path / "held.sqlite").acquire()
    finally:
        held.release()
    assert "est ouverte ailleurs, par " in str(in_use.value)


def test_a_count_in_a_storage_message_takes_french_plural_forms(french):
    assert described(["a", "b", "c", "d"]).endswith("; et 1 autre")
    assert described(["a", "b", "c", "d", "e"]).endswith("; et 2 autres")


def test_the_command_line_says_the_same_in_english():
    assert described(["a", "b", "c", "d"]).endswith("; and 1 more")
    assert described(["a", "b", "c", "d", "e"]).endswith("; and 2 more")


# -- the translation files --------------------------------------------------------------------------
def messages(ts: Path) -> list[tuple[str, ET.Element]]:
    return [
        (context.findtext("name"), message)
        for context in ET.parse(ts).getroot().iter("context")
        for message in context.iter("message")
    ]


def translations(message: ET.Element) -> list[str]:
    """A message's translation, or each of its plural forms."""
    translation = message.find("translation")
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


@pytest.mark.parametrize("ts", [TS, TS_EN], ids=["fr", "en plural forms"])
def test_every_message_has_a_translation(ts):
    found = messages(ts)
    assert len(found) > (400 if ts == TS else 10)
    untranslated = [
        f"{context}: {message.findtext('source')!r}"
        for context, message in found
        if message.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
        or not all(text.strip() for text in translations(message))
    ]
    assert not untranslated, f"Untranslated in {ts.name}: {untranslated[:20]}"


@pytest.mark.parametrize("ts", [TS, TS_EN], ids=["fr", "en plural forms"])
def test_the_translations_follow_the_code_and_are_compiled(tmp_path, ts):
    """A string added to the code without running scripts/update-translations fails here."""
    sources = sorted(
        str(path.relative_to(ROOT))
        for path in [*ROOT.glob("desktop/**/*.py"), *ROOT.glob("db/**/*.py")]
        if "briefing" not in path.parts and "migrations" not in path.parts
    )
    fresh = tmp_path / "fresh.ts"
    only = ["-pluralonly"] if ts == TS_EN else []
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), *sources, "-ts", str(fresh), *only, "-no-obsolete",
         "-locations", "none", "-silent"],
        cwd=ROOT, check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    in_code = {(context, m.findtext("source")) for context, m in messages(fresh)}
    in_ts = {(context, m.findtext("source")) for context, m in messages(ts)}
    assert in_code - in_ts == set(), f"New strings not in {ts.name}: {RUN_THE_SCRIPT}."
    assert in_ts - in_code == set(), f"Strings gone from the code: {RUN_THE_SCRIPT}."
    compiled = tmp_path / "fresh.qm"
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(compiled), "-silent"],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    qm = ts.with_suffix(".qm")
    assert compiled.read_bytes() == qm.read_bytes(), f"{qm.name} is older than {ts.name}: " + (
        "run scripts/update-translations."
    )


def test_placeholders_survive_translation():
    def placeholders(text: str) -> list[str]:
        return sorted(re.findall(r"%\d|\{\w*\}", text or ""))

    wrong = [
        (context, m.findtext("source"), text)
        for context, m in messages(TS)
        for text in translations(m)
        if placeholders(m.findtext("source")) != placeholders(text)
    ]
    assert not wrong


# -- the command line ------------------------------------------------------------------------------
def test_db_messages_are_english_again_once_the_window_is_back_to_english(store, qapp, french):
    i18n.install_translators(qapp, "en")
    with pytest.raises(ValidationError) as refused:
        services.save(store, "contact", {"name": "Jeanne Dupont", "email": "jeanne.dupont"})
    assert str(refused.value) == (
        "Nothing was saved (1 problem): email: "
        "Email “jeanne.dupont” does not look like an email address (name@example.org)."
    )
    assert db.i18n.translate("rules", "{field} is required.") == "{field} is required."


def test_the_command_line_speaks_english_even_on_a_french_system(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "format": "partnerdesk",
                "version": 1,
                "contacts": [
                    {"id": "6a1c9c0e-2f0a-4c55-9b1e-3f7f1e2c0a11", "name": "X", "email": "x"}
                ],
            }
        )
    )
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}
    env.update(LANG="fr_FR.UTF-8", LC_ALL="fr_FR.UTF-8", LANGUAGE="fr")
    refused = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "import", str(bad), "--db", str(tmp_path / "x.db")],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert refused.returncode == 1
    assert "Email “x” does not look like an email address" in refused.stderr


def test_a_session_without_a_locale_reads_dates_and_numbers_in_english_uk(tmp_path):
    """LANG=C.UTF-8 (a bare service account): Qt's C locale would write "15 01 2009" and "5752"."""
    probe = (
        "from PySide6.QtCore import QDate, QLocale\n"
        "from desktop.app import make_application\n"
        "from desktop.i18n import install_translators\n"
        "app = make_application()\n"
        "install_translators(app, 'system')\n"
        "print(QLocale().toString(QDate(2009, 1, 15), QLocale.FormatType.ShortFormat),"
        " QLocale().toString(5752))\n"
    )
    env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}
    env.pop("LANGUAGE", None)
    shown = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120
    )
    assert shown.stdout.split() == ["15/01/2009", "5,752"], shown.stderr


def test_a_french_window_prepares_the_briefing_in_french(qtbot, sample_desk, french):
    from db.queries import listing
    from desktop.dialogs.prepare_briefing import PrepareBriefingDialog

    iom = next(
        i for i, label in sample_desk.read(listing.options, "organization") if "(IOM)" in label
    )
    dialog = PrepareBriefingDialog(sample_desk, iom)
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "fr"
    qtbot.waitUntil(lambda: dialog.preview_pages > 0, timeout=30_000)
    assert "Cadre de la coopération" in dialog.preview_text()


def test_the_words_for_choices_are_the_windows_in_both_languages():
    """db/schema/words.py (exports, imports, the briefing) and desktop/labels.py with its French
    translation (the window) call every enumeration value the same."""
    from db.schema.words import CHOICE_WORDS
    from desktop.labels import CHOICES

    french = {
        m.findtext("source"): m.findtext("translation")
        for context, m in messages(TS)
        if context == "choices"
    }
    for value, english in CHOICES.items():
        assert CHOICE_WORDS["en"][value] == english, value
        assert CHOICE_WORDS["fr"][value] == french[english], value


def test_the_country_picker_names_countries_in_french(qtbot, french):
    picker = CountryPicker()
    qtbot.addWidget(picker)
    shown = [picker.itemText(row) for row in range(1, picker.count())]
    assert "Allemagne (DE)" in shown and "République démocratique du Congo (CD)" in shown
    assert shown.index("Égypte (EG)") < shown.index("Espagne (ES)") < shown.index("Finlande (FI)")
    for typed, code in (("Allemagne", "DE"), ("Germany", "DE"), ("Russia", "RU"), ("UK", "GB")):
        picker.setEditText(typed)
        assert picker.value() == code, typed


# -- French typography and Qt's own words --------------------------------------------------------
NO_BREAK_SPACES = "\u00a0\u202f"
# A colon, semicolon, question or exclamation mark that ends a clause (followed by a space, the
# end, or a closing mark) — not the colon inside a time ("14:30", "AAAA-MM-JJTHH:MM").
TWO_PART_PUNCTUATION = re.compile(r"(.)([:;?!])(?=\s|$|[»)”\"<.,])", re.S)


def missing_no_break_space(text: str) -> list[str]:
    """Where French wants a no-break space before : ; ? ! and has none."""
    return [
        text[max(0, found.start() - 20) : found.end()]
        for found in TWO_PART_PUNCTUATION.finditer(text)
        if found.group(1) not in NO_BREAK_SPACES
    ]


def test_the_typography_check_finds_a_missing_space_and_spares_times():
    for wrong in ("Pays: France", "Archiver ?", "Attention !", "Fichier; dossier"):
        assert missing_no_break_space(wrong), wrong
    assert not missing_no_break_space(
        "Pays\u00a0: France\u00a0; à 14:30, écrite AAAA-MM-JJTHH:MM. Archiver\u00a0? Oui\u202f!"
    )


def test_every_french_translation_has_a_no_break_space_before_two_part_punctuation():
    wrong = [
        (context, message.findtext("source"), where)
        for context, message in messages(TS)
        for text in translations(message)
        for where in missing_no_break_space(text)
    ]
    assert not wrong, wrong[:10]


def test_qts_own_dialogs_speak_french(qtbot, french):
    # Qt's catalogue, loaded; and the words Qt 6 changed, which it lacks, from PartnerDesk's
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "Voir dans\u00a0:"
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "&Voir dans\u00a0:"
    dialog = file_dialogs.file_dialog(None, "Joindre des fichiers")
    qtbot.addWidget(dialog)
    dialog.show()
    look_in = dialog.findChild(QLabel, "lookInLabel").text()
    types = dialog.findChild(QLabel, "fileTypeLabel").text()
    assert (look_in, types) == ("&Voir dans\u00a0:", "Fichiers de &type\u00a0:")
    assert not missing_no_break_space(look_in + " " + types)
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuler"
    dialog.reject()


def test_an_activity_reads_in_french_countries_areas_and_filters(qtbot, sample_desk, french):
    window = open_window(qtbot, sample_desk)
    page = open_list(qtbot, window, "activity")
    filters = page.filters
    assert filters.status.currentText() == "Tous les statuts"  # not « Tout statut »
    assert filters.kind_combo.currentText() == "Tous les types"
    assert filters.year.currentText() == "Toutes les années"
    assert filters.area.currentText() == "Tous les domaines thématiques"
    assert filters.partner.lineEdit().placeholderText() == "Tous les partenaires"
    areas_offered = [filters.area.itemText(i).strip() for i in range(filters.area.count())]
    assert "CB.EVT  Conférences, séminaires et ateliers" in areas_offered
    model = page.model
    title = [c.key for c in model.spec.columns].index("title")
    [row] = [r for r in range(model.rowCount()) if model.index(r, title).data().startswith("ICMPD")]
    page.table.selectRow(row)
    qtbot.waitUntil(lambda: page.detail.shown is not None)
    shown = page.detail.browser.toPlainText()
    assert "Pays\nAutriche" in shown.replace("\t", "\n")  # not "AT"
    assert "Albanie, Bosnie-Herzégovine" in shown  # beneficiary countries, by name
    assert "CB.EVT Conférences, séminaires et ateliers" in shown
    page.edit_current()
    heading = page.editor.heading.text()
    assert heading.startswith("Activité conjointe\u00a0: ICMPD–WCO")  # French colon
    areas = page.editor.inputs["thematic_area_ids"].items
    assert "CB.EVT  Conférences, séminaires et ateliers" in {i.text() for i in areas.by_id.values()}
    assert page.editor.inputs["country"].widget.currentText() == "Autriche (AT)"
    page.editor.request_close()
    record_id = model.id_at(row)
    record = sample_desk.get("activity", record_id)
    sample_desk.save("activity", {**record, "country": "KE"})  # moved to Nairobi
    qtbot.waitUntil(lambda: "Autriche → Kenya" in page.detail.browser.toPlainText())
