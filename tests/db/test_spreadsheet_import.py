"""Spreadsheets officers keep, brought in: real CSV bytes (BOM, semicolons, CRLF, Latin-1) and
real XLSX files, every problem named by row and column, and nothing half-imported."""

from __future__ import annotations

import shutil
import subprocess
import time
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from db.errors import FileRefused
from db.exchange.document import export_document
from db.exchange.sample import load_sample
from db.exchange.spreadsheets import (
    Cancelled,
    RowProblem,
    SpreadsheetImport,
    SpreadsheetRefused,
    automatic_mapping,
    import_spreadsheet,
    open_table,
    remembered_mapping,
    suggested_mapping,
    write_workbook,
)
from db.records import services
from tests import builders

PARTNERS = (
    "name;acronym;kind;country;city;notes\r\n"
    "Organisation internationale de la Francophonie;OIF;intergovernmental_organization;FR;"
    'Paris;"Partenaire actif; MoU en négociation"\r\n'
    "Direction générale des douanes et droits indirects;DGDDI;national_administration;FR;"
    "Montreuil;Contrôles à l’importation\r\n"
    "Agence des services frontaliers du Canada;ASFC;national_administration;XX;Montréal;\r\n"
    "Université de Genève;UNIGE;academia;CH;Genève;Études migratoires\r\n"
)


def snapshot(store) -> dict:
    doc = export_document(store)
    doc.pop("exported_at")
    return doc


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def refused(store, path, kind: str, **options) -> list[RowProblem]:
    with pytest.raises(SpreadsheetRefused) as caught:
        import_spreadsheet(store, path, kind, **options)
    return caught.value.rows


def organizations(store) -> dict[str, dict]:
    return {o["name"]: o for o in snapshot(store)["organizations"]}


def xlsx(path: Path, rows: list[list], title: str = "Sheet") -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


# -- the officer's partner list -----------------------------------------------------------------------
def test_a_latin1_partner_list_with_one_bad_row_is_refused_whole_then_comes_in_fixed(
    store, tmp_path
):
    before = snapshot(store)
    path = write(tmp_path / "partenaires.csv", PARTNERS, "cp1252")
    assert "é".encode("cp1252") in path.read_bytes()  # real Windows-1252 bytes, not UTF-8

    problems = refused(store, path, "organizations")

    assert len(problems) == 1
    assert (problems[0].row, problems[0].column) == (4, "country")
    assert "“XX” is not an ISO 3166 country code" in problems[0].message
    assert str(problems[0]).startswith("row 4, column country: Country “XX”")
    assert snapshot(store) == before  # nothing half-imported

    write(path, PARTNERS.replace(";XX;", ";CA;"), "cp1252")
    result = import_spreadsheet(store, path, "organizations")

    assert (result.created, result.updated) == (4, 0)
    found = organizations(store)
    assert found["Agence des services frontaliers du Canada"]["city"] == "Montréal"
    assert found["Université de Genève"]["notes"] == "Études migratoires"
    oif = found["Organisation internationale de la Francophonie"]
    assert oif["notes"] == "Partenaire actif; MoU en négociation"  # a quoted ; stays in its cell
    assert oif["kind"] == "intergovernmental_organization" and oif["country"] == "FR"


def test_the_same_file_imported_twice_changes_nothing_the_second_time(store, tmp_path):
    path = write(tmp_path / "partners.csv", PARTNERS.replace(";XX;", ";CA;"))
    import_spreadsheet(store, path, "organizations")
    first = snapshot(store)

    again = import_spreadsheet(store, path, "organizations")

    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)
    assert snapshot(store) == first


def test_utf8_with_bom_commas_and_windows_line_breaks_inside_a_cell(store, tmp_path):
    text = (
        "\ufeffname,acronym,kind,mandate\r\n"
        'Organisation mondiale des douanes,OMD,intergovernmental organization,"Facilitation;\r\n'
        'sécurité, « recettes »"\r\n'
        "中国海关总署,GACC,National administration,\r\n"
        "\r\n"
        "الأمانة العامة,,Regional body,\r\n"
    )
    path = write(tmp_path / "bom.csv", text)
    table = open_table(path)
    assert table.header[0] == "name"  # the byte order mark is not part of the first header
    assert (table.encoding, table.delimiter) == ("utf-8-sig", ",")
    assert [n for n, _cells in table.rows] == [2, 3, 5]  # a blank row still counts

    import_spreadsheet(store, path, "organizations")

    found = organizations(store)
    assert found["Organisation mondiale des douanes"]["mandate"] == (
        "Facilitation;\nsécurité, « recettes »"
    )
    assert found["中国海关总署"]["kind"] == "national_administration"
    assert found["الأمانة العامة"]["kind"] == "regional_body"


def test_excel_unicode_text_utf16_with_tabs(store, tmp_path):
    path = tmp_path / "unicode.txt.csv"
    path.write_bytes("name\tkind\r\nÉlodie Ngo Forum\tngo\r\n".encode("utf-16"))

    import_spreadsheet(store, path, "organizations")

    assert "Élodie Ngo Forum" in organizations(store)


# -- XLSX -----------------------------------------------------------------------------------------------
def test_contacts_from_an_xlsx_with_date_cells_and_organizations_named_by_acronym(store, tmp_path):
    builders.two_parties(store)  # IOM and WCO
    path = xlsx(
        tmp_path / "focal points.xlsx",
        [
            ["Focal points 2026"],  # a title above the table
            [],
            ["Name", "Organization", "E-mail", "Languages", "Active from", "Phone", "Role"],
            [
                "Élodie Marchand",
                "WCO",
                "elodie@example.org",
                "fr, en",
                datetime(2021, 9, 1),
                41227179111,
                "Focal point",
            ],
            [
                "Kunio Mikuriya",
                "world customs organization",
                None,
                "English",
                "7 May 2018",
                None,
                "head",
            ],
        ],
    )

    result = import_spreadsheet(store, path, "contacts")

    assert result.created == 2
    contacts = {c["name"]: c for c in snapshot(store)["contacts"]}
    wco = organizations(store)["World Customs Organization"]["id"]
    elodie = contacts["Élodie Marchand"]
    assert elodie["organization_id"] == wco and elodie["role"] == "focal_point"
    assert elodie["active_from"] == "2021-09-01" and elodie["languages"] == ["en", "fr"]
    assert elodie["phone"] == "41227179111"  # a number cell, as text, without ".0"
    assert contacts["Kunio Mikuriya"]["active_from"] == "2018-05-07"
    assert contacts["Kunio Mikuriya"]["organization_id"] == wco


def test_problems_in_an_xlsx_name_the_rows_the_spreadsheet_shows(store, tmp_path):
    path = xlsx(
        tmp_path / "activities.xlsx",
        [
            [],
            ["title", "kind", "start_on", "end_on", "participants_total", "participants_women"],
            ["Workshop on risk", "workshop", date(2026, 5, 4), date(2026, 5, 1), 20, 5],
            ["Training", "training", date(2026, 6, 1), None, "twelve", None],
            ["Seminar", "seminar", 45000, None, 10, 12],
        ],
    )

    problems = refused(store, path, "activities")

    assert [(p.row, p.column) for p in problems] == [
        (3, "end_on"),
        (4, "participants_total"),
        (5, "start_on"),
        (5, "participants_total"),
    ]
    assert "End date (2026-05-01) is before start date (2026-05-04)." in problems[0].message
    assert "“twelve” is not a whole number" in problems[1].message
    assert "is a number, not a date" in problems[2].message
    assert "add up to more than the total (10)" in problems[3].message


def test_the_sheet_named_like_the_kind_is_read_from_a_workbook(store, tmp_path):
    workbook = Workbook()
    workbook.active.title = "Notes"
    workbook.active.append(["nothing to import here"])
    sheet = workbook.create_sheet("Organizations")
    sheet.append(["name", "kind"])
    sheet.append(["Interpol", "intergovernmental_organization"])
    workbook.save(tmp_path / "book.xlsx")

    import_spreadsheet(store, tmp_path / "book.xlsx", "organizations")

    assert "Interpol" in organizations(store)


@pytest.mark.skipif(
    not (shutil.which("soffice") or shutil.which("libreoffice")),
    reason="LibreOffice is not installed on this machine",
)
def test_an_xlsx_written_by_libreoffice(store, tmp_path):
    source = write(tmp_path / "lo.csv", "name,kind,country\nCentre Européen,ngo,BE\n")
    office = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run(
        [office, "--headless", "--convert-to", "xlsx", "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    import_spreadsheet(store, tmp_path / "lo.xlsx", "organizations")
    assert organizations(store)["Centre Européen"]["country"] == "BE"


# -- agreements and their parties -----------------------------------------------------------------------
AGREEMENTS_HEADER = (
    "reference;title;kind;status;parties;signatory_name;signed_on;signed_at;"
    "entry_into_force;notice_months;thematic_area_ids\r\n"
)


def test_agreements_with_parties_signatures_and_areas_lined_up_by_semicolons(store, tmp_path):
    builders.two_parties(store)
    path = write(
        tmp_path / "agreements.csv",
        AGREEMENTS_HEADER
        + "WCO/IOM/MOU/2018;Mémorandum d’accord;MoU;In force;"
        + '"IOM; World Customs Organization";"William Lacy Swing; Kunio Mikuriya";'
        + '"07/05/2018; 08/05/2018";"Geneva; Brussels";08/05/2018;6;"CB.TRN; BM"\r\n',
        "cp1252",
    )

    import_spreadsheet(store, path, "agreements")

    [agreement] = snapshot(store)["agreements"]
    assert agreement["title"] == "Mémorandum d’accord"
    assert agreement["kind"] == "memorandum_of_understanding" and agreement["status"] == "in_force"
    names = {o["id"]: o["acronym"] for o in snapshot(store)["organizations"]}
    assert [
        (names[p["organization_id"]], p["signatory_name"], p["signed_on"], p["signed_at"])
        for p in agreement["parties"]
    ] == [
        ("IOM", "William Lacy Swing", "2018-05-07", "Geneva"),
        ("WCO", "Kunio Mikuriya", "2018-05-08", "Brussels"),
    ]
    assert agreement["entry_into_force"] == "2018-05-08" and agreement["notice_months"] == 6
    assert len(agreement["thematic_area_ids"]) == 2


def test_agreement_rules_and_misaligned_part_columns_are_reported_by_cell(store, tmp_path):
    builders.two_parties(store)
    before = snapshot(store)
    path = write(
        tmp_path / "agreements.csv",
        AGREEMENTS_HEADER
        + "A/1;One party;mou;draft;IOM;Swing;;;;;\r\n"
        + 'A/2;Two parties;mou;draft;"IOM;WCO";Swing;"2018-05-07;2018-05-08";;2018-05-01;;\r\n'
        + 'A/3;Unknown party;mou;draft;"IOM;UNHCR";;;;;;\r\n'
        + 'A/4;Bad area;mou;draft;"IOM;WCO";;;;;;ZZ.NOPE\r\n',
    )

    problems = refused(store, path, "agreements")

    found = {(p.row, p.column): p.message for p in problems}
    assert set(found) == {
        (2, "parties"),
        (3, "signatory_name"),
        (3, "entry_into_force"),
        (4, "parties"),
        (5, "thematic_area_ids"),
    }
    assert found[2, "parties"] == "An agreement needs at least two parties (it has 1)."
    assert found[3, "signatory_name"].startswith("1 values for 2 parties")
    assert "before the first signature (2018-05-07)" in found[3, "entry_into_force"]
    assert "No organization has the name, acronym or id “UNHCR”" in found[4, "parties"]
    assert "“ZZ.NOPE”" in found[5, "thematic_area_ids"]
    assert snapshot(store) == before


# -- references and which record a row is about ----------------------------------------------------------
def test_a_parent_named_on_a_later_row_and_an_ambiguous_acronym(store, tmp_path):
    services.save(store, "organization", builders.organization(name="Ministry A", acronym="MOI"))
    services.save(store, "organization", builders.organization(name="Ministry B", acronym="MOI"))
    path = write(
        tmp_path / "tree.csv",
        "name,kind,parent_id\n"
        "WCO Regional Office for Capacity Building,other,World Customs Organization\n"
        "World Customs Organization,intergovernmental_organization,\n"
        "Border police,national_administration,MOI\n",
    )

    problems = refused(store, path, "organizations")
    assert [(p.row, p.column) for p in problems] == [(4, "parent_id")]
    assert "“MOI” could be any of 2 organizations: write the id" in problems[0].message

    write(path, path.read_text().replace(",MOI\n", ",Ministry B\n"))
    import_spreadsheet(store, path, "organizations")

    found = organizations(store)
    office = found["WCO Regional Office for Capacity Building"]
    assert office["parent_id"] == found["World Customs Organization"]["id"]
    assert found["Border police"]["parent_id"] == found["Ministry B"]["id"]


def test_a_row_updates_the_record_of_the_same_name_and_keeps_fields_without_a_column(
    store, tmp_path
):
    wco = services.save(
        store, "organization", builders.organization(notes="Keep me", website="https://wcoomd.org")
    )
    path = write(
        tmp_path / "update.csv", "name;city;status\nWorld Customs Organization;Bruxelles;dormant\n"
    )

    result = import_spreadsheet(store, path, "organizations")

    assert (result.created, result.updated) == (0, 1) and result.ids == [wco]
    record = services.get_exchange(store, "organization", wco)
    assert (record["city"], record["status"]) == ("Bruxelles", "dormant")
    assert (record["notes"], record["website"], record["name"]) == (
        "Keep me",
        "https://wcoomd.org",
        "World Customs Organization",
    )
    history = services.change_history(store, "organization", wco)
    assert {h.field for h in history if h.operation == "update"} == {"city", "status"}


def test_a_row_given_by_id_updates_that_record_and_two_rows_cannot_share_one(store, tmp_path):
    wco = services.save(store, "organization", builders.organization())
    path = write(
        tmp_path / "ids.csv",
        f"id,name,kind\n{wco},WCO renamed,intergovernmental_organization\n"
        f"{wco},Again,intergovernmental_organization\nnot-an-id,Third,ngo\n",
    )

    problems = refused(store, path, "organizations")

    assert [(p.row, p.column) for p in problems] == [(3, "id"), (4, "id")]
    assert "same organization as row 2" in problems[0].message
    assert "“not-an-id” is not an id" in problems[1].message

    write(path, f"id,name,kind\n{wco},WCO renamed,intergovernmental_organization\n")
    import_spreadsheet(store, path, "organizations")
    assert services.get_exchange(store, "organization", wco)["name"] == "WCO renamed"


def test_two_rows_about_the_same_new_organization_are_refused(store, tmp_path):
    path = write(tmp_path / "twice.csv", "name,kind\nInterpol,other\nINTERPOL,other\n")
    problems = refused(store, path, "organizations")
    assert [(p.row, p.column) for p in problems] == [(3, "name")]


# -- dates written as text ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (["03/04/2026", "01/02/2026"], ["2026-04-03", "2026-02-01"]),  # day first by default
        (["03/04/2026", "12/25/2026"], ["2026-03-04", "2026-12-25"]),  # the file is month-first
        (["4.3.2026", "2026-03-05"], ["2026-03-04", "2026-03-05"]),
        (["4 March 2026", "March 5, 2026"], ["2026-03-04", "2026-03-05"]),
        (["4-Mar-2026", "5 mars 2026"], ["2026-03-04", "2026-03-05"]),
    ],
)
def test_dates_written_as_text(store, tmp_path, cells, expected):
    lines = "".join(f'Activity {i},workshop,"{cell}"\n' for i, cell in enumerate(cells))
    path = write(tmp_path / "dates.csv", "title,kind,start_on\n" + lines)

    import_spreadsheet(store, path, "activities")

    found = {a["title"]: a["start_on"] for a in snapshot(store)["activities"]}
    assert [found[f"Activity {i}"] for i in range(len(cells))] == expected


def test_a_date_that_is_not_one_is_refused_with_its_cell(store, tmp_path):
    path = write(
        tmp_path / "d.csv", "title,kind,start_on\nA,workshop,31/02/2026\nB,workshop,soon\n"
    )
    problems = refused(store, path, "activities")
    assert [(p.row, p.column, p.message) for p in problems] == [
        (2, "start_on", "“31/02/2026” is not a real date."),
        (3, "start_on", "“soon” is not a date: use a date cell, or write it as YYYY-MM-DD."),
    ]


# -- columns and mapping -----------------------------------------------------------------------------------
def test_headers_match_fields_and_labels_without_case_accents_or_punctuation():
    header = ["NAME", "Organisation", "E-mail", "Title / position", "Rôle", "Remarks", "name"]
    assert automatic_mapping("contacts", header) == [
        "name",
        "organization_id",
        "email",
        "title",
        "role",
        None,
        None,  # a second "name" column is left out
    ]
    assert automatic_mapping("organizations", ["Relationship status", "is ours", "Type"]) == [
        "status",
        "is_ours",
        "kind",
    ]


def test_a_mapping_chosen_by_the_officer_is_remembered_for_the_same_header(store, tmp_path):
    header_line = "Partenaire;Sigle;Catégorie;Commentaire\n"
    path = write(tmp_path / "a.csv", header_line + "Interpol;ICPO;other;x\n")
    table = open_table(path)
    assert automatic_mapping("organizations", table.header) == [None, None, None, None]
    chosen = ["name", "acronym", "kind", None]

    importer = SpreadsheetImport(store, "organizations", table, chosen)
    assert importer.ignored_columns() == ["Commentaire"]
    importer.commit()

    other = ["PARTENAIRE", "sigle", "Categorie", "commentaire"]  # the same header, other case
    assert remembered_mapping(store, "organizations", other) == chosen
    assert suggested_mapping(store, "organizations", ["name", "kind"]) == ["name", "kind"]
    next_file = write(tmp_path / "b.csv", header_line + "Europol;EUROPOL;other;\n")
    import_spreadsheet(store, next_file, "organizations")  # no mapping given: remembered
    assert organizations(store)["Europol"]["acronym"] == "EUROPOL"


def test_a_missing_required_column_is_reported_once_for_the_file(store, tmp_path):
    path = write(tmp_path / "nokind.csv", "name,Remarks\nA,x\nB,y\nC,z\n")
    problems = refused(store, path, "organizations")
    assert len(problems) == 1
    assert (problems[0].row, problems[0].column) == (1, "kind")
    assert "no such column, and 3 rows need it; on row 2: Kind is required." in problems[0].message


def test_a_file_whose_columns_match_nothing_is_refused_with_examples(store, tmp_path):
    path = write(tmp_path / "x.csv", "Nom,Pays\nA,BE\n")
    [problem] = refused(store, path, "organizations")
    assert "No column of the file fills a field of organizations" in problem.message
    assert "name, kind" in problem.message


# -- preview, progress and cancel --------------------------------------------------------------------------
def test_preview_shows_the_first_rows_as_they_will_come_in_and_writes_nothing(store, tmp_path):
    before = snapshot(store)
    path = write(tmp_path / "p.csv", PARTNERS, "cp1252")
    importer = SpreadsheetImport(store, "organizations", open_table(path))

    rows = importer.preview(3)

    assert [r.row for r in rows] == [2, 3, 4]
    assert rows[0].values["name"] == "Organisation internationale de la Francophonie"
    assert rows[0].values["kind"] == "intergovernmental_organization"
    assert rows[0].problems == [] and rows[1].problems == []
    assert [(p.row, p.column) for p in rows[2].problems] == [(4, "country")]
    assert [c.key for _i, c in importer.mapped_columns()] == [
        "name",
        "acronym",
        "kind",
        "country",
        "city",
        "notes",
    ]
    assert snapshot(store) == before


def test_progress_reaches_the_end_and_cancel_writes_nothing(store, tmp_path):
    lines = "".join(f"Partner {i};ngo\n" for i in range(300))
    path = write(tmp_path / "many.csv", "name;kind\n" + lines)
    before = snapshot(store)
    seen: list[tuple[int, int]] = []

    def cancel_when_writing() -> bool:
        return bool(seen) and seen[-1][0] > 2 * 300  # during the last step: writing

    importer = SpreadsheetImport(store, "organizations", open_table(path))
    with pytest.raises(Cancelled):
        importer.commit(
            progress=lambda done, total: seen.append((done, total)), cancelled=cancel_when_writing
        )
    assert snapshot(store) == before

    seen.clear()
    importer.commit(progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (900, 900)
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)
    assert len(seen) <= 201  # throttled for a window's progress bar
    assert len(snapshot(store)["organizations"]) == 300


def test_a_large_file_is_checked_fast_and_its_one_bad_row_is_named(store, tmp_path):
    lines = [f"Partner n°{i};P{i};ngo;BE;Bruxelles\r\n" for i in range(10_000)]
    lines[8_765] = "Partner n°8765;P8765;ngo;Belgica;Bruxelles\r\n"  # French names are read
    path = write(
        tmp_path / "big.csv", "name;acronym;kind;country;city\r\n" + "".join(lines), "cp1252"
    )
    before = snapshot(store)

    started = time.perf_counter()
    problems = refused(store, path, "organizations")
    elapsed = time.perf_counter() - started

    assert [(p.row, p.column) for p in problems] == [(8_767, "country")]
    assert "Belgica" in problems[0].message
    assert snapshot(store) == before
    assert elapsed < 20, f"checking 10,000 rows took {elapsed:.1f} s"


# -- malformed files ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("empty.csv", b"", "is empty"),
        ("blank.csv", b"\r\n;;\r\n", "is empty"),
        ("header.csv", b"name;kind\r\n", "has a header but no rows"),
        (
            "quote.csv",
            b'name,kind\n"Interpol,other\nEuropol,other\n',
            "opens on line 2 is never closed",
        ),
        ("binary.csv", bytes(range(256)) * 4, "is not a CSV text file"),
        # An OLE file calamine cannot read: what an encrypted workbook is.
        ("locked.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "password-protected"),
        ("cut.xlsx", None, "cannot be read as an Excel workbook"),
        ("calc.xlsx", None, "cannot be read as an Excel workbook"),  # an .ods without content
    ],
)
def test_malformed_files_are_refused_clearly_with_the_store_unchanged(
    store, tmp_path, name, content, words
):
    path = tmp_path / name
    if name == "cut.xlsx":
        xlsx(tmp_path / "whole.xlsx", [["name", "kind"], ["Interpol", "other"]])
        content = (tmp_path / "whole.xlsx").read_bytes()[:300]
    elif name == "calc.xlsx":
        import zipfile

        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        content = path.read_bytes()
    path.write_bytes(content)
    before = snapshot(store)

    problems = refused(store, path, "organizations")

    assert len(problems) == 1 and problems[0].row == 0
    assert words in problems[0].message and name in problems[0].message
    assert snapshot(store) == before


# -- round trip ------------------------------------------------------------------------------------------------
def test_the_whole_store_exported_to_xlsx_comes_back_into_an_empty_store(
    store, other_store, tmp_path
):
    load_sample(store)
    path = tmp_path / "everything.xlsx"
    write_workbook(store, path)

    for kind in ("organizations", "contacts", "agreements", "activities"):
        import_spreadsheet(other_store, path, kind)

    original, copy = snapshot(store), snapshot(other_store)
    spreadsheet_fields = (
        *("provisions", "commitments", "amendments", "assessments"),
        *("created_at", "updated_at"),
    )
    for key in ("organizations", "contacts", "agreements", "activities"):
        strip = lambda records: [  # noqa: E731
            {k: v for k, v in r.items() if k not in spreadsheet_fields} for r in records
        ]
        assert strip(copy[key]) == strip(original[key]), key


def test_text_an_export_neutralized_comes_back_as_it_was(store, tmp_path):
    path = write(
        tmp_path / "formulas.csv",
        'name,kind,notes\n"\'=SUM(A1:A3)",ngo,"\'+41 22 717 91 11"\n',
    )
    import_spreadsheet(store, path, "organizations")
    [record] = snapshot(store)["organizations"]
    assert (record["name"], record["notes"]) == ("=SUM(A1:A3)", "+41 22 717 91 11")


def test_check_lists_every_problem_without_writing_as_commit_would(store, tmp_path):
    path = write(tmp_path / "p.csv", PARTNERS.replace("academia", "university college"), "cp1252")
    before = snapshot(store)
    importer = SpreadsheetImport(store, "organizations", open_table(path))

    found = importer.check()

    assert [(p.row, p.column) for p in found] == [(4, "country"), (5, "kind")]
    assert snapshot(store) == before
    with pytest.raises(SpreadsheetRefused) as caught:
        importer.commit()
    assert caught.value.rows == found


# -- code pages of other scripts -------------------------------------------------------------------------
IN_OTHER_SCRIPTS = {
    "cp1251": [("Федеральная таможенная служба России", "Москва"), ("Таможенный комитет", "Минск")],
    "koi8_r": [("Федеральная таможенная служба России", "Москва"), ("Таможенный комитет", "Минск")],
    "cp1256": [("الهيئة العامة للجمارك", "الرياض"), ("مركز المنارة لدراسات الحدود", "عمّان")],
    "gb18030": [("中华人民共和国海关总署", "北京"), ("上海海关学院", "上海")],
    "cp932": [("日本税関", "東京"), ("財務省関税局", "東京都千代田区")],
    "cp949": [("대한민국 관세청", "대전"), ("한국관세무역개발원", "서울")],
}


def _partners_in(rows: list[tuple[str, str]]) -> str:
    lines = [
        f"{name};P{i};national_administration;{city}\r\n" for i, (name, city) in enumerate(rows)
    ]
    return "name;acronym;kind;city\r\n" + "".join(lines)


@pytest.mark.parametrize("encoding", sorted(IN_OTHER_SCRIPTS))
def test_a_csv_file_in_the_code_page_of_another_script_is_read_right(store, tmp_path, encoding):
    rows = IN_OTHER_SCRIPTS[encoding]
    path = write(tmp_path / f"{encoding}.csv", _partners_in(rows), encoding)
    table = open_table(path)
    assert table.encoding == encoding
    assert [(cells[0], cells[3]) for _n, cells in table.rows] == rows
    result = import_spreadsheet(store, path, "organization")
    assert result.created == len(rows)
    assert {name for name, _city in rows} <= set(organizations(store))


def test_a_western_file_is_still_read_as_windows_1252(tmp_path):
    text = "name;city\r\nAgence française de développement;Paris\r\nOMM;Genève\r\n"
    table = open_table(write(tmp_path / "fr.csv", text, "cp1252"))
    assert table.encoding == "cp1252"
    assert table.rows[1][1] == ["OMM", "Genève"]


def test_the_encoding_chosen_by_the_officer_is_used_as_told(store, tmp_path):
    rows = IN_OTHER_SCRIPTS["cp1251"]
    path = write(tmp_path / "ru.csv", _partners_in(rows), "cp1251")
    misread = open_table(path, encoding="cp1252")
    assert misread.encoding == "cp1252" and misread.rows[0][1][0] != rows[0][0]
    assert open_table(path, encoding="cp1251").rows[0][1][0] == rows[0][0]
    result = import_spreadsheet(store, path, "organization", encoding="cp1251")
    assert rows[0][0] in organizations(store) and result.created == 2
    with pytest.raises(SpreadsheetRefused, match="no such encoding"):
        open_table(path, encoding="klingon")


# -- OpenDocument and old Excel files (calamine) ---------------------------------------------------------
def _ods(path: Path, rows: list[list[str | float | None]], sheet: str = "organizations") -> Path:
    """A minimal OpenDocument spreadsheet, as LibreOffice writes its parts."""
    import zipfile
    from xml.sax.saxutils import escape

    def cell(value) -> str:
        if value is None:
            return "<table:table-cell/>"
        if isinstance(value, float):
            return f'<table:table-cell office:value-type="float" office:value="{value}"/>'
        return f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'

    body = "".join(
        "<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>" for row in rows
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="{sheet}">{body}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.2"><manifest:file-entry manifest:full-path="/"'
        ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet"
        )
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", manifest)
    return path


def test_an_opendocument_spreadsheet_is_read(store, tmp_path):
    path = _ods(
        tmp_path / "partenaires.ods",
        [
            ["Partenaires tenus dans LibreOffice"],
            [None],
            ["name", "acronym", "kind", "country", "city"],
            ["Université de Lomé", "UL", "academia", "Togo", "Lomé"],
            ["Organisation mondiale des douanes", "OMD", "intergovernmental_organization", "BE"],
        ],
    )
    table = open_table(path, kind="organization")
    assert table.sheets == ["organizations"] and table.header_row == 3
    assert table.header == ["name", "acronym", "kind", "country", "city"]
    assert [n for n, _cells in table.rows] == [4, 5]  # the rows the officer sees
    result = import_spreadsheet(store, path, "organization")
    assert result.created == 2
    assert organizations(store)["Université de Lomé"]["country"] == "TG"


def test_an_opendocument_part_larger_than_the_guard_allows_is_refused(store, tmp_path, monkeypatch):
    from dataclasses import replace

    from db.store import outside

    monkeypatch.setitem(
        outside.BY_KEY, "zip_part_bytes", replace(outside.limit("zip_part_bytes"), value=2_000)
    )
    rows = [["name", "kind"]] + [[f"Partner {i}", "ngo"] for i in range(200)]
    path = _ods(tmp_path / "big.ods", rows)
    before = snapshot(store)
    with pytest.raises(FileRefused, match="big.ods, part content.xml"):
        import_spreadsheet(store, path, "organization")
    assert snapshot(store) == before


def test_an_old_excel_file_is_read(store):
    path = Path(__file__).parents[1] / "fixtures" / "partners.xls"
    table = open_table(path, kind="organization")
    assert table.header_row == 3 and table.rows[0][1][:2] == [
        "Федеральная таможенная служба",
        "FCS",
    ]
    result = import_spreadsheet(store, path, "organization")
    assert result.created == 2
    assert organizations(store)["Федеральная таможенная служба"]["city"] == "Москва"
