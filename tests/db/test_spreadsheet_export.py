"""Lists and the whole store out to spreadsheets, read back as Excel or LibreOffice would:
real date cells, a bold frozen header, readable widths, accents, and never a live formula."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from db.exchange.document import export_document
from db.exchange.sample import load_sample
from db.exchange.spreadsheets import (
    Cancelled,
    all_ids,
    export_list,
    list_ids,
    safe_cell,
    write_csv,
    write_workbook,
    write_xlsx,
)
from db.queries.listing import ListFilter
from db.records import services
from tests import builders

TODAY = date(2026, 11, 23)
DANGEROUS = ["=", "+", "-", "@", "\t", "\r"]


def sheet_rows(path: Path, title: str | None = None) -> list[dict]:
    """The rows by field name: row 1 holds the officer's labels, row 2 the field names."""
    workbook = load_workbook(path)
    sheet = workbook[title] if title else workbook.active
    header = [c.value for c in sheet[2]]
    return [
        dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=3, values_only=True)
    ]


def csv_rows(path: Path) -> list[dict]:
    text = path.read_bytes().decode("utf-8-sig")
    lines = io.StringIO(text, newline="")
    next(csv.reader(lines))  # the officer's labels
    return list(csv.DictReader(lines))


def agreements(store) -> dict[str, str]:
    parties = builders.two_parties(store)
    made = {}
    for name, fields in {
        "in force": {"status": "in_force", "reference": "WCO/IOM/MOU/2018"},
        "draft": {"status": "draft", "reference": "DRAFT/1", "entry_into_force": None},
        "expired": {"status": "in_force", "reference": "OLD/1", "expires_on": "2020-12-31"},
    }.items():
        title = f"Memorandum of Understanding on coordinated border management ({name})"
        made[name] = services.save(
            store, "agreement", builders.agreement(parties, title=title, **fields)
        )
    return made


# -- the filtered list ---------------------------------------------------------------------------------
def test_agreements_in_force_go_out_to_xlsx_with_real_dates(store, tmp_path):
    made = agreements(store)
    ids = list_ids(store, "agreement", ListFilter(status="in_force"), today=TODAY)
    assert ids == [made["in force"]]  # the expired one is not in force any more

    path = tmp_path / "in force.xlsx"
    assert write_xlsx(store, "agreement", ids, path) == 1

    workbook = load_workbook(path)
    sheet = workbook.active
    assert sheet.title == "agreements" and sheet.max_row == 3
    header = [c.value for c in sheet[2]]
    cell = sheet.cell(row=3, column=header.index("entry_into_force") + 1)
    assert cell.is_date and cell.value == datetime(2018, 5, 8)
    assert cell.number_format == "yyyy-mm-dd"
    [row] = sheet_rows(path)
    assert row["reference"] == "WCO/IOM/MOU/2018" and row["status"] == "In force"
    assert row["parties"] == "International Organization for Migration; World Customs Organization"
    assert row["signed_on"] == "2018-05-07; 2018-05-08"
    assert row["notice_months"] == 6 and row["id"] == made["in force"]


def test_the_header_is_bold_frozen_filtered_and_columns_are_readably_wide(store, tmp_path):
    agreements(store)
    path = tmp_path / "all.xlsx"
    with store.reading() as session:
        write_xlsx(store, "agreement", all_ids(session, "agreement"), path)

    sheet = load_workbook(path).active
    assert all(c.font.b for c in sheet[1])
    assert [c.value for c in sheet[1]][:4] == ["Reference code", "Title", "Kind", "Status"]
    assert [c.value for c in sheet[2]][:4] == ["reference", "title", "kind", "status"]
    assert sheet.freeze_panes == "A3"
    assert sheet.auto_filter.ref == "A2:T5"
    widths = {
        sheet.cell(row=2, column=i).value: sheet.column_dimensions[letter].width
        for i, letter in enumerate("ABCDEFGHIJKLMNOPQRST", start=1)
    }
    assert all(8 <= w <= 60 for w in widths.values())
    assert widths["title"] == 60  # 80 characters of title, capped
    assert 12 <= widths["entry_into_force"] < 30
    assert widths["id"] >= 36  # a whole UUID shows


def test_a_list_to_csv_has_a_byte_order_mark_commas_windows_lines_and_iso_dates(store, tmp_path):
    org = services.save(
        store,
        "organization",
        builders.organization(name="Organisation mondiale des douanes", city="Genève, CH"),
    )
    services.save(
        store,
        "contact",
        {
            "name": "Élodie Marchand",
            "organization_id": org,
            "active_from": "2021-09-01",
            "languages": ["fr", "en"],
        },
    )
    path = tmp_path / "contacts.CSV"

    with store.reading() as session:
        assert export_list(store, "contacts", all_ids(session, "contact"), path) == 1

    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == 3 and b"\n" not in data.replace(b"\r\n", b"")
    [row] = csv_rows(path)
    assert row["name"] == "Élodie Marchand"
    assert row["organization_id"] == "Organisation mondiale des douanes"
    assert row["active_from"] == "2021-09-01" and row["languages"] == "en; fr"
    with store.reading() as session:
        write_csv(store, "organization", all_ids(session, "organization"), tmp_path / "o.csv")
    assert csv_rows(tmp_path / "o.csv")[0]["city"] == "Genève, CH"  # quoted, not split


def test_a_list_goes_to_csv_or_xlsx_only():
    with pytest.raises(ValueError):
        export_list(None, "organization", [], "list.txt")


# -- formulas are never run ------------------------------------------------------------------------------------
@pytest.mark.parametrize("first", DANGEROUS)
def test_safe_cell_neutralizes_each_dangerous_first_character(first):
    value = f'{first}HYPERLINK("http://example.org","click")'
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize(
    "value",
    ["World Customs Organization", "", "'quoted", " =late", 42, -5, "+41 22 717 91 11", "-12.5"],
)
def test_safe_cell_leaves_other_values_alone(value):
    assert safe_cell(value) == value


@pytest.mark.parametrize("first", DANGEROUS)
def test_formula_like_text_comes_out_as_text_in_csv_and_xlsx(store, tmp_path, first):
    formula = f'{first}HYPERLINK("http://evil.example","Click")'
    org = services.save(
        store,
        "organization",
        builders.organization(name=f"{first}cmd|' /C calc'!A0", notes=formula, city=f"{first}1+1"),
    )
    services.save(store, "contact", {"name": "X", "organization_id": org, "phone": "+41 22"})

    with store.reading() as session:
        ids = all_ids(session, "organization")
    write_csv(store, "organization", ids, tmp_path / "o.csv")
    write_xlsx(store, "organization", ids, tmp_path / "o.xlsx")
    write_workbook(store, tmp_path / "all.xlsx")

    [row] = csv_rows(tmp_path / "o.csv")
    assert row["notes"] == "'" + formula
    assert row["name"] == f"'{first}cmd|' /C calc'!A0" and row["city"] == f"'{first}1+1"
    for path in (tmp_path / "o.xlsx", tmp_path / "all.xlsx"):
        workbook = load_workbook(path)
        cells = [c for sheet in workbook for row in sheet.iter_rows() for c in row]
        assert not [c.coordinate for c in cells if c.data_type == "f"]  # no formula anywhere
        # A workbook holds the text as typed, in a string cell with the quote-prefix style.
        [row] = sheet_rows(path, "organizations")
        assert row["notes"] == formula.replace("\r", "\n")  # XML reads CR as LF
        assert all(c.quotePrefix for c in cells if str(c.value).startswith(tuple(DANGEROUS)))
    [contact] = sheet_rows(tmp_path / "all.xlsx", "contacts")
    assert contact["phone"] == "+41 22"
    # A reference is the organization's name, trimmed, as typed.
    assert contact["organization_id"] == f"{first}cmd|' /C calc'!A0".strip()


def test_workbook_text_that_starts_like_a_formula_shows_no_apostrophe(store, tmp_path):
    org = services.save(
        store,
        "organization",
        builders.organization(name="- item", notes="=SUM(A1:A3)", city="@home"),
    )
    services.save(
        store, "contact", {"name": "X", "organization_id": org, "phone": "+41 22 717 91 11 ext. 5"}
    )
    write_workbook(store, tmp_path / "all.xlsx")
    workbook = load_workbook(tmp_path / "all.xlsx")
    shown = {
        c.value: c
        for sheet in workbook
        for row in sheet.iter_rows(min_row=3)
        for c in row
        if isinstance(c.value, str)
    }
    for text in ("- item", "=SUM(A1:A3)", "@home", "+41 22 717 91 11 ext. 5"):
        cell = shown[text]  # as typed: no apostrophe in what the officer sees or copies
        assert cell.data_type == "s" and cell.quotePrefix, text
    assert not [v for v in shown if v.startswith("'")]
    assert not shown["X"].quotePrefix  # ordinary text is left alone
    # CSV has no cell types: it keeps its guard.
    with store.reading() as session:
        write_csv(store, "organization", all_ids(session, "organization"), tmp_path / "o.csv")
    [row] = csv_rows(tmp_path / "o.csv")
    assert row["name"] == "'- item" and row["notes"] == "'=SUM(A1:A3)"


# -- the whole store ------------------------------------------------------------------------------------------------
def test_the_whole_store_goes_to_one_workbook_with_a_sheet_per_kind(store, tmp_path):
    load_sample(store)
    doc = export_document(store)
    archived = doc["organizations"][0]
    services.archive(store, "organization", archived["id"])
    path = tmp_path / "store.xlsx"

    counts = write_workbook(store, path)

    workbook = load_workbook(path)
    assert workbook.sheetnames == [
        "organizations",
        "contacts",
        "thematic_areas",
        "agreements",
        "consultations",
        "activities",
        "follow_ups",
    ]
    for key in workbook.sheetnames:
        assert counts[key] == len(doc[key]) == workbook[key].max_row - 2, key
    orgs = {r["id"]: r for r in sheet_rows(path, "organizations")}
    assert orgs[archived["id"]]["archived"] == "yes"
    assert sum(1 for r in orgs.values() if r["archived"] == "yes") == 1
    due = workbook["follow_ups"]["C3"]
    assert workbook["follow_ups"]["C1"].value == "Due date"
    assert workbook["follow_ups"]["C2"].value == "due_on" and due.is_date
    meetings = {r["id"]: r["starts_at"] for r in sheet_rows(path, "consultations")}
    for meeting in doc["consultations"]:
        typed = datetime.fromisoformat(meeting["starts_at"]).replace(tzinfo=None)
        assert meetings[meeting["id"]] == typed  # a date-and-time cell, in local time
    assert workbook["consultations"]["C3"].number_format == "yyyy-mm-dd hh:mm"


def test_a_name_shared_by_two_records_is_written_as_the_id(store, tmp_path):
    belgium = services.save(
        store,
        "organization",
        builders.organization(name="Ministry of the Interior", acronym="", country="BE"),
    )
    services.save(
        store,
        "organization",
        builders.organization(name="Ministry of the Interior", acronym="", country="FR"),
    )
    unique = services.save(store, "organization", builders.organization(name="Europol", acronym=""))
    services.save(store, "contact", {"name": "A", "organization_id": belgium})
    services.save(store, "contact", {"name": "B", "organization_id": unique})

    with store.reading() as session:
        write_csv(store, "contact", all_ids(session, "contact"), tmp_path / "c.csv")

    written = {r["name"]: r["organization_id"] for r in csv_rows(tmp_path / "c.csv")}
    assert written == {"A": belgium, "B": "Europol"}


def test_text_a_workbook_cannot_hold_is_cleaned_and_cut_so_that_it_opens(store, tmp_path):
    services.save(
        store,
        "organization",
        builders.organization(notes="Line one\x0bline two\x01", mandate="é" * 40_000),
    )
    path = tmp_path / "o.xlsx"
    with store.reading() as session:
        write_xlsx(store, "organization", all_ids(session, "organization"), path)

    [row] = sheet_rows(path)
    assert row["notes"] == "Line one\nline two"
    assert len(row["mandate"]) == 32_767 and row["mandate"].endswith("…")


def test_a_cancelled_export_writes_no_file(store, tmp_path):
    load_sample(store)
    folder = tmp_path / "exports"
    folder.mkdir()
    path = folder / "cancelled.xlsx"
    with pytest.raises(Cancelled):
        write_workbook(store, path, cancelled=lambda: True)
    assert list(folder.iterdir()) == []

    seen = []
    write_workbook(store, path, progress=lambda done, total: seen.append((done, total)))
    total = sum(len(v) for k, v in export_document(store).items() if isinstance(v, list))
    assert seen[-1] == (total, total)


def test_thematic_areas_are_listed_in_tree_order_without_archived_ones(store):
    ids = list_ids(store, "thematic_areas")
    assert len(ids) > 20
    services.archive(store, "thematic_area", ids[0])
    assert set(list_ids(store, "thematic_areas")) == set(ids[1:])
    assert list_ids(store, "thematic_areas", ListFilter(archived=True)) == [ids[0]]


# -- in the officer's words, and back ------------------------------------------------------------------------
def test_a_sheet_speaks_the_officers_words_and_keeps_the_field_names_for_import(store, tmp_path):
    load_sample(store)
    path = tmp_path / "everything.xlsx"
    write_workbook(store, path)
    workbook = load_workbook(path)
    contacts = workbook["contacts"]
    assert [c.value for c in contacts[1]][:4] == [
        "Organization",
        "Name",
        "Title / position",
        "Role",
    ]
    assert [c.value for c in contacts[2]][:4] == ["organization_id", "name", "title", "role"]
    people = {r["name"]: r for r in sheet_rows(path, "contacts")}
    assert people["Amina Diallo"]["role"] == "Focal point"  # not focal_point
    assert people["Amina Diallo"]["phone"] == "+32 2 000 00 01"  # no apostrophe before it
    follow_ups = sheet_rows(path, "follow_ups")
    doc = export_document(store)
    titles = {c["id"]: c["title"] for c in doc["consultations"]}
    from_meetings = [f for f in doc["follow_ups"] if f["source_kind"] == "consultation"]
    written = {r["id"]: r for r in follow_ups}
    for follow_up in from_meetings:  # the meeting's title, not its id
        row = written[follow_up["id"]]
        assert (row["source_kind"], row["source_id"]) == (
            "Consultation",
            titles[follow_up["source_id"]],
        )


def test_a_sheet_exported_in_french_comes_back_in_an_english_window(store, other_store, tmp_path):
    import db.i18n

    french = {
        ("fields", "Status"): "Statut",
        ("fields", "Kind"): "Type",
        ("choices", "In force"): "En vigueur",
        ("choices", "Memorandum of understanding"): "Mémorandum d'accord",
        ("choices", "Intergovernmental organization"): "Organisation intergouvernementale",
        ("choices", "Joint assessment"): "Évaluation conjointe",
    }
    load_sample(store)
    db.i18n.set_translator(lambda context, text: french.get((context, text), text))
    try:
        path = tmp_path / "tout.xlsx"
        write_workbook(store, path)
        csv_path = tmp_path / "accords.csv"
        with store.reading() as session:
            write_csv(store, "agreement", all_ids(session, "agreement"), csv_path)
    finally:
        db.i18n.set_translator(None)
    sheet = load_workbook(path)["agreements"]
    assert [c.value for c in sheet[1]][2:4] == ["Type", "Statut"]
    assert "En vigueur" in {r["status"] for r in sheet_rows(path, "agreements")}
    from db.exchange.spreadsheets import import_spreadsheet

    for kind in ("organizations", "contacts", "agreements", "activities"):
        import_spreadsheet(other_store, path, kind)
    for key in ("organizations", "agreements"):
        copied = {
            r["id"]: (r.get("kind"), r.get("status")) for r in export_document(other_store)[key]
        }
        original = {r["id"]: (r.get("kind"), r.get("status")) for r in export_document(store)[key]}
        assert copied == original, key
    again = import_spreadsheet(other_store, csv_path, "agreements")
    assert (again.created, again.updated) == (0, 0)
