"""A workshop's participant list at an organizer's scale (issue 25): an activity with 2,000
participants opened in its editor, and a 5,000-row registration sheet read, checked, put into
the editor's table and saved with the activity.

The editor is timed from ``open_record`` until the window has painted it (the form, its
participant table and the counts under it), against the plain sqlite3 read of the 2,000 rows;
the sheet from opening the file to the activity saved, against Python's csv module reading the
same file. Both run on a copy of the benchmark's store (its partners, agreements and areas fill
the editor's pickers), so that the workshops they add stay out of the store the other figures
(and a later run with ``--keep``) measure."""

from __future__ import annotations

import csv
import random
import sqlite3
import time
import uuid
from pathlib import Path

from PySide6.QtWidgets import QApplication

from bench.figures import Figure, median, rounded
from bench.stalls import StallWatch, stall_figure, timed
from db.exchange.spreadsheets import RegistrationImport, open_table
from db.records.services import open_store
from desktop.desk import Desk
from desktop.editors.record_editor import RecordEditor

LISTED, SHEET_ROWS = 2_000, 5_000
OPEN_MS, SHEET_MS = 200.0, 2_000.0
COUNTRIES = ("Kenya", "Ouganda", "TZ", "Rwanda", "Éthiopie", "Somalia", "BI", "Soudan du Sud")
SEXES = ("F", "M", "Femme", "Homme", "female", "male", "")
ROLES = ("Participant", "participant", "Speaker", "Expert", "")


def _person(rng: random.Random, i: int) -> dict:
    return {
        "id": str(uuid.uuid4()),
        "name": f"Participant {i:05d} {rng.choice(('Kamau', 'Ochieng', 'Hassan', 'Mukasa'))}",
        "organization_id": None,
        "organization_name": rng.choice(("Kenya Revenue Authority", "Uganda Police", None)),
        "country": rng.choice(("KE", "UG", "TZ", "RW", "ET", "SO")),
        "sex": rng.choice(("woman", "man", "not_recorded")),
        "role": "participant",
        "attended": rng.choice((True, True, False, None)),
        "email": f"participant{i:05d}@example.org",
    }


def _workshop(title: str, participants: list[dict]) -> dict:
    return {
        "id": str(uuid.uuid4()),
        "title": title,
        "kind": "workshop",
        "status": "planned",
        "start_on": "2030-03-02",
        "end_on": "2030-03-04",
        "city": "Nairobi",
        "country": "KE",
        "participants": participants,
    }


def write_registration_sheet(path: Path, rows: int, seed: int = 25) -> Path:
    """An organizer's sheet: first and last names, organizations, countries, sexes and roles
    written as people write them."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as out:
        sheet = csv.writer(out)
        sheet.writerow(["Prénom", "Nom", "Organisation", "Pays", "Sexe", "Rôle", "Présent",
                        "Courriel"])  # fmt: skip
        for i in range(rows):
            sheet.writerow([
                f"Given{i:05d}", f"Family{i:05d}",
                rng.choice(("Kenya Revenue Authority", "Uganda Police", "Ministry of Interior")),
                rng.choice(COUNTRIES), rng.choice(SEXES), rng.choice(ROLES),
                rng.choice(("oui", "non", "")), f"given{i:05d}@example.org",
            ])  # fmt: skip
    return path


def measure_participants(store_path: Path, folder: Path, repeats: int) -> list[Figure]:
    copy = folder / "participants.sqlite"
    with sqlite3.connect(store_path) as source, sqlite3.connect(copy) as target:
        source.backup(target)  # what the write-ahead log holds too
    source.close()
    target.close()
    store = open_store(copy)
    raw = sqlite3.connect(copy)
    try:
        return _measure(Desk(store), raw, folder, repeats)
    finally:
        raw.close()
        store.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{copy}{suffix}").unlink(missing_ok=True)


def _measure(desk: Desk, raw: sqlite3.Connection, folder: Path, repeats: int) -> list[Figure]:
    rng = random.Random(2025)
    app = QApplication.instance()
    editor = RecordEditor(desk, "activity")
    editor.resize(1280, 800)
    editor.show()
    watch = StallWatch()

    # 1. An activity with 2,000 participants, opened in its editor until painted.
    people = [_person(rng, i) for i in range(LISTED)]
    heavy = desk.save("activity", _workshop("Regional workshop, 2,000 participants", people))
    opened: list[float] = []
    checked: list[float] = []
    floor: list[float] = []

    def open_it() -> None:
        editor.open_record(heavy)
        app.processEvents()

    for _ in range(max(3, repeats)):
        start = time.perf_counter()
        opened.append(timed(watch, open_it))
        # The rules run off the GUI thread on so long a list: Save waits for their answer.
        while editor.is_checking:
            app.processEvents()
            time.sleep(0.001)
        checked.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        raw.execute(
            "SELECT * FROM activity_participant WHERE activity_id = ? ORDER BY position", (heavy,)
        ).fetchall()
        floor.append((time.perf_counter() - start) * 1000)
    assert editor.inputs["participants"].model.rowCount() == LISTED
    value, base = median(opened), median(floor)
    figures = [
        Figure(f"an activity with {LISTED:,} participants opens in its editor (median)",
               round(value, 1), "ms", round(base, 2), rounded(value / base if base else None),
               f"≤ {OPEN_MS:g} ms", value <= OPEN_MS,
               f"until painted (its rules checked, Save ready: {median(checked):.0f} ms); "
               "floor: sqlite3 reading its participant rows"),
        stall_figure(f"opening an activity with {LISTED:,} participants", watch),
    ]  # fmt: skip

    # 2. A 5,000-row registration sheet: read and checked, into the table, saved.
    sheet = write_registration_sheet(folder / "registrations.csv", SHEET_ROWS)
    took: list[float] = []
    parts: list[tuple[float, float]] = []
    csv_floor: list[float] = []
    for run in range(max(1, repeats // 3)):
        editor.open_new({"title": f"Workshop from its registration sheet {run}",
                         "kind": "workshop", "status": "planned", "start_on": "2030-05-04"})  # fmt: skip
        start = time.perf_counter()
        registration = RegistrationImport(desk.store, open_table(sheet)).read()
        read_s = time.perf_counter() - start
        editor.add_participants(registration.participants)  # the dialog's Add
        assert editor.save(), editor.problems
        app.processEvents()
        took.append(time.perf_counter() - start)
        parts.append((read_s, took[-1] - read_s))
        start = time.perf_counter()
        with sheet.open(encoding="utf-8", newline="") as source:
            rows = list(csv.reader(source))
        csv_floor.append(time.perf_counter() - start)
    assert len(rows) == SHEET_ROWS + 1 and len(registration.participants) == SHEET_ROWS
    value, base = median(took), median(csv_floor)
    read_s, saved_s = parts[took.index(value)] if value in took else parts[0]
    figures.append(
        Figure(f"a {SHEET_ROWS:,}-row registration sheet checked and imported (median)",
               round(value * 1000), "ms", round(base * 1000, 2),
               rounded(value / base if base else None), f"≤ {SHEET_MS:,.0f} ms",
               value * 1000 <= SHEET_MS,
               f"read and checked {read_s:.2f} s, into the editor and saved {saved_s:.2f} s; "
               "floor: Python's csv module reading the file")
    )  # fmt: skip
    sheet.unlink()
    editor.discard()
    editor.deleteLater()
    return figures
