"""Spreadsheets officers keep, in and out: CSV and XLSX, without Qt.

- reading: a .csv or .xlsx file to a header and rows (encodings, delimiters, date cells);
- columns: which columns each record kind has (headers are the exchange format's field names);
- mapping: which of a file's columns fills which column, automatic or remembered per header;
- registration: an organizer's registration sheet, row by row, into one activity's
  participant list (nothing written: the activity's editor saves it);
- importing: rows to records, checked by the real rules, a report by row and column, then one
  all-or-nothing commit, with progress and cancel;
- exporting: a filtered list to CSV or XLSX, the whole store to one workbook, formulas
  neutralized (``safe_cell``).

See docs/spreadsheets.md for the conventions.
"""

from db.exchange.spreadsheets.exporting import (
    all_ids,
    export_list,
    list_ids,
    safe_cell,
    write_csv,
    write_workbook,
    write_xlsx,
)
from db.exchange.spreadsheets.importing import (
    ImportResult,
    PreviewRow,
    SpreadsheetImport,
    import_spreadsheet,
)
from db.exchange.spreadsheets.mapping import (
    automatic_mapping,
    remember_mapping,
    remembered_mapping,
    suggested_mapping,
)
from db.exchange.spreadsheets.problems import Cancelled, RowProblem, SpreadsheetRefused
from db.exchange.spreadsheets.reading import Table, open_table, sheet_names
from db.exchange.spreadsheets.registration import Registration, RegistrationImport

__all__ = [
    "Cancelled",
    "ImportResult",
    "PreviewRow",
    "Registration",
    "RegistrationImport",
    "RowProblem",
    "SpreadsheetImport",
    "SpreadsheetRefused",
    "Table",
    "all_ids",
    "automatic_mapping",
    "export_list",
    "import_spreadsheet",
    "list_ids",
    "open_table",
    "remember_mapping",
    "remembered_mapping",
    "safe_cell",
    "sheet_names",
    "suggested_mapping",
    "write_csv",
    "write_workbook",
    "write_xlsx",
]
