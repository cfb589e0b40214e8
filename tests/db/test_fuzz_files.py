"""Fuzzing as a habit (LibreOffice's rule for its import filters: a crash on any input is a bug).

Valid files of every format that comes from outside — an exchange file, a CSV file, a workbook,
a sync bundle, a store file — are changed as a damaged disk or an attacker would change them (bits flipped, cut
short, pieces spliced in, a piece repeated thousands of times; for a workbook, also a part's XML
changed inside a sound zip), then imported, or opened. Two outcomes only are allowed:

- an import that obeys the rules (every record stored passes every field check and every rule,
  and ``check`` finds the store healthy), or a clean refusal with PartnerDesk's own error
  (ValidationError, StorageError) and the store exactly as it was — never another exception;
- a store file that opens into a store ``check`` finds healthy, or is refused as damaged, too new,
  or not a store (DamagedStoreError, StoreTooNewError, StorageError).

The normal test suite runs a short round of each (reproducible, a few seconds); ``scripts/fuzz``
runs a long one with fresh examples each time (PARTNERDESK_FUZZ_EXAMPLES).
"""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from db.errors import StorageError, ValidationError
from db.exchange.bundles import sync_in, write_bundle
from db.exchange.document import export_document, import_file, to_json
from db.exchange.sample import load_sample
from db.exchange.spreadsheets import exporting, import_spreadsheet
from db.records import rules, shape
from db.records.maintenance import check_store
from db.records.services import open_store
from db.schema.kinds import KINDS
from db.store.engine import Store

LONG = "PARTNERDESK_FUZZ_EXAMPLES" in os.environ
# A mutated file is cut here: in the long round, large enough to reach the limits that matter;
# in the normal suite, small enough that each example takes a moment.
MOST = (4 if LONG else 0.25) * 1024 * 1024


def fuzzing(examples: int) -> settings:
    """``examples`` reproducible examples in the normal suite; with PARTNERDESK_FUZZ_EXAMPLES
    (scripts/fuzz), that many fresh ones."""
    return settings(
        max_examples=int(os.environ.get("PARTNERDESK_FUZZ_EXAMPLES", examples)),
        deadline=None,
        derandomize=not LONG,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# -- mutations --------------------------------------------------------------------------------------
def _at(draw, low: int, high: int) -> int:
    """A place between ``low`` and ``high``: Hypothesis's choice (it favours the edges, which
    it shrinks to), or a place drawn evenly (most of a file is far from its edges)."""
    if draw(st.booleans()):
        return draw(st.integers(low, high))
    return draw(st.randoms(use_true_random=False)).randint(low, high)


@st.composite
def mutated(draw, original: bytes) -> bytes:
    """``original`` changed one to three times: a bit flipped, cut short, a piece of it spliced
    in elsewhere, a piece repeated up to 100,000 times, bytes put in or taken out."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 3))):
        size = len(data)
        how = draw(
            st.sampled_from(["flip", "flip", "flip", "cut", "splice", "repeat", "insert", "delete"])
        )
        if how == "cut":
            del data[_at(draw, 0, size) :]
        elif how == "insert":
            at = _at(draw, 0, size)
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif not size:
            continue
        elif how == "flip":
            data[_at(draw, 0, size - 1)] ^= 1 << draw(st.integers(0, 7))
        elif how == "splice":
            start = _at(draw, 0, size - 1)
            piece = data[start : draw(st.integers(start + 1, min(size, start + 4096)))]
            at = _at(draw, 0, size)
            data[at:at] = piece
        elif how == "repeat":
            start = _at(draw, 0, size - 1)
            piece = bytes(data[start : draw(st.integers(start + 1, min(size, start + 64)))])
            data[start:start] = (piece * draw(st.integers(2, 100_000)))[: int(MOST)]
        else:  # delete
            start = _at(draw, 0, size - 1)
            del data[start : draw(st.integers(start + 1, min(size, start + 4096)))]
    return bytes(data[: int(MOST)])


@st.composite
def mutated_workbook(draw, original: bytes) -> bytes:
    """The zip's own bytes changed, or one part's XML changed inside a sound zip."""
    if draw(st.booleans()):
        return draw(mutated(original))
    with zipfile.ZipFile(io.BytesIO(original)) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    name = draw(st.sampled_from(sorted(parts)))
    parts[name] = draw(mutated(parts[name]))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for part, data in parts.items():
            target.writestr(part, data)
    return out.getvalue()


# -- stores -----------------------------------------------------------------------------------------
def everything(store: Store) -> dict[str, list[str]]:
    """Every row of every table, to tell whether anything was written."""
    conn = store.raw_connection()
    try:
        names = [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {n: sorted(map(repr, conn.execute(f'SELECT * FROM "{n}"'))) for n in names}
    finally:
        conn.close()


def assert_rules_hold(store: Store) -> None:
    """Every record stored passes its fields' checks and every rule, and ``check`` is content."""
    with store.reading() as session:
        lookup = rules.StoreLookup(session)
        for kind in KINDS:
            for values in shape.read_many(session, kind):
                _again, problems = shape.parse(kind, shape.dump(kind, values))
                assert not problems, problems
                assert not rules.check(kind, values, lookup), values["id"]
    report = check_store(store)
    assert report.ok, report.problems


@pytest.fixture(scope="module")
def sample_store_file(empty_store_file, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "sample.sqlite"
    shutil.copyfile(empty_store_file, path)
    with open_store(path) as store:
        load_sample(store)
    return path


@pytest.fixture(scope="module")
def originals(sample_store_file, tmp_path_factory) -> dict[str, bytes]:
    """The valid files every mutation starts from, exported from the sample store."""
    folder = tmp_path_factory.mktemp("originals")
    with open_store(sample_store_file) as store:
        found = {"json": to_json(export_document(store)).encode("utf-8")}
        with store.reading() as session:
            organizations = exporting.all_ids(session, "organizations")
            agreements = exporting.all_ids(session, "agreements")
        exporting.write_csv(store, "organizations", organizations, folder / "o.csv")
        exporting.write_csv(store, "agreements", agreements, folder / "a.csv")
        exporting.write_xlsx(store, "organizations", organizations, folder / "o.xlsx")
        write_bundle(store, folder / "sample.pdsync")
    found["organizations.csv"] = (folder / "o.csv").read_bytes()
    found["agreements.csv"] = (folder / "a.csv").read_bytes()
    found["organizations.xlsx"] = (folder / "o.xlsx").read_bytes()
    found["bundle"] = (folder / "sample.pdsync").read_bytes()
    found["store"] = sample_store_file.read_bytes()
    return found


@contextmanager
def a_store(sample_store_file: Path, folder: Path) -> Iterator[Store]:
    path = folder / "store.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(sample_store_file, path)
    store = open_store(path)
    try:
        yield store
    finally:
        store.close()


def outcome(store: Store, bring_in: Callable[[], Any]) -> str:
    """ "imported" (and the rules hold) or "refused" (and nothing was written)."""
    before = everything(store)
    try:
        bring_in()
    except (ValidationError, StorageError) as refusal:
        assert everything(store) == before, "a refused file must change nothing"
        event(f"refused: {type(refusal).__name__}")
        return "refused"
    assert_rules_hold(store)
    event("imported")
    return "imported"


# -- the formats ------------------------------------------------------------------------------------
@fuzzing(25)
@given(data=st.data())
def test_a_mutated_exchange_file_is_imported_within_the_rules_or_refused_cleanly(
    sample_store_file, originals, tmp_path_factory, data
):
    content = data.draw(mutated(originals["json"]), label="content")
    folder = tmp_path_factory.mktemp("fuzz-json", numbered=True)
    path = folder / "partners.json"
    path.write_bytes(content)
    with a_store(sample_store_file, folder) as store:
        outcome(store, lambda: import_file(store, path))


@fuzzing(25)
@given(data=st.data())
def test_a_mutated_csv_file_is_imported_within_the_rules_or_refused_cleanly(
    sample_store_file, originals, tmp_path_factory, data
):
    kind = data.draw(st.sampled_from(["organizations", "agreements"]), label="kind")
    content = data.draw(mutated(originals[f"{kind}.csv"]), label="content")
    folder = tmp_path_factory.mktemp("fuzz-csv", numbered=True)
    path = folder / f"{kind}.csv"
    path.write_bytes(content)
    with a_store(sample_store_file, folder) as store:
        outcome(store, lambda: import_spreadsheet(store, path, kind))


@fuzzing(25)
@given(data=st.data())
def test_a_mutated_workbook_is_imported_within_the_rules_or_refused_cleanly(
    sample_store_file, originals, tmp_path_factory, data
):
    content = data.draw(mutated_workbook(originals["organizations.xlsx"]), label="content")
    folder = tmp_path_factory.mktemp("fuzz-xlsx", numbered=True)
    path = folder / "organizations.xlsx"
    path.write_bytes(content)
    with a_store(sample_store_file, folder) as store:
        outcome(store, lambda: import_spreadsheet(store, path, "organizations"))


@fuzzing(25)
@given(data=st.data())
def test_a_mutated_sync_bundle_is_merged_within_the_rules_or_refused_cleanly(
    empty_store_file, originals, tmp_path_factory, data
):
    content = data.draw(mutated_workbook(originals["bundle"]), label="content")
    folder = tmp_path_factory.mktemp("fuzz-bundle", numbered=True)
    path = folder / "sample.pdsync"
    path.write_bytes(content)
    with a_store(empty_store_file, folder) as store:
        outcome(store, lambda: sync_in(store, path))


@fuzzing(25)
@given(data=st.data())
def test_a_mutated_store_file_opens_healthy_or_is_refused_as_damaged(
    originals, tmp_path_factory, data
):
    from db.errors import DamagedStoreError, StoreTooNewError

    content = data.draw(mutated(originals["store"]), label="content")
    folder = tmp_path_factory.mktemp("fuzz-store", numbered=True)
    path = folder / "store.sqlite"
    path.write_bytes(content)
    try:
        store = open_store(path)
    except (DamagedStoreError, StoreTooNewError, StorageError) as refusal:
        event(f"refused: {type(refusal).__name__}")
        return
    event("opened")
    try:
        report = check_store(store)
        assert report.ok, report.problems
    finally:
        store.close()
