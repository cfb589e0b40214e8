"""The thematic tree: the default one, built from the areas of cooperation of the reference
instruments, and merging one area into another when officers tidy the tree."""

from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.orm import aliased
from sqlmodel import Session

import resources
from db import clock
from db.errors import Problem, ValidationError
from db.i18n import translate
from db.records import batch, shape
from db.schema.kinds import FILED_UNDER_AREAS, THEMATIC_AREA
from db.schema.models import ThematicArea
from db.store.engine import Store

TREE_FILE = "thematic_areas.json"


def default_tree() -> list[dict]:
    return resources.load_json(TREE_FILE)["thematic_areas"]


def load_default_tree(store: Store) -> None:
    """Loaded once, into a new store, as records of its own (officers may then edit the tree)."""
    proposed, problems = batch.parse(
        ((THEMATIC_AREA, area, area.get("code", "")) for area in default_tree()), id_required=True
    )
    batch.write_batch(store, proposed, problems=problems, who="PartnerDesk")


def ensure_default_tree(store: Store) -> None:
    """Every store has a thematic tree. Not "when the file is new": a crash between the store's
    creation and the tree's commit would leave a store that never gets one. Areas are never
    deleted, only archived, so a store without any has never had its tree."""
    if store.read_only:
        return
    with store.reading() as session:
        if session.execute(select(ThematicArea.id).limit(1)).first() is None:
            load_default_tree(store)


# -- merging two areas ------------------------------------------------------------------------------
def area_and_descendants(area_id: str) -> Select:
    """The ids of an area and of all its sub-areas, at any depth, as a query to use in SQL."""
    tree = (
        select(ThematicArea.id.label("id"))
        .where(ThematicArea.id == area_id)
        .cte("area_and_descendants", recursive=True)
    )
    child = aliased(ThematicArea)
    # UNION (not UNION ALL): stops even if a cycle slipped into the store.
    tree = tree.union(select(child.id).where(child.parent_id == tree.c.id))
    return select(tree.c.id)


def area_and_descendants_ids(session: Session, area_id: str) -> list[str]:
    return list(session.execute(area_and_descendants(area_id)).scalars())


def merge_thematic_areas(store: Store, source_id: str, target_id: str) -> None:
    """Fold one area into another, in one unit of work: the agreements, consultations and
    activities filed under the source are filed under the target, the source's sub-areas move
    under the target, and the source is archived (restoring it brings back an empty area).
    Every moved link and sub-area is recorded in the change history and re-indexed."""
    who = store.officer
    with store.unit_of_work() as session:
        source = session.get(ThematicArea, source_id)
        target = session.get(ThematicArea, target_id)
        problems = _merge_problems(session, source_id, source, target_id, target)
        if problems:
            raise ValidationError(problems)
        proposed: list[batch.Proposed] = []
        for kind in FILED_UNDER_AREAS:
            link = kind.links["thematic_area_ids"]
            owner = getattr(link.table, kind.owner_column)
            owners = select(owner).where(link.table.thematic_area_id == source_id)
            for old in shape.read_many(session, kind, session.execute(owners).scalars()):
                areas = sorted((set(old["thematic_area_ids"]) - {source_id}) | {target_id})
                new = {**old, "thematic_area_ids": areas, "updated_at": None}
                proposed.append(batch.Proposed(kind, new))
        children = select(ThematicArea.id).where(ThematicArea.parent_id == source_id)
        for old in shape.read_many(session, THEMATIC_AREA, session.execute(children).scalars()):
            proposed.append(
                batch.Proposed(THEMATIC_AREA, {**old, "parent_id": target_id, "updated_at": None})
            )
        checked, problems = batch.check(session, proposed)
        if problems:  # moving links and sub-areas breaks no rule; a store that already did
            raise ValidationError(problems)
        now = clock.utc_now()
        batch.write(session, checked, who=who, now=now)
        batch.set_archived(session, THEMATIC_AREA, source_id, True, who=who, now=now)


def _merge_problems(
    session: Session,
    source_id: str,
    source: ThematicArea | None,
    target_id: str,
    target: ThematicArea | None,
) -> list[Problem]:
    problems = []
    for field, area_id, area in (
        ("source_id", source_id, source),
        ("target_id", target_id, target),
    ):
        if area is None:
            problems.append(
                Problem(
                    field,
                    translate("rules", "No thematic area has the id {id}.").format(id=area_id),
                )
            )
        elif area.archived_at is not None:
            problems.append(
                Problem(
                    field,
                    translate(
                        "rules", "The thematic area “{area}” is archived; restore it first."
                    ).format(area=_label(area)),
                )
            )
    if problems:
        return problems
    if source_id == target_id:
        return [
            Problem(
                "target_id", translate("rules", "A thematic area cannot be merged into itself.")
            )
        ]
    if target_id in area_and_descendants_ids(session, source_id):
        return [
            Problem(
                "target_id",
                translate(
                    "rules",
                    "“{area}” cannot be merged into its own sub-area “{sub_area}”: "
                    "choose an area outside it, or move the sub-area out first.",
                ).format(area=_label(source), sub_area=_label(target)),
            )
        ]
    return []


def _label(area: ThematicArea) -> str:
    return THEMATIC_AREA.describe({"code": area.code, "name": area.name})
