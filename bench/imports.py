"""Import memory and time against the size of the file, each import in a process of its own.

    python -m bench.imports STORE FILE [KIND]

The child opens a copy of the store, reads its resident memory, imports the file (a spreadsheet
of partners whose last row is bad, so that the whole file is read and checked and the bad row
named; or an exchange file, imported whole), and prints one JSON line: the seconds from the
start of the import to its answer, its peak resident memory (``VmHWM``), the memory it had
before the import, and the answer's first line. The parent writes the files, one per size, and
turns each answer into figures: time, peak memory, and peak memory over the file's size.

The sizes are those of the issue (a 500,000-row CSV file of 17 MB took 34 s and 968 MB before
its bad last row was named; the goal: under 300 MB and under 10 s), and the sizes below the
limit of rows a sheet may hold (100,000, docs/security.md).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench.figures import Figure

ROOT = Path(__file__).resolve().parents[1]
# Rows of partners per size of the benchmark (the header and the bad last row included).
CSV_ROWS = {
    "tiny": (1_000, 5_000),
    "realistic": (10_000, 50_000, 99_999, 500_000),
    "stress": (10_000, 50_000, 99_999, 500_000),
}
TARGET_MB, TARGET_S = 300, 10


def _memory_mb(field: str) -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024
    import resource  # not Linux: the peak of the whole process only

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def _child(store_path: str, file_path: str, kind: str | None) -> None:
    from db.errors import StorageError, ValidationError
    from db.exchange.document import import_file
    from db.exchange.spreadsheets.importing import import_spreadsheet
    from db.records.services import open_store

    with open_store(store_path) as store:
        before = _memory_mb("VmRSS")
        started = time.perf_counter()
        try:
            if kind:
                answer = import_spreadsheet(store, file_path, kind).describe()
            else:
                answer = import_file(store, file_path).describe()
        except (ValidationError, StorageError) as refusal:
            answer = str(refusal).splitlines()[0]
        seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "peak_mb": _memory_mb("VmHWM"), "before_mb": before,
                      "answer": answer}))  # fmt: skip


def write_partners(path: Path, rows: int) -> Path:
    """``rows`` partners, the last one with a country that is not one (the issue's file)."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("name,kind,country\n")
        fh.writelines(f"Partner organization {i:06d},ngo,BE\n" for i in range(rows - 1))
        fh.write("Partner organization last,ngo,XX\n")
    return path


def measure_one(empty_store: Path, folder: Path, source: Path, kind: str | None) -> dict:
    store = folder / "import-memory.sqlite"
    shutil.copyfile(empty_store, store)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "bench.imports", str(store), str(source), *([kind] if kind else [])],
            capture_output=True, text=True, cwd=ROOT, timeout=3600,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )  # fmt: skip
        if done.returncode != 0:
            raise RuntimeError(f"the import of {source.name} failed:\n{done.stderr}")
        return json.loads(done.stdout.strip().splitlines()[-1])
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{store}{suffix}").unlink(missing_ok=True)


def measure_imports(size_name: str, folder: Path, empty_store: Path, exchange_file: Path | None = None) -> list[Figure]:  # fmt: skip
    """For each size: the time to the answer, the peak memory, and the peak over the file's size;
    for ``exchange_file`` (an export of the benchmark's store), the same."""
    figures: list[Figure] = []
    for rows in CSV_ROWS[size_name]:
        source = write_partners(folder / f"partners-{rows}.csv", rows)
        mb = source.stat().st_size / 1024 / 1024
        found = measure_one(empty_store, folder, source, "organizations")
        source.unlink()
        what = f"CSV import, {rows:,} rows ({mb:.1f} MB), bad last row"
        note = f"{found['answer'][:140]}"
        figures += _figures(what, found, mb, note)
    if exchange_file is not None and exchange_file.exists():
        mb = exchange_file.stat().st_size / 1024 / 1024
        found = measure_one(empty_store, folder, exchange_file, None)
        figures += _figures(f"exchange file import, whole store ({mb:.0f} MB)", found, mb,
                            found["answer"][:140], time_target=False)  # fmt: skip
    return figures


def _figures(what: str, found: dict, mb: float, note: str, *, time_target: bool = True) -> list[Figure]:  # fmt: skip
    seconds, peak, before = found["seconds"], found["peak_mb"], found["before_mb"]
    grown = max(peak - before, 0.0)
    return [
        Figure(f"{what}: time to the answer", round(seconds, 2), "s", None, None,
               f"≤ {TARGET_S} s" if time_target else "— (measured)",
               seconds <= TARGET_S if time_target else None, note),
        Figure(f"{what}: peak memory (RSS)", round(peak, 1), "MB", round(before, 1), None,
               f"≤ {TARGET_MB} MB", peak <= TARGET_MB,
               f"{before:.0f} MB before the import; the import added {grown:.0f} MB, "
               f"{grown / mb if mb else 0:.1f}× the file's size"),
    ]  # fmt: skip


if __name__ == "__main__":
    _child(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
