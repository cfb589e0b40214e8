"""An organizer's registration sheet read into an activity's participant list: the words
organizers write for sex, role and attendance, countries by name in English or French,
organizations matched to partners or kept as typed, the same person named twice, and rows with
a problem left out (named by row and column) while the others come in."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from db.errors import FileRefused
from db.exchange.spreadsheets import RegistrationImport, open_table
from db.exchange.spreadsheets.mapping import remember_mapping
from db.exchange.spreadsheets.registration import attended_of, role_of, sex_of
from db.records import services
from tests import builders


def sheet(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def read(store, path: Path, listed=(), mapping=None):
    return RegistrationImport(store, open_table(path), mapping, listed).read()


@pytest.mark.parametrize(
    ("written", "sex"),
    [
        ("F", "woman"), ("f.", "woman"), ("Woman", "woman"), ("female", "woman"),
        ("Femme", "woman"), ("féminin", "woman"), ("Mrs", "woman"), ("Mme", "woman"),
        ("M", "man"), ("male", "man"), ("Homme", "man"), ("H", "man"), ("MAN", "man"),
        ("", "not_recorded"), (None, "not_recorded"), ("Prefer not to say", "not_recorded"),
        ("n/a", "not_recorded"), ("Autre", "not_recorded"),
    ],
)  # fmt: skip
def test_the_words_organizers_write_for_sex(written, sex):
    assert sex_of(written) == sex


def test_roles_and_attendance_in_english_and_french():
    assert [role_of(w) for w in ("", "Speaker", "intervenante", "Trainer", "Délégué")] == [
        "participant",
        "speaker",
        "speaker",
        "expert",
        "participant",
    ]
    assert [attended_of(w) for w in ("yes", "Présent", "absent", "NON", "", True)] == [
        True,
        True,
        False,
        False,
        None,
        True,
    ]


def test_good_rows_come_in_and_bad_rows_are_named_by_row_and_column(store, tmp_path):
    iom, _ = builders.two_parties(store)
    path = sheet(
        tmp_path / "registrations.csv",
        "Nom;Prénom;Organisation;Pays;Sexe;Rôle;Présent;Courriel\r\n"
        "Kamau;Wanjiru;IOM;Kenya;F;Participant;oui;wanjiru@example.org\r\n"
        "Hassan;Yusuf Abdi;Kenya Revenue Authority;Ouganda;M;intervenant;oui;\r\n"
        "Ochieng;Amina;;Tanzanie;Femme;;non;amina@example\r\n"
        "Dupont;Claire;Douane française;Atlantis;Z;observateur;;\r\n"
        "Mwangi;Peter;IOM;KEN;male;expert;;peter@example.org\r\n",
    )
    found = read(store, path)

    assert [p["name"] for p in found.participants] == [
        "Wanjiru Kamau",
        "Yusuf Abdi Hassan",
        "Peter Mwangi",
    ]
    wanjiru, yusuf, peter = found.participants
    # A partner named by its acronym becomes that partner; another name is kept as typed.
    assert (wanjiru["organization_id"], wanjiru["organization_name"]) == (iom, None)
    assert (yusuf["organization_id"], yusuf["organization_name"]) == (
        None,
        "Kenya Revenue Authority",
    )
    assert [(p["country"], p["sex"], p["role"], p["attended"]) for p in found.participants] == [
        ("KE", "woman", "participant", True),
        ("UG", "man", "speaker", True),
        ("KE", "man", "expert", None),
    ]
    assert all(len(p["id"]) == 36 for p in found.participants)
    assert [(p.row, p.column) for p in found.problems] == [
        (4, "Courriel"),
        (5, "Pays"),
        (5, "Sexe"),
    ]
    assert "does not look like an email address" in found.problems[0].message
    assert "“Atlantis”" in found.problems[1].message
    assert "“Z” is not a sex" in found.problems[2].message
    assert str(found.problems[2]).startswith("row 5, column Sexe: ")
    assert found.rows_left_out == 2


def test_the_same_person_twice_in_the_sheet_or_already_listed_is_named_not_added(store, tmp_path):
    path = sheet(
        tmp_path / "registrations.csv",
        "Full name,E-mail,Gender\n"
        "Wanjiru Kamau,wanjiru@example.org,F\n"
        "Yusuf Abdi Hassan,yusuf@example.org,M\n"
        "WANJIRU  KAMAU,,F\n"
        "Amina Ochieng,YUSUF@example.org,F\n"
        "Grace Njeri,grace@example.org,F\n",
    )
    listed = [{"id": builders.new_id(), "name": "Grace Njeri", "email": None}]
    found = read(store, path, listed)

    assert [p["name"] for p in found.participants] == ["Wanjiru Kamau", "Yusuf Abdi Hassan"]
    assert [(p.row, p.column, p.message) for p in found.problems] == [
        (4, "Full name", "The same name as row 2: a person is listed once."),
        (5, "E-mail", "The same email as row 3: a person is listed once."),
        (6, "Full name", "“Grace Njeri” is already on the participant list."),
    ]


def test_an_xlsx_sheet_with_a_title_above_and_a_row_without_a_name(store, tmp_path):
    workbook = Workbook()
    rows = workbook.active
    rows.append(["Regional workshop, Nairobi — registrations"])
    rows.append(["Participant", "Country", "Sex", "Attended"])
    rows.append(["Wanjiru Kamau", "KE", "F", True])
    rows.append([None, "UG", "M", False])
    rows.append(["Jean Mukasa", "Rwanda", "Homme", False])
    workbook.save(tmp_path / "registrations.xlsx")
    found = read(store, tmp_path / "registrations.xlsx")

    assert [(p["name"], p["country"], p["attended"]) for p in found.participants] == [
        ("Wanjiru Kamau", "KE", True),
        ("Jean Mukasa", "RW", False),
    ]
    assert [(p.row, p.column) for p in found.problems] == [(4, "Participant")]


def test_a_sheet_without_names_is_refused_whole_and_a_chosen_mapping_is_remembered(store, tmp_path):
    path = sheet(tmp_path / "registrations.csv", "Who,Country\nWanjiru Kamau,KE\n")
    found = read(store, path)
    assert found.participants == [] and len(found.problems) == 1
    assert "names" in found.problems[0].message

    remember_mapping(store, "registration", ["Who", "Country"], ["name", "country"])
    found = read(store, path)
    assert [p["name"] for p in found.participants] == ["Wanjiru Kamau"]


def test_nothing_is_written_to_the_store(store, tmp_path):
    activity_id = services.save(store, "activity", builders.activity())
    before = services.get_exchange(store, "activity", activity_id)
    path = sheet(tmp_path / "registrations.csv", "Name\nWanjiru Kamau\n")
    assert len(read(store, path).participants) == 1
    assert services.get_exchange(store, "activity", activity_id) == before


def test_a_folder_is_refused_by_the_guard(store, tmp_path):
    (tmp_path / "registrations.csv").mkdir()
    with pytest.raises(FileRefused):
        open_table(tmp_path / "registrations.csv")
