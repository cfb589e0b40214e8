"""``partnerdesk import FILE.csv|FILE.xlsx --kind KIND`` and ``partnerdesk export FILE.xlsx|.csv|.ics``
as an officer or a script runs them: a refused file names each bad row, nothing is half
imported, and the format follows the file's extension."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tests.desktop.test_cli import partnerdesk

PARTNERS = (
    "name;acronym;kind;country;city;notes\r\n"
    'Organisation internationale de la Francophonie;OIF;intergovernmental_organization;FR;Paris;"Partenaire; actif"\r\n'
    "Direction générale des douanes et droits indirects;DGDDI;national_administration;FR;Montreuil;\r\n"
    "Agence des services frontaliers du Canada;ASFC;national_administration;XX;Montréal;\r\n"
    "Université de Genève;UNIGE;Academia / research;CH;Genève;\r\n"
)


def exported(db: Path, tmp_path: Path) -> dict:
    out = tmp_path / "snapshot.json"
    result = partnerdesk("--db", str(db), "export", str(out), home=tmp_path)
    assert result.returncode == 0, result.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    doc.pop("exported_at")
    return doc


def test_a_spreadsheet_with_bad_rows_is_refused_line_by_line_then_comes_in_fixed(tmp_path):
    db = tmp_path / "X.sqlite"
    first = tmp_path / "first.csv"
    first.write_bytes(b"name,kind\r\nInterpol,intergovernmental_organization\r\n")
    assert (
        partnerdesk(
            "--db", str(db), "import", str(first), "--kind", "organizations", home=tmp_path
        ).returncode
        == 0
    )
    before = exported(db, tmp_path)
    sheet = tmp_path / "partenaires.csv"
    bad = PARTNERS.replace("national_administration;FR", "administration fédérale;FR")
    sheet.write_bytes(bad.encode("cp1252"))  # Windows-1252, as Excel saves CSV in Europe

    result = partnerdesk(
        "import", str(sheet), "--kind", "organizations", "--db", str(db), home=tmp_path
    )

    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0] == "partnerdesk: nothing was imported: 2 problems."
    assert lines[1].startswith(
        "  - row 3, column kind: Kind “administration fédérale” is not one of:"
    )
    assert lines[2] == (
        "  - row 4, column country: Country “XX” is not an ISO 3166 country code "
        "(for example BE, CH, ZM)."
    )
    assert len(lines) == 3 and "Traceback" not in result.stderr
    assert exported(db, tmp_path) == before

    sheet.write_bytes(PARTNERS.replace(";XX;", ";CA;").encode("cp1252"))
    result = partnerdesk(
        "import", str(sheet), "--kind", "organizations", "--db", str(db), home=tmp_path
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Imported partenaires.csv: 4 added, 0 updated, 0 unchanged."
    names = {o["name"]: o for o in exported(db, tmp_path)["organizations"]}
    assert names["Université de Genève"]["kind"] == "academia"
    assert names["Agence des services frontaliers du Canada"]["city"] == "Montréal"


def test_contacts_from_an_xlsx_and_a_note_for_columns_left_out(tmp_path):
    db = tmp_path / "X.sqlite"
    orgs = tmp_path / "orgs.csv"
    orgs.write_text(
        "name,acronym,kind\nWorld Customs Organization,WCO,intergovernmental_organization\n"
    )
    assert (
        partnerdesk(
            "--db", str(db), "import", str(orgs), "--kind", "organizations", home=tmp_path
        ).returncode
        == 0
    )
    workbook = Workbook()
    workbook.active.append(["name", "organization_id", "email", "Shoe size"])
    workbook.active.append(["Élodie Marchand", "WCO", "elodie@example.org", 38])
    workbook.save(tmp_path / "Contacts.XLSX")

    result = partnerdesk(
        "--db",
        str(db),
        "import",
        str(tmp_path / "Contacts.XLSX"),
        "--kind",
        "contacts",
        home=tmp_path,
    )

    assert result.returncode == 0, result.stderr
    assert "1 added" in result.stdout
    assert "column “Shoe size” matches no field of contacts and was not imported" in result.stderr
    [contact] = exported(db, tmp_path)["contacts"]
    assert contact["name"] == "Élodie Marchand" and contact["email"] == "elodie@example.org"
    out = tmp_path / "Contacts.csv"
    listed = partnerdesk("--db", str(db), "export", str(out), "--kind", "contacts", home=tmp_path)
    assert listed.stdout.strip() == f"Exported 1 contact to {out}."  # not "1 contacts"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (
            ("import", "partners.csv"),
            "say what the spreadsheet holds with --kind organizations|contacts",
        ),
        (
            ("import", "partners.numbers", "--kind", "organizations"),
            "Save it as an Excel workbook (.xlsx) or as CSV",
        ),
        (("import", "missing.xlsx", "--kind", "contacts"), "There is no file"),
        (("export", "out.csv"), "a CSV file holds one kind of record: add --kind"),
        (("export", "out.json", "--kind", "contacts"), "--kind is for .csv and .xlsx files"),
        (("export", "out.pdf"), "name a .json, .xlsx or .ics file"),
        (("export", "nowhere/out.xlsx"), "There is no folder"),
    ],
)
def test_spreadsheet_command_failures_give_one_plain_line(tmp_path, args, words):
    result = partnerdesk("--db", str(tmp_path / "none.sqlite"), *args, home=tmp_path)
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert words in result.stderr and "Traceback" not in result.stderr


def test_a_malformed_spreadsheet_is_refused_with_the_store_unchanged(tmp_path):
    db = tmp_path / "X.sqlite"
    assert partnerdesk("--db", str(db), "sample", home=tmp_path).returncode == 0
    before = exported(db, tmp_path)
    broken = tmp_path / "partners.xlsx"
    broken.write_bytes(b"PK\x03\x04 this is not a workbook")

    result = partnerdesk(
        "--db", str(db), "import", str(broken), "--kind", "organizations", home=tmp_path
    )

    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "partnerdesk: nothing was imported: 1 problem.",
        "  - file: partners.xlsx cannot be read as an Excel workbook (.xlsx): it is damaged or "
        "is another kind of file.",
    ]
    assert exported(db, tmp_path) == before


def test_export_follows_the_extension(tmp_path):
    db = tmp_path / "X.sqlite"
    assert partnerdesk("--db", str(db), "sample", home=tmp_path).returncode == 0

    whole = partnerdesk("--db", str(db), "export", str(tmp_path / "Store.XLSX"), home=tmp_path)
    assert whole.returncode == 0, whole.stderr
    workbook = load_workbook(tmp_path / "Store.XLSX")
    assert workbook.sheetnames[:4] == ["organizations", "contacts", "thematic_areas", "agreements"]
    assert workbook["agreements"].max_row == 5  # two header rows, the three sample instruments

    listed = partnerdesk(
        "--db", str(db), "export", str(tmp_path / "a.csv"), "--kind", "agreements", home=tmp_path
    )
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.strip() == f"Exported 3 agreements to {tmp_path / 'a.csv'}."
    text = (tmp_path / "a.csv").read_bytes().decode("utf-8-sig")
    lines = io.StringIO(text, newline="")
    assert next(csv.reader(lines))[:2] == ["Reference code", "Title"]  # the officer's words
    rows = list(csv.DictReader(lines))  # under them, the field names
    assert {r["reference"] for r in rows} >= {"WCO/IOM/MOU/2018"}
    mou = next(r for r in rows if r["reference"] == "WCO/IOM/MOU/2018")
    assert mou["signed_on"] == "2018-05-07; 2018-05-08"

    one_kind = tmp_path / "activities.xlsx"
    result = partnerdesk(
        "--db", str(db), "export", str(one_kind), "--kind", "activities", home=tmp_path
    )
    assert result.returncode == 0 and load_workbook(one_kind).sheetnames == ["activities"]


def test_export_to_ics_writes_a_calendar(tmp_path):
    db = tmp_path / "X.sqlite"
    assert partnerdesk("--db", str(db), "sample", home=tmp_path).returncode == 0
    result = partnerdesk("--db", str(db), "export", str(tmp_path / "meetings.ICS"), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "meetings.ICS").read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


def test_spreadsheet_commands_do_not_load_qt(tmp_path):
    sheet = tmp_path / "p.csv"
    sheet.write_text("name,kind\nInterpol,other\n")
    db = str(tmp_path / "q.sqlite")
    code = (
        "import sys; from desktop.cli import main; "
        f"a = main(['--db', {db!r}, 'import', {str(sheet)!r}, '--kind', 'organizations']); "
        f"b = main(['--db', {db!r}, 'export', {str(tmp_path / 'o.xlsx')!r}]); "
        f"c = main(['--db', {db!r}, 'export', {str(tmp_path / 'o.csv')!r}, '--kind', 'organizations']); "
        "loaded = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))); "
        "print(a, b, c, loaded)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.stdout.strip().endswith("0 0 0 []"), result.stdout + result.stderr
