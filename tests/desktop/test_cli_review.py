"""`partnerdesk review` as an officer or a script runs it: a PDF or a workbook of the portfolio
review, as of today or a past day, and one plain line for an option it cannot take."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from db.exchange.sample import load_sample
from db.records.services import open_store
from tests.desktop.test_cli import partnerdesk

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def sample_file(empty_store_file, tmp_path_factory):
    path = tmp_path_factory.mktemp("review") / "sample.sqlite"
    shutil.copyfile(empty_store_file, path)
    with open_store(path) as store:
        load_sample(store, today=TODAY)
    return path


@pytest.fixture
def db(sample_file, tmp_path, clock):
    clock.move_to(datetime(2026, 11, 23, 10, 0, tzinfo=UTC))  # for the command too
    target = tmp_path / "store.sqlite"
    shutil.copyfile(sample_file, target)
    return target


def verdicts_in(workbook) -> dict[str, str]:
    sheet = load_workbook(workbook)["Portfolio"]
    return {row[0].value: row[4].value for row in sheet.iter_rows(min_row=2)}


def test_writes_the_pdf_and_the_workbook_and_says_where(db, tmp_path):
    pdf, xlsx = tmp_path / "review.pdf", tmp_path / "review.xlsx"
    result = partnerdesk("--db", str(db), "review", "--output", str(pdf), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        f"Portfolio review as of 2026-11-23 (3 instruments) written to {pdf}."
    )
    text = " ".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "The portfolio as of 23 November 2026" in text and "WCO/IOM/MOU/2018" in text
    result = partnerdesk(
        "--db", str(db), "review", "--output", str(xlsx), "--language", "fr", home=tmp_path
    )
    assert result.returncode == 0, result.stderr
    book = load_workbook(xlsx)
    assert book.sheetnames == ["Portefeuille", "Synthèse"]
    assert book["Portefeuille"].max_row == 4


def test_every_option_of_the_pdf(db, tmp_path):
    pdf = tmp_path / "letter.pdf"
    result = partnerdesk(
        "--db", str(db), "review", "--output", str(pdf), "--language", "fr",
        "--paper", "letter", "--sections", "instruments", "--as-of", "2026-06-30",
        home=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    reader = PdfReader(pdf)
    assert round(float(reader.pages[0].mediabox.width)) == 792
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "Le portefeuille au 30 juin 2026" in text and "Les instruments" in text
    assert "Synthèse" not in text


def test_as_of_a_past_day_changes_a_verdict(db, tmp_path):
    now, then = tmp_path / "now.xlsx", tmp_path / "then.xlsx"
    assert (
        partnerdesk("--db", str(db), "review", "--output", str(now), home=tmp_path).returncode == 0
    )
    result = partnerdesk(
        "--db", str(db), "review", "--output", str(then), "--as-of", "2022-01-01", home=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert "as of 2022-01-01 (2 instruments)" in result.stdout
    assert verdicts_in(now)["WCO/IOM/MOU/2018"] == "Active"
    assert verdicts_in(then)["WCO/IOM/MOU/2018"] == "Quiet"


@pytest.mark.parametrize(
    ("name", "options", "words"),
    [
        ("review.pdf", ["--as-of", "2026-02-30"], "--as-of 2026-02-30: not a date"),
        ("review.docx", [], "--output review.docx: the review is written as a PDF report"),
        ("review.pdf", ["--language", "de"], "--language de: the review is offered in en or fr"),
        ("review.pdf", ["--paper", "a3"], "--paper a3: choose a4 or letter"),
        ("review.pdf", ["--sections", "summary,charts"], "--sections summary,charts: choose"),
    ],
)
def test_an_option_it_cannot_take_exits_2_with_one_line_and_writes_nothing(
    db, tmp_path, name, options, words
):
    out = tmp_path / "out" / name
    out.parent.mkdir()
    result = partnerdesk("--db", str(db), "review", "--output", str(out), *options, home=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert words in result.stderr and "Traceback" not in result.stderr
    assert list(out.parent.iterdir()) == []
