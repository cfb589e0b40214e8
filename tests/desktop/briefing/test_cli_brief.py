"""`partnerdesk brief` as an officer or a script runs it."""

from __future__ import annotations

import subprocess
import sys

import pytest
from pypdf import PdfReader

from tests.desktop.test_cli import partnerdesk


@pytest.fixture(scope="module")
def store_with_sample(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    db = home / "X.sqlite"
    loaded = partnerdesk("--db", str(db), "sample", home=home)
    assert loaded.returncode == 0, loaded.stderr
    return db, home


def test_brief_writes_the_pdf_and_says_so_in_one_line(store_with_sample, tmp_path):
    db, home = store_with_sample
    out = tmp_path / "b.pdf"
    result = partnerdesk(
        "--db", str(db), "brief", "--partner", "IOM", "--output", str(out), home=home
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines() == [
        f"Briefing on International Organization for Migration (IOM) written to {out} (3 pages)."
    ]
    assert out.read_bytes().startswith(b"%PDF")
    assert len(PdfReader(out).pages) == 3


def test_every_option_on_the_command_line(store_with_sample, tmp_path):
    db, home = store_with_sample
    out = tmp_path / "fr.pdf"
    result = partnerdesk(
        "--db", str(db), "brief",
        "--partner", "international organization for MIGRATION",
        "--consultation", "4bbaf7d1-4796-5630-86d5-cb4f9e460f6e",
        "--from", "2025-01-01", "--to", "2027-12-31",
        "--contacts", "--participants", "--paper", "letter", "--language", "fr",
        "--output", str(out),
        home=home,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    reader = PdfReader(out)
    assert round(float(reader.pages[0].mediabox.width)) == 612
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "Objet de la réunion" in text and "daniel.okafor@example.org" in text


@pytest.mark.parametrize(
    ("partner", "words"),
    [
        ("iom", "International Organization for Migration (IOM)"),
        ("DIRECTION NATIONALE DE LA COORDINATION DES FRONTIERES", "(DNCF)"),  # no accent typed
        ("Zambezi", "(ZCBAF)"),  # a unique part of the name
        ("e5c2be1f-907f-5306-a49e-63de8fdedb39", "(IOM)"),  # the id
    ],
)
def test_a_partner_is_found_by_id_acronym_name_or_part_of_it(
    store_with_sample, tmp_path, partner, words
):
    db, home = store_with_sample
    out = tmp_path / "p.pdf"
    result = partnerdesk(
        "--db", str(db), "brief", "--partner", partner, "--output", str(out), home=home
    )
    assert result.returncode == 0, result.stderr
    assert words in result.stdout


def test_an_unknown_partner_is_refused_with_the_candidates(store_with_sample, tmp_path):
    db, home = store_with_sample
    out = tmp_path / "none.pdf"
    result = partnerdesk(
        "--db", str(db), "brief", "--partner", "UNHCR", "--output", str(out), home=home
    )
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert 'No partner matches "UNHCR"' in result.stderr
    for candidate in (
        "International Organization for Migration (IOM)",
        "International Centre for Migration Policy Development (ICMPD)",
        "Al-Manara Centre for Border Studies (AMCBS)",
    ):
        assert candidate in result.stderr
    assert not out.exists()


def test_an_ambiguous_partner_is_refused_with_the_matching_ones(store_with_sample, tmp_path):
    db, home = store_with_sample
    out = tmp_path / "amb.pdf"
    result = partnerdesk(
        "--db", str(db), "brief", "--partner", "Organization", "--output", str(out), home=home
    )
    assert result.returncode == 1
    assert '"Organization" matches several partners' in result.stderr
    assert "International Organization for Migration (IOM)" in result.stderr
    assert "World Customs Organization (WCO)" in result.stderr
    assert "ICMPD" not in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--from", "2026-13-01"), "--from 2026-13-01: not a date; write it as YYYY-MM-DD"),
        (("--to", "last week"), "--to last week: not a date"),
        (("--from", "2026-06-01", "--to", "2026-01-01"), "is before --from"),
        (("--consultation", "no-such-id"), "No consultation has the id no-such-id."),
    ],
)
def test_bad_options_are_refused_plainly(store_with_sample, tmp_path, args, words):
    db, home = store_with_sample
    out = tmp_path / "bad.pdf"
    result = partnerdesk(
        "--db", str(db), "brief", "--partner", "IOM", *args, "--output", str(out), home=home
    )
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert words in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


def test_the_output_must_be_a_pdf_in_an_existing_folder(store_with_sample, tmp_path):
    db, home = store_with_sample
    wrong = partnerdesk(
        "--db",
        str(db),
        "brief",
        "--partner",
        "IOM",
        "--output",
        str(tmp_path / "b.docx"),
        home=home,
    )
    assert wrong.returncode == 1 and "name a .pdf file" in wrong.stderr
    nowhere = tmp_path / "missing" / "b.pdf"
    missing = partnerdesk(
        "--db", str(db), "brief", "--partner", "IOM", "--output", str(nowhere), home=home
    )
    assert missing.returncode == 1 and "There is no folder" in missing.stderr


def test_brief_does_not_load_qt(store_with_sample, tmp_path):
    db, _ = store_with_sample
    out = tmp_path / "q.pdf"
    code = (
        "import sys; from desktop.cli import main; "
        f"rc = main(['--db', {str(db)!r}, 'brief', '--partner', 'IOM', '--output', {str(out)!r}]); "
        "loaded = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))); "
        "print(rc, loaded)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.stdout.strip().endswith("0 []"), result.stdout + result.stderr
