"""A figure of the benchmark beside its floor, its target, and how they are printed and saved."""

from __future__ import annotations

import json
import math
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any


@dataclass
class Figure:
    """``ratio`` is how many times the floor ours takes (for rates: floor rate / our rate), so
    that above 1 is always slower than the floor."""

    name: str
    value: float
    unit: str  # "ms", "s", "records/s", "MB"
    floor: float | None
    ratio: float | None
    target: str  # what the issue asks, in words ("≤ 100 ms and ≤ 3× floor")
    ok: bool | None  # None: the figure has no target
    note: str = ""

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def time_ms(action: Callable[[], Any]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def percentile(samples: list[float], share: float) -> float:
    """The nearest-rank percentile (p95 of 10 samples is the largest but none)."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


def p95(samples: list[float]) -> float:
    return percentile(samples, 0.95)


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def latency(
    name: str,
    ours: list[float],
    floor: list[float],
    *,
    limit_ms: float = 100.0,
    max_ratio: float = 3.0,
    note: str = "",
    share: float = 0.95,
    targeted: bool = True,
) -> Figure:
    """A latency at a percentile (p95 by default) against the same percentile of its floor;
    ``targeted=False`` for a figure no issue set a target for."""
    value, base = percentile(ours, share), percentile(floor, share)
    # No floor at all: the step sent SQLite nothing (the rows were already read).
    ratio = value / base if base >= 0.01 else None
    if not targeted:
        return Figure(name, round(value, 2), "ms", round(base, 2), _round(ratio),
                      "— (measured)", None, note)  # fmt: skip
    ok = value <= limit_ms and (ratio is None or ratio <= max_ratio)
    return Figure(name, round(value, 2), "ms", round(base, 2), _round(ratio),
                  f"≤ {limit_ms:g} ms and ≤ {max_ratio:g}× floor", ok, note)  # fmt: skip


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def rounded(value: float | None) -> float | None:
    return _round(value)


def print_table(figures: list[Figure], heading: str = "") -> None:
    if heading:
        print(heading)
    rows = [("figure", "value", "floor", "ratio", "target", "ok")]
    for f in figures:
        rows.append(
            (
                f.name,
                f"{_fmt(f.value)} {f.unit}",
                "—" if f.floor is None else f"{_fmt(f.floor)} {f.unit}",
                "—" if f.ratio is None else f"{f.ratio:.2f}×",
                f.target,
                {True: "yes", False: "NO", None: ""}[f.ok],
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for n, row in enumerate(rows):
        print(
            "  ".join(
                cell.ljust(w) if i in (0, 4, 5) else cell.rjust(w)
                for i, (cell, w) in enumerate(zip(row, widths, strict=True))
            ).rstrip()
        )
        if n == 0:
            print("  ".join("-" * w for w in widths))
    for f in figures:
        if f.note:
            print(f"  {f.name}: {f.note}")


def _fmt(value: float) -> str:
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    if abs(value) >= 100:
        return f"{value:.0f}"
    return f"{value:.2f}" if abs(value) < 10 else f"{value:.1f}"


def write_json(figures: list[Figure], path: Path) -> None:
    path.write_text(
        json.dumps([f.as_json() for f in figures], ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8",
    )


def markdown_table(figures: list[dict[str, Any]]) -> str:
    """The figures of a JSON file as a Markdown table (for docs/benchmarks.md)."""
    lines = ["| figure | value | floor | ratio | target | met |", "|---|---:|---:|---:|---|:-:|"]
    for f in figures:
        floor = "—" if f["floor"] is None else f"{_fmt(f['floor'])} {f['unit']}"
        ratio = "—" if f["ratio"] is None else f"{f['ratio']:.2f}×"
        met = {True: "yes", False: "**no**", None: ""}[f["ok"]]
        lines.append(
            f"| {f['name']} | {_fmt(f['value'])} {f['unit']} | {floor} | {ratio} | "
            f"{f['target']} | {met} |"
        )
    return "\n".join(lines)
