"""The benchmark itself, on its tiny size: it builds the store it claims, measures every figure
it promises and writes them as JSON. No timing is asserted here (the machine is shared)."""

from __future__ import annotations

import json
import re
import statistics

import pytest

from bench import data
from bench.lists import LABELS, STEPS
from bench.run import main

FIELDS = {"name", "value", "unit", "floor", "ratio", "target", "ok"}


def test_the_synthetic_records_are_realistic_and_deterministic():
    size = data.SIZES["tiny"]
    first = list(data.records(size))
    assert first == list(data.records(size))  # the same seed gives the same store
    kinds = [kind for kind, _raw in first]
    assert {k: kinds.count(k) for k in size.counts()} == size.counts()
    texts = " ".join(
        str(value) for _kind, raw in first for value in raw.values() if isinstance(value, str)
    )
    assert re.search("[éèçàô]", texts) and re.search("[\u0600-\u06ff]", texts)
    assert re.search("[\u4e00-\u9fff]", texts)
    summaries = [raw["summary"] for kind, raw in first if kind == "agreement"]
    decisions = [raw["decisions"] for kind, raw in first if kind == "consultation"]
    assert statistics.mean(map(len, summaries)) > 250  # a paragraph, not a word
    assert statistics.mean(map(len, decisions)) > 100


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bench")
    target = folder / "figures.json"
    main(["--size", "tiny", "--json", str(target), "--repeats", "1", "--keep", str(folder)])
    return json.loads(target.read_text(encoding="utf-8")), folder


def test_every_promised_figure_is_measured_and_saved_with_its_fields(results):
    figures, _folder = results
    names = [f["name"] for f in figures]
    expected = [
        "cold start to the window shown and idle (median)",
        "peak memory (RSS), store open, largest list scrolled",
        "global search (p50)",
        "global search (p95)",
        "briefing for the heavy partner (median)",
        "export of the whole store",
        "import of the whole store",
        "whole-file check behind the open window",
        "a record's view, on screen (p95)",
        "dashboard, every section on screen (p95)",
        "longest GUI-thread stall: global search, results grouped into the page",
        "longest GUI-thread stall: a record's view",
        "longest GUI-thread stall: dashboard",
        "an activity with 2,000 participants opens in its editor (median)",
        "a 5,000-row registration sheet checked and imported (median)",
        "portfolio review: every agreement assessed (db.queries.portfolio)",
        "Portfolio page: table and summary on screen",
        "longest GUI-thread stall: Portfolio page",
        "portfolio report, PDF written",
        "portfolio report, XLSX written",
    ]
    for kind, (sort_key, words) in STEPS.items():
        for step in ("open", "scroll to end", f"sort by {sort_key}", f"filter “{words}”"):
            expected.append(f"{LABELS[kind]}: {step} (p95)")
        expected.append(f"longest GUI-thread stall: {LABELS[kind]} list, every step")
    assert set(expected) <= set(names)
    for figure in figures:
        assert set(figure) >= FIELDS
        # A stall can be nil on a tiny store; a time or a rate cannot.
        assert figure["value"] > 0 or figure["name"].startswith("longest GUI"), figure["name"]
        assert figure["unit"] in ("ms", "s", "MB", "records/s")
    measured_only = (
        "export of the whole store",
        "portfolio review: every agreement assessed (db.queries.portfolio)",
        "whole-file check behind the open window",
        "a record's view, on screen (p95)",
        "dashboard, every section on screen (p95)",
    )
    with_targets = [
        f
        for f in figures
        if f["name"] in expected
        and f["name"] not in measured_only
        and not f["name"].startswith("longest GUI-thread stall")
    ]
    for figure in with_targets:
        assert figure["floor"] is not None and figure["target"], figure["name"]
        assert isinstance(figure["ok"], bool)
    # The sync bundle's figure names how many records changed (up to 10,000; fewer on a small store)
    # and is judged against the exchange import rate of the same run.
    [sync] = [f for f in figures if f["name"].startswith("sync bundle of ")]
    assert sync["name"].endswith("changed records, written and merged")
    assert sync["floor"] is not None and "exchange import rate" in sync["target"]
    assert isinstance(sync["ok"], bool) and "every record merged by itself" in sync["note"]
    assert sync["note"].startswith("median of 3 rounds (")


def test_the_team_server_is_measured_beside_plain_postgresql(results, postgres_cluster):
    figures, _folder = results
    server = {f["name"]: f for f in figures if f["name"].startswith("team server: ")}
    names = sorted(server)
    assert names[0] == "team server: 20 laptops syncing at once"
    assert names[1] == "team server: a laptop's first sync of the whole store"
    assert names[2].startswith("team server: an incremental sync of ")
    assert names[2].endswith(" changed records") and len(names) == 3
    for figure in server.values():
        assert figure["value"] > 0 and figure["floor"] > 0 and figure["ratio"] > 0


def test_import_memory_and_time_are_measured_against_the_files_size(results):
    figures, _folder = results
    by_name = {f["name"]: f for f in figures}
    for rows in (1_000, 5_000):
        [what] = {
            n.rsplit(":", 1)[0] for n in by_name if n.startswith(f"CSV import, {rows:,} rows")
        }
        time_taken, memory = (
            by_name[f"{what}: time to the answer"],
            by_name[f"{what}: peak memory (RSS)"],
        )
        assert time_taken["unit"] == "s" and memory["unit"] == "MB"
        assert time_taken["value"] > 0 and memory["value"] > memory["floor"] > 0
        assert f"row {rows + 1}, column country" in time_taken["note"], time_taken  # the bad row
        assert "× the file's size" in memory["note"]
        assert isinstance(time_taken["ok"], bool) and isinstance(memory["ok"], bool)
    assert any(n.startswith("exchange file import, whole store (") for n in by_name)


def test_the_store_built_holds_what_the_size_claims(results):
    _figures, folder = results
    import sqlite3

    conn = sqlite3.connect(folder / "tiny.sqlite")
    try:
        counts = {
            kind: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for kind, table in (
                ("organization", "organization"),
                ("contact", "contact"),
                ("agreement", "agreement"),
                ("consultation", "consultation"),
                ("activity", "activity"),
                ("follow_up", "follow_up"),
            )
        }
        indexed = conn.execute("SELECT count(*) FROM search_entry").fetchone()[0]
        history = conn.execute("SELECT count(DISTINCT record_id) FROM change").fetchone()[0]
        heavy = conn.execute(
            "SELECT id FROM organization WHERE name = ?", (data.HEAVY_NAME,)
        ).fetchone()[0]
        heavy_activities = conn.execute(
            "SELECT count(*) FROM activity WHERE lead_organization_id = ?", (heavy,)
        ).fetchone()[0]
    finally:
        conn.close()
    size = data.SIZES["tiny"]
    assert counts == size.counts()
    # Through the services: every record has its search entry and its history.
    assert indexed >= size.total and history >= size.total
    assert 0.03 <= heavy_activities / size.activities <= 0.25  # about a tenth
