"""Small helpers for the SQL every layer writes."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")

# Ids per IN (...) list: far below SQLite's limit on bound parameters (32,766 since 3.32, 999
# before), and few enough that the statement stays quick to prepare.
CHUNK = 500


def in_chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    """``items`` cut into slices short enough for one ``IN (...)`` each."""
    for start in range(0, len(items), size):
        yield items[start : start + size]
