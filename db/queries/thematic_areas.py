"""Facts about the thematic tree that its page needs and that need no window: how an area is
named, which areas lie under one, and what merging it into another would move."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Protocol

from sqlmodel import Session

from db.queries.listing import AreaNode, ListFilter, area_tree, count


class Coded(Protocol):
    """An area as any query gives it (a node of the tree, a row or column of a count)."""

    @property
    def code(self) -> str | None: ...

    @property
    def name(self) -> str: ...


def area_label(area: Coded | None) -> str:
    """An area as officers name it: its code, then its name (the name alone when it has no code)."""
    if area is None:
        return ""
    return f"{area.code} {area.name}" if area.code else area.name


def subtree_ids(nodes: list[AreaNode], area_id: str) -> set[str]:
    """An area and all its sub-areas, from a tree in tree order (as ``area_tree`` gives it)."""
    children: dict[str | None, list[str]] = {}
    for node in nodes:
        children.setdefault(node.parent_id, []).append(node.id)
    found, todo = set(), [area_id]
    while todo:
        current = todo.pop()
        if current in found:
            continue
        found.add(current)
        todo += children.get(current, [])
    return found


@dataclass(frozen=True)
class MergeEffects:
    """What merging an area into another would move, counted before the officer confirms."""

    agreements: int  # filed under the area or one of its sub-areas, archived ones included
    consultations: int
    activities: int
    sub_areas: int  # its direct sub-areas, which move under the other area


def merge_effects(session: Session, source_id: str, today: date) -> MergeEffects:
    """What a merge of ``source_id`` into another area would move, in one reading."""

    def filed(kind: str) -> int:
        # Archived records are moved too, so they are counted.
        base = ListFilter(thematic_area_id=source_id)
        return sum(
            count(session, kind, base.with_(archived=archived), today) for archived in (False, True)
        )

    everything = area_tree(session, include_archived=True)
    return MergeEffects(
        agreements=filed("agreement"),
        consultations=filed("consultation"),
        activities=filed("activity"),
        sub_areas=sum(1 for n in everything if n.parent_id == source_id),
    )
